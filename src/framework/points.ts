/**
 * Framework maxima in exact hundredths. The framework layer sits below src/scoring (whose
 * decimal.ts does the same for scores), so it keeps this one conversion of its own rather than
 * importing upwards: sums of maxima must never show 0.1 + 0.2 = 0.30000000000000004.
 */

/** round(n × 100), shifting the decimal point in text so 1.005 is not read as 100.4999… */
export function toCents(n: number): number {
  const abs = Math.abs(n);
  const s = String(abs);
  const r = /e/i.test(s) ? Math.round(abs * 100) : Math.round(Number(`${s}e2`));
  return n < 0 && r !== 0 ? -r : r;
}

export function fromCents(c: number): number {
  const v = c / 100;
  return v === 0 ? 0 : v;
}

export function sumCents(values: readonly number[]): number {
  return values.reduce((s, v) => s + toCents(v), 0);
}

/** Whether n carries at most 2 decimals (maxima are published in hundredths). */
export function isHundredths(n: number): boolean {
  return Math.abs(toCents(n) / 100 - n) < 1e-9;
}

/** Vietnamese display of a maximum: decimal comma, no trailing zeros (0,5 — 6,4 — 68). */
export function formatMax(n: number): string {
  return String(fromCents(toCents(n))).replace('.', ',');
}
