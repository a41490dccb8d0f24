import { lessThan } from '../leaf';
import { eachScoreRule } from './context';

/** A bonus larger than the leaf's cap. */
export const bonusBeyondCap = eachScoreRule({
  key: 'bonus.beyondCap',
  description: 'Điểm thưởng vượt mức thưởng tối đa của tiêu chí.',
  covers: (ctx) => ctx.applies && ctx.leaf.rule?.kind === 'bonus',
  params(value, ctx) {
    const rule = ctx.leaf.rule;
    if (rule?.kind !== 'bonus' || !lessThan(rule.cap, value)) return null;
    return { value, cap: rule.cap };
  },
});
