/**
 * Every kind of value a score cell of a returned workbook can hold, for property tests of what is
 * kept of it: blanks, numeric text, text, booleans, Excel errors, non-finite numbers, -0, scores
 * of two decimals in and out of range, and any double.
 */
import fc from 'fast-check';
import type { CellValue } from '../../src/scoring/types';

export const scoreCell: fc.Arbitrary<CellValue | undefined> = fc.oneof(
  fc.constantFrom<CellValue | undefined>(
    undefined,
    null,
    '',
    '  ',
    '7,5',
    '7.25',
    'mười',
    true,
    { error: '#N/A' },
    Infinity,
    -Infinity,
    NaN,
    0,
    -0,
  ),
  fc.integer({ min: -40, max: 4000 }).map((n) => n / 100),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);
