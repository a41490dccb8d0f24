import fc from 'fast-check';
import {
  addPoints,
  divRoundHalfUp,
  mulDivRoundHalfUp,
  fromHundredths,
  isMultipleOf,
  percentOf,
  roundHalfUp,
  sumPoints,
  toHundredths,
  toScaled,
} from '../../src/common/decimal';
import { formatVi, parseNumberText } from '../../src/common/vi-number';

describe('decimal', () => {
  it('adds 0.1 + 0.2 to exactly 0.3', () => {
    expect(addPoints(0.1, 0.2)).toBe(0.3);
    expect(String(addPoints(0.1, 0.2))).toBe('0.3');
    expect(addPoints(68.5, 26.39)).toBe(94.89);
  });

  it('converts to and from hundredths, rounding half away from zero', () => {
    expect(toHundredths(1.005)).toBe(101);
    expect(toHundredths(-0.125)).toBe(-13);
    expect(toHundredths(1e-7)).toBe(0);
    expect(fromHundredths(30)).toBe(0.3);
    expect(Object.is(fromHundredths(-0), 0)).toBe(true);
    expect(() => toHundredths(Number.NaN)).toThrow(RangeError);
  });

  it('rounds half up at any number of places', () => {
    expect(roundHalfUp(68.325, 2)).toBe(68.33);
    expect(roundHalfUp(9.117, 2)).toBe(9.12);
    expect(roundHalfUp(2.5, 0)).toBe(3);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
    expect(roundHalfUp(81.3333, 3)).toBe(81.333);
  });

  it('divides integers with half-up rounding', () => {
    expect(divRoundHalfUp(7, 2)).toBe(4);
    expect(divRoundHalfUp(-7, 2)).toBe(-4);
    expect(divRoundHalfUp(5, 3)).toBe(2);
    expect(() => divRoundHalfUp(1, 0)).toThrow(RangeError);
  });

  it('multiplies then divides exactly beyond the safe integers (an index of sums at 10^-8)', () => {
    expect(mulDivRoundHalfUp(7, 1, 2)).toBe(4);
    // 99,99999999 points of 100 at 10^-8, index at 4 places: 9 999 999 999 × 10^6 > 2^53.
    expect(mulDivRoundHalfUp(9_999_999_999, 1_000_000, 10_000_000_000)).toBe(1_000_000);
    expect(mulDivRoundHalfUp(9_999_949_999, 1_000_000, 10_000_000_000)).toBe(999_995);
    expect(mulDivRoundHalfUp(-9_999_949_999, 1_000_000, 10_000_000_000)).toBe(-999_995);
    expect(() => mulDivRoundHalfUp(2 ** 40, 2 ** 20, 0)).toThrow(RangeError);
  });

  it('computes percentages exactly (Thanh Hóa 2023: 68.32 of 84 → 81.33)', () => {
    expect(percentOf(68.32, 84)).toBe(81.33);
    expect(percentOf(94.89, 100)).toBe(94.89);
    expect(percentOf(1, 3, 3)).toBe(33.333);
    expect(percentOf(1, 0)).toBeNull();
  });

  it('checks steps at 4 decimals', () => {
    expect(isMultipleOf(0.75, 0.25)).toBe(true);
    expect(isMultipleOf(0.3, 0.25)).toBe(false);
    expect(isMultipleOf(0.375, 0.125)).toBe(true);
    expect(isMultipleOf(-0.5, 0.25)).toBe(true);
  });

  it.each([
    ['1,5', 1.5],
    [' 2 ', 2],
    ['0.25', 0.25],
    ['\u00a01,25\u00a0', 1.25],
    [',5', 0.5],
    ['-0,5', -0.5],
    ['\u22120,5', -0.5],
    ['+1', 1],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1.234.567', 1234567],
    ['1.234', 1.234],
    ['-0', 0],
  ])('reads %j as %p', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it.each([
    'hai',
    '',
    '   ',
    '1e3',
    '50%',
    'Infinity',
    '1 5',
    '5,',
    '1.23,4',
    '1,2,3',
    '12.34.5',
    '--1',
    'NaN',
  ])('refuses %j', (text) => {
    expect(parseNumberText(text)).toBeNull();
  });

  it('formats with a decimal comma', () => {
    expect(formatVi(94.89)).toBe('94,89');
    expect(formatVi(68.5)).toBe('68,50');
    expect(formatVi(0.1 + 0.2)).toBe('0,30');
    expect(formatVi(1234.5)).toBe('1.234,50');
    expect(formatVi(-0.5)).toBe('-0,50');
    expect(formatVi(82.5, 3)).toBe('82,500');
    expect(formatVi(7, 0)).toBe('7');
    expect(formatVi(0.004)).toBe('0,00');
  });

  it('keeps sums of 0.01 steps exact (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10000, max: 10000 }), { maxLength: 200 }), (cents) => {
        const values = cents.map((c) => c / 100);
        const sum = sumPoints(values);
        const expected = cents.reduce((a, b) => a + b, 0);
        expect(toScaled(sum, 2)).toBe(expected);
        // the printed value never carries binary noise
        expect(String(sum)).toMatch(/^-?\d+(\.\d{1,2})?$/);
      }),
    );
  });

  it('round-trips formatted text through the parser (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (cents) => {
        const v = cents / 100;
        expect(parseNumberText(formatVi(v))).toBe(v);
      }),
    );
  });
});
