import { lessThan, surveyEntryIsRate } from '../leaf';
import { scoringMessage } from '../messages.vi';
import { leafProblem, type LeafContext, type ScoringRule } from './context';
import type { Problem } from '../types';

/** A survey satisfaction rate below 0 % or above 100 %. */
export const surveyRateOutOfRange: ScoringRule = {
  key: 'survey.rateOutOfRange',
  description: 'Tỷ lệ hài lòng của điều tra xã hội học nằm ngoài 0% – 100%.',
  checkLeaf(ctx: LeafContext, out: Problem[]) {
    if (!ctx.applies || ctx.kind !== 'survey') return;
    if (!surveyEntryIsRate(ctx.framework, ctx.leaf, ctx.sheet.surveyIsRate)) return;
    const v = ctx.read('survey').value;
    if (v === null || !(v < 0 || lessThan(100, v))) return;
    out.push(leafProblem(ctx, 'error', 'survey', scoringMessage('survey.rateOutOfRange', { rate: v }), v));
  },
};
