/**
 * The registry of rule kinds (cách chấm). A new kind is one module beside these (its schema, the
 * scores it accepts, its check, fingerprint shape, wording and reader) plus its line in
 * `ruleSchema` and `KINDS` below; every consumer goes through `ruleKind` / `acceptedScores`.
 */
import { z } from 'zod';
import { bonus, bonusSchema } from './bonus';
import { deduction, deductionSchema } from './deduction';
import type { AcceptedScores, RuleKind } from './kind';
import { levels, levelsSchema } from './levels';
import { range, rangeSchema } from './range';
import { tiers, tiersSchema } from './tiers';
import { unknownKind } from './unknown';
import { formatPoints } from '../../common/vi-number';

export type { AcceptedScores, CheckAdd, GuideResult, RuleKind, RuleRole } from './kind';
export { levelOptionSchema } from './levels';
export { tierSchema, type Tier } from './tiers';

/** How a self-scored leaf is scored: one of the registered kinds. */
export const ruleSchema = z.discriminatedUnion('kind', [
  levelsSchema,
  tiersSchema,
  rangeSchema,
  deductionSchema,
  bonusSchema,
]);
export type Rule = z.infer<typeof ruleSchema>;

type KindMap = { [K in Rule['kind']]: RuleKind<Extract<Rule, { kind: K }>> };
const KINDS: KindMap = { levels, tiers, range, deduction, bonus };

/**
 * The order in which an appendix guide is tried: option lists first (tiers when a label has a "%",
 * else levels), then the sentences "trừ …", "cộng …", "từ 0 đến …".
 */
export const PARSE_ORDER: readonly RuleKind<Rule>[] = [tiers, levels, deduction, bonus, range] as never;

/** The kind of a rule; an unknown kind gets the explicit-error fallback. */
export function ruleKind(rule: { kind: string }): RuleKind<Rule> {
  return (KINDS[rule.kind as Rule['kind']] ?? unknownKind) as RuleKind<Rule>;
}

/** The kinds this version knows. */
export const RULE_KIND_NAMES = Object.keys(KINDS) as Rule['kind'][];

/**
 * A self leaf without a rule (only in frameworks that skipped the checks, which require one)
 * accepts any value in [0, max] with at most two decimals.
 */
export const DEFAULT_STEP = 0.01;

/**
 * Answers per rule object and maximum: validation and the totals ask for every leaf of every
 * returned file, and the discrete kinds build their sorted list of points each time (measured:
 * ~0.1 ms per file at consolidation). A framework's rules are not changed once loaded; the
 * answers are frozen, so a caller that tried to change a shared one would fail loudly.
 */
const accepted = new WeakMap<object, Map<number, AcceptedScores>>();
/** The same for leaves without a rule, by maximum (an object made per ask was 12 MB of garbage per 3,000 files ranked). */
const acceptedWithoutRule = new Map<number, AcceptedScores>();

/** The scores a self-scored leaf accepts, given its maximum for the unit's group. */
export function acceptedScores(rule: { kind: string } | undefined, max: number): AcceptedScores {
  if (!rule) {
    let answer = acceptedWithoutRule.get(max);
    if (!answer)
      acceptedWithoutRule.set(
        max,
        (answer = Object.freeze({ allowed: null, min: 0, max, step: DEFAULT_STEP })),
      );
    return answer;
  }
  let byMax = accepted.get(rule);
  if (!byMax) accepted.set(rule, (byMax = new Map()));
  let answer = byMax.get(max);
  if (!answer) {
    const a = ruleKind(rule).accepts(rule as Rule, max);
    if (a.allowed) Object.freeze(a.allowed);
    byMax.set(max, (answer = Object.freeze(a)));
  }
  return answer;
}

/** Vietnamese wording of a rule for the `Cách chấm` column and prompts. */
export function ruleText(rule: { kind: string } | undefined, max: number): string {
  if (!rule) return `Từ 0 đến ${formatPoints(max)} điểm`;
  return ruleKind(rule).text(rule as Rule, max);
}
