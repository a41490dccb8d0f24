import { lessThan } from '../leaf';
import { eachScoreRule } from './context';

/** A deduction larger than the leaf's cap (e.g. −3 where at most 2 points may be deducted). */
export const deductionBeyondCap = eachScoreRule({
  key: 'deduction.beyondCap',
  description: 'Điểm trừ vượt mức trừ tối đa của tiêu chí.',
  covers: (ctx) => ctx.applies && ctx.leaf.rule?.kind === 'deduction',
  params(value, ctx) {
    const rule = ctx.leaf.rule;
    if (rule?.kind !== 'deduction' || !lessThan(value, -rule.cap)) return null;
    return { value, cap: rule.cap };
  },
});
