/**
 * A unit's detail as consolidation keeps it (packed scores, lĩnh vực totals): it reads as the
 * plain detail it replaced — per leaf self, appraisal (round 2 over round 1), what counts, and
 * null where nothing was given (not 0) — and its JSON is that plain shape.
 */
import fc from 'fast-check';
import { keepEntries, leafOrder } from '../../src/consolidation/kept-entries';
import { detailFromKept, unitDetail } from '../../src/consolidation/unit-detail';
import { readScore } from '../../src/scoring/read';
import { computeTotals } from '../../src/scoring/totals';
import type { CellValue, LeafEntry, Scoresheet } from '../../src/scoring/types';
import { scoreCell } from '../helpers/score-cells';
import { smallFramework as fw } from '../helpers/small-framework';

const unit = { code: 'SA', name: 'Sở A', group: 'so' };
const sheet: Scoresheet = {
  frameworkId: fw.id,
  unit,
  entries: {
    '1.1': { self: 7.25, appraisal: 6.5, appraisal2: 0 },
    '1.2.1': { self: 0 },
    '2.1': { self: 'mười', appraisal: 12.75 },
    '3.1': { survey: 21.88 },
  },
};

function made() {
  const totals = computeTotals(fw, sheet);
  const detail = unitDetail(fw, { key: 'SA', unit, file: 'SA.xlsx', hasSurvey: true }, sheet, totals);
  return { totals, detail };
}

describe('unitDetail', () => {
  it('gives every leaf in framework order, with null for what was not given', () => {
    const { detail } = made();
    expect(detail.leaves.map((l) => l.code)).toEqual(['1.1', '1.2.1', '1.2.2', '2.1', '2.2', '3.1', '3.2']);
    const byCode = Object.fromEntries(detail.leaves.map((l) => [l.code, l]));
    // Round 2's 0 is an appraisal, not "none": it wins over round 1 and counts.
    expect(byCode['1.1']).toEqual({ code: '1.1', self: 7.25, appraisal: 0, final: 0 });
    expect(byCode['1.2.1']).toEqual({ code: '1.2.1', self: 0, appraisal: null, final: 0 });
    expect(byCode['1.2.2']).toEqual({ code: '1.2.2', self: null, appraisal: null, final: null });
    expect(byCode['2.1']).toEqual({ code: '2.1', self: null, appraisal: 12.75, final: 12.75 });
    expect(byCode['3.1']).toEqual({ code: '3.1', self: null, appraisal: null, final: 21.88 });
    expect(byCode['3.2'].final).toBeNull();
  });

  it('keeps the unit’s totals and those of its lĩnh vực, as the scoring engine gave them', () => {
    const { totals, detail } = made();
    expect(Object.keys(detail.totals.nodes)).toEqual(['1', '2', '3']);
    for (const code of ['1', '2', '3']) expect(detail.totals.nodes[code]).toEqual(totals.nodes[code]);
    const { nodes: _nodes, notYetAppraised: _n, ...top } = totals;
    expect(detail.totals).toMatchObject(top);
  });

  it('writes as the plain detail in JSON', () => {
    const { detail } = made();
    const json = JSON.parse(JSON.stringify(detail));
    expect(Object.keys(json).sort()).toEqual(['file', 'hasSurvey', 'key', 'leaves', 'totals', 'unit']);
    expect(json.leaves).toEqual(detail.leaves);
    expect(json.totals).toEqual(JSON.parse(JSON.stringify(detail.totals)));
  });
});

describe('detailFromKept', () => {
  const order = leafOrder(fw);
  const cell = scoreCell;

  const entries = fc.dictionary(
    fc.constantFrom(...order.map((n) => n.code)),
    fc.record({ self: cell, appraisal: cell, appraisal2: cell }, { requiredKeys: [] }),
  );
  const points = fc.dictionary(
    fc.constantFrom(...order.filter((n) => n.method === 'survey').map((n) => n.code)),
    fc.integer({ min: 0, max: 3000 }).map((n) => n / 100),
  );
  const value = (v: CellValue | undefined) => readScore(v).value;
  const of = { key: 'SA', unit, file: 'SA.xlsx', hasSurvey: true };

  it('gives, from a file’s kept scores and the survey points, what the rule says of its entries', () => {
    fc.assert(
      fc.property(entries, points, (raw, survey) => {
        const sheet: Scoresheet = { frameworkId: fw.id, unit, entries: raw as Record<string, LeafEntry> };
        const totals = computeTotals(fw, sheet);
        const detail = detailFromKept(
          fw,
          of,
          keepEntries(fw, sheet.entries),
          (c) => survey[c] ?? null,
          totals,
        );
        const expected = order.map((node) => {
          if (node.method === 'survey')
            return { code: node.code, self: null, appraisal: null, final: survey[node.code] ?? null };
          const e = sheet.entries[node.code] ?? {};
          const self = value(e.self);
          const appraisal = value(e.appraisal2) ?? value(e.appraisal);
          return { code: node.code, self, appraisal, final: appraisal ?? self };
        });
        expect(detail.leaves).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('reads a --jobs worker’s copy of the kept scores (its own list of codes)', () => {
    const kept = keepEntries(fw, sheet.entries);
    const copy = structuredClone(kept);
    expect(copy.codes).not.toBe(kept.codes);
    const totals = computeTotals(fw, sheet);
    const survey = (c: string) => value(sheet.entries[c]?.survey);
    expect(detailFromKept(fw, of, copy, survey, totals).leaves).toEqual(made().detail.leaves);
  });

  it('keeps every unit’s totals apart, over more units than one shared buffer holds', () => {
    const details = Array.from({ length: 1300 }, (_, i) => {
      const s: Scoresheet = {
        frameworkId: fw.id,
        unit,
        entries: { '1.1': { self: (i % 40) / 4 }, '2.1': { self: i % 21 } },
      };
      const totals = computeTotals(fw, s);
      return { totals, detail: detailFromKept(fw, of, keepEntries(fw, s.entries), () => null, totals) };
    });
    for (const { totals, detail } of details) {
      const { nodes, notYetAppraised: _n, ...top } = totals;
      expect(detail.totals).toMatchObject(top);
      for (const code of ['1', '2', '3']) expect(detail.totals.nodes[code]).toEqual(nodes[code]);
    }
    // Totals differ from unit to unit, so a detail reading another's numbers would be seen.
    expect(new Set(details.map((d) => d.detail.totals.total)).size).toBeGreaterThan(40);
  });
});
