/**
 * The packed scores a consolidation keeps of a file (src/consolidation/kept-entries.ts) must rank
 * the unit exactly as the file's own entries would: over random cells of every kind a returned
 * workbook can hold (scores in and out of range, numeric text, text, booleans, Excel errors,
 * blanks, non-finite numbers), the totals and the leaf details computed from the kept scores
 * equal those computed from the entries themselves.
 */
import fc from 'fast-check';
import { keepEntries, keptAsEntries, keptIntoEntries } from '../../src/consolidation/kept-entries';
import { unitDetail } from '../../src/consolidation/unit-detail';
import { isLeaf, walk } from '../../src/framework/tree';
import { computeTotals } from '../../src/scoring/totals';
import type { LeafEntry, Scoresheet } from '../../src/scoring/types';
import { scoreCell } from '../helpers/score-cells';
import { smallFramework as fw } from '../helpers/small-framework';

const leafCodes = walk(fw.tree)
  .filter((v) => isLeaf(v.node))
  .map((v) => v.node.code);

const cell = scoreCell;

const entries = fc.dictionary(
  fc.constantFrom(...leafCodes, '9.9'),
  fc.record({ self: cell, appraisal: cell, appraisal2: cell }, { requiredKeys: [] }),
);

describe('kept entries', () => {
  it('rank a unit as the entries they were kept from', () => {
    fc.assert(
      fc.property(entries, fc.constantFrom('so', 'huyen'), (raw, group) => {
        const unit = { code: 'U1', name: 'Đơn vị 1', group };
        const original: Scoresheet = { frameworkId: fw.id, unit, entries: raw as Record<string, LeafEntry> };
        const kept = keepEntries(fw, original.entries);
        const again: Scoresheet = { frameworkId: fw.id, unit, entries: keptAsEntries(kept) };
        const totals = computeTotals(fw, original);
        expect(computeTotals(fw, again)).toEqual(totals);
        const of = { key: 'U1', unit, file: 'U1.xlsx', hasSurvey: false };
        expect(unitDetail(fw, of, again, totals).leaves).toEqual(unitDetail(fw, of, original, totals).leaves);
      }),
      { numRuns: 1000 },
    );
  });

  it('keep 3 numbers per leaf and share the framework’s code list between files', () => {
    const a = keepEntries(fw, { '1.1': { self: 7.5 } });
    const b = keepEntries(fw, {});
    expect(a.values).toHaveLength(leafCodes.length * 3);
    expect(a.codes).toBe(b.codes);
    expect(keptAsEntries(a)['1.1']).toEqual({ self: 7.5, appraisal: null, appraisal2: null });
  });

  it('written one unit after another into the same entry objects, rank each unit as its own', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(entries, fc.constantFrom('so', 'huyen')), { minLength: 1, maxLength: 8 }),
        (units) => {
          const scratch: Record<string, LeafEntry> = {};
          for (const [raw, group] of units) {
            const unit = { code: 'U1', name: 'Đơn vị 1', group };
            const original: Scoresheet = {
              frameworkId: fw.id,
              unit,
              entries: raw as Record<string, LeafEntry>,
            };
            const kept = keepEntries(fw, original.entries);
            const reused: Scoresheet = { frameworkId: fw.id, unit, entries: keptIntoEntries(kept, scratch) };
            expect(computeTotals(fw, reused)).toEqual(computeTotals(fw, original));
            for (const code of leafCodes)
              expect({ ...reused.entries[code], survey: undefined }).toEqual({
                ...keptAsEntries(kept)[code],
                survey: undefined,
              });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
