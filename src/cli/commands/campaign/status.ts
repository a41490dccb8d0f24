/**
 * `cchc campaign status`: each unit's stages (issued, received, refused, late, missing).
 */
import { STAGES, statusTable } from '../../../campaign';
import { statusOf } from '../../../usecases/campaign/campaign';
import { parseArgs } from '../../args';
import type { Command } from '../../command';
import { DIR_OPTION, clockOf, open } from './shared';

export const campaignStatusCommand: Command = {
  name: 'campaign status',
  summary: 'Tình trạng đợt đánh giá theo đơn vị và giai đoạn (đã phát, đã nhận, từ chối, muộn, thiếu)',
  usage: [
    'Cách dùng: cchc campaign status [--dir THƯ_MỤC] [--json]',
    '',
    'Mỗi đơn vị, mỗi giai đoạn: đã phát, đã nhận, bị từ chối (kèm lý do), nộp muộn, thiếu (quá hạn).',
    DIR_OPTION,
    '  --json            một tài liệu JSON { campaign, framework, now, units: [ { code, name, group,',
    '                    stages: [ { stage, state, issued, deadline, received, accepted, rejected,',
    '                    late, missing } ] } ], unmatched, pendingLate: [ { seq, unit, unitName,',
    '                    stage, stageName, file, receivedAt, receivedAtText, deadline, deadlineText } ],',
    '                    counts }',
    '',
    'Mã thoát: 0 (kể cả khi có đơn vị thiếu hồ sơ); 2 không phải thư mục đợt đánh giá.',
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['dir'], booleans: ['json'] });
    const campaign = await open(args.values.dir, io);
    const status = statusOf(campaign, clockOf());
    if (args.flags.has('json')) {
      io.stdout(`${JSON.stringify(status, null, 2)}\n`);
      return 0;
    }
    io.stdout(
      `Đợt "${campaign.register.campaign.title}" (${status.campaign}), bộ tiêu chí ${status.framework}\n\n`,
    );
    io.stdout(statusTable(status));
    const problems = status.units.flatMap((u) =>
      u.stages.flatMap((s) =>
        s.rejected.map(
          (r) =>
            `  ${u.code} · ${STAGES[s.stage].name} · #${r.seq} ${r.file}: ${r.reasons[0]?.message ?? r.status}`,
        ),
      ),
    );
    if (problems.length) io.stdout(`\nTệp bị từ chối:\n${problems.join('\n')}\n`);
    if (status.pendingLate.length)
      io.stdout(
        `\nNộp muộn chờ Sở quyết định (cchc campaign accept-late|refuse-late SỐ):\n${status.pendingLate
          .map(
            (p) =>
              `  #${p.seq} ${p.file} · ${p.unit} ${p.unitName} · ${p.stageName} · nhận ${p.receivedAtText}${p.deadlineText ? ` (hạn: ${p.deadlineText})` : ''}`,
          )
          .join('\n')}\n`,
      );
    for (const u of status.unmatched)
      io.stdout(`  #${u.seq} ${u.file}: ${u.reasons[0]?.message ?? u.status}\n`);
    return 0;
  },
};
