/**
 * Text and numbers as they appear in appendix tables pasted from Word: NFC-normalised, spaces of
 * every kind collapsed, decimal commas. Kept here (not taken from src/scoring) because the
 * framework layer sits below scoring.
 */
import type { TableCell } from './types';
import { foldMarks } from '../../common/names';
import { numberToken } from '../../common/vi-number';

/** A cell as trimmed NFC text with runs of spaces collapsed (line breaks kept). */
export function cellText(cell: TableCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return cell
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\u00a0\u2009\u202f ]+/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .trim();
}

/** Lowercase, NFC, single spaces: for matching words. */
export function folded(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Lowercase without Vietnamese diacritics ("Huyện" → "huyen"), for matching ids. */
export function ascii(text: string): string {
  return foldMarks(folded(text));
}

const NUMBER = /^([+-]|\u2212)?(\d+(?:[.,]\d+)?)$/;

/**
 * A number written as in Vietnamese documents: "0,5", "1.5", "2", "-1", "(-1)", "0,5 điểm", "1,5đ".
 * One separator is always the decimal one (maxima are small). Null when it is not such a number.
 */
export function readNumber(cell: TableCell | undefined): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  let t = cellText(cell);
  if (!t) return null;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) t = paren[1].trim();
  t = t.replace(/\s*(điểm|đ)\.?$/i, '').trim();
  const m = NUMBER.exec(t.replace(/^([+-]|\u2212)\s+/, '$1'));
  if (!m) return null;
  const n = numberToken(m[2]);
  return m[1] ? -n : n;
}
