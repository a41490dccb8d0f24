import { inRange, matchesRule, scoreRange } from './leaf';
import type { Rule } from '../framework/schema';
import { leafProblem, readableScores, type LeafContext, type ScoringRule } from './rules/context';
import type { Problem } from './types';
import { scoringMessage } from './messages.vi';

type ChoiceRule = Extract<Rule, { kind: 'levels' | 'tiers' }>;

/**
 * The shape shared by the rules whose scores must be one of a fixed set of points (a `levels` or a
 * `tiers` rule): in range but not one of the allowed points is an error naming every choice, as the
 * decision words them. Out-of-range values are left to score.negative / score.aboveMax, so each
 * bad value is reported once.
 */
export function allowedPointsRule<K extends ChoiceRule['kind']>(spec: {
  key: 'score.notALevel' | 'score.notATierPoint';
  description: string;
  kind: K;
  choices: (rule: Extract<ChoiceRule, { kind: K }>) => { label: string; points: number }[];
}): ScoringRule {
  return {
    key: spec.key,
    description: spec.description,
    checkLeaf(ctx: LeafContext, out: Problem[]) {
      const rule = ctx.leaf.rule;
      if (!ctx.applies || rule?.kind !== spec.kind) return;
      const typed = rule as Extract<ChoiceRule, { kind: K }>;
      const range = scoreRange(ctx.leaf, ctx.group);
      for (const { field, value } of readableScores(ctx)) {
        if (!inRange(value, range) || matchesRule(typed, value)) continue;
        const choices = spec.choices(typed).map((c) => ({ label: c.label, points: c.points }));
        out.push(leafProblem(ctx, 'error', field, scoringMessage(spec.key, { value, choices }), value));
      }
    },
  };
}
