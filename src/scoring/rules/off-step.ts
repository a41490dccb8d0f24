import { inRange, matchesRule, scoreRange, stepOf } from '../leaf';
import { showNumber } from '../read';
import { leafProblem, readableScores, type LeafContext, type ScoringRule } from './context';
import type { Problem } from '../types';

/**
 * A score off the leaf's grid: `range`, `deduction` and `bonus` rules have a step (0,25 by
 * default); a leaf with no rule accepts two decimals at most.
 */
export const offStep: ScoringRule = {
  key: 'score.offStep',
  description: 'Điểm không đúng bước chấm (ví dụ bước 0,25 điểm; tối đa 2 chữ số thập phân).',
  checkLeaf(ctx: LeafContext, out: Problem[]) {
    if (!ctx.applies || ctx.kind === 'survey') return;
    const step = stepOf(ctx.leaf.rule);
    if (step === null) return;
    const range = scoreRange(ctx.leaf, ctx.group);
    for (const { field, value } of readableScores(ctx)) {
      if (!inRange(value, range) || matchesRule(ctx.leaf.rule, value)) continue;
      out.push(
        leafProblem(
          ctx,
          this.key,
          'error',
          field,
          `${showNumber(value)} không đúng bước chấm ${showNumber(step)} điểm.`,
          value,
        ),
      );
    }
  },
};
