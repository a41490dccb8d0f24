/**
 * `cchc campaign receive`: returned files recorded in the register (the files themselves untouched).
 */
import { promises as fs } from 'node:fs';
import { relative, resolve } from 'node:path';
import { readerFor, receiveFiles } from '../../../usecases/campaign/campaign';
import { inflateWithZlib } from '../../native-inflate';
import { parseArgs } from '../../args';
import type { Command } from '../../command';
import { collectFiles } from '../../consolidate/collect-workbooks';
import { UserError } from '../../errors';
import { receiptLine } from './receipt-line';
import { DIR_OPTION, EXIT_CODES, clockOf, guard, open, viewOf } from './shared';

export const campaignReceiveCommand: Command = {
  name: 'campaign receive',
  summary: 'Nhận tệp đơn vị / Hội đồng gửi về vào sổ theo dõi (tệp gốc không bị đụng tới)',
  usage: [
    'Cách dùng: cchc campaign receive TỆP_HOẶC_THƯ_MỤC… [--dir THƯ_MỤC] [--json]',
    '',
    'Ghi từng tệp vào sổ theo dõi: SHA-256, tên, thời điểm nhận, giai đoạn, vòng, trạng thái và lý do.',
    'Tệp được chấp nhận được chép vào da-nhan/; tệp gốc không bao giờ bị sửa hay di chuyển. Tệp của',
    'đơn vị có điểm ở cột thẩm định hoặc điểm cộng/trừ bị từ chối cả tệp. Tệp nộp sau hạn được ghi và',
    'đánh dấu "nộp muộn", chờ Sở quyết định (accept-late / refuse-late). Hai tệp hợp lệ của cùng đơn vị',
    'và giai đoạn: tệp có thời gian sửa muộn hơn được dùng. Sổ theo dõi được ghi một lần, nguyên vẹn,',
    'ở cuối (dừng giữa chừng thì sổ cũ còn nguyên).',
    DIR_OPTION,
    '  --json            in kết quả từng tệp dạng JSON',
    '',
    EXIT_CODES,
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['dir'], booleans: ['json'] });
    if (!args.positionals.length) throw new UserError('Cần ít nhất một tệp hoặc thư mục để nhận.');
    const campaign = await open(args.values.dir, io);
    const root = resolve(io.cwd, args.values.dir ?? '.');
    const paths = (await collectFiles(args.positionals, io.cwd, new Set())).filter(
      (p) =>
        !relative(root, p)
          .split(/[\\/]/)[0]
          .match(/^(da-nhan|phat-hanh|ket-qua)$/) || relative(root, p).startsWith('..'),
    );
    const clock = clockOf();
    const files = await Promise.all(
      paths.map(async (p) => {
        const st = await fs.stat(p);
        return {
          name: relative(io.cwd, p) || p,
          size: st.size,
          fileTime: st.mtime.toISOString(),
          bytes: async () => new Uint8Array(await fs.readFile(p)),
        };
      }),
    );
    const json = args.flags.has('json');
    const { receipts } = await guard(
      receiveFiles(campaign, files, {
        clock,
        reader: readerFor(campaign, { inflate: inflateWithZlib }),
        view: viewOf(clock),
        onFile: json ? undefined : (r) => io.stdout(`${receiptLine(r)}\n`),
      }),
    );
    if (json) io.stdout(`${JSON.stringify({ receipts }, null, 2)}\n`);
    else {
      const n = (s: string) => receipts.filter((r) => r.status === s).length;
      io.stdout(
        `\nĐã nhận ${receipts.length} tệp: ${n('accepted')} chấp nhận, ${n('rejected')} từ chối, ${n('late-pending')} nộp muộn chờ quyết định, ${n('duplicate')} trùng, ${n('superseded')} cũ hơn, ${n('unreadable')} không đọc được.\n`,
      );
    }
    return receipts.some((r) => !['accepted', 'duplicate', 'superseded'].includes(r.status)) ? 1 : 0;
  },
};
