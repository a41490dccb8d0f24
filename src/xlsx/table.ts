/**
 * A worksheet as a plain table of cells, for files that are DATA rather than our templates: a
 * decision's appendix pasted into Excel, a survey organiser's results. Node and browser: bytes in,
 * rows out (no fs).
 *
 * - Only the first worksheet is read (people put the table there; later sheets are notes).
 * - Merged cells are expanded: every cell of a merged range carries the range's value, because in
 *   these files a merge means "this value holds for all these rows/columns" (a criterion's name
 *   spanning the lines of its multi-line scoring guide, a title across the table).
 * - Values: numbers stay numbers, text is NFC-normalised (old files carry decomposed Vietnamese),
 *   rich text is joined, formulas give their cached result, dates become dd/mm/yyyy text,
 *   booleans and errors become text/null. Nothing is trimmed: the caller decides.
 * - The zip is checked by the zip guard, and its sheets by the bounds pre-scan, before exceljs
 *   inflates anything (read-limits.ts).
 */
import type ExcelJS from 'exceljs';
import { newExcelWorkbook } from './exceljs-workbook';
import { checkWorkbookBounds } from './ooxml/bounds';
import { DEFAULT_READ_LIMITS, ReadLimitExceeded, limitMessages, type ReadLimits } from './read-limits';
import { xmlSafe } from '../common/clean-text';
import { guardZip } from './zip-guard';

export type TableCell = string | number | null;

export interface TableRows {
  /** Name of the worksheet read. */
  sheet: string;
  /** rows[0] is sheet row 1; each row has the same length (the used width). */
  rows: TableCell[][];
}

/** Thrown for bytes that are not a readable workbook; the message is Vietnamese, without file name. */
export class TableReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TableReadError';
  }
}

function plain(value: ExcelJS.CellValue): TableCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  const v = value as unknown as Record<string, unknown>;
  if ('formula' in v || 'sharedFormula' in v) {
    return v.result === undefined ? null : plain(v.result as ExcelJS.CellValue);
  }
  if ('richText' in v && Array.isArray(v.richText)) {
    return (v.richText as { text: string }[])
      .map((r) => r.text)
      .join('')
      .normalize('NFC');
  }
  if ('error' in v) return null;
  if ('text' in v) return String(v.text).normalize('NFC');
  return String(value).normalize('NFC');
}

/**
 * Reads the first worksheet of an .xlsx as rows of cells, merged cells expanded. Bounded: the zip
 * guard and the bounds pre-scan run before exceljs sees the file, and the table is the rectangle
 * of the cells holding a value, within the read limits.
 */
export async function readTableRows(
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<TableRows> {
  const verdict = await guardZip(bytes);
  if (!verdict.ok) throw new TableReadError(verdict.message);
  try {
    await checkWorkbookBounds(bytes, limits);
  } catch (e) {
    if (e instanceof ReadLimitExceeded) throw new TableReadError(e.message);
    // Not readable as a zip: exceljs says so below.
  }
  const wb = await newExcelWorkbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new TableReadError(`Không đọc được tệp Excel (.xlsx): ${(e as Error).message}`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new TableReadError('Tệp Excel không có trang tính nào.');
  // The table's size is that of the cells holding values: ws.columnCount counts cells that are
  // only formatted, and one stray format in column XFD would make every row 16,384 cells wide.
  let height = 0;
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (plain(cell.value) === null) return;
      if (r > limits.maxRows) throw new TableReadError(limitMessages.row(ws.name, cell.address, r, limits));
      if (c > limits.maxColumns)
        throw new TableReadError(limitMessages.column(ws.name, cell.address, c, limits));
      height = Math.max(height, r);
      width = Math.max(width, c);
    });
  });
  const rows: TableCell[][] = [];
  for (let r = 1; r <= height; r++) {
    const row = ws.getRow(r);
    const out: TableCell[] = [];
    // exceljs gives a merged range's slave cells the master's value, so reading every cell
    // expands merges; `master` is used explicitly to be independent of that detail.
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      out.push(plain(cell.isMerged ? cell.master.value : cell.value));
    }
    rows.push(out);
  }
  return { sheet: ws.name, rows };
}

export interface WriteTableOptions {
  sheet?: string;
  /** Ranges to merge, e.g. "A1:H1" (the first cell's value is kept). */
  merges?: string[];
  /** Column widths in characters. */
  widths?: number[];
  /** 1-based row numbers to print bold (titles, headers, totals). */
  boldRows?: number[];
}

/**
 * Writes rows to a one-sheet .xlsx (for appendix tables and test fixtures). Text starting with
 * "=" is written as text, never as a formula.
 */
export async function writeTableXlsx(
  rows: TableCell[][],
  options: WriteTableOptions = {},
): Promise<Uint8Array> {
  const wb = await newExcelWorkbook();
  const ws = wb.addWorksheet(options.sheet ?? 'Bảng');
  rows.forEach((row, i) => {
    const r = ws.getRow(i + 1);
    row.forEach((v, j) => {
      if (v !== null) r.getCell(j + 1).value = typeof v === 'string' ? xmlSafe(v) : v;
    });
    if (options.boldRows?.includes(i + 1)) r.font = { bold: true };
  });
  for (const m of options.merges ?? []) ws.mergeCells(m);
  options.widths?.forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = w;
    col.alignment = { wrapText: true, vertical: 'top' };
  });
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
