import { aboveMax } from '../../../src/scoring/rules/above-max';
import { runRule } from './run-rule';

describe('score.aboveMax', () => {
  it('accepts the maximum itself, computed exactly', () => {
    expect(runRule(aboveMax, { '1.3': { self: 3 }, '1.7': { self: 1.5 }, '2.2': { survey: 4 } })).toEqual([]);
  });

  it('uses the per-group maximum (1.7: 1,5 for sở, 2,5 for huyện)', () => {
    expect(runRule(aboveMax, { '1.7': { self: 2 } }, { group: 'huyen' })).toEqual([]);
    const [p] = runRule(aboveMax, { '1.7': { self: 2 } }, { group: 'so' });
    expect(p.message).toBe('Tiêu chí 1.7, điểm tự đánh giá: 2 vượt điểm tối đa 1,5.');
  });

  it('reports self, appraisal and survey points above the maximum', () => {
    const problems = runRule(aboveMax, { '1.3': { self: 3.25, appraisal2: 4 }, '2.2': { survey: 4.01 } });
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['1.3', 'self'],
      ['1.3', 'appraisal2'],
      ['2.2', 'survey'],
    ]);
  });
});
