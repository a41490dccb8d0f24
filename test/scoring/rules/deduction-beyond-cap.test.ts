import { deductionBeyondCap } from '../../../src/scoring/rules/deduction-beyond-cap';
import { runRule } from './run-rule';

describe('deduction.beyondCap', () => {
  it('accepts deductions up to the cap', () => {
    expect(runRule(deductionBeyondCap, { '1.5': { self: -2, appraisal: -0.5 } })).toEqual([]);
  });

  it('refuses a deduction beyond the cap', () => {
    const [p] = runRule(deductionBeyondCap, { '1.5': { appraisal: -2.5 } });
    expect(p).toMatchObject({ code: '1.5', field: 'appraisal', severity: 'error', value: -2.5 });
    expect(p.message).toBe('Tiêu chí 1.5, điểm thẩm định: trừ 2,5 điểm, vượt mức trừ tối đa 2 điểm.');
  });
});
