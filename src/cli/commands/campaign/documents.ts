/**
 * `cchc campaign documents`: the Word documents (Nghị định 30/2020/NĐ-CP) of the campaign.
 */
import { relative, resolve } from 'node:path';
import {
  APPENDIX_FILE,
  DOCUMENTS_DIR,
  DOCUMENT_DIRS,
  campaignDocuments,
} from '../../../usecases/campaign/documents';
import { parseArgs } from '../../args';
import { writeFileDurably } from '../../campaign/node-folder';
import type { Command } from '../../command';
import { UserError } from '../../errors';
import { DIR_OPTION, clockOf, guard, open } from './shared';

export const campaignDocumentsCommand: Command = {
  name: 'campaign documents',
  summary:
    'Văn bản Word theo Nghị định 30/2020/NĐ-CP: báo cáo tự đánh giá, kết quả thẩm định, phụ lục xếp hạng',
  usage: [
    'Cách dùng: cchc campaign documents [--dir THƯ_MỤC] [-o THƯ_MỤC_RA] [--place TỈNH] [--issuer "CƠ QUAN"]',
    '                                   [--decision "SỐ/QĐ-UBND ngày NGÀY"]',
    '',
    'Ghi các văn bản .docx (A4, Times New Roman, Quốc hiệu, Tiêu ngữ, số/ký hiệu, địa danh và ngày,',
    'chữ ký, nơi nhận, theo Nghị định 30/2020/NĐ-CP) cho mọi đơn vị đã có dữ liệu, từ sổ theo dõi và các',
    'tệp đã nhận của đợt:',
    `  ${DOCUMENT_DIRS.report}/MÃ - Tên.docx     báo cáo tự đánh giá, chấm điểm (từ tệp tự chấm đã chấp nhận:`,
    '      bảng điểm theo lĩnh vực, tiêu chí, tiêu chí thành phần; tiêu chí không có hoặc chưa đủ tài liệu',
    '      kiểm chứng kèm giải trình; khó khăn, vướng mắc và kiến nghị, đề xuất đơn vị ghi dưới bảng điểm);',
    `  ${DOCUMENT_DIRS.round1}/…, ${DOCUMENT_DIRS.round2}/…   kết quả thẩm định của từng vòng đã nhận:`,
    '      điểm tự chấm và điểm thẩm định từng tiêu chí, ý kiến Hội đồng, hạn giải trình; vòng sau cùng kèm',
    '      các tiêu chí mất nhiều điểm nhất;',
    `  ${APPENDIX_FILE}     phụ lục xếp hạng theo nhóm kèm quyết định công bố (như cchc campaign rank).`,
    'Ngày trên văn bản là hôm nay theo giờ Việt Nam. Số văn bản để trống cho văn thư ghi.',
    DIR_OPTION,
    `  -o THƯ_MỤC        nơi ghi (mặc định ${DOCUMENTS_DIR} trong thư mục đợt)`,
    '  --place TỈNH      địa danh của dòng "…, ngày … tháng … năm …" (mặc định: tỉnh của cơ quan ban hành',
    '                    bộ tiêu chí, nếu bộ tiêu chí ghi rõ)',
    '  --issuer TÊN      cơ quan ban hành kết quả thẩm định và phụ lục (mặc định "Sở Nội vụ")',
    '  --decision TEXT   số, ngày quyết định công bố mà phụ lục kèm theo (mặc định để trống)',
    '',
    'Mã thoát: 0 xong; 1 xong nhưng có đơn vị chưa có tệp tự chấm được chấp nhận (không có văn bản);',
    '2 sai cách dùng hoặc không phải thư mục đợt đánh giá; 3 không ghi được tệp.',
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['dir', 'o', 'output', 'place', 'issuer', 'decision'] });
    if (args.positionals.length)
      throw new UserError(`Không nhận đối số "${args.positionals[0]}" (dùng -o THƯ_MỤC).`);
    const campaign = await open(args.values.dir, io);
    const root = resolve(io.cwd, args.values.dir ?? '.');
    const outDir = resolve(
      io.cwd,
      args.values.o ?? args.values.output ?? resolve(root, ...DOCUMENTS_DIR.split('/')),
    );
    const { documents, withoutReturn } = await guard(
      campaignDocuments(campaign, {
        place: args.values.place,
        issuer: args.values.issuer,
        decision: args.values.decision,
        clock: clockOf(),
      }),
    );
    for (const d of documents) {
      const target = resolve(outDir, ...d.path.split('/'));
      try {
        await writeFileDurably(target, d.bytes);
      } catch (e) {
        throw new UserError(`Không ghi được "${relative(io.cwd, target)}": ${(e as Error).message}`, 3);
      }
    }
    const count = (k: string) => documents.filter((d) => d.kind === k).length;
    io.stdout(
      `Đã ghi ${documents.length} văn bản vào ${relative(io.cwd, outDir) || '.'}: ${count('report')} báo cáo tự đánh giá, ` +
        `${count('round1') + count('round2')} kết quả thẩm định (${count('round1')} lần 1, ${count('round2')} lần 2), ` +
        `${count('appendix')} phụ lục xếp hạng.\n`,
    );
    if (withoutReturn.length) {
      io.stderr(
        `Chưa có tệp tự chấm được chấp nhận, không có văn bản: ${withoutReturn.map((u) => `${u.code} (${u.name})`).join(', ')}.\n`,
      );
      return 1;
    }
    return 0;
  },
};
