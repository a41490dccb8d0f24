/**
 * A plain table sheet of the ranking workbook: a frozen header row repeated on every printed page,
 * then one row per item of `rows` (an iterable, so a large sheet is produced and written row by
 * row, never held whole). Row heights fit the wrapped cells, measured with the font's glyph widths.
 * No autofilter: Excel expects a `_xlnm._FilterDatabase` name with one (Excel has crashed on
 * sorting files without it: exceljs#400, #2289).
 */
import { xmlSafe } from '../../common/clean-text';
import { fittedRowHeight } from '../../common/text-layout';
import { SharedStrings } from '../write/shared-strings';
import type { XlsxStreamWriter } from '../write/workbook-writer';
import { FONT, headerStyle, printSetup, SIZE, type TableCell } from './sheet-format';

export interface TableColumn {
  header: string;
  width: number;
  numFmt?: string;
  wrap?: boolean;
  /** Codes for scripts (group id, status code): kept in the file, hidden on screen and in print. */
  hidden?: boolean;
}

export interface TableSheet {
  name: string;
  columns: TableColumn[];
  /** Columns 1..columns are printed, on pages of this orientation; the rest are working columns (hashes, sizes, codes). */
  print: { orientation: 'portrait' | 'landscape'; columns: number };
}

/** Style for a number and for anything else in a column (a number format applies to numbers). */
function styleFor(wb: XlsxStreamWriter, col: TableColumn | undefined, isNumber: boolean): number {
  const numFmt = col?.numFmt && isNumber ? col.numFmt : undefined;
  const wrap = Boolean(col?.wrap);
  return wb.styles.id(`table-row|${wrap}|${numFmt}`, () => ({
    font: { name: FONT, size: SIZE },
    alignment: { wrap, vertical: 'top' },
    ...(numFmt ? { numFmt } : {}),
  }));
}

/**
 * Heights of a column's repeated texts (a leaf's name on every unit's rows, a status, a group)
 * are measured once, for at most this many texts per column, then anew. A cache of every text
 * was mostly one entry per unit (its name, its file name), each kept to the end of the sheet: at
 * 3,000 units the Hồ sơ sheet's live memory grew 0.9 MB by its middle row, 0.6 MB with this bound
 * (heap snapshots). A unit's own text is now dropped within a few hundred rows, while still young.
 */
const HEIGHTS_KEPT = 256;

/**
 * A row's values, styles and height, made apart from the async loop that writes them: one
 * function doing both was optimised anew by V8 at each consolidation (25-70 ms of compile per
 * sheet, measured with --trace-opt).
 */
class TableRows {
  private readonly plain: number[];
  private readonly numeric: number[];
  /** Per column: text → height, for shared texts only (the long ones never repeat: measured each time). */
  private readonly heights: Map<string, number>[];

  constructor(
    private readonly wb: XlsxStreamWriter,
    private readonly table: TableSheet,
  ) {
    this.plain = table.columns.map((c) => styleFor(wb, c, false));
    this.numeric = table.columns.map((c) => styleFor(wb, c, true));
    this.heights = table.columns.map(() => new Map<string, number>());
  }

  of(row: TableCell[]): { values: TableCell[]; styles: number[]; height: number | undefined } {
    const { columns, print } = this.table;
    let height = 0;
    const values: TableCell[] = [];
    const styles: number[] = [];
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      const col = columns[i];
      // Plain values: a string stays a string (a shared string), never parsed as a formula.
      values.push(typeof v === 'string' ? xmlSafe(v) : v);
      styles.push(
        col ? (typeof v === 'number' ? this.numeric[i] : this.plain[i]) : styleFor(this.wb, undefined, false),
      );
      if (col?.wrap && typeof v === 'string' && i < print.columns)
        height = Math.max(height, this.heightOf(v, i, col.width));
    }
    return { values, styles, height: height > 16 ? height : undefined };
  }

  private heightOf(text: string, column: number, width: number): number {
    if (!SharedStrings.shares(text)) return fittedRowHeight([{ text, widthChars: width, sizePt: SIZE }]);
    const known = this.heights[column];
    let h = known.get(text);
    if (h === undefined) {
      h = fittedRowHeight([{ text, widthChars: width, sizePt: SIZE }]);
      if (known.size >= HEIGHTS_KEPT) known.clear();
      known.set(text, h);
    }
    return h;
  }
}

export async function writeTable(
  wb: XlsxStreamWriter,
  table: TableSheet,
  rows: Iterable<TableCell[]>,
): Promise<void> {
  const { columns } = table;
  const ws = wb.sheet({
    name: table.name,
    columns: columns.map((c) => ({ width: c.width, hidden: c.hidden })),
    freeze: { rows: 1, cols: 0 },
    orientation: table.print.orientation,
    fitToWidth: true,
  });
  const header = wb.styles.id(`table-header|${SIZE}`, () => headerStyle(SIZE));
  await ws.row(
    1,
    columns.map((c) => xmlSafe(c.header)),
    columns.map(() => header),
    fittedRowHeight(
      columns
        .slice(0, table.print.columns)
        .map((c) => ({ text: c.header, widthChars: c.width, sizePt: SIZE, style: { bold: true } })),
    ),
  );
  const cells = new TableRows(wb, table);
  let r = 2;
  // The cells are made by TableRows and only written here (see TableRows).
  for (const row of rows) {
    const made = cells.of(row);
    const written = ws.row(r++, made.values, made.styles, made.height);
    if (written) await written;
  }
  await wb.endSheet(
    printSetup({ lastPrintedColumn: table.print.columns, lastRow: r - 1, titleRows: [1, 1] }),
  );
}
