/**
 * What a single leaf accepts, derived from the framework only. Shared by the validation rules (to
 * say what is wrong) and by the totals (to count only what is acceptable: an invalid score counts
 * as 0 and validation reports it), so the two can never disagree.
 */
import { acceptedScores, ruleKind, type RuleRole } from '../framework/rule-kinds';
import type { Framework, FrameworkNode, Rule } from '../framework/schema';
import { appliesTo, leafMaxFor } from '../framework/tree';
import { isMultipleOf, samePoints } from '../common/decimal';

/** Leaves scored with no `rule` accept any value on a 0.01 grid (two decimals). */
export { DEFAULT_STEP } from '../framework/rule-kinds';

export type LeafKind = 'survey' | RuleRole;

export function leafKind(leaf: FrameworkNode): LeafKind {
  if (leaf.method === 'survey') return 'survey';
  return leaf.rule ? ruleKind(leaf.rule).role : 'score';
}

/** The closed interval a self/appraisal score of this leaf must lie in, for a group. */
export function scoreRange(
  leaf: FrameworkNode,
  group: string,
): { readonly min: number; readonly max: number } {
  // The rule's answer itself (kept and frozen by acceptedScores), not a copy per ask.
  return acceptedScores(leaf.rule, leafMaxFor(leaf, group));
}

export function inRange(value: number, range: { min: number; max: number }): boolean {
  // Compared in hundredths so 0.1 + 0.2 against a max of 0.3 is not "above the maximum".
  return !(lessThan(value, range.min) || lessThan(range.max, value));
}

export function lessThan(a: number, b: number): boolean {
  return Math.round(a * 10000) < Math.round(b * 10000);
}

/** The step of a grid rule (range / deduction / bonus), or the default two-decimal grid. */
export function stepOf(rule: Rule | undefined): number | null {
  return acceptedScores(rule, 0).step;
}

/** Whether `value` has the shape the leaf's rule demands: a level, a tier's points, or on the step. */
export function matchesRule(rule: Rule | undefined, value: number): boolean {
  const { allowed, step } = acceptedScores(rule, 0);
  if (allowed) {
    // A loop, not some() with a closure made per call (one per scored cell while ranking).
    for (const p of allowed) if (samePoints(p, value)) return true;
    return false;
  }
  return step === null || isMultipleOf(value, step);
}

/** A score that passes every value check of the leaf for the group (so it counts in the totals). */
export function acceptableScore(leaf: FrameworkNode, group: string, value: number): boolean {
  return appliesTo(leaf, group) && inRange(value, scoreRange(leaf, group)) && matchesRule(leaf.rule, value);
}

/** Whether a survey leaf's entry is a rate in % (else points), given the sheet's convention. */
export function surveyEntryIsRate(
  framework: Framework,
  leaf: FrameworkNode,
  surveyIsRate: boolean | undefined,
): boolean {
  if (!surveyIsRate) return false;
  const source = framework.surveySources.find((s) => s.id === leaf.source);
  return (source?.conversion ?? 'rateTimesMax') === 'rateTimesMax';
}
