import { isBlankText } from '../read';
import { SCORE_FIELD_KEYS } from '../entry-fields';
import { leafProblem, type LeafContext, type ScoringRule } from './context';
import type { Problem } from '../types';

const FIELDS = SCORE_FIELD_KEYS;

/** A score on a leaf that does not apply to the unit's group (its points are not in the maximum). */
export const notApplicable: ScoringRule = {
  key: 'score.notApplicable',
  description: 'Chấm điểm tiêu chí không áp dụng cho nhóm của đơn vị.',
  checkLeaf(ctx: LeafContext, out: Problem[]) {
    if (ctx.applies) return;
    const group = ctx.framework.groups.find((g) => g.id === ctx.group)?.name ?? ctx.group;
    for (const field of FIELDS) {
      if (isBlankText(ctx.entry[field])) continue;
      out.push(
        leafProblem(
          ctx,
          this.key,
          'error',
          field,
          `tiêu chí không áp dụng cho nhóm "${group}"; hãy để trống.`,
          ctx.entry[field],
        ),
      );
    }
  },
};
