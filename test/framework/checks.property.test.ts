import fc from 'fast-check';
import { checkFramework } from '../../src/framework/checks';
import type { Framework, FrameworkNode } from '../../src/framework/schema';
import { walk } from '../../src/framework/tree';
import { validFrameworkArb } from './arbitraries';

/** The node list of a framework in tree order, with a way to reach each node's sibling array. */
function nodesWithSiblings(f: Framework): Array<{ node: FrameworkNode; siblings: FrameworkNode[] }> {
  const out: Array<{ node: FrameworkNode; siblings: FrameworkNode[] }> = [];
  const visit = (ns: FrameworkNode[]) =>
    ns.forEach((n) => {
      out.push({ node: n, siblings: ns });
      if (n.children) visit(n.children);
    });
  visit(f.tree);
  return out;
}

describe('checkFramework properties', () => {
  it('random valid trees pass every check', () => {
    fc.assert(
      fc.property(validFrameworkArb, (f) => {
        expect(checkFramework(f)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a changed maximum (any node, any non-zero change) is caught', () => {
    fc.assert(
      fc.property(
        validFrameworkArb,
        fc.nat(),
        fc.integer({ min: -500, max: 500 }).filter((d) => d !== 0),
        (f, pick, delta) => {
          const all = walk(f.tree);
          const target = all[pick % all.length].node;
          target.max = Math.round(target.max * 100 + delta) / 100;
          expect(checkFramework(f).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a dropped node (with its subtree) is caught', () => {
    fc.assert(
      fc.property(validFrameworkArb, fc.nat(), (f, pick) => {
        const all = nodesWithSiblings(f);
        const { node, siblings } = all[pick % all.length];
        if (siblings === f.tree && f.tree.length === 1) return; // the schema needs one field
        siblings.splice(siblings.indexOf(node), 1);
        expect(checkFramework(f).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a duplicated code is caught and named', () => {
    fc.assert(
      fc.property(
        validFrameworkArb.filter((f) => walk(f.tree).length >= 2),
        fc.nat(),
        fc.nat(),
        (f, a, b) => {
          const all = walk(f.tree);
          const i = a % all.length;
          const j = b % all.length;
          fc.pre(i !== j);
          all[j].node.code = all[i].node.code;
          const problems = checkFramework(f);
          expect(problems).toContainEqual(
            expect.objectContaining({ rule: 'code.duplicate', code: all[i].node.code }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
