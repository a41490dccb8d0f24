/**
 * Properties of plan → grid → reader over random frameworks: whatever is typed into the input
 * cells comes back unchanged and with no structure problem, and any single edited maximum or
 * deleted row is named with its code.
 */
import fc from 'fast-check';
import { frameworkSchema, type Framework, type FrameworkNode, type Rule } from '../../src/framework/schema';
import { appliesTo, isLeaf, isSurveyLeaf, leaves, walk } from '../../src/framework/tree';
import type { CellValue, EntryField } from '../../src/scoring/types';
import { buildTemplatePlan } from '../../src/workbook/plan';
import { scoresheetFromGrid } from '../../src/workbook/read-grid';
import { planSheetGrid, scoreSheetOf } from '../helpers/template-fixtures';
import { frameworkHead } from '../helpers/framework-parts';

const ruleArb: fc.Arbitrary<Rule | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant<Rule>({ kind: 'range', step: 0.25 }),
  fc.constant<Rule>({
    kind: 'levels',
    options: [
      { label: 'Đạt', points: 1 },
      { label: 'Không đạt', points: 0 },
    ],
  }),
);

interface LeafSpec {
  max: number;
  survey: boolean;
  huyenOnly: boolean;
  rule: Rule | undefined;
}

const leafArb: fc.Arbitrary<LeafSpec> = fc.record({
  max: fc.integer({ min: 1, max: 8 }).map((n) => n / 2),
  survey: fc.boolean(),
  huyenOnly: fc.boolean(),
  rule: ruleArb,
});

/** fields → criteria → (leaf | sub-criteria) */
const treeArb = fc.array(
  fc.array(fc.oneof(leafArb, fc.array(leafArb, { minLength: 1, maxLength: 3 })), {
    minLength: 1,
    maxLength: 4,
  }),
  {
    minLength: 1,
    maxLength: 4,
  },
);

function leafNode(code: string, s: LeafSpec): FrameworkNode {
  const max = s.rule?.kind === 'levels' ? 1 : s.max;
  return s.survey
    ? {
        code,
        name: `Khảo sát ${code}`,
        max,
        method: 'survey',
        source: 'sipas',
        ...(s.huyenOnly ? { appliesTo: ['huyen'] } : {}),
      }
    : {
        code,
        name: `Tiêu chí ${code}`,
        max,
        method: 'self',
        rule: s.rule,
        ...(s.huyenOnly ? { appliesTo: ['huyen'] } : {}),
      };
}

function sum(nodes: FrameworkNode[]): number {
  return nodes.reduce((a, n) => a + Math.round(n.max * 100), 0) / 100;
}

function buildFramework(spec: (LeafSpec | LeafSpec[])[][]): Framework {
  const tree: FrameworkNode[] = spec.map((criteria, f) => {
    const children = criteria.map((c, i): FrameworkNode => {
      const code = `${f + 1}.${i + 1}`;
      if (!Array.isArray(c)) return leafNode(code, c);
      const subs = c.map((s, j) => leafNode(`${code}.${j + 1}`, s));
      return { code, name: `Tiêu chí ${code}`, max: sum(subs), children: subs };
    });
    return { code: String(f + 1), name: `Lĩnh vực ${f + 1}`, max: sum(children), children };
  });
  return frameworkSchema.parse({
    ...frameworkHead({
      id: 'ngau-nhien',
      title: 'Ngẫu nhiên',
      year: 2026,
      legalBasis: { number: '1/QĐ', date: '2026-01-01' },
    }),
    declared: {
      counts: { fields: 0, criteria: 0, subCriteria: 0 },
      points: { self: 0, survey: 0, total: 0 },
    },
    tree,
  });
}

const valueArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -20, max: 20 }).map((n) => n / 4),
  fc.constantFrom('1,5', ' 2 ', 'hai', '=1+1', '@x', 'Kế hoạch 12/KH-UBND'),
);

describe('plan → grid → reader (random frameworks)', () => {
  it('reads back every value typed into an input cell, with no structure problem', () => {
    fc.assert(
      fc.property(
        treeArb,
        fc.constantFrom('so', 'huyen'),
        fc.array(valueArb, { minLength: 1, maxLength: 40 }),
        (spec, group, values) => {
          const framework = buildFramework(spec);
          const plan = buildTemplatePlan(
            framework,
            { code: 'X', name: 'Đơn vị X', group },
            { generatedAt: 'now' },
          );
          const grid = planSheetGrid(scoreSheetOf(plan));
          const expected: Record<string, Partial<Record<EntryField, CellValue>>> = {};
          let k = 0;
          for (const leaf of leaves(framework)) {
            if (!appliesTo(leaf, group)) continue;
            const fields: EntryField[] = isSurveyLeaf(leaf) ? ['survey'] : ['self', 'evidence', 'appraisal'];
            for (const field of fields) {
              const v = values[k++ % values.length];
              grid.values[plan.score.rows[leaf.code] - 1][plan.score.columns[field] - 1] = v;
              (expected[leaf.code] ??= {})[field] = v;
            }
          }
          const r = scoresheetFromGrid(framework, grid, plan.meta);
          expect(r.structureProblems).toEqual([]);
          for (const leaf of leaves(framework))
            expect(r.scoresheet.entries[leaf.code]).toEqual(expected[leaf.code] ?? {});
        },
      ),
      { numRuns: 60 },
    );
  });

  it('names an edited maximum or a deleted row with the code it concerns', () => {
    fc.assert(
      fc.property(treeArb, fc.nat(), fc.boolean(), (spec, pick, deleteRow) => {
        const framework = buildFramework(spec);
        const plan = buildTemplatePlan(
          framework,
          { code: 'X', name: 'Đơn vị X', group: 'huyen' },
          { generatedAt: 'now' },
        );
        const grid = planSheetGrid(scoreSheetOf(plan));
        const nodes = walk(framework.tree).map((v) => v.node);
        const target = deleteRow
          ? nodes[pick % nodes.length]
          : leaves(framework)[pick % leaves(framework).length];
        const row = plan.score.rows[target.code] - 1;
        if (deleteRow) {
          grid.values.splice(row, 1);
          grid.formulas!.splice(row, 1);
        } else {
          grid.values[row][plan.score.columns.max - 1] = target.max + 0.25;
        }
        const r = scoresheetFromGrid(framework, grid, plan.meta);
        const errors = r.structureProblems
          .filter((p) => p.severity === 'error')
          .map((p) => `${p.rule}:${p.code}`);
        expect(errors).toEqual([
          deleteRow ? `structure.rowMissing:${target.code}` : `structure.maxChanged:${target.code}`,
        ]);
        expect(isLeaf(target) || deleteRow).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});
