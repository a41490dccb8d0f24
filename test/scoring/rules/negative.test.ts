import { negative } from '../../../src/scoring/rules/negative';
import { runRule } from './run-rule';

describe('score.negative', () => {
  it('allows 0 and negative values on deduction leaves', () => {
    expect(runRule(negative, { '1.3': { self: 0 }, '1.5': { self: -1 }, '2.2': { survey: 0 } })).toEqual([]);
  });

  it('refuses negative scores, bonuses and survey points', () => {
    const problems = runRule(negative, {
      '1.3': { self: -0.25 },
      '1.6': { appraisal: -1 },
      '2.2': { survey: -1 },
    });
    expect(problems.map((p) => [p.code, p.field, p.severity])).toEqual([
      ['1.3', 'self', 'error'],
      ['1.6', 'appraisal', 'error'],
      ['2.2', 'survey', 'error'],
    ]);
    expect(problems[0].message).toBe('Tiêu chí 1.3, điểm tự đánh giá: -0,25 là số âm; điểm không được âm.');
  });

  it('leaves a negative survey RATE to survey.rateOutOfRange', () => {
    expect(runRule(negative, { '2.1': { survey: -5 } }, { surveyIsRate: true })).toEqual([]);
  });
});
