import { inRange, matchesRule, scoreRange, stepOf } from '../leaf';
import { eachScoreRule } from './context';

/**
 * A score off the leaf's grid: `range`, `deduction` and `bonus` rules have a step (0,25 by
 * default); a leaf with no rule accepts two decimals at most.
 */
export const offStep = eachScoreRule({
  key: 'score.offStep',
  description: 'Điểm không đúng bước chấm (ví dụ bước 0,25 điểm; tối đa 2 chữ số thập phân).',
  covers: (ctx) => ctx.applies && ctx.kind !== 'survey' && stepOf(ctx.leaf.rule) !== null,
  params(value, ctx) {
    const step = stepOf(ctx.leaf.rule);
    if (step === null) return null;
    if (!inRange(value, scoreRange(ctx.leaf, ctx.group)) || matchesRule(ctx.leaf.rule, value)) return null;
    return { value, step };
  },
});
