/**
 * Exact decimal arithmetic for scores and maxima (every layer: framework sums of maxima, scores,
 * totals, indices).
 *
 * Binary floating point cannot hold 0.1 exactly, so 0.1 + 0.2 = 0.30000000000000004. Every score in
 * a framework carries at most 2 decimals (some provinces publish 3), so we compute on SCALED
 * INTEGERS: a value v at `places` decimals is the integer round(v × 10^places). Sums of such
 * integers are exact as long as they stay below 2^53 (about 9 × 10^13 hundredths — far beyond any
 * score). Converting back divides once by 10^places, which yields the double nearest to the
 * decimal, so `String()` prints "0.3", never "0.30000000000000004".
 *
 * The common case is hundredths (places = 2): `toHundredths` / `fromHundredths`.
 */

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000];

/** Converts a JS number to an integer count of 10^-places units, rounding half away from zero. */
export function toScaled(n: number, places: number): number {
  if (!Number.isFinite(n)) throw new RangeError(`Không phải số hữu hạn: ${n}`);
  const abs = Math.abs(n);
  const x = abs * (POW10[places] ?? 10 ** places);
  let r = Math.round(x);
  // Near a half the binary error decides: 1.005 × 100 = 100.49999999999999. Only there, shift the
  // decimal point in the TEXT ("1.005e2" = 100.5 exactly), so values typed as 1.005 round the way
  // a person expects. Elsewhere the product is far from a half and Math.round is exact (and fast:
  // this runs for every cell on every edit).
  if (Math.abs(x - Math.floor(x) - 0.5) < 1e-6) {
    const s = String(abs);
    if (!/e/i.test(s)) r = Math.round(Number(`${s}e${places}`));
  }
  return n < 0 && r !== 0 ? -r : r;
}

/** The number a scaled integer stands for. */
export function fromScaled(scaled: number, places: number): number {
  const v = scaled / 10 ** places;
  return v === 0 ? 0 : v; // never show -0
}

export function toHundredths(n: number): number {
  return toScaled(n, 2);
}

export function fromHundredths(h: number): number {
  return fromScaled(h, 2);
}

/** Rounds to `places` decimals, half away from zero (68.325 → 68.33; −0.125 → −0.13). */
export function roundHalfUp(value: number, places: number): number {
  return fromScaled(toScaled(value, places), places);
}

/**
 * Integer division a / b rounded half away from zero, exact for safe integers. Used to rescale
 * (e.g. an index = total × 100 / max) without ever going through a float quotient.
 */
export function divRoundHalfUp(a: number, b: number): number {
  if (b === 0) throw new RangeError('Chia cho 0');
  const negative = a < 0 !== b < 0;
  const x = Math.abs(a);
  const y = Math.abs(b);
  const q = Math.floor(x / y);
  const rem = x - q * y;
  const r = rem * 2 >= y ? q + 1 : q;
  return negative && r !== 0 ? -r : r;
}

/**
 * a × m / b rounded half away from zero, exact for integer a, m, b: through BigInt when a × m is
 * beyond the safe integers (an index of sums kept at 10^-8).
 */
export function mulDivRoundHalfUp(a: number, m: number, b: number): number {
  const product = a * m;
  if (Number.isSafeInteger(product)) return divRoundHalfUp(product, b);
  if (b === 0) throw new RangeError('Chia cho 0');
  const x = BigInt(a) * BigInt(m);
  const y = BigInt(b);
  const negative = x < 0n !== y < 0n;
  const ax = x < 0n ? -x : x;
  const ay = y < 0n ? -y : y;
  let q = ax / ay;
  if ((ax % ay) * 2n >= ay) q += 1n;
  return Number(negative ? -q : q);
}

/** Exact sum of scores (each read at `places`, default 2), returned as a number. */
export function addPoints(...values: number[]): number {
  return sumPoints(values);
}

export function sumPoints(values: readonly number[], places = 2): number {
  let s = 0;
  for (const v of values) s += toScaled(v, places);
  return fromScaled(s, places);
}

/** Exact a − b at `places` (default 2). */
export function subtractPoints(a: number, b: number, places = 2): number {
  return fromScaled(toScaled(a, places) - toScaled(b, places), places);
}

/**
 * part / whole × 100 rounded half up to `places`, computed on integers (an index, a rate).
 * Both arguments are read at `inputPlaces` (default: at least 2 and at least `places`).
 * Returns null when whole is 0.
 */
export function percentOf(
  part: number,
  whole: number,
  places = 2,
  inputPlaces = Math.max(2, places),
): number | null {
  const p = toScaled(part, inputPlaces);
  const w = toScaled(whole, inputPlaces);
  if (w === 0) return null;
  return fromScaled(divRoundHalfUp(p * 100 * 10 ** places, w), places);
}

/** Whether `value` is a whole multiple of `step` (both read at 4 decimals, so 0.125 steps work). */
export function isMultipleOf(value: number, step: number): boolean {
  const s = toScaled(step, 4);
  if (s === 0) return true;
  return toScaled(value, 4) % s === 0;
}

/** Two scores equal at `places` (default 2). */
export function samePoints(a: number, b: number, places = 2): boolean {
  return toScaled(a, places) === toScaled(b, places);
}

/** Whether n carries at most 2 decimals (maxima and scores are published in hundredths). */
export function isHundredths(n: number): boolean {
  return Math.abs(fromHundredths(toHundredths(n)) - n) < 1e-9;
}

/** Exact sum of values read at hundredths, as an integer count of hundredths. */
export function sumHundredths(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += toHundredths(v);
  return s;
}
