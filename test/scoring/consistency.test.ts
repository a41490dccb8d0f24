/**
 * Validation and totals must agree (DESIGN.md: one rule source): a self score counts in the totals
 * exactly when validation finds no value error on that cell.
 */
import fc from 'fast-check';
import { toScaled } from '../../src/common/decimal';
import { computeTotals } from '../../src/scoring/totals';
import type { CellValue } from '../../src/scoring/types';
import { validateScoresheet } from '../../src/scoring/validate';
import { sampleFramework, sheetOf } from './framework-fixture';

const VALUE_RULES = new Set([
  'value.notANumber',
  'score.negative',
  'score.aboveMax',
  'score.notALevel',
  'score.notATierPoint',
  'score.offStep',
  'score.notApplicable',
  'deduction.positive',
  'deduction.beyondCap',
  'bonus.beyondCap',
]);
const SELF_LEAVES = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7'];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -300, max: 400 }).map((c) => c / 100),
  fc.integer({ min: -12, max: 16 }).map((q) => q / 4),
  fc.integer({ min: -300, max: 400 }).map((c) => (c / 100).toString().replace('.', ',')),
  fc.constantFrom<CellValue>('hai', '', null, undefined, true, { error: '#VALUE!' }, ' 1 ', 0.1 + 0.2),
);

describe('validation and totals agree', () => {
  const framework = sampleFramework();
  it('a self score counts iff no value rule fires on it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 7, maxLength: 7 }),
        fc.constantFrom('so', 'huyen'),
        (values, group) => {
          const entries = Object.fromEntries(
            SELF_LEAVES.map((code, i) => [code, { self: values[i], evidence: 'x' }]),
          );
          const sheet = sheetOf(entries, group);
          const problems = validateScoresheet(framework, sheet);
          let expected = 0;
          SELF_LEAVES.forEach((code, i) => {
            const v = values[i];
            const flagged = problems.some(
              (p) => p.code === code && p.field === 'self' && VALUE_RULES.has(p.rule),
            );
            const n =
              typeof v === 'number'
                ? v
                : typeof v === 'string' && v.trim() && !/hai/.test(v)
                  ? Number(v.replace(',', '.'))
                  : null;
            if (!flagged && n !== null) expected += toScaled(n, 2);
          });
          const t = computeTotals(framework, sheet);
          // The sheet-level floor at 0 only matters when deductions outweigh everything.
          expect(toScaled(t.self, 2)).toBe(Math.max(0, expected));
        },
      ),
      { numRuns: 300 },
    );
  });
});
