import { leafProblem, SCORE_FIELDS, type LeafContext, type ScoringRule } from './context';
import type { ScoringProblemKey } from '../problem-keys';
import type { EntryField } from '../types';

/** The score fields a leaf's value checks look at: the survey figure, or the self/appraisal scores. */
export function valueFields(ctx: LeafContext): readonly EntryField[] {
  return ctx.kind === 'survey' ? ['survey'] : SCORE_FIELDS;
}

/** A rule that reports what reading a score cell found (the reader in ../read decides; this places it). */
export function readingProblemRule(spec: { key: ScoringProblemKey; description: string }): ScoringRule {
  return {
    ...spec,
    checkLeaf(ctx, out) {
      if (!ctx.applies) return;
      for (const field of valueFields(ctx)) {
        const p = ctx.read(field).problem;
        if (p?.rule === spec.key) out.push(leafProblem(ctx, p.severity, field, p, ctx.entry[field]));
      }
    },
  };
}

/** Text that is not a number ("hai"), an Excel error (#VALUE!) or TRUE/FALSE in a score cell. */
export const notANumber = readingProblemRule({
  key: 'value.notANumber',
  description: 'Ô điểm chứa chữ không phải số, lỗi của Excel (#VALUE!…) hoặc TRUE/FALSE.',
});
