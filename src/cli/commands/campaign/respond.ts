/**
 * `cchc campaign respond`: round 1's result sent to the units for their explanations.
 */
import { acceptedReceipt, type StageId } from '../../../campaign';
import type { Command } from '../../command';
import { issueAndReport } from './issue';
import { unitsCommand } from './shared';

export const campaignRespondCommand: Command = unitsCommand({
  name: 'campaign respond',
  summary: 'Gửi kết quả thẩm định lần 1 cho đơn vị để giải trình, bổ sung tài liệu',
  help: [
    'Lập phiếu giải trình cho mỗi đơn vị đã có kết quả thẩm định lần 1: mọi điểm hiện và bị khóa, đơn vị',
    'chỉ ghi giải trình và tài liệu bổ sung. Điểm thẩm định trong phiếu gửi về khác sổ theo dõi bị báo',
    'là sửa điểm (giả mạo) và tệp bị từ chối.',
  ],
  async run({ campaign, units, explicit }, io) {
    const plan = new Map<string, StageId>();
    const waiting: string[] = [];
    for (const u of units) {
      const issued = campaign.register.issued.some(
        (i) => i.unit === u && i.stage === 'giai-trinh' && !i.superseded,
      );
      // A plain run goes to the units whose round 1 is in; an explicit --unit is always tried.
      if (!explicit && !acceptedReceipt(campaign.register, u, 'tham-dinh-1')) waiting.push(u);
      else if (explicit || !issued) plan.set(u, 'giai-trinh');
    }
    if (waiting.length) io.stderr(`Chưa có kết quả thẩm định lần 1 để gửi cho: ${waiting.join(', ')}.\n`);
    return issueAndReport(campaign, plan, io, explicit);
  },
});
