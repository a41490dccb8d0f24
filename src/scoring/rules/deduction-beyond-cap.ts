import { lessThan } from '../leaf';
import { showNumber } from '../read';
import { leafProblem, readableScores, type LeafContext, type ScoringRule } from './context';
import type { Problem } from '../types';

/** A deduction larger than the leaf's cap (e.g. −3 where at most 2 points may be deducted). */
export const deductionBeyondCap: ScoringRule = {
  key: 'deduction.beyondCap',
  description: 'Điểm trừ vượt mức trừ tối đa của tiêu chí.',
  checkLeaf(ctx: LeafContext, out: Problem[]) {
    const rule = ctx.leaf.rule;
    if (!ctx.applies || rule?.kind !== 'deduction') return;
    for (const { field, value } of readableScores(ctx)) {
      if (!lessThan(value, -rule.cap)) continue;
      out.push(
        leafProblem(
          ctx,
          this.key,
          'error',
          field,
          `trừ ${showNumber(-value)} điểm, vượt mức trừ tối đa ${showNumber(rule.cap)} điểm.`,
          value,
        ),
      );
    }
  },
};
