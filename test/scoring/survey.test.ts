import { surveyPoints, surveyPointsFromRate } from '../../src/scoring/survey';
import { sampleFramework } from './framework-fixture';

describe('survey points', () => {
  it('turns a rate into rate × max, rounded half up (91,17 % of 10 → 9,12)', () => {
    expect(surveyPointsFromRate(91.17, 10)).toBe(9.12);
    expect(surveyPointsFromRate(100, 24)).toBe(24);
    expect(surveyPointsFromRate(0, 24)).toBe(0);
    expect(surveyPointsFromRate(87.5, 6)).toBe(5.25);
    expect(surveyPointsFromRate(33.335, 1)).toBe(0.33);
    expect(surveyPointsFromRate(91.17, 10, 3)).toBe(9.117);
  });

  const framework = sampleFramework();

  it('converts a rate on a survey leaf and refuses rates outside 0–100', () => {
    expect(surveyPoints(framework, '2.1', 91.17, 'rate')).toEqual({ points: 5.47 });
    const r = surveyPoints(framework, '2.1', 101, 'rate');
    expect('problem' in r && r.problem.rule).toBe('survey.rateOutOfRange');
    const n = surveyPoints(framework, '2.1', -0.01, 'rate');
    expect('problem' in n && n.problem.rule).toBe('survey.rateOutOfRange');
  });

  it('takes points up to the maximum', () => {
    expect(surveyPoints(framework, '2.2', 3.5, 'points')).toEqual({ points: 3.5 });
    const above = surveyPoints(framework, '2.2', 4.5, 'points');
    expect('problem' in above && above.problem).toMatchObject({
      rule: 'score.aboveMax',
      code: '2.2',
      field: 'survey',
    });
    const negative = surveyPoints(framework, '2.2', -1, 'points');
    expect('problem' in negative && negative.problem.rule).toBe('score.negative');
  });

  it('refuses a leaf that is not a survey leaf', () => {
    const r = surveyPoints(framework, '1.3', 50, 'rate');
    expect('problem' in r && r.problem.rule).toBe('survey.notASurveyLeaf');
    const missing = surveyPoints(framework, '7.7', 50, 'rate');
    expect('problem' in missing && missing.problem.message).toContain('7.7');
  });
});
