/**
 * `cchc campaign appraise`: the council's appraisal workbooks (round 1, round 2, bonus/deduction).
 */
import type { StageId } from '../../../campaign';
import { nextCouncilStage } from '../../../usecases/campaign/campaign';
import { parseArgs } from '../../args';
import type { Command } from '../../command';
import { UserError } from '../../errors';
import { issueAndReport } from './issue';
import { clockOf, open, unitsOf, usageWithDir } from './shared';

export const campaignAppraiseCommand: Command = {
  name: 'campaign appraise',
  summary: 'Lập phiếu thẩm định (lần 1, lần 2, điểm cộng/trừ) cho Hội đồng từ tệp đã nhận',
  usage: usageWithDir(
    'Cách dùng: cchc campaign appraise [--dir THƯ_MỤC] [--stage tham-dinh-1|tham-dinh-2|cong-tru] [--unit MÃ …]',
    '                                  [--without-response]',
    '',
    'Lập phiếu thẩm định từ tệp đã chấp nhận của đơn vị (tự chấm cho lần 1, giải trình cho lần 2, thẩm',
    'định lần 2 cho điểm cộng/trừ): điểm tự chấm, tài liệu và giải trình hiện và bị khóa; chỉ cột thẩm',
    'định của vòng và ý kiến được ghi. Trang _meta mang mã xác thực HMAC-SHA-256 của đợt: phiếu bị sửa',
    '_meta, chép từ đơn vị khác hay giai đoạn khác, hoặc bị sửa điểm tự chấm sẽ bị từ chối khi nhận.',
    'Không có --stage: mỗi đơn vị nhận phiếu của vòng tiếp theo của mình.',
    'Thẩm định lần 2 lập từ phiếu giải trình đơn vị gửi về; đơn vị không gửi giải trình thì lập từ kết',
    'quả thẩm định lần 1 khi đã qua hạn giải trình (hoặc chưa từng phát phiếu giải trình), hoặc ngay khi',
    'Sở chọn --without-response (ghi vào sổ theo dõi).',
  ),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['dir', 'unit', 'stage'], booleans: ['without-response'] });
    const campaign = await open(args.values.dir, io);
    const stage = args.values.stage;
    const withoutResponse = args.flags.has('without-response');
    const now = clockOf().now();
    if (stage !== undefined && !['tham-dinh-1', 'tham-dinh-2', 'cong-tru'].includes(stage))
      throw new UserError(`--stage "${stage}": chỉ nhận tham-dinh-1, tham-dinh-2 hoặc cong-tru.`);
    const { units } = unitsOf(campaign, args.all);
    const plan = new Map<string, StageId>();
    const waiting: string[] = [];
    for (const u of units) {
      const s =
        (stage as StageId | undefined) ?? nextCouncilStage(campaign.register, u, now, { withoutResponse });
      if (s) plan.set(u, s);
      else waiting.push(u);
    }
    if (waiting.length && !stage)
      io.stderr(
        `Chưa có phiếu thẩm định mới cho: ${waiting.join(', ')} (chưa nhận tệp của vòng trước, hoặc đã phát).\n`,
      );
    return issueAndReport(campaign, plan, io, true, withoutResponse);
  },
};
