/**
 * Validation of one scoresheet against its framework: runs every rule of ./rules on every leaf and
 * on the sheet. Pure and fast (one pass over the leaves, each cell parsed once): the task pane runs
 * it after every edit.
 */
import type { Framework, FrameworkNode } from '../framework/schema';
import { isLeaf } from '../framework/tree';
import { rules } from './rules';
import { makeLeafContext, type SheetContext } from './rules/context';
import type { Problem, Scoresheet, ValidationMode } from './types';

export interface ValidateOptions {
  /** Default `submission`: a returned workbook is checked strictly unless the caller says it is a draft. */
  mode?: ValidationMode;
}

const leafCache = new WeakMap<Framework, { leaves: FrameworkNode[]; codes: Set<string> }>();

/** The framework's leaves in tree order, computed once per framework object. */
export function frameworkLeaves(framework: Framework): { leaves: FrameworkNode[]; codes: Set<string> } {
  let cached = leafCache.get(framework);
  if (!cached) {
    const leaves: FrameworkNode[] = [];
    const visit = (nodes: readonly FrameworkNode[]) => {
      for (const n of nodes) {
        if (isLeaf(n)) leaves.push(n);
        else visit(n.children as FrameworkNode[]);
      }
    };
    visit(framework.tree);
    cached = { leaves, codes: new Set(leaves.map((l) => l.code)) };
    leafCache.set(framework, cached);
  }
  return cached;
}

export function validateScoresheet(
  framework: Framework,
  sheet: Scoresheet,
  options: ValidateOptions = {},
): Problem[] {
  const mode = options.mode ?? 'submission';
  const { leaves, codes } = frameworkLeaves(framework);
  const out: Problem[] = [];
  const sheetCtx: SheetContext = { framework, sheet, mode, leafCodes: codes };
  for (const rule of rules) rule.checkSheet?.(sheetCtx, out);
  for (const leaf of leaves) {
    const ctx = makeLeafContext(framework, sheet, mode, leaf);
    for (const rule of rules) rule.checkLeaf?.(ctx, out);
  }
  return out;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
