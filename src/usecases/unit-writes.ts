/**
 * The stateless commands' side of "who may write what": a unit's own file brings no council score.
 */
import type { FileError } from '../consolidation/types';
import type { Framework } from '../framework/schema';
import { ENTRY_FIELDS } from '../scoring/entry-fields';
import type { Scoresheet } from '../scoring/types';
import { UNIT_FORM, foreignWrites } from '../workbook/forms';
import { META_KEYS } from '../workbook/layout';

/**
 * Who may write what (DESIGN.md): a unit's own workbook never carries the council's scores. Values
 * in its appraisal, comment or bonus/deduction cells reject the whole file — they are not taken
 * "where given" — and a council workbook issued by a campaign counts only inside that campaign,
 * which can verify its authentication code.
 */
export function councilCellsOfUnit(
  fileName: string,
  framework: Framework,
  sheet: Scoresheet,
  meta: Record<string, string>,
): FileError[] {
  const kind = meta[META_KEYS.workbookKind] || 'unit';
  if (kind !== 'unit') {
    return [
      {
        code: '',
        cell: null,
        rule: 'trust.campaignWorkbook',
        message: `"${fileName}" là phiếu ${kind === 'appraisal' ? 'thẩm định' : 'giải trình'} của đợt đánh giá "${meta[META_KEYS.campaignId] ?? ''}": chỉ đợt đánh giá đó kiểm được mã xác thực, hãy nhận tệp bằng cchc campaign receive. Điểm trong tệp không được tính.`,
      },
    ];
  }
  const foreign = foreignWrites(framework, sheet, UNIT_FORM);
  if (!foreign.length) return [];
  return [
    ...foreign.map((w) => ({
      code: w.code,
      cell: sheet.cells?.[w.code]?.[w.field] ?? null,
      rule: 'trust.unitWroteCouncilCell',
      message: `"${fileName}", tiêu chí ${w.code}: ô ${ENTRY_FIELDS[w.field].label} có giá trị trong tệp của đơn vị — đơn vị không được ghi ô này (chỉ Hội đồng thẩm định ghi).`,
    })),
    {
      code: '',
      cell: null,
      rule: 'trust.rejectedWhole',
      message: `"${fileName}" bị từ chối cả tệp: các điểm khác trong tệp cũng không được dùng. Đơn vị gửi lại tệp với các ô thẩm định, điểm cộng/trừ để trống.`,
    },
  ];
}
