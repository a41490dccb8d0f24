/**
 * How kept scores are stored (kept-entries.ts, unit-detail.ts): as hundredths in an Int16Array
 * when every value of a file is a number of at most two decimals within ±327.66 (every score a
 * template allows, and all of the bench's), a quarter of the bytes of the numbers themselves;
 * else as the numbers (a Float64Array). Either way a value reads back as exactly the number kept:
 * NaN for empty, +Infinity for "given, not a number". At 3,000 returns the Float64Arrays were
 * 4.2 MB of a consolidation's memory.
 */
export type KeptValues = Float64Array | Int16Array;

const EMPTY = -32768;
const NOT_A_NUMBER = -32767;
const LARGEST = 32766;

/** The hundredths code of a kept number; null when only a Float64 holds it exactly. */
function code(v: number): number | null {
  if (Number.isNaN(v)) return EMPTY;
  if (v === Infinity) return NOT_A_NUMBER;
  // -0 reads back as 0 from an integer: kept as a number, so the engine sees what the file said.
  if (Object.is(v, -0)) return null;
  const h = Math.round(v * 100);
  return Math.abs(h) <= LARGEST && h / 100 === v ? h : null;
}

/** The values as stored: hundredths when all of them allow, else the same numbers. */
export function storedValues(values: Float64Array): KeptValues {
  const out = new Int16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const h = code(values[i]);
    if (h === null) return values;
    out[i] = h;
  }
  return out;
}

/** The number at `i`. */
export function keptValue(values: KeptValues, i: number): number {
  if (values instanceof Float64Array) return values[i];
  const h = values[i];
  return h === EMPTY ? NaN : h === NOT_A_NUMBER ? Infinity : h / 100;
}

/** The values with `value` at `i`: the same array, or the numbers in a Float64Array when the hundredths cannot hold it. */
export function withKeptValue(values: KeptValues, i: number, value: number): KeptValues {
  if (values instanceof Float64Array) {
    values[i] = value;
    return values;
  }
  const h = code(value);
  if (h !== null) {
    values[i] = h;
    return values;
  }
  const numbers = Float64Array.from(values, (_, j) => keptValue(values, j));
  numbers[i] = value;
  return numbers;
}
