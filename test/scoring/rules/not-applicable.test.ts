import { notApplicable } from '../../../src/scoring/rules/not-applicable';
import { runRule } from './run-rule';

describe('score.notApplicable', () => {
  it('accepts a huyện-only leaf scored by a huyện, and empty by a sở', () => {
    expect(runRule(notApplicable, { '1.4': { self: 1 } }, { group: 'huyen' })).toEqual([]);
    expect(runRule(notApplicable, { '1.4': { self: '' } }, { group: 'so' })).toEqual([]);
  });

  it('refuses a score on a leaf that does not apply to the group, naming the group', () => {
    const [p] = runRule(notApplicable, { '1.4': { self: 1 } }, { group: 'so' });
    expect(p).toMatchObject({ code: '1.4', field: 'self', severity: 'error', cell: 'Chấm điểm!E13' });
    expect(p.message).toContain('"Sở, ban, ngành"');
  });
});
