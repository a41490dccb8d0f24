import { lessThan, surveyEntryIsRate } from '../leaf';
import { scoringMessage } from '../messages.vi';
import { leafProblem, SCORE_FIELDS, type LeafContext, type ScoringRule } from './context';
import type { Problem } from '../types';

/** A score above the leaf's maximum for the unit's group (bonus leaves: bonus.beyondCap). */
export const aboveMax: ScoringRule = {
  key: 'score.aboveMax',
  description: 'Điểm vượt điểm tối đa của tiêu chí (theo nhóm của đơn vị).',
  checkLeaf(ctx: LeafContext, out: Problem[]) {
    if (!ctx.applies) return;
    if (ctx.kind === 'survey') {
      if (surveyEntryIsRate(ctx.framework, ctx.leaf, ctx.sheet.surveyIsRate)) return;
      const v = ctx.read('survey').value;
      if (v !== null && lessThan(ctx.max, v))
        out.push(
          leafProblem(
            ctx,
            'error',
            'survey',
            scoringMessage('score.aboveMax', { value: v, max: ctx.max }),
            v,
          ),
        );
      return;
    }
    if (ctx.kind !== 'score') return;
    for (const field of SCORE_FIELDS) {
      const v = ctx.read(field).value;
      if (v !== null && lessThan(ctx.max, v))
        out.push(
          leafProblem(ctx, 'error', field, scoringMessage('score.aboveMax', { value: v, max: ctx.max }), v),
        );
    }
  },
};
