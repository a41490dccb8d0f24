import { numericText } from '../../../src/scoring/rules/numeric-text';
import { runRule } from './run-rule';

describe('value.numericText', () => {
  it('is silent for real numbers and for text that is not a number', () => {
    expect(runRule(numericText, { '1.1': { self: 1 }, '1.3': { self: 'hai' } })).toEqual([]);
  });

  it('warns about "1,5" and " 2 " and says which number was read', () => {
    const problems = runRule(numericText, { '1.3': { self: '1,5' }, '1.7': { appraisal: ' 2 ' } });
    expect(problems.map((p) => [p.code, p.field, p.severity])).toEqual([
      ['1.3', 'self', 'warning'],
      ['1.7', 'appraisal', 'warning'],
    ]);
    expect(problems[0].message).toContain('1,5');
    expect(problems[0].message).toContain('dạng chữ');
  });
});
