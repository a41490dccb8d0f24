import { inRange, matchesRule, scoreRange } from '../leaf';
import { showNumber } from '../read';
import { leafProblem, readableScores, type LeafContext, type ScoringRule } from './context';
import type { Problem } from '../types';

/** A score that is not the points of any tier of a `tiers` rule ("trên 90%: 2; từ 70% - 90%: 1; …"). */
export const notATierPoint: ScoringRule = {
  key: 'score.notATierPoint',
  description: 'Điểm không khớp với điểm của mức tỷ lệ nào trong cách chấm.',
  checkLeaf(ctx: LeafContext, out: Problem[]) {
    const rule = ctx.leaf.rule;
    if (!ctx.applies || rule?.kind !== 'tiers') return;
    const range = scoreRange(ctx.leaf, ctx.group);
    for (const { field, value } of readableScores(ctx)) {
      if (!inRange(value, range) || matchesRule(rule, value)) continue;
      const tiers = rule.tiers.map((t) => `${t.label}: ${showNumber(t.points)}`).join('; ');
      out.push(
        leafProblem(
          ctx,
          this.key,
          'error',
          field,
          `${showNumber(value)} không khớp mức nào của cách chấm (${tiers}).`,
          value,
        ),
      );
    }
  },
};
