import { scoringMessage } from '../messages.vi';
import { isBlankText } from '../read';
import { leafProblem, modeSeverity, type LeafContext, type ScoringRule } from './context';
import type { Problem } from '../types';

/**
 * Points claimed on a leaf whose framework requires evidence, with neither evidence (tài liệu kiểm
 * chứng) nor an explanation (giải trình). A warning while drafting, an error at submission.
 */
export const evidenceMissing: ScoringRule = {
  key: 'evidence.missing',
  description: 'Tự chấm điểm nhưng không có tài liệu kiểm chứng hoặc giải trình ở tiêu chí bắt buộc.',
  checkLeaf(ctx: LeafContext, out: Problem[]) {
    if (!ctx.applies || ctx.kind === 'survey' || !ctx.leaf.evidenceRequired) return;
    const v = ctx.read('self').value;
    if (v === null || v <= 0) return;
    if (!isBlankText(ctx.entry.evidence) || !isBlankText(ctx.entry.explanation)) return;
    out.push(leafProblem(ctx, modeSeverity(ctx.mode), 'evidence', scoringMessage('evidence.missing', {})));
  },
};
