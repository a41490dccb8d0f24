/**
 * Numbers as Vietnamese offices type and read them: decimal comma or point, thousands grouping
 * only when unambiguous, display with a decimal comma. One reader and one display for every
 * table, cell and message.
 */
import { fromHundredths, toHundredths, toScaled } from './decimal';

/**
 * Reads a number typed as text, as people type them in Vietnamese offices. Accepted:
 * - surrounding spaces (also non-breaking and thin spaces): " 2 " → 2;
 * - a decimal comma or point: "1,5" → 1.5, "0.25" → 0.25, ",5" / ".5" → 0.5;
 * - a sign: "-0,5", "+1", and the typographic minus "−0,5";
 * - thousands grouping ONLY when unambiguous: both separators present ("1.234,5" and "1,234.5" →
 *   1234.5; the last one is the decimal separator and the groups before it must have 3 digits), or
 *   one separator repeated ("1.234.567" → 1234567).
 * A single separator is always the decimal one: "1.234" → 1.234 (scores are small; a score of 1234
 * does not exist, a value 1.234 does, as an off-step error the user can see).
 * Refused (null): words ("hai"), exponents ("1e3"), percent signs, "Infinity", empty text, inner
 * spaces ("1 5"), trailing separators ("5,").
 */
const SIMPLE_NUMBER = /^[ \t]*(-?\d+)(?:[.,](\d+))?[ \t]*$/;

export function parseNumberText(text: string): number | null {
  // Fast path for the common shapes ("2", " 1,5 ", "-0.25"): one regex, no splitting.
  const simple = SIMPLE_NUMBER.exec(text);
  if (simple) {
    const n = Number(simple[2] === undefined ? simple[1] : `${simple[1]}.${simple[2]}`);
    return n === 0 ? 0 : n;
  }
  let t = text.replace(/^[\s\u00a0\u2009\u202f]+|[\s\u00a0\u2009\u202f]+$/g, '');
  if (!t) return null;
  let sign = 1;
  if (/^[-+\u2212]/.test(t)) {
    if (t[0] !== '+') sign = -1;
    t = t.slice(1);
  }
  if (!/^[\d.,]+$/.test(t) || !/\d$/.test(t)) return null;
  const dots = t.split('.').length - 1;
  const commas = t.split(',').length - 1;
  let normalized: string;
  if (dots && commas) {
    const decimalSep = t.lastIndexOf('.') > t.lastIndexOf(',') ? '.' : ',';
    const groupSep = decimalSep === '.' ? ',' : '.';
    const [intPart, fracPart, ...rest] = t.split(decimalSep);
    if (rest.length || !fracPart) return null;
    if (!isGrouped(intPart, groupSep)) return null;
    normalized = `${intPart.split(groupSep).join('')}.${fracPart}`;
  } else if (dots + commas === 0) {
    normalized = t;
  } else if (dots + commas === 1) {
    normalized = t.replace(',', '.');
    if (normalized.startsWith('.')) normalized = `0${normalized}`;
  } else {
    const sep = dots ? '.' : ',';
    if (!isGrouped(t, sep)) return null;
    normalized = t.split(sep).join('');
  }
  const n = Number(normalized);
  if (!Number.isFinite(n)) return null;
  return n === 0 ? 0 : sign * n;
}

/** "1.234.567" grouped by `sep`: a 1–3 digit head, then groups of exactly 3 digits. */
function isGrouped(text: string, sep: string): boolean {
  const parts = text.split(sep);
  if (parts.length === 1) return /^\d+$/.test(text);
  return /^\d{1,3}$/.test(parts[0]) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

/**
 * Vietnamese display: decimal comma, "." thousands grouping, fixed `places`
 * (94.89 → "94,89"; 68.5 → "68,50"; 1234.5 → "1.234,50"; −0.5 → "-0,50").
 */
export function formatVi(n: number, places = 2): string {
  const scaled = toScaled(n, places);
  const negative = scaled < 0;
  const digits = String(Math.abs(scaled)).padStart(places + 1, '0');
  const intPart = places ? digits.slice(0, -places) : digits;
  const frac = places ? digits.slice(-places) : '';
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${places ? `,${frac}` : ''}`;
}

/** A number for a message, Vietnamese style, with as many decimals as it has (0,5 · 68,25 · 3). */
export function showNumber(n: number): string {
  return formatVi(n, decimalsOf(n));
}

/** Number of decimals to show a value without losing digits (at least 0, at most 4). */
function decimalsOf(n: number): number {
  const s = String(Math.abs(n));
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(4, s.length - dot - 1);
}

/** "0,5" style for maxima in messages and guides: decimal comma, no trailing zeros (0,5 — 6,4 — 68). */
export function formatPoints(n: number): string {
  return String(fromHundredths(toHundredths(n))).replace('.', ',');
}

/**
 * A number token already matched by a pattern of digits with at most one "," or "." ("0,5",
 * "12", "-1.25"), as the framework-import and rule-wording patterns capture it.
 */
export function numberToken(token: string): number {
  const n = parseNumberText(token);
  if (n === null) throw new RangeError(`Không đọc được số "${token}"`);
  return n;
}
