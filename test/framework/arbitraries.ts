/**
 * fast-check generators of VALID frameworks: random trees (1–3 levels, 1–4 children), every rule
 * kind, survey leaves, group-only leaves; parent maxima and declared figures computed from the
 * leaves in exact hundredths. Shared by the checks and the importer round-trip properties.
 */
import fc from 'fast-check';
import type { Framework, FrameworkNode, Rule } from '../../src/framework/schema';
import { parseFramework } from '../../src/framework/parse';
import { frameworkHead } from '../helpers/framework-parts';
import { countByDepth } from '../../src/framework/tree';

const cents = (n: number) => Math.round(n * 100);
const fromCents = (c: number) => c / 100;

const labelArb = fc.constantFrom(
  'Ban hành kịp thời',
  'Đạt yêu cầu',
  'Thực hiện đầy đủ',
  'Có kế hoạch',
  'Hoàn thành đúng hạn',
  'Công khai đầy đủ',
);

/** A self leaf: its max (in cents, a multiple of 25) and a rule that fits it. */
const selfLeafArb: fc.Arbitrary<Omit<FrameworkNode, 'code' | 'name'>> = fc.oneof(
  // levels: max, a middle level, 0
  fc.tuple(fc.integer({ min: 1, max: 12 }), labelArb, fc.boolean()).map(([q, label, evidence]) => {
    const max = fromCents(q * 25);
    const options = [
      { label, points: max },
      { label: `Không ${label.toLowerCase()}`, points: 0 },
    ];
    if (q % 2 === 0) options.splice(1, 0, { label: `${label} một phần`, points: fromCents((q * 25) / 2) });
    return {
      max,
      method: 'self' as const,
      rule: { kind: 'levels', options } as Rule,
      ...(evidence ? { evidenceRequired: true } : {}),
    };
  }),
  // tiers over three bounds
  fc
    .tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 9 }))
    .map(([q, lo, gap]) => {
      const max = fromCents(q * 50);
      const a = lo * 10;
      const b = Math.min(100, a + gap * 5);
      const rule: Rule = {
        kind: 'tiers',
        tiers: [
          {
            label: `Thực hiện trên ${b}%`,
            min: b,
            minInclusive: false,
            max: null,
            maxInclusive: false,
            points: max,
          },
          {
            label: `từ ${a}% đến ${b}%`,
            min: a,
            minInclusive: true,
            max: b,
            maxInclusive: true,
            points: fromCents(q * 25),
          },
          { label: `dưới ${a}%`, min: null, minInclusive: false, max: a, maxInclusive: false, points: 0 },
        ],
      };
      return { max, method: 'self' as const, rule };
    }),
  fc.tuple(fc.integer({ min: 1, max: 8 }), fc.constantFrom(0.25, 0.5)).map(([q, step]) => ({
    max: q * step,
    method: 'self' as const,
    rule: { kind: 'range', step } as Rule,
  })),
  fc
    .tuple(fc.constantFrom('deduction' as const, 'bonus' as const), fc.integer({ min: 1, max: 4 }))
    .map(([kind, q]) => ({
      max: 0,
      method: 'self' as const,
      rule: { kind, cap: q * 0.5, step: 0.5 } as Rule,
    })),
);

const surveyLeafArb = fc.integer({ min: 1, max: 400 }).map((c) => ({
  max: fromCents(c),
  method: 'survey' as const,
  source: 'sipas',
}));

const leafArb = fc
  .tuple(
    fc.oneof({ weight: 4, arbitrary: selfLeafArb }, { weight: 1, arbitrary: surveyLeafArb }),
    fc.integer({ min: 0, max: 5 }),
  )
  .map(([leaf, g]) => (g === 0 && leaf.method === 'self' ? { ...leaf, appliesTo: ['huyen'] } : leaf));

type Shape = { leaf: Omit<FrameworkNode, 'code' | 'name'> } | { children: Shape[] };

const shapeArb = (depth: number): fc.Arbitrary<Shape> =>
  depth >= 3
    ? leafArb.map((leaf) => ({ leaf }))
    : fc.oneof(
        { weight: 1, arbitrary: leafArb.map((leaf): Shape => ({ leaf })) },
        {
          weight: 3,
          arbitrary: fc
            .array(shapeArb(depth + 1), { minLength: 1, maxLength: 4 })
            .map((children): Shape => ({ children })),
        },
      );

function toNodes(shapes: Shape[], prefix: string): FrameworkNode[] {
  return shapes.map((s, i) => {
    const code = prefix ? `${prefix}.${i + 1}` : `${i + 1}`;
    const name = `Nội dung ${code}`;
    if ('leaf' in s) return { code, name, ...s.leaf };
    const children = toNodes(s.children, code);
    return { code, name, max: fromCents(children.reduce((t, c) => t + cents(c.max), 0)), children };
  });
}

export const validFrameworkArb: fc.Arbitrary<Framework> = fc
  .array(shapeArb(1), { minLength: 1, maxLength: 5 })
  .map((shapes) => {
    const tree = toNodes(shapes, '');
    let self = 0;
    let survey = 0;
    const visit = (ns: FrameworkNode[]) =>
      ns.forEach((n) => {
        if (n.children) visit(n.children);
        else if (n.method === 'survey') survey += cents(n.max);
        else self += cents(n.max);
      });
    visit(tree);
    return parseFramework({
      ...frameworkHead({
        id: 'ngau-nhien',
        title: 'Bộ tiêu chí ngẫu nhiên',
        year: 2025,
        legalBasis: { number: '9/QĐ-UBND', date: '2025-01-01' },
        status: 'illustrative',
      }),
      declared: {
        counts: countByDepth(tree),
        points: { self: fromCents(self), survey: fromCents(survey), total: fromCents(self + survey) },
      },
      tree,
    });
  })
  // A framework whose every leaf is group-only would leave "so" with no points: keep it realistic.
  .filter((f) => hasPointsFor(f, 'so') && hasPointsFor(f, 'huyen'));

function hasPointsFor(f: Framework, group: string): boolean {
  const walk = (ns: FrameworkNode[]): boolean =>
    ns.some((n) =>
      n.children ? walk(n.children) : n.max > 0 && (!n.appliesTo || n.appliesTo.includes(group)),
    );
  return walk(f.tree);
}
