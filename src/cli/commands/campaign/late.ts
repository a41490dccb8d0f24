/**
 * `cchc campaign accept-late` / `refuse-late`: the Sở's decision on a file returned late.
 */
import { decideLateFile } from '../../../usecases/campaign/campaign';
import { parseArgs } from '../../args';
import type { Command } from '../../command';
import { UserError } from '../../errors';
import { receiptLine } from './receipt-line';
import { clockOf, guard, open, usageWithDir, viewOf } from './shared';

function seqArg(argv: string[], name: string): { seq: number; note: string; dir?: string } {
  const args = parseArgs(argv, { values: ['dir', 'note'] });
  const seq = Number(args.positionals[0]);
  if (args.positionals.length !== 1 || !Number.isInteger(seq) || seq < 1)
    throw new UserError(
      `cchc campaign ${name} cần đúng một SỐ lần nhận (cột "Số" trong sổ theo dõi, hoặc #N khi nhận).`,
    );
  return { seq, note: args.values.note ?? '', dir: args.values.dir };
}

export function lateCommand(accept: boolean): Command {
  const name = accept ? 'accept-late' : 'refuse-late';
  return {
    name: `campaign ${name}`,
    summary: accept
      ? 'Sở chấp nhận một tệp nộp muộn (ghi vào sổ)'
      : 'Sở không chấp nhận một tệp nộp muộn (vẫn giữ trong sổ)',
    usage: usageWithDir(
      `Cách dùng: cchc campaign ${name} SỐ [--note "LÝ DO"] [--dir THƯ_MỤC]`,
      '',
      accept
        ? 'Tệp nộp muộn số SỐ được dùng như mọi tệp đúng hạn; quyết định và lý do ghi vào sổ theo dõi.'
        : 'Tệp nộp muộn số SỐ không được dùng; nó vẫn ở trong sổ theo dõi với quyết định và lý do.',
    ),
    async run(argv, io) {
      const { seq, note, dir } = seqArg(argv, name);
      const campaign = await open(dir, io);
      const clock = clockOf();
      const r = await guard(decideLateFile(campaign, seq, accept, note, { clock, view: viewOf(clock) }));
      io.stdout(`${receiptLine(r)}\n`);
      return 0;
    },
  };
}
