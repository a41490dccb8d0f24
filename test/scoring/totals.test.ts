import fc from 'fast-check';
import { toScaled } from '../../src/common/decimal';
import { computeTotals } from '../../src/scoring/totals';
import { completeEntries, sampleFramework, sheetOf } from './framework-fixture';

describe('computeTotals', () => {
  const framework = sampleFramework();

  it('sums self, appraisal and survey per field and overall', () => {
    const sheet = sheetOf({
      ...completeEntries(), // self 1 + 2 + 2.75 + 1.5 = 7.25
      '1.3': { self: 2.75, appraisal: 2.5 },
      '1.5': { appraisal: -0.5 },
      '1.6': { self: 0.25, appraisal: 0.25 },
      '2.1': { survey: 5.47 },
      '2.2': { survey: 3.3 },
    });
    const t = computeTotals(framework, sheet);
    expect(t.self).toBe(7.5);
    // appraised: 1 + 2 + 2.5 + 1.5 (not yet appraised: self stands) − 0.5 + 0.25
    expect(t.appraised).toBe(6.75);
    expect(t.survey).toBe(8.77);
    expect(t.total).toBe(15.52);
    // sở: 1.4 does not apply; 1.7 max 1.5 → 1 + 2 + 3 + 1.5 + 10
    expect(t.max).toBe(17.5);
    expect(t.index).toBe(88.69); // 15.52 / 17.5 = 88.6857…
    expect(t.nodes['1']).toEqual({
      code: '1',
      self: 7.5,
      appraised: 6.75,
      survey: 0,
      total: 6.75,
      max: 7.5,
      index: 90,
    });
    expect(t.nodes['2']).toMatchObject({ survey: 8.77, max: 10, index: 87.7 });
    expect(t.notYetAppraised).toEqual(['1.1', '1.2', '1.7']);
  });

  it('uses round 2 over round 1 over the self score', () => {
    const t = computeTotals(framework, sheetOf({ '1.3': { self: 3, appraisal: 2, appraisal2: 2.5 } }));
    expect(t.nodes['1'].appraised).toBe(2.5);
  });

  it("removes leaves that do not apply from the unit's maximum", () => {
    expect(computeTotals(framework, sheetOf({}, 'so')).max).toBe(17.5);
    expect(computeTotals(framework, sheetOf({}, 'huyen')).max).toBe(20.5);
    const scoredAnyway = computeTotals(framework, sheetOf({ '1.4': { self: 2 } }, 'so'));
    expect(scoredAnyway.self).toBe(0);
  });

  it('counts unreadable and invalid scores as 0', () => {
    const t = computeTotals(
      framework,
      sheetOf({
        '1.1': { self: 'hai' },
        '1.2': { self: 1.5 }, // not a tier's points
        '1.3': { self: 9 }, // above max
        '1.7': { self: '1,5' }, // numeric text: counts
        '2.1': { survey: { error: '#N/A' } },
        '2.2': { survey: 5 }, // above max
      }),
    );
    expect(t.self).toBe(1.5);
    expect(t.survey).toBe(0);
  });

  it('converts survey rates when the sheet holds rates', () => {
    const sheet = { ...sheetOf({ '2.1': { survey: 91.17 }, '2.2': { survey: 3 } }), surveyIsRate: true };
    const t = computeTotals(framework, sheet);
    expect(t.survey).toBe(8.47); // 5.47 + 3 (the leaders source sends points)
  });

  it('gives index null when nothing applies', () => {
    const empty = sampleFramework({
      tree: [
        {
          code: '1',
          name: 'Chỉ huyện',
          max: 1,
          children: [{ code: '1.1', name: 'x', max: 1, appliesTo: ['huyen'] }],
        },
      ],
    });
    const t = computeTotals(empty, sheetOf({}, 'so'));
    expect(t.max).toBe(0);
    expect(t.index).toBeNull();
  });

  it('rounds once, at the end, to the framework places', () => {
    const threePlaces = sampleFramework({ places: 3 });
    const t = computeTotals(threePlaces, { ...sheetOf({ '2.1': { survey: 91.17 } }), surveyIsRate: true });
    expect(t.survey).toBe(5.47); // 91.17 % × 6 = 5.4702 → 5.470 at 3 places
    expect(t.index).toBe(31.257); // 5.4702 rounded per leaf to 5.470; 5.47 / 17.5 = 31.2571…
  });

  it('keeps totals exact, total = appraised + survey, and index in [0, 100] (property)', () => {
    const cents = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100);
    const quarter = (max: number) => fc.integer({ min: 0, max: max * 4 }).map((q) => q / 4);
    fc.assert(
      fc.property(
        fc.constantFrom(1, 0.5, 0),
        fc.constantFrom(2, 1, 0),
        quarter(3),
        fc.option(quarter(3), { nil: undefined }),
        cents(1.5),
        cents(6),
        cents(4),
        fc.integer({ min: -4, max: 0 }).map((h) => h / 2),
        (l1, l2, l3, a3, l7, s1, s2, d) => {
          const sheet = sheetOf({
            '1.1': { self: l1, evidence: 'x' },
            '1.2': { self: l2 },
            '1.3': { self: l3, appraisal: a3 },
            '1.5': { appraisal: d },
            '1.7': { self: l7 },
            '2.1': { survey: s1 },
            '2.2': { survey: s2 },
          });
          const t = computeTotals(framework, sheet);
          const expectedSelf = [l1, l2, l3, l7].reduce((acc, v) => acc + Math.round(v * 100), 0);
          expect(toScaled(t.self, 2)).toBe(expectedSelf);
          expect(toScaled(t.total, 2)).toBe(toScaled(t.appraised, 2) + toScaled(t.survey, 2));
          expect(String(t.total)).toMatch(/^-?\d+(\.\d{1,2})?$/);
          expect(t.index).not.toBeNull();
          expect(t.index as number).toBeGreaterThanOrEqual(0);
          expect(t.index as number).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});

describe('computeTotals with deductions', () => {
  it('never lets deductions take a criterion or the sheet below 0', () => {
    const t = computeTotals(sampleFramework(), sheetOf({ '1.3': { self: 0.5 }, '1.5': { appraisal: -2 } }));
    expect(t.nodes['1'].appraised).toBe(0);
    expect(t.appraised).toBe(0);
    expect(t.index).toBe(0);
    expect(t.nodes['1'].self).toBe(0.5);
  });
});
