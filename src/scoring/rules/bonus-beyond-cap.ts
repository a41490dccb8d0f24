import { lessThan } from '../leaf';
import { showNumber } from '../read';
import { leafProblem, readableScores, type LeafContext, type ScoringRule } from './context';
import type { Problem } from '../types';

/** A bonus larger than the leaf's cap. */
export const bonusBeyondCap: ScoringRule = {
  key: 'bonus.beyondCap',
  description: 'Điểm thưởng vượt mức thưởng tối đa của tiêu chí.',
  checkLeaf(ctx: LeafContext, out: Problem[]) {
    const rule = ctx.leaf.rule;
    if (!ctx.applies || rule?.kind !== 'bonus') return;
    for (const { field, value } of readableScores(ctx)) {
      if (!lessThan(rule.cap, value)) continue;
      out.push(
        leafProblem(
          ctx,
          this.key,
          'error',
          field,
          `thưởng ${showNumber(value)} điểm, vượt mức thưởng tối đa ${showNumber(rule.cap)} điểm.`,
          value,
        ),
      );
    }
  },
};
