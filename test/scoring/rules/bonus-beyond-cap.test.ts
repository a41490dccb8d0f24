import { bonusBeyondCap } from '../../../src/scoring/rules/bonus-beyond-cap';
import { runRule } from './run-rule';

describe('bonus.beyondCap', () => {
  it('accepts a bonus up to the cap', () => {
    expect(runRule(bonusBeyondCap, { '1.6': { self: 1 } })).toEqual([]);
  });

  it('refuses a bonus beyond the cap', () => {
    const [p] = runRule(bonusBeyondCap, { '1.6': { self: 1.25 } });
    expect(p).toMatchObject({ code: '1.6', field: 'self', severity: 'error' });
    expect(p.message).toContain('vượt mức thưởng tối đa 1 điểm');
  });
});
