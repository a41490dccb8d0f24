import { scoringMessage } from '../messages.vi';
import type { Problem } from '../types';
import type { ScoringRule, SheetContext } from './context';

/** Entries under a code that is not a leaf of the framework (a row added or a code edited by hand). */
export const unknownCode: ScoringRule = {
  key: 'entry.unknownCode',
  description: 'Có điểm ghi ở mã không phải tiêu chí (thành phần) chấm điểm của bộ tiêu chí.',
  checkSheet(ctx: SheetContext, out: Problem[]) {
    for (const code of Object.keys(ctx.sheet.entries)) {
      if (ctx.leafCodes.has(code)) continue;
      const entry = ctx.sheet.entries[code];
      if (!Object.values(entry).some((v) => v !== null && v !== undefined && v !== '')) continue;
      out.push({
        severity: 'warning',
        code,
        ...scoringMessage('entry.unknownCode', { code, frameworkId: ctx.framework.id }),
      });
    }
  },
};
