/**
 * `cchc campaign issue`, and the issuing every issuing sub-command (issue, appraise, respond)
 * reports the same way: one line per file written, one per unit refused (exit 1).
 */
import { STAGES, type StageId } from '../../../campaign';
import { issueStage, type Campaign } from '../../../usecases/campaign/campaign';
import type { CliIO, Command } from '../../command';
import { clockOf, guard, unitsCommand, viewOf } from './shared';

export async function issueAndReport(
  campaign: Campaign,
  stages: Map<string, StageId>,
  io: CliIO,
  explicit: boolean,
  withoutResponse = false,
): Promise<number> {
  const clock = clockOf();
  const byStage = new Map<StageId, string[]>();
  for (const [unit, stage] of stages) byStage.set(stage, [...(byStage.get(stage) ?? []), unit]);
  let code = 0;
  let count = 0;
  for (const [stage, units] of byStage) {
    const { issued, refused } = await guard(
      issueStage(campaign, stage, {
        units: explicit || stage !== 'tu-cham' ? units : undefined,
        clock,
        view: viewOf(clock),
        withoutResponse,
      }),
    );
    for (const i of issued)
      io.stdout(`  ${STAGES[stage].name}: ${i.unit} → ${campaign.folder.describe(i.file)}\n`);
    for (const r of refused) io.stderr(`  Chưa phát được (${STAGES[stage].name}): ${r.message}\n`);
    count += issued.length;
    if (refused.length) code = 1;
  }
  io.stdout(`Đã phát ${count} tệp.\n`);
  return code;
}

export const campaignIssueCommand: Command = unitsCommand({
  name: 'campaign issue',
  summary: 'Phát mẫu tự chấm cho các đơn vị của đợt (tất cả hoặc một số)',
  help: [
    'Ghi mẫu chấm điểm của từng đơn vị vào phat-hanh/tu-cham/. Các cột thẩm định, ý kiến thẩm định và',
    'điểm cộng/trừ bị khóa và phải để trống: tệp nộp về có giá trị ở đó bị từ chối cả tệp.',
    'Không có --unit: phát cho mọi đơn vị chưa có mẫu; có --unit: phát (lại) cho các đơn vị đó.',
  ],
  run: ({ campaign, units, explicit }, io) =>
    issueAndReport(campaign, new Map(units.map((u) => [u, 'tu-cham' as StageId])), io, explicit),
});
