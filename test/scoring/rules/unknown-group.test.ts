import { unknownGroup } from '../../../src/scoring/rules/unknown-group';
import { runRule } from './run-rule';

describe('unit.unknownGroup', () => {
  it("accepts the framework's groups", () => {
    expect(runRule(unknownGroup, {}, { group: 'huyen' })).toEqual([]);
  });

  it('refuses an unknown group and lists the known ones', () => {
    const [p] = runRule(unknownGroup, {}, { group: 'xa' });
    expect(p.severity).toBe('error');
    expect(p.message).toContain('so – Sở, ban, ngành');
  });
});
