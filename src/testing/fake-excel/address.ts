/**
 * Ranges of the fake Excel as Office.js addresses them (0-based rects). The codec itself is
 * src/common/a1.ts; both the fake and tests parse
 * addresses such as "'Chấm điểm'!E12:F30" and must agree with Excel on quoting: a sheet name
 * with anything but ASCII letters, digits and "_" is quoted, and a quote inside is doubled.
 */
import { columnLetters, columnNumber, quoteSheetName, splitSheet } from '../../common/a1';

export { quoteSheetName, splitSheet };

/** 0-based column index → letters (the fake's ranges are 0-based, as Office.js's rowIndex). */
export function letters0(col: number): string {
  return columnLetters(col + 1);
}

/** Letters → 0-based column index. */
export function column0(letters: string): number {
  return columnNumber(letters) - 1;
}

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRect {
  row: number;
  col: number;
  rowEnd: number;
  colEnd: number;
}

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7})$/;

/** Parses a local A1 reference ("E12", "A1:C3", "A:A", "3:5"); null when it is not one. */
export function parseLocal(local: string): CellRect | null {
  const parts = local.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) return null;
  const [a, b = a] = parts as [string, string?] as [string, string];
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const r0 = Number(ca[2]) - 1;
    const r1 = Number(cb[2]) - 1;
    const c0 = column0(ca[1] as string);
    const c1 = column0(cb[1] as string);
    return normalise({
      row: Math.min(r0, r1),
      col: Math.min(c0, c1),
      rowEnd: Math.max(r0, r1),
      colEnd: Math.max(c0, c1),
    });
  }
  if (parts.length === 2) {
    const xa = COLS.exec(a);
    const xb = COLS.exec(b);
    if (xa && xb) {
      const c0 = column0(xa[1] as string);
      const c1 = column0(xb[1] as string);
      return normalise({ row: 0, col: Math.min(c0, c1), rowEnd: MAX_ROWS - 1, colEnd: Math.max(c0, c1) });
    }
    const ya = ROWS.exec(a);
    const yb = ROWS.exec(b);
    if (ya && yb) {
      const r0 = Number(ya[1]) - 1;
      const r1 = Number(yb[1]) - 1;
      return normalise({ row: Math.min(r0, r1), col: 0, rowEnd: Math.max(r0, r1), colEnd: MAX_COLS - 1 });
    }
  }
  return null;
}

function normalise(rect: CellRect): CellRect | null {
  if (rect.row < 0 || rect.col < 0 || rect.rowEnd >= MAX_ROWS || rect.colEnd >= MAX_COLS) return null;
  return rect;
}

export function cellName(row: number, col: number): string {
  return `${letters0(col)}${row + 1}`;
}

/** "E12" for one cell, "A1:C3" otherwise; whole columns/rows as Excel prints them ("A:A", "3:5"). */
export function formatLocal(rect: CellRect): string {
  if (rect.row === 0 && rect.rowEnd === MAX_ROWS - 1) return `${letters0(rect.col)}:${letters0(rect.colEnd)}`;
  if (rect.col === 0 && rect.colEnd === MAX_COLS - 1) return `${rect.row + 1}:${rect.rowEnd + 1}`;
  const a = cellName(rect.row, rect.col);
  if (rect.row === rect.rowEnd && rect.col === rect.colEnd) return a;
  return `${a}:${cellName(rect.rowEnd, rect.colEnd)}`;
}

export function formatAddress(sheet: string, rect: CellRect): string {
  return `${quoteSheetName(sheet)}!${formatLocal(rect)}`;
}

export function rectRows(rect: CellRect): number {
  return rect.rowEnd - rect.row + 1;
}

export function rectCols(rect: CellRect): number {
  return rect.colEnd - rect.col + 1;
}
