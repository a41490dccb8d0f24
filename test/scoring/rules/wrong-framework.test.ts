import { wrongFramework } from '../../../src/scoring/rules/wrong-framework';
import { sheetOf } from '../framework-fixture';
import { runRule } from './run-rule';

describe('sheet.wrongFramework', () => {
  it('accepts a sheet of the same framework', () => {
    expect(runRule(wrongFramework, sheetOf({}, 'so', 'test-2024'))).toEqual([]);
  });

  it('refuses a sheet made for another framework', () => {
    const [p] = runRule(wrongFramework, sheetOf({}, 'so', 'an-giang-2022'));
    expect(p).toMatchObject({ severity: 'error', code: '' });
    expect(p.message).toContain('"an-giang-2022"');
  });
});
