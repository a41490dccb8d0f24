import { surveyEntryIsRate } from '../leaf';
import { scoringMessage } from '../messages.vi';
import { leafProblem, SCORE_FIELDS, type LeafContext, type ScoringRule } from './context';
import type { Problem } from '../types';

/** A negative score where only points ≥ 0 make sense (deduction leaves have their own rules). */
export const negative: ScoringRule = {
  key: 'score.negative',
  description: 'Điểm âm ở tiêu chí không phải tiêu chí điểm trừ.',
  checkLeaf(ctx: LeafContext, out: Problem[]) {
    if (!ctx.applies || ctx.kind === 'deduction') return;
    if (ctx.kind === 'survey') {
      // A negative rate is survey.rateOutOfRange's to report.
      if (surveyEntryIsRate(ctx.framework, ctx.leaf, ctx.sheet.surveyIsRate)) return;
      const v = ctx.read('survey').value;
      if (v !== null && v < 0)
        out.push(leafProblem(ctx, 'error', 'survey', scoringMessage('score.negative', { value: v }), v));
      return;
    }
    for (const field of SCORE_FIELDS) {
      const v = ctx.read(field).value;
      if (v !== null && v < 0)
        out.push(leafProblem(ctx, 'error', field, scoringMessage('score.negative', { value: v }), v));
    }
  },
};
