/**
 * Kết quả thẩm định Chỉ số CCHC of one unit, from a round of the council (Hội đồng thẩm định):
 * self against appraised score per leaf with the council's comments, the leaves where they
 * differ, what the unit may still explain (giải trình, bổ sung tài liệu) and by which date, and —
 * for the unit's latest round — the criteria where it lost the most points
 * (src/consolidation/points-lost.ts, the same figures as the ranking workbook).
 */
import { formatPoints } from '../common/vi-number';
import type { LostLeaf } from '../consolidation/points-lost';
import type { AppraisalContent } from '../workbook/document-content';
import { body, gridTable, heading, headerBlock, nd30Document, signatureBlock, titleBlock } from './nd30';
import { illustrativeNote, scoreRows, type IssueContext } from './shared';

export interface AppraisalResultOptions {
  /**
   * Round 1: the giải trình deadline as people read it ("hết ngày 09/01/2026"), or null when the
   * campaign set none. Unused for round 2 (its result is final).
   */
  responseDeadline: string | null;
  /** The leaves that lost the most points (the unit's latest round only). */
  lost?: readonly LostLeaf[];
}

export async function appraisalResult(
  c: AppraisalContent,
  ctx: IssueContext,
  options: AppraisalResultOptions,
): Promise<Uint8Array> {
  const year = c.framework.year;
  const roundName = c.round === 1 ? 'thẩm định lần 1' : 'thẩm định lần 2 (sau giải trình)';
  const children = [
    headerBlock({
      parent: ctx.parent,
      issuer: ctx.issuer,
      number: 'Số:        /TB-HĐTĐ',
      placeDate: ctx.placeDate,
    }),
    ...titleBlock(
      'THÔNG BÁO',
      `Kết quả ${roundName} Chỉ số cải cách hành chính năm ${year}`,
      `Đơn vị: ${c.unit.name} (nhóm ${c.groupName})`,
    ),
    ...illustrativeNote(c.framework),
    body(
      `Căn cứ ${c.framework.legalBasis} về ${c.framework.title} và báo cáo tự đánh giá của ${c.unit.name}, Hội đồng thẩm định thông báo kết quả ${roundName} như sau:`,
    ),
    heading('1. Điểm tự đánh giá và điểm thẩm định'),
    body(
      `Tổng điểm tự đánh giá: ${c.total.self}; tổng điểm thẩm định: ${c.total.appraised} (chưa gồm điểm điều tra xã hội học).`,
    ),
    gridTable(
      [
        { title: 'Mã', share: 0.09 },
        { title: 'Lĩnh vực, tiêu chí, tiêu chí thành phần', share: 0.37 },
        { title: 'Điểm tối đa', share: 0.1, align: 'center' },
        { title: 'Tự đánh giá', share: 0.11, align: 'center' },
        { title: 'Thẩm định', share: 0.11, align: 'center' },
        { title: 'Ý kiến thẩm định', share: 0.22 },
      ],
      [
        ...scoreRows(c.rows),
        {
          cells: ['', 'TỔNG CỘNG', c.total.max, c.total.self, c.total.appraised, ''],
          bold: true,
          shade: true,
        },
      ],
    ),
    heading('2. Các tiêu chí có điểm thẩm định khác điểm tự đánh giá'),
    ...(c.differences.length
      ? c.differences.map((d) =>
          body(
            `- Tiêu chí ${d.code} "${d.name}": tự đánh giá ${d.self}, thẩm định ${d.appraised} (tối đa ${d.max}).` +
              (d.comment ? ` Ý kiến: ${d.comment}` : ''),
          ),
        )
      : [body('Điểm thẩm định của mọi tiêu chí bằng điểm tự đánh giá của đơn vị.')]),
    ...(options.lost?.length
      ? [
          heading('3. Tiêu chí mất nhiều điểm nhất'),
          ...options.lost.map((l) =>
            body(
              `- ${l.code} "${l.name}": đạt ${formatPoints(l.score)}/${formatPoints(l.max)}, còn thiếu ${formatPoints(l.lost)} điểm` +
                (l.survey ? ' (điều tra xã hội học).' : '.'),
            ),
          ),
        ]
      : []),
    heading(`${options.lost?.length ? 4 : 3}. Giải trình, bổ sung tài liệu`),
    c.round === 1
      ? body(
          c.differences.length
            ? `Đơn vị được giải trình, bổ sung tài liệu kiểm chứng đối với các tiêu chí tại mục 2 trên phiếu giải trình Sở Nội vụ gửi kèm, gửi về Hội đồng thẩm định ${options.responseDeadline ?? 'theo thời hạn Sở Nội vụ thông báo'}. Quá thời hạn trên, Hội đồng giữ kết quả thẩm định lần 1.`
            : 'Không có tiêu chí cần giải trình.',
        )
      : body(
          'Đây là kết quả thẩm định sau giải trình; kết quả chính thức được công bố theo quyết định của UBND tỉnh.',
        ),
    signatureBlock({
      authority: 'TM. HỘI ĐỒNG THẨM ĐỊNH',
      position: 'CHỦ TỊCH',
      receivers: [`- ${c.unit.name};`, '- Lưu: VT, Sở Nội vụ.'],
    }),
  ];
  return nd30Document({ title: `Kết quả ${roundName} Chỉ số CCHC năm ${year} — ${c.unit.name}`, children });
}
