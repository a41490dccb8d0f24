import { parseCsv } from '../../src/common/csv';
import { rankUnits } from '../../src/scoring/rank';
import {
  neutralizeFormula,
  rankTableBlocks,
  rankTableCsv,
  rankTableText,
} from '../../src/scoring/rank-table';

const units = rankUnits([
  { unit: 'Sở A', group: 'so', appraisal: 60.5, survey: 20.25, max: 100, ranked: true },
  { unit: 'Thanh tra tỉnh', group: 'so', appraisal: 70, survey: 25, max: 100, ranked: false },
  { unit: 'Châu Đốc', group: 'huyen', appraisal: 66.5, survey: 25.56, max: 100, ranked: true },
]);

describe('rank table', () => {
  const blocks = rankTableBlocks(units, { groupNames: { so: 'Sở, ban, ngành' } });

  it('makes one block per group, titled with the group name', () => {
    expect(blocks.map((b) => [b.group, b.title, b.rows.length, b.hasNotRanked])).toEqual([
      ['so', 'XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH — SỞ, BAN, NGÀNH', 2, true],
      ['huyen', 'XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH — HUYEN', 1, false],
    ]);
  });

  it('prints aligned text with decimal commas and marks units not ranked', () => {
    const text = rankTableText(blocks);
    const lines = text.split('\n');
    expect(lines).toContain('   1  Sở A                         60,50              20,25   80,75');
    expect(lines).toContain('   —  Thanh tra tỉnh (*)           70,00              25,00   95,00');
    expect(text).toContain('(*) Đơn vị được đánh giá nhưng không xếp hạng.');
  });

  it('writes CSV with six cells on every line so ";" is recognised', () => {
    const text = rankTableCsv(blocks);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text);
    expect(rows.every((r) => r.length === 6)).toBe(true);
    expect(rows).toContainEqual(['', 'Thanh tra tỉnh (*)', '70,00', '25,00', '95,00', '']);
  });

  it('neutralises formula-like text only', () => {
    expect(neutralizeFormula('=1+1')).toBe("'=1+1");
    expect(neutralizeFormula('-x')).toBe("'-x");
    expect(neutralizeFormula('Sở A')).toBe('Sở A');
  });
});
