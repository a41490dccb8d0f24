/** Runs ONE rule module over a sheet of the sample framework, the way validate.ts does. */
import type { Framework } from '../../../src/framework/schema';
import { makeLeafContext, type ScoringRule } from '../../../src/scoring/rules/context';
import type { LeafEntry, Problem, Scoresheet, ValidationMode } from '../../../src/scoring/types';
import { frameworkLeaves } from '../../../src/scoring/validate';
import { sampleFramework, sheetOf } from '../framework-fixture';

export function runRule(
  rule: ScoringRule,
  entries: Record<string, LeafEntry> | Scoresheet,
  options: { group?: string; mode?: ValidationMode; framework?: Framework; surveyIsRate?: boolean } = {},
): Problem[] {
  const framework = options.framework ?? sampleFramework();
  const sheet =
    'entries' in entries && 'unit' in entries
      ? (entries as Scoresheet)
      : sheetOf(entries as Record<string, LeafEntry>, options.group);
  if (options.surveyIsRate !== undefined) sheet.surveyIsRate = options.surveyIsRate;
  const mode = options.mode ?? 'submission';
  const { leaves, codes } = frameworkLeaves(framework);
  const out: Problem[] = [];
  rule.checkSheet?.({ framework, sheet, mode, leafCodes: codes }, out);
  for (const leaf of leaves) rule.checkLeaf?.(makeLeafContext(framework, sheet, mode, leaf), out);
  for (const p of out) expect(p.rule).toBe(rule.key);
  return out;
}
