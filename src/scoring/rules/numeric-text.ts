import { leafProblem, type LeafContext, type ScoringRule } from './context';
import { valueFields } from './not-a-number';
import type { Problem } from '../types';

/** A number typed as text ("1,5", " 2 "): read as the number, with a warning to retype it. */
export const numericText: ScoringRule = {
  key: 'value.numericText',
  description: 'Ô điểm chứa số dạng chữ ("1,5", " 2 "): vẫn đọc được nhưng cần nhập lại dưới dạng số.',
  checkLeaf(ctx: LeafContext, out: Problem[]) {
    if (!ctx.applies) return;
    for (const field of valueFields(ctx)) {
      const p = ctx.read(field).problem;
      if (p?.rule === 'value.numericText')
        out.push(leafProblem(ctx, p.rule, p.severity, field, p.message, ctx.entry[field]));
    }
  },
};
