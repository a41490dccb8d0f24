import fc from 'fast-check';
import { APPENDIX_HEADER, frameworkMeta, frameworkToTable } from '../../src/framework/import/export-table';
import { ruleGuide } from '../../src/framework/import/guide';
import { importFrameworkTable } from '../../src/framework/import/import-table';
import { importMetaSchema } from '../../src/framework/import/meta';
import type { TableCell } from '../../src/framework/import/types';
import type { Framework, FrameworkNode } from '../../src/framework/schema';
import { validFrameworkArb } from './arbitraries';

interface Mess {
  trailingDot: boolean;
  textNumbers: boolean;
  blankAfter: boolean;
  splitGuide: boolean;
  headerAgain: boolean;
}

const messArb: fc.Arbitrary<Mess> = fc.record({
  trailingDot: fc.boolean(),
  textNumbers: fc.boolean(),
  blankAfter: fc.boolean(),
  splitGuide: fc.boolean(),
  headerAgain: fc.boolean(),
});

/** Turns a clean exported table into one as messy as pasted from Word, row by row. */
function messUp(rows: TableCell[][], messes: Mess[]): TableCell[][] {
  const out: TableCell[][] = rows.slice(0, 5);
  const width = rows[3].length;
  const empty = () => Array<TableCell>(width).fill(null);
  rows.slice(5, -1).forEach((row, i) => {
    const m = messes[i % messes.length];
    const r = [...row];
    if (m.trailingDot && typeof r[0] === 'string') r[0] = `${r[0]}.`;
    if (m.textNumbers && typeof r[2] === 'number') r[2] = `${String(r[2]).replace('.', ',')} điểm`;
    const guide = typeof r[3] === 'string' ? r[3] : '';
    const parts = guide.split('; ');
    if (m.splitGuide && parts.length > 1 && !guide.includes('\n')) {
      r[3] = parts[0];
      out.push(r);
      for (const p of parts.slice(1)) {
        const cont = empty();
        cont[3] = p;
        out.push(cont);
      }
    } else out.push(r);
    if (m.blankAfter) out.push(empty());
    if (m.headerAgain) out.push([...APPENDIX_HEADER]);
  });
  out.push(rows[rows.length - 1]);
  return out;
}

/** Guides are compared as their lines ("a; b" and "a\nb" say the same). */
function normaliseGuides(f: Framework): Framework {
  const visit = (n: FrameworkNode): FrameworkNode => {
    const guide = n.guide ?? (n.rule ? ruleGuide(n.rule) : undefined);
    const copy = { ...n, ...(guide ? { guide: guide.split(/\n|; /).join('\n') } : {}) };
    return n.children ? { ...copy, children: n.children.map(visit) } : copy;
  };
  return { ...f, tree: f.tree.map(visit) };
}

describe('the importer on messy tables', () => {
  it('reads the same framework through trailing dots, text numbers, blank rows, split guides and repeated headers', () => {
    fc.assert(
      fc.property(validFrameworkArb, fc.array(messArb, { minLength: 1, maxLength: 8 }), (f, messes) => {
        const rows = messUp(frameworkToTable(f), messes);
        const result = importFrameworkTable(rows, importMetaSchema.parse(frameworkMeta(f)));
        expect(result.errors).toEqual([]);
        expect(result.problems).toEqual([]);
        expect(normaliseGuides(result.framework!)).toEqual(normaliseGuides(f));
      }),
      { numRuns: 200 },
    );
  });
});
