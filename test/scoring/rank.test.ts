import fc from 'fast-check';
import { toScaled } from '../../src/common/decimal';
import { bandFor, MISSING_SURVEY_WARNING, normalizeUnitName, rankUnits } from '../../src/scoring/rank';
import type { RankInput } from '../../src/scoring/types';

const unit = (
  name: string,
  appraisal: number,
  survey: number | null,
  extra: Partial<RankInput> = {},
): RankInput => ({
  unit: name,
  group: 'so',
  appraisal,
  survey,
  max: 100,
  ranked: true,
  ...extra,
});

describe('rankUnits', () => {
  it('ranks by index descending; equal indices share a rank and the next skips (1, 2, 2, 4)', () => {
    const out = rankUnits([unit('A', 60, 20), unit('B', 70, 20), unit('C', 65, 15), unit('D', 60, 10)]);
    expect(out.map((u) => [u.unit, u.rank, u.index])).toEqual([
      ['B', 1, 90],
      ['A', 2, 80],
      ['C', 2, 80],
      ['D', 4, 70],
    ]);
  });

  it('uses dense ranks when the framework says so (1, 2, 2, 3)', () => {
    const out = rankUnits([unit('A', 60, 20), unit('B', 70, 20), unit('C', 65, 15), unit('D', 60, 10)], {
      tieRule: 'dense',
    });
    expect(out.map((u) => u.rank)).toEqual([1, 2, 2, 3]);
  });

  it('decides ties at the published precision, not on hidden decimals', () => {
    // 66.666…% and 66.67% are the same published index at 2 places, different at 3.
    const a = unit('A', 20, 0, { max: 30 });
    const b = unit('B', 66.67, 0);
    expect(rankUnits([a, b]).map((u) => u.rank)).toEqual([1, 1]);
    expect(rankUnits([a, b], { places: 3 }).map((u) => [u.unit, u.rank, u.index])).toEqual([
      ['B', 1, 66.67],
      ['A', 2, 66.667],
    ]);
  });

  it('lists units not ranked without a rank, last in their group, consuming no rank', () => {
    const out = rankUnits([
      unit('Thanh tra tỉnh', 70, 25, { ranked: false }),
      unit('A', 60, 20),
      unit('B', 50, 20),
    ]);
    expect(out.map((u) => [u.unit, u.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['Thanh tra tỉnh', null],
    ]);
  });

  it('ranks per group, groups in the given order then in order of appearance', () => {
    const out = rankUnits(
      [
        unit('H1', 60, 20, { group: 'huyen' }),
        unit('S1', 50, 20),
        unit('X1', 40, 20, { group: 'xa' }),
        unit('S2', 70, 20),
      ],
      { groupOrder: ['so'] },
    );
    expect(out.map((u) => [u.group, u.unit, u.rank])).toEqual([
      ['so', 'S2', 1],
      ['so', 'S1', 2],
      ['huyen', 'H1', 1],
      ['xa', 'X1', 1],
    ]);
  });

  it('computes total and index exactly, with the applicable maximum', () => {
    const [u] = rankUnits([unit('Thanh Hóa', 44.32, 24, { max: 84 })]);
    expect(u).toMatchObject({ total: 68.32, max: 84, index: 81.33 });
    const [v] = rankUnits([unit('x', 0.1, 0.2)]);
    expect(v.total).toBe(0.3);
  });

  it('ranks a unit without survey data with 0 and a visible warning', () => {
    const out = rankUnits([unit('A', 60, null), unit('B', 50, 20)]);
    expect(out.map((u) => [u.unit, u.survey, u.rank])).toEqual([
      ['B', 20, 1],
      ['A', 0, 2],
    ]);
    expect(out[1].warnings).toEqual([MISSING_SURVEY_WARNING]);
    expect(out[0].warnings).toEqual([]);
  });

  it('warns about a total above the maximum and a maximum of 0', () => {
    const [over, zero] = rankUnits([unit('A', 90, 20), unit('B', 1, 1, { max: 0 })]);
    expect(over.warnings.join(' ')).toContain('vượt điểm tối đa');
    expect(zero.index).toBe(0);
    expect(zero.warnings.join(' ')).toContain('lớn hơn 0');
  });

  it('gives each unit the band of its group', () => {
    const bands = [
      { name: 'Tốt', min: 90 },
      { name: 'Khá', min: 80 },
      { name: 'Xuất sắc', min: 95, groups: ['huyen'] },
    ];
    const out = rankUnits(
      [unit('A', 70, 26), unit('B', 60, 25), unit('C', 70, 26, { group: 'huyen' }), unit('D', 10, 10)],
      {
        bands,
      },
    );
    expect(out.map((u) => [u.unit, u.band])).toEqual([
      ['A', 'Tốt'],
      ['B', 'Khá'],
      ['D', null],
      ['C', 'Xuất sắc'],
    ]);
    expect(bandFor(89.99, 'so', bands)).toBe('Khá');
    expect(bandFor(90, 'so', bands)).toBe('Tốt');
  });

  it('compares with a previous ranking, by code first, then by normalised name', () => {
    const out = rankUnits(
      [unit('Sở Giao thông Vận tải', 68.5, 26.39), unit('Sở Tư pháp', 67, 24.97, { code: 'STP' })],
      {
        previous: [
          { unit: 'SỞ GIAO THÔNG - VẬN TẢI'.normalize('NFD'), rank: 3, index: 90.5 },
          { unit: 'Tên cũ của Sở Tư pháp', code: 'STP', rank: 1, index: 93 },
        ],
      },
    );
    expect(out[0].previous).toEqual({ rank: 3, index: 90.5, rankChange: 2, indexChange: 4.39 });
    expect(out[1].previous).toEqual({ rank: 1, index: 93, rankChange: -1, indexChange: -1.03 });
    expect(normalizeUnitName('  Sở  Giao thông  ')).toBe(normalizeUnitName('sở giao thông'));
  });

  it('leaves `previous` out for a unit that is new', () => {
    const [u] = rankUnits([unit('Sở mới', 1, 1)], { previous: [{ unit: 'Sở cũ', rank: 1, index: 90 }] });
    expect(u.previous).toBeUndefined();
  });
});

describe('rankUnits properties', () => {
  const inputArb = fc.array(
    fc.record({
      appraisal: fc.integer({ min: 0, max: 6800 }).map((c) => c / 100),
      survey: fc.option(
        fc.integer({ min: 0, max: 3200 }).map((c) => c / 100),
        { nil: null },
      ),
      group: fc.constantFrom('so', 'huyen'),
      ranked: fc.boolean(),
    }),
    { minLength: 1, maxLength: 30 },
  );
  const toInputs = (rows: { appraisal: number; survey: number | null; group: string; ranked: boolean }[]) =>
    rows.map((r, i): RankInput => ({ unit: `U${i}`, max: 100, ...r }));

  it('index in [0, 100], total = appraisal + survey exactly', () => {
    fc.assert(
      fc.property(inputArb, (rows) => {
        for (const u of rankUnits(toInputs(rows))) {
          expect(u.index).toBeGreaterThanOrEqual(0);
          expect(u.index).toBeLessThanOrEqual(100);
          expect(toScaled(u.total, 2)).toBe(toScaled(u.appraisal, 2) + toScaled(u.survey, 2));
        }
      }),
    );
  });

  it('ranks per group run 1..n with shared ties, the next rank skipping; higher index never ranks lower', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom('shared' as const, 'dense' as const), (rows, tieRule) => {
        const out = rankUnits(toInputs(rows), { tieRule });
        for (const group of ['so', 'huyen']) {
          const ranked = out.filter((u) => u.group === group && u.ranked);
          const unranked = out.filter((u) => u.group === group && !u.ranked);
          expect(unranked.every((u) => u.rank === null)).toBe(true);
          // unranked are listed after every ranked unit of the group
          const positions = out.map((u, i) => (u.group === group ? i : -1)).filter((i) => i >= 0);
          expect(positions.map((i) => out[i].ranked)).toEqual([
            ...ranked.map(() => true),
            ...unranked.map(() => false),
          ]);
          ranked.forEach((u, i) => {
            const rank = u.rank as number;
            if (i === 0) expect(rank).toBe(1);
            else {
              const prev = ranked[i - 1];
              if (prev.index === u.index) expect(rank).toBe(prev.rank);
              else {
                expect(u.index).toBeLessThan(prev.index);
                expect(rank).toBe(tieRule === 'shared' ? i + 1 : (prev.rank as number) + 1);
              }
            }
          });
          for (const a of ranked)
            for (const b of ranked)
              if (a.index > b.index) expect(a.rank as number).toBeLessThan(b.rank as number);
          if (ranked.length && tieRule === 'shared') {
            expect(Math.max(...ranked.map((u) => u.rank as number))).toBeLessThanOrEqual(ranked.length);
          }
        }
      }),
    );
  });
});
