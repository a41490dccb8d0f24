/**
 * `cchc campaign reopen`: a stage opened again for one unit, recorded in the register.
 */
import { STAGES, isStageId, stageList } from '../../../campaign';
import { reopen } from '../../../usecases/campaign/campaign';
import { parseArgs } from '../../args';
import type { Command } from '../../command';
import { UserError } from '../../errors';
import { clockOf, guard, open, usageWithDir, viewOf } from './shared';

export const campaignReopenCommand: Command = {
  name: 'campaign reopen',
  summary: 'Mở lại một giai đoạn cho một đơn vị (có ghi vào sổ)',
  usage: usageWithDir(
    'Cách dùng: cchc campaign reopen GIAI_ĐOẠN --unit MÃ --reason "LÝ DO" [--until NGÀY] [--dir THƯ_MỤC]',
    '',
    'Cho đơn vị nộp lại tệp của giai đoạn (vd. tu-cham) dù giai đoạn sau đã bắt đầu, với hạn mới --until.',
    'Lý do được ghi vào sổ theo dõi. Sau khi nhận tệp mới, phát lại phiếu của giai đoạn sau (vd. cchc campaign appraise --unit MÃ).',
  ),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['dir', 'unit', 'until', 'reason'] });
    const stage = args.positionals[0];
    if (!stage || !isStageId(stage)) throw new UserError(`Cần GIAI_ĐOẠN, một trong: ${stageList()}.`);
    if (!args.values.unit) throw new UserError('Thiếu --unit MÃ.');
    if (!args.values.reason?.trim())
      throw new UserError('Thiếu --reason "LÝ DO": sổ theo dõi lưu lý do mở lại.');
    const until = args.values.until ?? null;
    if (until !== null && Number.isNaN(Date.parse(until)))
      throw new UserError(`--until "${until}" phải có dạng NĂM-THÁNG-NGÀY.`);
    const campaign = await open(args.values.dir, io);
    const clock = clockOf();
    await guard(
      reopen(campaign, stage, args.values.unit, until, args.values.reason ?? '', {
        clock,
        view: viewOf(clock),
      }),
    );
    io.stdout(
      `Đã mở lại "${STAGES[stage].name}" cho ${args.values.unit}${until ? `, hạn mới ${until}` : ''}.\n`,
    );
    return 0;
  },
};
