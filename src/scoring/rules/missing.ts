import { scoringMessage } from '../messages.vi';
import { leafProblem, modeSeverity, type LeafContext, type ScoringRule } from './context';
import type { Problem } from '../types';

/**
 * No self score on a leaf the unit must score: a warning while drafting, an error at submission.
 * Deduction and bonus leaves may stay empty (no deduction, no bonus); survey leaves are not the
 * unit's to fill.
 */
export const missing: ScoringRule = {
  key: 'score.missing',
  description: 'Thiếu điểm tự đánh giá (cảnh báo khi đang soạn, lỗi khi nộp).',
  checkLeaf(ctx: LeafContext, out: Problem[]) {
    if (!ctx.applies || ctx.kind !== 'score') return;
    if (!ctx.read('self').empty) return;
    out.push(leafProblem(ctx, modeSeverity(ctx.mode), 'self', scoringMessage('score.missing', {})));
  },
};
