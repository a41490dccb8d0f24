import type { RankedUnit } from '../../src/scoring/types';
import { buildRankingPlan, FORMAT, RANKING_SHEET, rankingLayout } from '../../src/workbook/ranking-plan';
import { smallFramework } from '../helpers/small-framework';

function unit(over: Partial<RankedUnit> & Pick<RankedUnit, 'unit' | 'group'>): RankedUnit {
  return {
    code: null,
    self: null,
    appraisal: 50,
    survey: 30,
    total: 80,
    max: 100,
    index: 80,
    rank: 1,
    band: 'Khá',
    ranked: true,
    warnings: [],
    ...over,
  };
}

describe('buildRankingPlan', () => {
  const units: RankedUnit[] = [
    unit({
      unit: 'Châu Đốc',
      code: 'H01',
      group: 'huyen',
      appraisal: 66.5,
      survey: 25.56,
      total: 92.06,
      index: 92.06,
      rank: 1,
      band: 'Tốt',
    }),
    unit({
      unit: 'Thanh tra tỉnh',
      code: 'S99',
      group: 'so',
      ranked: false,
      rank: null,
      index: 82.5,
      total: 82.5,
    }),
    unit({ unit: 'Sở Tư pháp', code: 'S02', group: 'so', rank: 2, index: 91.97, total: 91.97 }),
    unit({
      unit: '=Sở Giao thông Vận tải',
      code: 'S01',
      group: 'so',
      rank: 1,
      appraisal: 68.5,
      survey: 26.39,
      total: 94.89,
      index: 94.89,
      band: 'Tốt',
    }),
  ];

  it('lays out one block per group in framework order, ranked units by rank and unranked ones last', () => {
    const plan = buildRankingPlan(units, smallFramework);
    expect(plan.sheetName).toBe(RANKING_SHEET);
    expect(plan.blocks.map((b) => b.group)).toEqual(['so', 'huyen']);
    const so = plan.blocks[0];
    const names = plan.rows.slice(so.firstUnitRow, so.lastUnitRow + 1).map((r) => r.cells[2]);
    expect(names).toEqual(['=Sở Giao thông Vận tải', 'Sở Tư pháp', 'Thanh tra tỉnh (*)']);
    expect(plan.rows[so.lastUnitRow + 1].kind).toBe('note');
    expect(plan.rows[so.headerRow].cells).toEqual([
      'Hạng',
      'Mã',
      'Đơn vị',
      'Điểm thẩm định',
      'Điểm điều tra XHH',
      'Tổng điểm',
      'Điểm tối đa',
      'Chỉ số (%)',
      'Xếp loại',
    ]);
    expect(plan.rows.some((r) => r.kind === 'subtitle' && String(r.cells[0]).includes('MINH HỌA'))).toBe(
      true,
    );
  });

  it('keeps numbers as numbers with 0.00 and marks text cells "@" (so "=..." stays text)', () => {
    const plan = buildRankingPlan(units, smallFramework);
    const row = plan.rows[plan.blocks[0].firstUnitRow];
    expect(row.cells).toEqual([1, 'S01', '=Sở Giao thông Vận tải', 68.5, 26.39, 94.89, 100, 94.89, 'Tốt']);
    expect(row.formats).toEqual([FORMAT.rank, '@', '@', '0.00', '0.00', '0.00', '0.00', '0.00', '@']);
    const unranked = plan.rows[plan.blocks[0].lastUnitRow];
    expect(unranked.cells[0]).toBe('—');
  });

  it('adds one column per field when field totals are given, and change columns when a previous ranking is', () => {
    const withPrev = units.map((u) =>
      u.code === 'S01' ? { ...u, previous: { rank: 3, index: 90.1, rankChange: 2, indexChange: 4.79 } } : u,
    );
    const plan = buildRankingPlan(withPrev, smallFramework, {
      fieldTotals: { S01: { '1': 28.5, '2': 20, '3': 26.39 } },
    });
    const keys = plan.columns.map((c) => c.key);
    expect(keys).toEqual([
      'rank',
      'code',
      'unit',
      'field:1',
      'field:2',
      'field:3',
      'appraisal',
      'survey',
      'total',
      'max',
      'index',
      'band',
      'previousRank',
      'rankChange',
      'indexChange',
    ]);
    const row = plan.rows[plan.blocks[0].firstUnitRow];
    expect(row.cells.slice(3, 6)).toEqual([28.5, 20, 26.39]);
    expect(row.cells.slice(12)).toEqual([3, 2, 4.79]);
    expect(row.formats.slice(12)).toEqual([FORMAT.rank, FORMAT.rankChange, FORMAT.indexChange]);
    const other = plan.rows[plan.blocks[0].firstUnitRow + 1];
    expect(other.cells.slice(3, 6)).toEqual([null, null, null]);
    expect(other.cells.slice(12)).toEqual([null, null, null]);
  });

  it('leaves out groups that have no unit', () => {
    const plan = buildRankingPlan(
      units.filter((u) => u.group === 'huyen'),
      smallFramework,
    );
    expect(plan.blocks.map((b) => b.groupName)).toEqual(['Huyện, thị xã, thành phố']);
  });
});

describe('rankingLayout', () => {
  const many: RankedUnit[] = Array.from({ length: 250 }, (_, i) =>
    unit({
      unit: `Đơn vị ${i + 1}`,
      code: `U${i}`,
      group: i % 3 ? 'so' : 'huyen',
      rank: i % 7 === 0 ? null : i + 1,
      ranked: i % 7 !== 0,
      index: 100 - (i % 50),
    }),
  );

  it('makes the rows its blocks and row count promise, one at a time, as often as asked', () => {
    const layout = rankingLayout(many, smallFramework, { subtitle: 'Tổng hợp lúc …' });
    const rows = [...layout.rows()];
    expect(rows).toHaveLength(layout.rowCount);
    expect(layout.blocks.map((b) => b.group)).toEqual(['so', 'huyen']);
    for (const b of layout.blocks) {
      expect(rows[b.headerRow].kind).toBe('header');
      const members = rows.slice(b.firstUnitRow, b.lastUnitRow + 1);
      expect(members.every((r) => r.kind === 'unit' && r.group === b.group)).toBe(true);
      expect(members).toHaveLength(many.filter((u) => u.group === b.group).length);
      // Units not ranked: the note right under the block.
      expect(rows[b.lastUnitRow + 1]).toMatchObject({ kind: 'note', mergeAcross: true });
    }
    expect([...layout.rows()]).toEqual(rows);
    const plan = buildRankingPlan(many, smallFramework, { subtitle: 'Tổng hợp lúc …' });
    expect(plan.rows).toEqual(rows);
    expect(plan.blocks).toEqual(layout.blocks);
  });
});
