import { selfOnSurveyLeaf } from '../../../src/scoring/rules/self-on-survey-leaf';
import { runRule } from './run-rule';

describe('score.selfOnSurveyLeaf', () => {
  it('accepts survey figures on survey leaves', () => {
    expect(runRule(selfOnSurveyLeaf, { '2.1': { survey: 90 }, '2.2': { survey: 3, self: '  ' } })).toEqual(
      [],
    );
  });

  it('refuses a self or appraisal score on a survey leaf, even unreadable', () => {
    const problems = runRule(selfOnSurveyLeaf, { '2.1': { self: 5 }, '2.2': { appraisal: 'bốn' } });
    expect(problems.map((p) => [p.code, p.field, p.severity])).toEqual([
      ['2.1', 'self', 'error'],
      ['2.2', 'appraisal', 'error'],
    ]);
    expect(problems[0].message).toContain('điều tra xã hội học');
  });
});
