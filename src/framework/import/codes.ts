/**
 * The STT / Mã cell of an appendix row. Offices write: "1", "1.", "1.1", "1.1.1." (trailing dots),
 * Roman numerals for fields ("I", "II.", "IX"), sometimes letters for sub-items ("a", "b)").
 */
import { cellText } from './text';
import type { TableCell } from './types';

export type RowCode =
  | { kind: 'roman'; value: number }
  | {
      kind: 'arabic';
      segments: number[];
      /** read from a number cell: "1.10" may have become 1.1 */ fromNumber?: boolean;
    }
  | { kind: 'letter'; value: number };

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** Strict Roman numeral up to 399 ("IIII" and "VX" are refused), or null. */
export function romanValue(text: string): number | null {
  const t = text.toUpperCase();
  if (!/^[IVXLC]+$/.test(t)) return null;
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN[t[i]];
    const next = ROMAN[t[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return toRoman(total) === t ? total : null;
}

export function toRoman(n: number): string {
  const table: Array<[number, string]> = [
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [v, s] of table) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/** Parses a code cell; null when the cell holds no code (empty, or text such as "Tổng cộng"). */
export function parseRowCode(cell: TableCell): RowCode | null {
  if (typeof cell === 'number') {
    // A spreadsheet turns "1.1" into the number 1.1, and "1.10" into 1.1 as well: the caller
    // says so to the user for every dotted code read from a number cell.
    if (!(cell > 0)) return null;
    if (Number.isInteger(cell)) return { kind: 'arabic', segments: [cell] };
    const segments = String(cell).split('.').map(Number);
    return segments.every((s) => s > 0) ? { kind: 'arabic', segments, fromNumber: true } : null;
  }
  const t = cellText(cell).replace(/\s+/g, '');
  if (!t) return null;
  const arabic = /^(\d+(?:\.\d+)*)\.?$/.exec(t);
  if (arabic) {
    const segments = arabic[1].split('.').map(Number);
    return segments.every((s) => s > 0) ? { kind: 'arabic', segments } : null;
  }
  const roman = /^([IVXLCivxlc]+)[.)]?$/.exec(t);
  if (roman) {
    const value = romanValue(roman[1]);
    // Lowercase "i" / "v" / "x" are more often letters than numerals: accept Roman only in capitals.
    if (value !== null && roman[1] === roman[1].toUpperCase()) return { kind: 'roman', value };
  }
  const letter = /^([a-zđ])[.)]?$/.exec(t);
  if (letter) {
    // The Vietnamese enumeration of legal texts: a) b) c) d) đ) e) g) h) i) k) … (no f, j, w, z).
    const alphabet = 'abcdđeghiklmnopqrstuvxy';
    const i = alphabet.indexOf(letter[1]);
    if (i >= 0) return { kind: 'letter', value: i + 1 };
  }
  return null;
}
