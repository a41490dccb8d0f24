import { pointsLost } from '../../src/consolidation/points-lost';
import type { LeafDetail, UnitDetail } from '../../src/consolidation/types';
import { isLeaf, walk } from '../../src/framework/tree';
import { rankUnits } from '../../src/scoring/rank';
import { computeTotals } from '../../src/scoring/totals';
import type { LeafEntry, PreviousResult, UnitRef } from '../../src/scoring/types';
import { smallFramework as fw } from '../helpers/small-framework';

type Scores = Record<string, { self?: number; appraisal?: number; survey?: number }>;

/** A unit's detail as consolidation makes it: totals from the scoring engine, leaves as entered. */
function detail(unit: UnitRef, scores: Scores): UnitDetail {
  const entries: Record<string, LeafEntry> = {};
  for (const [code, s] of Object.entries(scores)) entries[code] = { ...s };
  const totals = computeTotals(fw, { frameworkId: fw.id, unit, entries });
  const leaves: LeafDetail[] = walk(fw.tree)
    .filter((v) => isLeaf(v.node))
    .map(({ node }) => {
      const s = scores[node.code] ?? {};
      if (node.method === 'survey')
        return { code: node.code, self: null, appraisal: null, final: s.survey ?? null };
      return {
        code: node.code,
        self: s.self ?? null,
        appraisal: s.appraisal ?? null,
        final: s.appraisal ?? s.self ?? null,
      };
    });
  return { key: unit.code || unit.name, unit, file: `${unit.code}.xlsx`, totals, leaves, hasSurvey: true };
}

const A = { code: 'SA', name: 'Sở A', group: 'so' };
const B = { code: 'SB', name: 'Sở B', group: 'so' };
const T = { code: 'TTT', name: 'Thanh tra tỉnh', group: 'so' };
const C = { code: 'HC', name: 'Huyện C', group: 'huyen' };

function run(previous?: PreviousResult[], top?: number) {
  const details = [
    detail(A, {
      '1.1': { self: 8, appraisal: 7.5 },
      '1.2.1': { self: 10, appraisal: 5 },
      '1.2.2': { self: 9.5 },
      '2.1': { self: 20, appraisal: 19.75 },
      '3.1': { survey: 20.5 },
      '3.2': { survey: 15 },
    }),
    detail(B, {
      '1.1': { self: 10, appraisal: 10 },
      '1.2.1': { self: 10, appraisal: 10 },
      '1.2.2': { self: 8, appraisal: 8 },
      '2.1': { self: 15, appraisal: 15.25 },
      '3.1': { survey: 22.33 },
      '3.2': { survey: 12 },
    }),
    detail(T, {
      '1.1': { self: 9, appraisal: 9 },
      '1.2.1': { self: 10, appraisal: 10 },
      '1.2.2': { self: 9, appraisal: 9 },
      '2.1': { self: 20, appraisal: 20 },
      '3.1': { survey: 24 },
      '3.2': { survey: 16 },
    }),
    detail(C, {
      '1.1': { self: 10, appraisal: 10 },
      '1.2.1': { self: 10, appraisal: 10 },
      '1.2.2': { self: 10, appraisal: 10 },
      '2.1': { self: 20, appraisal: 20 },
      '2.2': { self: 10, appraisal: 9.75 },
      '3.1': { survey: 24 },
      '3.2': { survey: 16 },
    }),
  ];
  const units = rankUnits(
    details.map((d) => ({
      unit: d.unit.name,
      code: d.unit.code,
      group: d.unit.group,
      appraisal: d.totals.appraised,
      survey: d.totals.survey,
      max: d.totals.max,
      ranked: d.unit.name !== 'Thanh tra tỉnh',
    })),
    { previous },
  );
  return pointsLost({ framework: fw, units, details }, { top });
}

const byCode = (code: string) => run().find((u) => u.code === code)!;

describe('pointsLost: where each unit lost its points', () => {
  it('lists the leaves that lost points, most first, with the score that counts (appraisal over self)', () => {
    const a = byCode('SA');
    expect(a.leaves.map((l) => [l.code, l.lost])).toEqual([
      ['1.2.1', 5],
      ['3.1', 3.5],
      ['1.1', 2.5],
      ['3.2', 1],
      ['1.2.2', 0.5],
      ['2.1', 0.25],
    ]);
    expect(a.leaves[0]).toEqual({
      code: '1.2.1',
      name: 'Báo cáo đúng hạn',
      fieldCode: '1',
      max: 10,
      self: 10,
      appraisal: 5,
      score: 5,
      lost: 5,
      survey: false,
    });
    // Not yet appraised: the self score counts.
    expect(a.leaves.find((l) => l.code === '1.2.2')).toMatchObject({
      self: 9.5,
      appraisal: null,
      score: 9.5,
    });
    expect(a.leaves.find((l) => l.code === '3.1')).toMatchObject({ survey: true, score: 20.5 });
    // 2.2 applies only to districts: never a loss for a sở.
    expect(a.leaves.some((l) => l.code === '2.2')).toBe(false);
    expect(a.leavesLosing).toBe(6);
    // 5 + 3.5 + 2.5 + 1 + 0.5 + 0.25 = 90 − 77.25.
    expect([a.total, a.max, a.lost]).toEqual([77.25, 90, 12.75]);
  });

  it('computes exact decimals: 20 − 15.25, 24 − 22.33, the average 34.915 rounded half up', () => {
    const b = byCode('SB');
    expect(b.leaves.map((l) => [l.code, l.lost])).toEqual([
      ['2.1', 4.75],
      ['3.2', 4],
      ['1.2.2', 2],
      ['3.1', 1.67],
    ]);
    expect(b.lost).toBe(12.42);
    const field3 = b.fields.find((f) => f.code === '3')!;
    expect(field3).toEqual({
      code: '3',
      name: 'Mức độ hài lòng (SIPAS)',
      max: 40,
      points: 34.33,
      lost: 5.67,
      groupAverage: 34.92,
      groupBest: 35.5,
      toAverage: -0.59,
      toBest: -1.17,
    });
  });

  it('compares each lĩnh vực with the ranked units of the group (a unit not ranked is not in the average)', () => {
    const a = byCode('SA');
    expect(
      a.fields.map((f) => [f.code, f.max, f.points, f.groupAverage, f.groupBest, f.toAverage, f.toBest]),
    ).toEqual([
      ['1', 30, 22, 25, 28, -3, -6],
      ['2', 20, 19.75, 17.5, 19.75, 2.25, 0],
      ['3', 40, 35.5, 34.92, 35.5, 0.58, 0],
    ]);
    // Thanh tra tỉnh (assessed, not ranked) is compared against the same average.
    const t = byCode('TTT');
    expect(t.ranked).toBe(false);
    expect(t.rank).toBeNull();
    expect(t.fields[0]).toMatchObject({
      points: 28,
      groupAverage: 25,
      groupBest: 28,
      toAverage: 3,
      toBest: 0,
    });
    // Its own group: the district is alone, its own best and average.
    const c = byCode('HC');
    expect(c.fields[1]).toMatchObject({ max: 30, points: 29.75, groupAverage: 29.75, groupBest: 29.75 });
    expect(c.leaves).toEqual([expect.objectContaining({ code: '2.2', lost: 0.25 })]);
  });

  it('keeps tree order among equal losses and cuts to `top`', () => {
    const t = byCode('TTT');
    expect(t.leaves.map((l) => [l.code, l.lost])).toEqual([
      ['1.1', 1],
      ['1.2.2', 1],
    ]);
    const cut = run(undefined, 2).find((u) => u.code === 'SA')!;
    expect(cut.leaves.map((l) => l.code)).toEqual(['1.2.1', '3.1']);
    expect(cut.leavesLosing).toBe(6);
  });

  it('gives the change from the previous ranking where the unit was in it, else null', () => {
    const units = run([{ unit: 'Sở A', code: 'SA', group: 'so', rank: 1, index: 90.1 }]);
    const a = units.find((u) => u.code === 'SA')!;
    expect([a.rank, a.index]).toEqual([2, 85.83]);
    expect(a.previous).toEqual({ rank: 1, index: 90.1, rankChange: -1, indexChange: -4.27 });
    expect(units.find((u) => u.code === 'SB')!.previous).toBeNull();
  });

  it('is empty without a framework and skips units that have no detail', () => {
    expect(pointsLost({ framework: null, units: [], details: [] })).toEqual([]);
    const [only] = rankUnits([{ unit: 'X', group: 'so', appraisal: 50, survey: 30, max: 100, ranked: true }]);
    expect(pointsLost({ framework: fw, units: [only], details: [] })).toEqual([]);
  });
});
