/** A1 addresses as the sheet XML writes them (canonical: upper-case letters, no "$"). */
import { EXCEL_MAX_COL as MAX_COL, EXCEL_MAX_ROW as MAX_ROW } from '../read-limits';
import { OoxmlUnsupported } from './unsupported';
import { columnNumber } from '../../common/a1';

export { columnLetters, columnNumber } from '../../common/a1';

export function decodeAddress(ref: string): { row: number; col: number } {
  const m = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(ref);
  if (!m) throw new OoxmlUnsupported(`cell address "${ref}"`);
  const col = columnNumber(m[1]);
  const row = Number(m[2]);
  if (col > MAX_COL || row > MAX_ROW) throw new OoxmlUnsupported(`cell address "${ref}"`);
  return { row, col };
}

/**
 * A cell address as written in a sheet part: its row and column when canonical; 'outside' when it
 * names a cell beyond Excel's grid however it is written (XFE1, A0, A1048577: a broken or
 * hand-edited file, refused); null when it is not canonical (left to exceljs).
 */
export function parseAddress(ref: string): { row: number; col: number } | 'outside' | null {
  const canonical = canonicalAddress(ref);
  if (canonical) return canonical;
  const m = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(ref);
  if (m) {
    const col = columnNumber(m[1]);
    const row = Number(m[2]);
    return col > MAX_COL || row > MAX_ROW ? 'outside' : { row, col };
  }
  const loose = /^[$]?([A-Za-z]+)[$]?([0-9]+)$/.exec(ref);
  if (!loose) return null;
  const letters = loose[1].toUpperCase();
  const row = Number(loose[2]);
  const col = letters.length > 3 ? Infinity : columnNumber(letters);
  return col > MAX_COL || row < 1 || row > MAX_ROW ? 'outside' : null;
}

/**
 * The canonical form read without a regular expression (one per cell of every sheet read): 1-3
 * letters A-Z, then a row 1-9999999 without leading zero. Null for anything else (parseAddress
 * then decides), also for a column or row beyond Excel's grid.
 */
function canonicalAddress(ref: string): { row: number; col: number } | null {
  const n = ref.length;
  let i = 0;
  let col = 0;
  for (; i < n && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  if (i === 0 || i > 3 || i === n || ref.charCodeAt(i) === 48 /* leading 0 */) return null;
  const digits = n - i;
  if (digits > 7) return null;
  let row = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + c - 48;
  }
  return col > MAX_COL || row > MAX_ROW ? null : { row, col };
}
