/**
 * Walking a framework's tree. Depth 1 = lĩnh vực (field), 2 = tiêu chí (criterion),
 * 3 = tiêu chí thành phần (sub-criterion). A leaf may sit at depth 2 or 3.
 */
import type { Framework, FrameworkNode } from './schema';

export interface NodeVisit {
  node: FrameworkNode;
  depth: number;
  /** Codes of the ancestors, outermost first. */
  path: string[];
  parent: FrameworkNode | null;
}

export function isLeaf(node: FrameworkNode): boolean {
  return !node.children || node.children.length === 0;
}

/** Every node in tree order (pre-order: a parent before its children), as in the template. */
export function walk(tree: readonly FrameworkNode[]): NodeVisit[] {
  const out: NodeVisit[] = [];
  const visit = (
    nodes: readonly FrameworkNode[],
    depth: number,
    path: string[],
    parent: FrameworkNode | null,
  ) => {
    for (const node of nodes) {
      out.push({ node, depth, path, parent });
      if (node.children?.length) visit(node.children, depth + 1, [...path, node.code], node);
    }
  };
  visit(tree, 1, [], null);
  return out;
}

export function leaves(framework: Pick<Framework, 'tree'>): FrameworkNode[] {
  return walk(framework.tree)
    .filter((v) => isLeaf(v.node))
    .map((v) => v.node);
}

export function nodeIndex(framework: Pick<Framework, 'tree'>): Map<string, NodeVisit> {
  return new Map(walk(framework.tree).map((v) => [v.node.code, v]));
}

/** Whether a leaf applies to a unit group (absent `appliesTo` = every group). */
export function appliesTo(leaf: FrameworkNode, group: string): boolean {
  return !leaf.appliesTo || leaf.appliesTo.includes(group);
}

/** A leaf's maximum for a group: 0 when it does not apply, else the per-group max or the max. */
export function leafMaxFor(leaf: FrameworkNode, group: string): number {
  if (!appliesTo(leaf, group)) return 0;
  // Own keys only: a group id "constructor" must not find Object.prototype.constructor.
  return leaf.maxByGroup && Object.hasOwn(leaf.maxByGroup, group) ? leaf.maxByGroup[group] : leaf.max;
}

export function isSurveyLeaf(leaf: FrameworkNode): boolean {
  return leaf.method === 'survey';
}

/** Counts by depth, as decisions state them (lĩnh vực / tiêu chí / tiêu chí thành phần). */
export function countByDepth(tree: readonly FrameworkNode[]): {
  fields: number;
  criteria: number;
  subCriteria: number;
} {
  const all = walk(tree);
  return {
    fields: all.filter((v) => v.depth === 1).length,
    criteria: all.filter((v) => v.depth === 2).length,
    subCriteria: all.filter((v) => v.depth === 3).length,
  };
}
