import fc from 'fast-check';
import { getBuiltinFramework } from '../../src/framework/builtins';
import { fnv1a64, frameworkFingerprint } from '../../src/framework/fingerprint';
import type { Framework, FrameworkNode } from '../../src/framework/schema';
import { nodeIndex, walk } from '../../src/framework/tree';
import { validFrameworkArb } from './arbitraries';

const fw = () => getBuiltinFramework('an-giang-2022')!;
const node = (f: Framework, code: string): FrameworkNode => nodeIndex(f).get(code)!.node;

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64-bit test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
});

describe('frameworkFingerprint', () => {
  const base = frameworkFingerprint(fw());

  it('is 16 hex digits and stable across calls and key order', () => {
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(frameworkFingerprint(fw())).toBe(base);
    const reordered = JSON.parse(
      JSON.stringify(fw(), (_k, v) =>
        v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
      ),
    );
    expect(frameworkFingerprint(reordered)).toBe(base);
  });

  it('ignores names, guides, titles and the order of settings lists (a typo fix keeps templates valid)', () => {
    const f = fw();
    node(f, '1.1.1').name = 'Tên đã sửa';
    node(f, '1.1.1').guide = 'Cách chấm viết lại';
    f.title = 'Khác';
    f.groups = f.groups.map((g) => ({ ...g, name: `${g.name} (sửa)` })).reverse();
    f.bands = [...f.bands].reverse();
    f.surveySources = f.surveySources.map((s) => ({ ...s, name: `${s.name} (sửa)` }));
    expect(frameworkFingerprint(f)).toBe(base);
  });

  const changes: Array<[string, (f: Framework) => void]> = [
    ['a maximum', (f) => (node(f, '1.1.1').max = 1.5)],
    ['a per-group maximum', (f) => (node(f, '1.3.1').maxByGroup = { so: 2 })],
    ['the method', (f) => (node(f, '9.1').method = 'self')],
    ['the survey source', (f) => (node(f, '9.1').source = 'cbccvc')],
    ['the groups a leaf applies to', (f) => (node(f, '1.3.2').appliesTo = ['so'])],
    [
      'the values a levels rule allows',
      (f) => ((node(f, '1.1.1').rule as { options: { points: number }[] }).options[1].points = 0.25),
    ],
    ['a range step', (f) => (node(f, '1.3.1').rule = { kind: 'range', step: 0.5 })],
    ['a deduction cap', (f) => (node(f, '2.3.2').rule = { kind: 'deduction', cap: 2, step: 0.5 })],
    ['a code', (f) => (node(f, '9.5').code = '9.6')],
    ['the order of two rows', (f) => f.tree[8].children!.reverse()],
    ['a dropped row', (f) => f.tree[8].children!.pop()],
    // Settings that change a result without changing the workbook (issue 13, case 6).
    ['a band threshold', (f) => (f.bands[0].min = f.bands[0].min - 1)],
    ['a band name', (f) => (f.bands[0].name = 'Xuất sắc')],
    ['the bands dropped', (f) => (f.bands = [])],
    [
      'the SIPAS conversion',
      (f) =>
        (f.surveySources[0].conversion =
          f.surveySources[0].conversion === 'points' ? 'rateTimesMax' : 'points'),
    ],
    ['the decimal places', (f) => (f.places = 3)],
    ['the tie rule', (f) => (f.tieRule = f.tieRule === 'dense' ? 'shared' : 'dense')],
    ['the units not ranked', (f) => (f.notRanked = [...f.notRanked, 'Sở Mới'])],
    ['a group id', (f) => (f.groups[0] = { ...f.groups[0], id: 'khac' })],
  ];
  it.each(changes)('changes with %s', (_name, mutate) => {
    const f = fw();
    mutate(f);
    expect(frameworkFingerprint(f)).not.toBe(base);
  });

  it('tells apart random frameworks whose structure differs', () => {
    fc.assert(
      fc.property(validFrameworkArb, fc.nat(), fc.integer({ min: 1, max: 300 }), (f, pick, delta) => {
        const before = frameworkFingerprint(f);
        const all = walk(f.tree);
        const target = all[pick % all.length].node;
        target.max = Math.round(target.max * 100 + delta) / 100;
        expect(frameworkFingerprint(f)).not.toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});
