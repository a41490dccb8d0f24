/**
 * Báo cáo tự đánh giá, chấm điểm Chỉ số CCHC of one unit (Công văn 383 and 384/BNV-CCHC,
 * 28/01/2021), signed by the unit's head: the summary of self scores per lĩnh vực, tiêu chí and
 * tiêu chí thành phần; the items without evidence or with incomplete evidence, each with its giải
 * trình; the difficulties and recommendations the unit typed below the table of its workbook.
 */
import type { SelfAssessmentContent } from '../workbook/document-content';
import {
  body,
  gridTable,
  heading,
  headerBlock,
  nd30Document,
  signatureBlock,
  titleBlock,
  type GridRow,
} from './nd30';
import { illustrativeNote, scoreRows, type IssueContext } from './shared';

export async function selfAssessmentReport(c: SelfAssessmentContent, ctx: IssueContext): Promise<Uint8Array> {
  const year = c.framework.year;
  const missingRows: GridRow[] = c.missing.map((m, i) => ({
    cells: [
      String(i + 1),
      `${m.code}. ${m.name}`,
      `${m.self} / ${m.max}`,
      m.kind === 'none' ? 'Không có tài liệu kiểm chứng' : `Chưa đầy đủ: ${m.evidence}`,
      m.explanation || '(Đơn vị chưa giải trình)',
    ],
  }));
  const text = (t: string) =>
    t.trim()
      ? t
          .trim()
          .split(/\n+/)
          .map((line) => body(line))
      : [body('Không có.')];
  return nd30Document({
    title: `Báo cáo tự đánh giá Chỉ số CCHC năm ${year} — ${c.unit.name}`,
    children: [
      headerBlock({
        parent: ctx.parent,
        issuer: c.unit.name,
        number: `Số:        /BC-${c.unit.code || '…'}`,
        placeDate: ctx.placeDate,
      }),
      ...titleBlock('BÁO CÁO', `Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${year}`),
      ...illustrativeNote(c.framework),
      body(
        `Thực hiện ${c.framework.legalBasis} về ${c.framework.title}, ${c.unit.name} (nhóm ${c.groupName}) báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${year} như sau:`,
      ),
      heading('1. Kết quả tự đánh giá, chấm điểm'),
      body(
        `Tổng điểm tự đánh giá: ${c.total.self} trên ${c.total.selfMax} điểm của các tiêu chí đơn vị tự chấm` +
          (c.total.surveyMax !== '0'
            ? ` (${c.total.surveyMax} điểm còn lại do điều tra xã hội học, Sở Nội vụ chấm).`
            : '.') +
          ' Chi tiết theo từng lĩnh vực, tiêu chí, tiêu chí thành phần:',
      ),
      gridTable(
        [
          { title: 'Mã', share: 0.1, align: 'left' },
          { title: 'Lĩnh vực, tiêu chí, tiêu chí thành phần', share: 0.58 },
          { title: 'Điểm tối đa', share: 0.14, align: 'center' },
          { title: 'Điểm tự đánh giá', share: 0.18, align: 'center' },
        ],
        [
          ...scoreRows(c.rows),
          { cells: ['', 'TỔNG CỘNG', c.total.max, c.total.self], bold: true, shade: true },
        ],
      ),
      heading('2. Các tiêu chí không có hoặc chưa đủ tài liệu kiểm chứng'),
      ...(missingRows.length
        ? [
            body(
              'Các tiêu chí, tiêu chí thành phần đơn vị tự chấm mà không có tài liệu kiểm chứng, hoặc tài liệu chưa đủ để đạt điểm tối đa, và giải trình của đơn vị:',
            ),
            gridTable(
              [
                { title: 'STT', share: 0.07, align: 'center' },
                { title: 'Tiêu chí', share: 0.33 },
                { title: 'Điểm tự chấm / tối đa', share: 0.13, align: 'center' },
                { title: 'Tài liệu kiểm chứng', share: 0.22 },
                { title: 'Giải trình', share: 0.25 },
              ],
              missingRows,
            ),
          ]
        : [body('Mọi tiêu chí đơn vị tự chấm đều có tài liệu kiểm chứng đầy đủ.')]),
      heading('3. Khó khăn, vướng mắc'),
      ...text(c.texts.difficulties),
      heading('4. Kiến nghị, đề xuất'),
      ...text(c.texts.recommendations),
      body(
        `Trên đây là báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${year} của ${c.unit.name}.`,
      ),
      signatureBlock({
        position: 'THỦ TRƯỞNG ĐƠN VỊ',
        note: '(Ký, ghi rõ họ tên, đóng dấu)',
        receivers: ['- Sở Nội vụ (Hội đồng thẩm định);', '- Lưu: VT.'],
      }),
    ],
  });
}
