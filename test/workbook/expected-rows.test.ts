/**
 * The grid reader's per-framework memo (src/workbook/expected-rows.ts): what it keeps is per
 * framework object and per group, so a second framework, a framework of the same id with another
 * maximum, or a group the framework does not know, is never read with another one's answer.
 */
import type { Framework, FrameworkNode } from '../../src/framework/schema';
import { walk } from '../../src/framework/tree';
import { expectedRows, nodeMaxHundredths } from '../../src/workbook/expected-rows';
import { normalizeTitle } from '../../src/workbook/layout';
import { scoresheetFromGrid } from '../../src/workbook/read-grid';
import {
  UNIT_HUYEN,
  planSheetGrid,
  sampleFramework,
  samplePlan,
  scoreSheetOf,
} from '../helpers/template-fixtures';

function withMax(framework: Framework, code: string, max: number): Framework {
  const edit = (nodes: readonly FrameworkNode[]): FrameworkNode[] =>
    nodes.map((n) =>
      n.code === code ? { ...n, max } : n.children ? { ...n, children: edit(n.children) } : n,
    );
  return { ...framework, tree: edit(framework.tree) };
}

const rules = (r: ReturnType<typeof scoresheetFromGrid>) =>
  r.structureProblems.map((p) => `${p.rule}:${p.code}`);

describe('expectedRows', () => {
  it('lists the nodes in tree order with their codes, once per framework object', () => {
    const framework = sampleFramework();
    const rows = expectedRows(framework);
    expect(rows.nodes).toEqual(walk(framework.tree).map((v) => v.node));
    expect([...rows.codes]).toEqual(walk(framework.tree).map((v) => v.node.code));
    expect(expectedRows(framework)).toBe(rows);
    expect(expectedRows(sampleFramework())).not.toBe(rows);
  });

  it('gives each group its own maximum, and computes an unknown group without keeping it', () => {
    const framework = sampleFramework();
    const rows = expectedRows(framework);
    for (const { node } of walk(framework.tree)) {
      for (const group of ['', 'so', 'huyen', 'made-up', 'constructor']) {
        expect(rows.maxHundredths(node, group)).toBe(nodeMaxHundredths(node, group));
        // Asked again (now from the memo for a known group): the same answer.
        expect(rows.maxHundredths(node, group)).toBe(nodeMaxHundredths(node, group));
      }
    }
  });

  it('reads a file against the framework object given, not one met before with the same id', () => {
    const framework = sampleFramework();
    const plan = samplePlan(framework, UNIT_HUYEN);
    const grid = () => planSheetGrid(scoreSheetOf(plan));
    expect(scoresheetFromGrid(framework, grid(), plan.meta).structureProblems).toEqual([]);
    // Same id, one maximum changed: the file's maximum (and its fingerprint) no longer match.
    const edited = withMax(framework, '1.2', 4);
    expect(rules(scoresheetFromGrid(edited, grid(), plan.meta))).toEqual([
      'structure.otherFramework:',
      'structure.maxChanged:1.2',
    ]);
    // …and the first framework still reads the same file cleanly.
    expect(scoresheetFromGrid(framework, grid(), plan.meta).structureProblems).toEqual([]);
  });
});

describe('normalizeTitle', () => {
  it('reads an empty cell as the empty title, and other values as their text', () => {
    expect(normalizeTitle(null)).toBe('');
    expect(normalizeTitle(undefined)).toBe('');
    expect(normalizeTitle('')).toBe('');
    expect(normalizeTitle(0)).toBe('0');
    expect(normalizeTitle(true)).toBe('true');
    expect(normalizeTitle('  Mã  ')).toBe('mã');
  });

  it('answers the same for a text seen once, twice or many times, past every bound of its cache', () => {
    // 10,000 texts: more than the cache holds before it is cleared and than the seen-once slots.
    const texts = Array.from({ length: 10_000 }, (_, i) => `  Đơn  vị:  Xã   SỐ ${i}  `);
    const want = (i: number) => `đơn vị: xã số ${i}`;
    for (let round = 0; round < 3; round++)
      texts.forEach((t, i) => expect(normalizeTitle(` ${t}`.slice(1))).toBe(want(i)));
    expect(normalizeTitle('ĐIỂM  TỰ ĐÁNH GIÁ')).toBe('điểm tự đánh giá');
    expect(normalizeTitle('ĐIỂM  TỰ ĐÁNH GIÁ')).toBe('điểm tự đánh giá');
  });
});
