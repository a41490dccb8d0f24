import { scoringMessage } from '../messages.vi';
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
      code: '',
      ...scoringMessage('sheet.wrongFramework', {
        sheetFramework: ctx.sheet.frameworkId,
        framework: ctx.framework.id,
      }),
      value: ctx.sheet.frameworkId,
    });
  },
};
