import { offStep } from '../../../src/scoring/rules/off-step';
import { runRule } from './run-rule';

describe('score.offStep', () => {
  it('accepts values on the step, also built from float-unfriendly sums', () => {
    expect(
      runRule(offStep, {
        '1.3': { self: 2.75 },
        '1.5': { self: -1.5 },
        '1.6': { self: 0.25 },
        '1.7': { self: 0.1 + 0.2 },
      }),
    ).toEqual([]);
  });

  it('refuses values off the step of range, deduction and bonus leaves', () => {
    const problems = runRule(offStep, {
      '1.3': { self: 0.3 },
      '1.5': { self: -0.25 },
      '1.6': { appraisal: 0.1 },
    });
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['1.3', 'self'],
      ['1.5', 'self'],
      ['1.6', 'appraisal'],
    ]);
    expect(problems[0].message).toBe('Tiêu chí 1.3, điểm tự đánh giá: 0,3 không đúng bước chấm 0,25 điểm.');
  });

  it('allows two decimals at most on a leaf without a rule', () => {
    expect(runRule(offStep, { '1.7': { self: 1.25 } })).toEqual([]);
    expect(runRule(offStep, { '1.7': { self: 1.255 } })).toHaveLength(1);
  });
});
