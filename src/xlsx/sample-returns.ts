/**
 * Filling a generated template "as a unit would": a SECOND writer (exceljs, independent of the
 * template renderer) opens the .xlsx, finds the `Chấm điểm` table by its header titles and the
 * rows by their `Mã`, and types values into the cells. Used by `cchc demo`, the consolidation
 * benchmark and the tests to make returned workbooks — including deliberately broken ones
 * (edited maxima, deleted rows, text or formulas in score cells). Bytes in, bytes out.
 */
import type ExcelJS from 'exceljs';
import { newExcelWorkbook } from './exceljs-workbook';
import type { EntryField, ReportTexts } from '../scoring/types';
import { REPORT_TEXTS, SCORE_COLUMNS, SHEET_SCORE, normalizeTitle } from '../workbook/layout';
import { absolutePrintArea, defaultFontName, withDefaultFont } from './render';

/** A value to type: a number, text, or a formula (a mistake units make). */
export type TypedValue = number | string | { formula: string } | null;

export type ReturnedEntries = Record<string, Partial<Record<EntryField, TypedValue>>>;

export interface FillOptions {
  /** Edited maxima: `Điểm tối đa` of these codes overwritten (a tampered structure). */
  maxOverrides?: Record<string, number>;
  /** Rows of these codes deleted from the sheet. */
  deleteRows?: string[];
  /** The report texts, typed right of their labels below the table (unit workbooks). */
  report?: ReportTexts;
}

const TITLE_TO_KEY = new Map(SCORE_COLUMNS.map((c) => [normalizeTitle(c.title), c]));

function toExcel(value: TypedValue): ExcelJS.CellValue {
  if (value === null || typeof value === 'number' || typeof value === 'string') return value;
  return { formula: value.formula } as ExcelJS.CellFormulaValue;
}

export async function fillReturnedWorkbook(
  templateBytes: Uint8Array,
  entries: ReturnedEntries,
  options: FillOptions = {},
): Promise<Uint8Array> {
  const wb = await newExcelWorkbook();
  await wb.xlsx.load(templateBytes as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets.find((w) => normalizeTitle(w.name) === normalizeTitle(SHEET_SCORE));
  if (!ws) throw new Error(`Mẫu không có trang "${SHEET_SCORE}".`);
  let headerRow = -1;
  const columns: Partial<Record<string, number>> = {};
  for (let r = 1; r <= Math.min(ws.rowCount, 15) && headerRow < 0; r++) {
    ws.getRow(r).eachCell((cell, c) => {
      const col = TITLE_TO_KEY.get(normalizeTitle(cell.value));
      if (col) columns[col.key] = c;
    });
    if (columns.code !== undefined && columns.max !== undefined) headerRow = r;
    else for (const k of Object.keys(columns)) delete columns[k];
  }
  if (headerRow < 0) throw new Error('Không tìm thấy dòng tiêu đề của bảng chấm điểm.');
  const rowOf = new Map<string, number>();
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const v = ws.getRow(r).getCell(columns.code as number).value;
    if (v !== null && v !== undefined && v !== '') rowOf.set(String(v).trim(), r);
  }
  const fieldColumn = new Map(
    SCORE_COLUMNS.filter((c) => c.field).map((c) => [c.field as EntryField, columns[c.key]]),
  );
  for (const [code, fields] of Object.entries(entries)) {
    const r = rowOf.get(code);
    if (r === undefined) continue;
    for (const [field, value] of Object.entries(fields) as [EntryField, TypedValue][]) {
      const c = fieldColumn.get(field);
      if (c === undefined || value === undefined) continue;
      ws.getRow(r).getCell(c).value = toExcel(value);
    }
  }
  for (const text of REPORT_TEXTS) {
    const value = options.report?.[text.key];
    if (value === undefined) continue;
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (normalizeTitle(row.getCell(columns.name as number).value) !== normalizeTitle(text.label)) continue;
      row.getCell((columns.name as number) + 1).value = value;
      break;
    }
  }
  for (const [code, max] of Object.entries(options.maxOverrides ?? {})) {
    const r = rowOf.get(code);
    if (r !== undefined) ws.getRow(r).getCell(columns.max as number).value = max;
  }
  // Bottom-up, so earlier deletions do not shift the rows still to delete.
  const doomed = (options.deleteRows ?? [])
    .map((c) => rowOf.get(c))
    .filter((r): r is number => r !== undefined);
  for (const r of doomed.sort((a, b) => b - a)) ws.spliceRows(r, 1);
  // Saved as Excel would save it. exceljs's own round trip would write the print areas half-relative
  // and the default font back as Calibri (the returned sheet then printed all 13 columns at 5 pt),
  // and a first page number of 1 on every sheet (each sheet's pages numbered from 1 again).
  for (const sheet of wb.worksheets) {
    const setup = sheet.pageSetup;
    if (setup.printArea) setup.printArea = absolutePrintArea(setup.printArea);
    // exceljs reads the flag but leaves it out of its PageSetup type.
    if (!(setup as { useFirstPageNumber?: boolean }).useFirstPageNumber) setup.firstPageNumber = undefined;
  }
  const out = await wb.xlsx.writeBuffer();
  const bytes = new Uint8Array(out as ArrayBuffer);
  const font = defaultFontName(templateBytes);
  return font ? withDefaultFont(bytes, font) : bytes;
}
