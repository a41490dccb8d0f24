import { notALevel } from '../../../src/scoring/rules/not-a-level';
import { runRule } from './run-rule';

describe('score.notALevel', () => {
  it('accepts each level, whatever way it was typed', () => {
    for (const self of [1, 0.5, 0, '0,5']) expect(runRule(notALevel, { '1.1': { self } })).toEqual([]);
  });

  it('refuses a value between levels and names the levels', () => {
    const [p] = runRule(notALevel, { '1.1': { self: 0.75 } });
    expect(p.severity).toBe('error');
    expect(p.message).toContain('0,75 không phải một mức');
    expect(p.message).toContain('Ban hành không kịp thời: 0,5');
  });

  it('leaves out-of-range values to score.aboveMax (one problem per mistake)', () => {
    expect(runRule(notALevel, { '1.1': { self: 5 } })).toEqual([]);
  });
});
