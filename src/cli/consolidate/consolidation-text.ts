/** The terminal summary of a consolidation: the ranking per group, then every file's status and reasons. */
import type { ConsolidationResult } from '../../consolidation/types';
import { formatVi } from '../../common/vi-number';
import { groupsInOrder, orderInGroup } from '../../workbook/ranking-plan';
import { STATUS_LABEL } from '../../xlsx/ranking-workbook';
import { renderTable } from '../commands/frameworks';

export function consolidationText(result: ConsolidationResult, maxReasons = 5): string {
  const out: string[] = [];
  const framework = result.framework;
  const places = framework?.places ?? 2;
  for (const g of framework ? groupsInOrder(result.units, framework) : []) {
    out.push(`\n${g.name.toLocaleUpperCase('vi')}`);
    const rows = orderInGroup(result.units.filter((u) => u.group === g.id)).map((u) => [
      u.rank === null ? '—' : String(u.rank),
      u.code ?? '',
      u.ranked ? u.unit : `${u.unit} (*)`,
      formatVi(u.appraisal, places),
      formatVi(u.survey, places),
      formatVi(u.index, places),
      u.band ?? '',
      u.previous?.rankChange != null ? `${u.previous.rankChange > 0 ? '+' : ''}${u.previous.rankChange}` : '',
    ]);
    out.push(
      renderTable(
        ['Hạng', 'Mã', 'Đơn vị', 'Thẩm định', 'Điều tra XHH', 'Chỉ số (%)', 'Xếp loại', '± hạng'],
        rows,
      ).trimEnd(),
    );
    if (rows.some((r) => r[2].endsWith('(*)'))) out.push('(*) đánh giá nhưng không xếp hạng');
  }
  out.push('\nTÌNH TRẠNG CÁC TỆP');
  for (const f of result.files) {
    const unit = f.unit ? ` — ${f.unit.name}${f.unit.code ? ` (${f.unit.code})` : ''}` : '';
    out.push(`  [${STATUS_LABEL[f.status]}] ${f.file}${unit}`);
    for (const e of f.errors.slice(0, maxReasons))
      out.push(`      - ${e.cell ? `${e.cell}: ` : ''}${e.message}`);
    if (f.errors.length > maxReasons)
      out.push(`      … và ${f.errors.length - maxReasons} lỗi khác (xem trang "Hồ sơ")`);
    // Text changed on its way into the ranking is said where the file is listed, not only in "Hồ sơ".
    for (const w of f.warnings) if (w.rule === 'consolidation.textReplaced') out.push(`      ! ${w.message}`);
  }
  const survey = result.survey;
  if (survey) {
    for (const i of survey.issues) out.push(`  [Điều tra XHH] ${i.cell ? `${i.cell}: ` : ''}${i.message}`);
    for (const u of survey.unmatchedRows) {
      out.push(
        `  [Điều tra XHH] dòng ${u.row} "${u.name}": ${u.reason}${u.candidates.length ? ` Gần giống: ${u.candidates.join('; ')}.` : ''}`,
      );
    }
  }
  for (const w of result.warnings) out.push(`  [Lưu ý] ${w}`);
  return `${out.join('\n')}\n`;
}
