import fc from 'fast-check';
import { parseCsv } from '../../src/common/csv';
import { appendixCsv, frameworkMeta, frameworkToTable } from '../../src/framework/import/export-table';
import { ruleGuide } from '../../src/framework/import/guide';
import { importFrameworkTable } from '../../src/framework/import/import-table';
import { importMetaSchema } from '../../src/framework/import/meta';
import type { Framework, FrameworkNode } from '../../src/framework/schema';
import { validFrameworkArb } from './arbitraries';

/** Leaves carry their guide text (as every imported framework and every built-in does). */
function withGuides(f: Framework): Framework {
  const visit = (n: FrameworkNode): FrameworkNode =>
    n.children
      ? { ...n, children: n.children.map(visit) }
      : n.rule && !n.guide
        ? { ...n, guide: ruleGuide(n.rule) }
        : n;
  return { ...f, tree: f.tree.map(visit) };
}

describe('framework → appendix table → framework', () => {
  it('is the identity on the table rows', () => {
    fc.assert(
      fc.property(validFrameworkArb, (raw) => {
        const f = withGuides(raw);
        const result = importFrameworkTable(frameworkToTable(f), importMetaSchema.parse(frameworkMeta(f)));
        expect(result.errors).toEqual([]);
        expect(result.framework).toEqual(f);
      }),
      { numRuns: 200 },
    );
  });

  it('is the identity through the CSV text (decimal commas, ";" separator, BOM)', () => {
    fc.assert(
      fc.property(validFrameworkArb, (raw) => {
        const f = withGuides(raw);
        const csv = appendixCsv(frameworkToTable(f));
        const result = importFrameworkTable(parseCsv(csv), importMetaSchema.parse(frameworkMeta(f)));
        expect(result.errors).toEqual([]);
        expect(result.framework).toEqual(f);
      }),
      { numRuns: 200 },
    );
  });
});
