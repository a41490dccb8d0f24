import { showNumber } from '../read';
import { leafProblem, readableScores, type LeafContext, type ScoringRule } from './context';
import type { Problem } from '../types';

/**
 * A positive number on a deduction leaf. Deductions are written negative (−0,5) so that the
 * parent's SUM formula in the template subtracts them; a positive value would ADD points.
 */
export const deductionPositive: ScoringRule = {
  key: 'deduction.positive',
  description: 'Tiêu chí điểm trừ ghi số dương (điểm trừ phải ghi số âm, ví dụ -0,5).',
  checkLeaf(ctx: LeafContext, out: Problem[]) {
    if (!ctx.applies || ctx.kind !== 'deduction') return;
    for (const { field, value } of readableScores(ctx)) {
      if (value <= 0) continue;
      out.push(
        leafProblem(
          ctx,
          this.key,
          'error',
          field,
          `tiêu chí điểm trừ phải ghi số âm (ví dụ -${showNumber(value)}), không ghi ${showNumber(value)}.`,
          value,
        ),
      );
    }
  },
};
