import { assertUsable, checkFramework } from '../../src/framework/checks';
import { FrameworkError } from '../../src/framework/errors';
import type { Framework, FrameworkNode, Rule } from '../../src/framework/schema';
import { nodeIndex } from '../../src/framework/tree';
import { smallFramework } from './fixtures';

function node(f: Framework, code: string): FrameworkNode {
  const v = nodeIndex(f).get(code);
  if (!v) throw new Error(`no node ${code}`);
  return v.node;
}

/** Applies `mutate` to a fresh valid fixture and returns the problems as "rule@code". */
function problemsAfter(mutate: (f: Framework) => void): string[] {
  const f = smallFramework();
  mutate(f);
  return checkFramework(f).map((p) => `${p.rule}@${p.code}`);
}

const tiersOf = (f: Framework) => (node(f, '1.1.2').rule as Extract<Rule, { kind: 'tiers' }>).tiers;

describe('checkFramework', () => {
  it('passes the valid fixture', () => {
    expect(checkFramework(smallFramework())).toEqual([]);
    expect(() => assertUsable(smallFramework())).not.toThrow();
  });

  // One fixture per check: the mutation and the exact problem(s) it must produce.
  const cases: Array<[string, (f: Framework) => void, string[]]> = [
    [
      'parent max is not the sum of its children',
      (f) => (node(f, '1.1').max = 5),
      ['max.sum@1.1', 'max.sum@1'],
    ],
    [
      'a maximum with 3 decimals',
      (f) => {
        node(f, '1.2.1').max = 2.005;
        node(f, '1.2').max = 2.005;
        node(f, '1').max = 6.005;
      },
      [
        'max.decimals@1',
        'max.decimals@1.2',
        'max.decimals@1.2.1',
        'range.step@1.2.1',
        'declared.points@',
        'declared.total@',
      ],
    ],
    [
      'a negative maximum',
      (f) => {
        node(f, '2.1').max = -4;
        node(f, '2').max = -4;
        f.declared.points = { self: 6, survey: -4, total: 2 };
      },
      ['max.negative@2', 'max.negative@2.1'],
    ],
    [
      'a duplicated code',
      (f) => (node(f, '1.1.3').code = '1.1.2'),
      ['code.duplicate@1.1.2', 'code.sequence@1.1.2'],
    ],
    ['a code not under its parent', (f) => (node(f, '1.2.1').code = '2.2.1'), ['code.tree@2.2.1']],
    ['a gap in the numbering', (f) => (node(f, '1.1.4').code = '1.1.5'), ['code.sequence@1.1.5']],
    [
      'a fourth level',
      (f) => {
        const leaf = node(f, '1.2.1');
        leaf.children = [
          { code: '1.2.1.1', name: 'Cấp bốn', max: 2, method: 'self', rule: { kind: 'range', step: 0.5 } },
        ];
        delete leaf.method;
        delete leaf.rule;
      },
      ['tree.depth@1.2.1.1'],
    ],
    [
      'leaf-only fields on a parent',
      (f) => (node(f, '1.1').evidenceRequired = true),
      ['parent.leafField@1.1'],
    ],
    ['a self leaf with no rule', (f) => delete node(f, '1.2.1').rule, ['leaf.rule@1.2.1']],
    [
      'a survey leaf with a rule',
      (f) => (node(f, '2.1').rule = { kind: 'range', step: 1 }),
      ['leaf.rule@2.1'],
    ],
    ['a survey leaf without source', (f) => delete node(f, '2.1').source, ['leaf.source@2.1']],
    ['a survey leaf with an unknown source', (f) => (node(f, '2.1').source = 'cbccvc'), ['leaf.source@2.1']],
    ['a self leaf with a source', (f) => (node(f, '1.2.1').source = 'sipas'), ['leaf.source@1.2.1']],
    ['appliesTo an unknown group', (f) => (node(f, '1.1.4').appliesTo = ['xa']), ['leaf.appliesTo@1.1.4']],
    ['appliesTo empty', (f) => (node(f, '1.1.4').appliesTo = []), ['leaf.appliesTo@1.1.4']],
    [
      'maxByGroup for an unknown group',
      (f) => (node(f, '1.1.3').maxByGroup = { xa: 1 }),
      ['leaf.maxByGroup@1.1.3'],
    ],
    [
      'maxByGroup for a group the leaf does not apply to',
      (f) => {
        node(f, '1.1.3').appliesTo = ['huyen'];
      },
      ['leaf.maxByGroup@1.1.3'],
    ],
    [
      'maxByGroup on a levels leaf',
      (f) => (node(f, '1.1.1').maxByGroup = { so: 1 }),
      ['leaf.maxByGroup@1.1.1'],
    ],
    [
      'a level above the maximum',
      (f) => {
        const r = node(f, '1.1.1').rule as Extract<Rule, { kind: 'levels' }>;
        r.options[1].points = 1.5;
      },
      ['levels.range@1.1.1'],
    ],
    [
      'levels without the maximum',
      (f) => {
        const r = node(f, '1.1.1').rule as Extract<Rule, { kind: 'levels' }>;
        r.options[0].points = 0.75;
      },
      ['levels.max@1.1.1'],
    ],
    [
      'a level written twice',
      (f) => {
        const r = node(f, '1.1.1').rule as Extract<Rule, { kind: 'levels' }>;
        r.options[2].label = 'ban hành kịp thời ';
      },
      ['levels.duplicate@1.1.1'],
    ],
    ['a tier below 0 points', (f) => (tiersOf(f)[2].points = -1), ['tiers.range@1.1.2']],
    ['tiers without the maximum', (f) => (tiersOf(f)[0].points = 1.5), ['tiers.max@1.1.2']],
    ['an empty tier', (f) => Object.assign(tiersOf(f)[1], { min: 90, max: 70 }), ['tiers.empty@1.1.2']],
    [
      'tiers that overlap at a bound (both inclusive)',
      (f) => (tiersOf(f)[0].minInclusive = true),
      ['tiers.overlap@1.1.2'],
    ],
    [
      'tiers with a gap at a bound (neither inclusive)',
      (f) => (tiersOf(f)[1].minInclusive = false),
      ['tiers.gap@1.1.2'],
    ],
    [
      'tiers with a gap between bounds',
      (f) => Object.assign(tiersOf(f)[1], { min: 75 }),
      ['tiers.gap@1.1.2'],
    ],
    [
      'tiers with ranges that overlap',
      (f) => Object.assign(tiersOf(f)[2], { max: 80 }),
      ['tiers.overlap@1.1.2'],
    ],
    [
      'tiers not reaching 0 %',
      (f) => Object.assign(tiersOf(f)[2], { min: 10, minInclusive: true }),
      ['tiers.gap@1.1.2'],
    ],
    [
      'tiers not reaching 100 %',
      (f) => Object.assign(tiersOf(f)[0], { max: 95, maxInclusive: false }),
      ['tiers.gap@1.1.2'],
    ],
    [
      'a range whose maximum is off the step',
      (f) => ((node(f, '1.2.1').rule as { step: number }).step = 0.75),
      ['range.step@1.2.1'],
    ],
    [
      'a per-group maximum off the step',
      (f) => (node(f, '1.1.3').maxByGroup = { so: 1.1 }),
      ['range.step@1.1.3'],
    ],
    [
      'a bonus leaf with a maximum',
      (f) => {
        node(f, '1.1.4').max = 1;
        node(f, '1.1').max = 5;
        node(f, '1').max = 7;
        f.declared.points = { self: 7, survey: 4, total: 11 };
      },
      ['bonus.max@1.1.4'],
    ],
    [
      'a deduction cap off the step',
      (f) => (node(f, '1.1.4').rule = { kind: 'deduction', cap: 1, step: 0.3 }),
      ['deduction.step@1.1.4'],
    ],
    ['declared counts do not match', (f) => (f.declared.counts.subCriteria = 6), ['declared.counts@']],
    [
      'declared self points do not match',
      (f) => (f.declared.points = { self: 7, survey: 4, total: 11 }),
      ['declared.points@', 'declared.total@'],
    ],
    [
      'declared survey points do not match',
      (f) => (f.declared.points = { self: 6, survey: 3, total: 9 }),
      ['declared.survey@', 'declared.total@'],
    ],
    ['declared total is not self + survey', (f) => (f.declared.points.total = 11), ['declared.total@']],
    ['a group declared twice', (f) => f.groups.push({ id: 'so', name: 'Sở (lần 2)' }), ['group.duplicate@']],
    [
      'a survey source declared twice',
      (f) => f.surveySources.push({ id: 'sipas', name: 'x', conversion: 'points' }),
      ['survey.sourceDuplicate@'],
    ],
    [
      'a band for an unknown group',
      (f) => f.bands.push({ name: 'Yếu', min: 0, groups: ['xa'] }),
      ['band.group@'],
    ],
    [
      'two bands with one name for a group',
      (f) => f.bands.push({ name: 'Tốt', min: 95, groups: ['so'] }),
      ['band.duplicate@'],
    ],
  ];

  it.each(cases)('refuses %s', (_name, mutate, expected) => {
    expect(problemsAfter(mutate).sort()).toEqual([...expected].sort());
  });

  it('refuses a group to which no leaf with points applies', () => {
    const problems = problemsAfter((f) => {
      f.groups.push({ id: 'xa', name: 'UBND cấp xã' });
      for (const code of ['1.1.1', '1.1.2', '1.1.3', '1.2.1', '2.1'])
        node(f, code).appliesTo = ['so', 'huyen'];
    });
    expect(problems).toEqual(['group.noPoints@']);
  });

  it('names the node and its children in the max.sum message, with decimal commas', () => {
    const f = smallFramework();
    node(f, '1.1.3').max = 1.5;
    const p = checkFramework(f).find((x) => x.code === '1.1')!;
    expect(p.message).toBe(
      'tiêu chí 1.1: điểm tối đa 4 khác tổng điểm tối đa của các mục con (1.1.1: 1 + 1.1.2: 2 + 1.1.3: 1,5 + 1.1.4: 0 = 4,5).',
    );
  });

  it('sums in exact hundredths: 0.1 + 0.2 is 0.3', () => {
    const f = smallFramework();
    const parent = node(f, '1.2');
    parent.children = [
      { code: '1.2.1', name: 'a', max: 0.1, method: 'self', rule: { kind: 'range', step: 0.05 } },
      { code: '1.2.2', name: 'b', max: 0.2, method: 'self', rule: { kind: 'range', step: 0.05 } },
      { code: '1.2.3', name: 'c', max: 1.7, method: 'self', rule: { kind: 'range', step: 0.05 } },
    ];
    f.declared.counts.subCriteria = 7;
    expect(checkFramework(f)).toEqual([]);
  });

  it('assertUsable throws a FrameworkError listing the problems', () => {
    const f = smallFramework();
    node(f, '1.1').max = 5;
    expect(() => assertUsable(f, 'mau.json')).toThrow(FrameworkError);
    try {
      assertUsable(f, 'mau.json');
    } catch (e) {
      expect((e as FrameworkError).message).toContain('Bộ tiêu chí mau.json không dùng được (2 lỗi)');
      expect((e as FrameworkError).message).toContain('[1.1] tiêu chí 1.1: điểm tối đa 5');
      expect((e as FrameworkError).problems).toHaveLength(2);
    }
  });
});
