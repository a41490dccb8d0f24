import { samePoints } from '../../common/decimal';
import { scoringMessage } from '../messages.vi';
import { isBlankText } from '../read';
import { leafProblem, type LeafContext, type ScoringRule } from './context';
import type { Problem } from '../types';

/**
 * The council's score differs from the one it revises without a comment saying why: round 1
 * against the self score, round 2 against round 1 (or the self score when round 1 is empty).
 * Always a warning: the score itself is valid, and a missing comment must not keep a unit out of
 * the consolidation (which rejects files with errors); the task pane and `cchc validate` show it.
 */
export const appraisalNoComment: ScoringRule = {
  key: 'appraisal.noComment',
  description: 'Điểm thẩm định khác điểm tự đánh giá (hoặc khác lần 1) nhưng không có ý kiến thẩm định.',
  checkLeaf(ctx: LeafContext, out: Problem[]) {
    if (!ctx.applies || ctx.kind === 'survey') return;
    const self = ctx.read('self').value;
    const first = ctx.read('appraisal').value;
    const second = ctx.read('appraisal2').value;
    if (
      first !== null &&
      self !== null &&
      !samePoints(first, self) &&
      isBlankText(ctx.entry.appraisalComment)
    ) {
      out.push(
        leafProblem(
          ctx,
          'warning',
          'appraisalComment',
          scoringMessage('appraisal.noComment', { round: 1, appraisal: first, before: self }),
        ),
      );
    }
    const before = first ?? self;
    if (
      second !== null &&
      before !== null &&
      !samePoints(second, before) &&
      isBlankText(ctx.entry.appraisal2Comment)
    ) {
      out.push(
        leafProblem(
          ctx,
          'warning',
          'appraisal2Comment',
          scoringMessage('appraisal.noComment', {
            round: 2,
            appraisal: second,
            before,
            against: first !== null ? 'round1' : 'self',
          }),
        ),
      );
    }
  },
};
