import { unknownCode } from '../../../src/scoring/rules/unknown-code';
import { runRule } from './run-rule';

describe('entry.unknownCode', () => {
  it('is silent for the framework leaves and for empty stray rows', () => {
    expect(runRule(unknownCode, { '1.1': { self: 1 }, '9.9': { self: '' } })).toEqual([]);
  });

  it('warns about values under a code that is not a leaf (a parent or an invented code)', () => {
    const problems = runRule(unknownCode, { '1': { self: 5 }, '1.8': { self: 1 } });
    expect(problems.map((p) => [p.code, p.severity])).toEqual([
      ['1', 'warning'],
      ['1.8', 'warning'],
    ]);
  });
});
