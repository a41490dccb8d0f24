import { eachScoreRule } from './context';

/**
 * A positive number on a deduction leaf. Deductions are written negative (−0,5) so that the
 * parent's SUM formula in the template subtracts them; a positive value would ADD points.
 */
export const deductionPositive = eachScoreRule({
  key: 'deduction.positive',
  description: 'Tiêu chí điểm trừ ghi số dương (điểm trừ phải ghi số âm, ví dụ -0,5).',
  covers: (ctx) => ctx.applies && ctx.kind === 'deduction',
  params: (value) => (value <= 0 ? null : { value }),
});
