/**
 * The run's own sheets: `Hồ sơ` (each file — unit, status, every reason, SHA-256, size,
 * generated-at from `_meta`), `Biểu đồ` (the data of a bar chart of the index per unit: the HTML
 * report draws it, and the add-in adds a native chart from this range) and `Ghi chú` (run-wide
 * notes: survey rows not matched, units without survey data, …). Rows are made as they are written.
 */
import { FILE_STATUS_LABEL, groupLabel } from '../../consolidation/labels';
import { readingCopy } from '../../common/kept-text';
import type { ConsolidationResult, FileRecord } from '../../consolidation/types';
import type { Framework } from '../../framework/schema';
import { FORMAT, groupsInOrder, orderInGroup } from '../../workbook/ranking-plan';
import type { XlsxStreamWriter } from '../write/workbook-writer';
import { SHEET_CHART, SHEET_FILES, SHEET_NOTES, type TableCell } from './sheet-format';
import { writeTable, type TableSheet } from './table-sheet';

/**
 * A file's problems, one per line. A single one without a cell is its sentence itself (join gives
 * the element back), which measuring and escaping would flatten in place (kept-text.ts).
 */
function problemsText(f: FileRecord): string | null {
  const text = [...f.errors, ...f.warnings]
    .map((e) => (e.cell ? `${e.cell}: ${e.message}` : e.message))
    .join('\n');
  return text ? readingCopy(text) : null;
}

function* fileRows(result: ConsolidationResult, framework: Framework): Generator<TableCell[]> {
  for (const f of result.files) {
    yield [
      f.file,
      FILE_STATUS_LABEL[f.status],
      f.unit?.code || null,
      f.unit?.name ?? null,
      f.unit ? groupLabel(framework, f.unit.group) : null,
      f.errors.length,
      problemsText(f),
      f.sha256,
      f.size,
      f.generatedAt,
      f.status,
      f.unit?.group ?? null,
    ];
  }
}

const FILES_TABLE: TableSheet = {
  name: SHEET_FILES,
  print: { orientation: 'landscape', columns: 7 },
  columns: [
    { header: 'Tệp', width: 28, wrap: true },
    { header: 'Trạng thái', width: 13, wrap: true },
    { header: 'Mã đơn vị', width: 10 },
    { header: 'Đơn vị', width: 26, wrap: true },
    { header: 'Nhóm', width: 14, wrap: true },
    { header: 'Số lỗi', width: 7, numFmt: '0' },
    { header: 'Lý do / ghi chú', width: 80, wrap: true },
    { header: 'SHA-256', width: 66 },
    { header: 'Kích thước (byte)', width: 12, numFmt: '#,##0' },
    { header: 'Tạo mẫu lúc (_meta)', width: 24 },
    { header: 'Mã trạng thái', width: 11, hidden: true },
    { header: 'Mã nhóm', width: 8, hidden: true },
  ],
};

function* chartRows(result: ConsolidationResult, framework: Framework): Generator<TableCell[]> {
  for (const g of groupsInOrder(result.units, framework))
    for (const u of orderInGroup(result.units.filter((x) => x.group === g.id)))
      yield [g.name, u.code, u.unit, u.index, u.rank];
}

const CHART_TABLE: TableSheet = {
  name: SHEET_CHART,
  print: { orientation: 'portrait', columns: 5 },
  columns: [
    { header: 'Nhóm', width: 22, wrap: true },
    { header: 'Mã', width: 10 },
    { header: 'Đơn vị', width: 36, wrap: true },
    { header: 'Chỉ số (%)', width: 10, numFmt: FORMAT.points },
    { header: 'Hạng', width: 7, numFmt: '0' },
  ],
};

function* noteRows(result: ConsolidationResult): Generator<TableCell[]> {
  for (const w of result.warnings) yield ['Tổng hợp', null, w];
  for (const i of result.survey?.issues ?? []) yield ['Điều tra XHH', i.cell || null, i.message];
  for (const u of result.survey?.unmatchedRows ?? []) {
    const hint = u.candidates.length ? ` Gần giống: ${u.candidates.join('; ')}.` : '';
    yield [
      'Điều tra XHH: dòng không ghép được',
      `dòng ${u.row}`,
      `${u.code ? `${u.code} ` : ''}${u.name}: ${u.reason}${hint}`,
    ];
  }
}

const NOTES_TABLE: TableSheet = {
  name: SHEET_NOTES,
  print: { orientation: 'landscape', columns: 3 },
  columns: [
    { header: 'Nguồn', width: 30, wrap: true },
    { header: 'Vị trí', width: 14, wrap: true },
    { header: 'Nội dung', width: 100, wrap: true },
  ],
};

/** `Hồ sơ`, `Biểu đồ` and `Ghi chú`, in this order. */
export async function writeRunSheets(
  wb: XlsxStreamWriter,
  result: ConsolidationResult,
  framework: Framework,
): Promise<void> {
  await writeTable(wb, FILES_TABLE, fileRows(result, framework));
  await writeTable(wb, CHART_TABLE, chartRows(result, framework));
  await writeTable(wb, NOTES_TABLE, noteRows(result));
}
