import type { Problem } from '../types';
import type { ScoringRule, SheetContext } from './context';

/** The sheet says it was made for another framework than the one it is checked against. */
export const wrongFramework: ScoringRule = {
  key: 'sheet.wrongFramework',
  description: 'Bảng điểm được lập theo bộ tiêu chí khác.',
  checkSheet(ctx: SheetContext, out: Problem[]) {
    if (ctx.sheet.frameworkId === ctx.framework.id) return;
    out.push({
      severity: 'error',
      rule: this.key,
      code: '',
      message: `Bảng điểm lập theo bộ tiêu chí "${ctx.sheet.frameworkId}", không phải "${ctx.framework.id}".`,
      value: ctx.sheet.frameworkId,
    });
  },
};
