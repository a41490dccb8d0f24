/**
 * What the grid reader expects of a framework's rows, worked out once per framework object rather
 * than once per returned file: consolidation reads every file against the same object (the
 * returned-workbook reader keeps one per id), and a framework is not changed once loaded. The
 * tree walk, the set of codes, the fingerprint and each node's maximum were recomputed per file
 * (~0.1 ms of the ~1 ms a file spends between its grid and its record, CPU profile of 1,000 files).
 */
import { frameworkFingerprint } from '../framework/fingerprint';
import type { Framework, FrameworkNode } from '../framework/schema';
import { isLeaf, leafMaxFor, walk } from '../framework/tree';
import { toHundredths } from '../common/decimal';

export interface ExpectedRows {
  /** Every node in tree order (a parent before its children), as the template writes them. */
  nodes: readonly FrameworkNode[];
  /** Their codes. */
  codes: ReadonlySet<string>;
  fingerprint(): string;
  /** A node's applicable maximum for a group, in hundredths. */
  maxHundredths(node: FrameworkNode, group: string): number;
}

const expected = new WeakMap<Framework, ExpectedRows>();

export function expectedRows(framework: Framework): ExpectedRows {
  let rows = expected.get(framework);
  if (!rows) expected.set(framework, (rows = computeExpectedRows(framework)));
  return rows;
}

function computeExpectedRows(framework: Framework): ExpectedRows {
  const nodes = walk(framework.tree).map((v) => v.node);
  let fingerprint: string | undefined;
  // Per group the file names: '' and the framework's own groups only, so that a hostile file's
  // made-up group is computed (as before) and never grows the cache.
  const cachedGroups = new Set(['', ...framework.groups.map((g) => g.id)]);
  const maxima = new Map<string, Map<FrameworkNode, number>>();
  return {
    nodes,
    codes: new Set(nodes.map((n) => n.code)),
    fingerprint: () => (fingerprint ??= frameworkFingerprint(framework)),
    maxHundredths(node, group) {
      if (!cachedGroups.has(group)) return nodeMaxHundredths(node, group);
      let byNode = maxima.get(group);
      if (!byNode) maxima.set(group, (byNode = new Map()));
      let max = byNode.get(node);
      if (max === undefined) byNode.set(node, (max = nodeMaxHundredths(node, group)));
      return max;
    },
  };
}

/** The applicable maximum of any node for a group, in hundredths. */
export function nodeMaxHundredths(node: FrameworkNode, group: string): number {
  if (isLeaf(node)) return toHundredths(group ? leafMaxFor(node, group) : node.max);
  return (node.children ?? []).reduce((s, c) => s + nodeMaxHundredths(c, group), 0);
}
