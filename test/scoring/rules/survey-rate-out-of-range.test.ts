import { surveyRateOutOfRange } from '../../../src/scoring/rules/survey-rate-out-of-range';
import { runRule } from './run-rule';

describe('survey.rateOutOfRange', () => {
  it('accepts rates from 0 to 100 %', () => {
    expect(runRule(surveyRateOutOfRange, { '2.1': { survey: 100 } }, { surveyIsRate: true })).toEqual([]);
    expect(runRule(surveyRateOutOfRange, { '2.1': { survey: 0 } }, { surveyIsRate: true })).toEqual([]);
  });

  it('refuses rates above 100 % or below 0', () => {
    const [above] = runRule(surveyRateOutOfRange, { '2.1': { survey: 100.5 } }, { surveyIsRate: true });
    expect(above.message).toBe('Tiêu chí 2.1, điểm điều tra XHH: tỷ lệ 100,5% nằm ngoài khoảng 0% – 100%.');
    expect(runRule(surveyRateOutOfRange, { '2.1': { survey: -1 } }, { surveyIsRate: true })).toHaveLength(1);
  });

  it('does not apply to sources that send points, nor to sheets holding points', () => {
    expect(runRule(surveyRateOutOfRange, { '2.2': { survey: 150 } }, { surveyIsRate: true })).toEqual([]);
    expect(runRule(surveyRateOutOfRange, { '2.1': { survey: 150 } })).toEqual([]);
  });
});
