import { missing } from '../../../src/scoring/rules/missing';
import { completeEntries } from '../framework-fixture';
import { runRule } from './run-rule';

describe('score.missing', () => {
  it('is silent when every leaf the unit must score is scored (deduction/bonus/survey may be empty)', () => {
    expect(runRule(missing, completeEntries())).toEqual([]);
  });

  it('is a warning while drafting and an error at submission', () => {
    const entries = { ...completeEntries(), '1.3': { self: '  ' } };
    expect(runRule(missing, entries, { mode: 'draft' }).map((p) => [p.code, p.severity])).toEqual([
      ['1.3', 'warning'],
    ]);
    expect(runRule(missing, entries, { mode: 'submission' }).map((p) => [p.code, p.severity])).toEqual([
      ['1.3', 'error'],
    ]);
  });

  it('asks a huyện for its extra leaf too', () => {
    expect(runRule(missing, completeEntries(), { group: 'huyen' }).map((p) => p.code)).toEqual(['1.4']);
  });
});
