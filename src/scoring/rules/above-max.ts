import { lessThan, surveyEntryIsRate } from '../leaf';
import { showNumber } from '../read';
import { leafProblem, SCORE_FIELDS, type LeafContext, type ScoringRule } from './context';
import type { Problem } from '../types';

function aboveMaxMessage(value: number, max: number): string {
  return `${showNumber(value)} vượt điểm tối đa ${showNumber(max)}.`;
}

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
        out.push(leafProblem(ctx, this.key, 'error', 'survey', aboveMaxMessage(v, ctx.max), v));
      return;
    }
    if (ctx.kind !== 'score') return;
    for (const field of SCORE_FIELDS) {
      const v = ctx.read(field).value;
      if (v !== null && lessThan(ctx.max, v))
        out.push(leafProblem(ctx, this.key, 'error', field, aboveMaxMessage(v, ctx.max), v));
    }
  },
};
