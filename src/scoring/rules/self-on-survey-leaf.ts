import { isBlankText } from '../read';
import { leafProblem, SCORE_FIELDS, type LeafContext, type ScoringRule } from './context';
import type { Problem } from '../types';

/** A self (or appraisal) score on a survey leaf: those points come only from the survey. */
export const selfOnSurveyLeaf: ScoringRule = {
  key: 'score.selfOnSurveyLeaf',
  description: 'Tự chấm (hoặc thẩm định) tiêu chí do điều tra xã hội học xác định.',
  checkLeaf(ctx: LeafContext, out: Problem[]) {
    if (!ctx.applies || ctx.kind !== 'survey') return;
    for (const field of SCORE_FIELDS) {
      if (isBlankText(ctx.entry[field])) continue;
      out.push(
        leafProblem(
          ctx,
          this.key,
          'error',
          field,
          'tiêu chí này do điều tra xã hội học xác định, không tự chấm hay thẩm định; hãy để trống.',
          ctx.entry[field],
        ),
      );
    }
  },
};
