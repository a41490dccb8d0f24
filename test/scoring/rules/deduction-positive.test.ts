import { deductionPositive } from '../../../src/scoring/rules/deduction-positive';
import { runRule } from './run-rule';

describe('deduction.positive', () => {
  it('accepts negative deductions and 0', () => {
    expect(runRule(deductionPositive, { '1.5': { self: -1, appraisal: 0 } })).toEqual([]);
  });

  it('refuses a positive number on a deduction leaf and shows the negative form', () => {
    const [p] = runRule(deductionPositive, { '1.5': { self: 0.5 } });
    expect(p.message).toContain('-0,5');
    expect(p.severity).toBe('error');
  });
});
