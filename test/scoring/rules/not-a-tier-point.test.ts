import { notATierPoint } from '../../../src/scoring/rules/not-a-tier-point';
import { runRule } from './run-rule';

describe('score.notATierPoint', () => {
  it("accepts each tier's points", () => {
    for (const self of [2, 1, 0]) expect(runRule(notATierPoint, { '1.2': { self } })).toEqual([]);
  });

  it('refuses points no tier gives', () => {
    const [p] = runRule(notATierPoint, { '1.2': { appraisal: 1.5 } });
    expect(p.field).toBe('appraisal');
    expect(p.message).toContain('Trên 90%: 2');
  });
});
