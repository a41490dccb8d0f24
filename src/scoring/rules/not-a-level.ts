import { inRange, matchesRule, scoreRange } from '../leaf';
import { showNumber } from '../read';
import { leafProblem, readableScores, type LeafContext, type ScoringRule } from './context';
import type { Problem } from '../types';

/** A score that is not one of the levels of a `levels` rule ("Kịp thời: 1; Không kịp thời: 0,5; …"). */
export const notALevel: ScoringRule = {
  key: 'score.notALevel',
  description: 'Điểm không phải một trong các mức của cách chấm.',
  checkLeaf(ctx: LeafContext, out: Problem[]) {
    const rule = ctx.leaf.rule;
    if (!ctx.applies || rule?.kind !== 'levels') return;
    const range = scoreRange(ctx.leaf, ctx.group);
    for (const { field, value } of readableScores(ctx)) {
      // Out-of-range values are reported once, by score.negative / score.aboveMax.
      if (!inRange(value, range) || matchesRule(rule, value)) continue;
      const levels = rule.options.map((o) => `${o.label}: ${showNumber(o.points)}`).join('; ');
      out.push(
        leafProblem(
          ctx,
          this.key,
          'error',
          field,
          `${showNumber(value)} không phải một mức của cách chấm (${levels}).`,
          value,
        ),
      );
    }
  },
};
