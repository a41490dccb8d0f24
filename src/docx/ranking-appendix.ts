/**
 * Phụ lục xếp hạng Chỉ số CCHC to attach to the UBND's decision, in the published style of An
 * Giang's ranking (seed 002): per group a title, "(Kèm theo Quyết định số … của …)", and the table
 * STT | unit | Điểm thẩm định | Điểm điều tra XHH | Chỉ số CCHC, highest first; units assessed but
 * not ranked marked after their group's ranked units. The header row repeats on every page.
 */
import type { AppendixContent } from '../workbook/document-content';
import { body, gridTable, headerBlock, nd30Document, para } from './nd30';
import { illustrativeNote, type IssueContext } from './shared';

export interface AppendixOptions {
  /** "1590/QĐ-UBND ngày 23/5/2017", or blanks for the văn thư to fill in. */
  decision?: string;
  /** Who signs the decision ("Chủ tịch UBND tỉnh"). */
  decisionOf?: string;
}

export async function rankingAppendix(
  c: AppendixContent,
  ctx: IssueContext,
  options: AppendixOptions = {},
): Promise<Uint8Array> {
  const year = c.framework.year;
  const decision = `(Kèm theo Quyết định số ${options.decision ?? '         /QĐ-UBND ngày      /      /'} của ${options.decisionOf ?? 'Chủ tịch UBND tỉnh'})`;
  const children = [
    headerBlock({ parent: ctx.parent, issuer: ctx.issuer, number: '', placeDate: ctx.placeDate }),
    para('Phụ lục', { align: 'center', bold: true, before: 18 }),
    para(`KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year}`, { align: 'center', bold: true }),
    para(decision, { align: 'center', italics: true, after: 6 }),
    ...illustrativeNote(c.framework),
    ...c.groups.flatMap((g, i) => [
      para(g.title, { align: 'center', bold: true, before: i ? 18 : 6, keepNext: true }),
      gridTable(
        [
          { title: 'STT', share: 0.08, align: 'center' },
          { title: g.unitTitle, share: 0.44 },
          { title: 'Điểm thẩm định', share: 0.16, align: 'center' },
          { title: 'Điểm điều tra XHH', share: 0.16, align: 'center' },
          { title: `Chỉ số CCHC ${year}`, share: 0.16, align: 'center' },
        ],
        g.rows.map((r) => ({ cells: [r.stt, r.unit, r.appraisal, r.survey, r.index] })),
      ),
    ]),
    ...(c.notRankedNote ? [body(c.notRankedNote, { italics: true, indent: 0, before: 6 })] : []),
  ];
  return nd30Document({ title: `Phụ lục xếp hạng Chỉ số CCHC năm ${year}`, children });
}
