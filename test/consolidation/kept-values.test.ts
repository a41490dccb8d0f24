/**
 * Kept scores stored as hundredths when they allow (src/consolidation/kept-values.ts): whatever
 * the numbers, each reads back as exactly the number kept (NaN, +Infinity and -0 included); the
 * small form is used only when every value of the file fits, and setting a value it cannot hold
 * gives the numbers instead, the others unchanged.
 */
import fc from 'fast-check';
import { keptValue, storedValues, withKeptValue } from '../../src/consolidation/kept-values';

const score = fc.integer({ min: -32766, max: 32766 }).map((h) => h / 100);
const any = fc.oneof(
  score,
  fc.constantFrom(NaN, Infinity, -0, 0, 327.67, -327.67, 0.125, 1 / 3, 1e9),
  fc.double({ noNaN: true }),
);

const readBack = (values: ReturnType<typeof storedValues>) =>
  Array.from({ length: values.length }, (_, i) => keptValue(values, i));

describe('kept values', () => {
  it('read back as exactly the numbers kept, whatever they are', () => {
    fc.assert(
      fc.property(fc.array(any, { maxLength: 60 }), (numbers) => {
        const stored = storedValues(Float64Array.from(numbers));
        readBack(stored).forEach((v, i) => expect(Object.is(v, numbers[i])).toBe(true));
      }),
      { numRuns: 2000 },
    );
  });

  it('take two bytes a value when every value is a score of two decimals, or empty, or not a number', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(score, fc.constantFrom(NaN, Infinity)), { minLength: 1 }), (numbers) => {
        expect(storedValues(Float64Array.from(numbers))).toBeInstanceOf(Int16Array);
      }),
    );
    for (const odd of [0.125, -0, 327.67, 1 / 3])
      expect(storedValues(Float64Array.of(1.5, odd))).toBeInstanceOf(Float64Array);
  });

  it('a value the hundredths cannot hold turns them into the numbers, the others unchanged', () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 30 }), any, fc.nat(), (numbers, value, at) => {
        const i = at % numbers.length;
        const after = readBack(withKeptValue(storedValues(Float64Array.from(numbers)), i, value));
        const expected = [...numbers];
        expected[i] = value;
        after.forEach((v, j) => expect(Object.is(v, expected[j])).toBe(true));
      }),
      { numRuns: 1000 },
    );
  });
});
