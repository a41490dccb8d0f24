import type { Problem } from '../types';
import type { ScoringRule, SheetContext } from './context';

/** The unit's group is not one of the framework's groups, so which leaves apply is unknown. */
export const unknownGroup: ScoringRule = {
  key: 'unit.unknownGroup',
  description: 'Nhóm của đơn vị không có trong bộ tiêu chí.',
  checkSheet(ctx: SheetContext, out: Problem[]) {
    const groups = ctx.framework.groups;
    if (groups.some((g) => g.id === ctx.sheet.unit.group)) return;
    out.push({
      severity: 'error',
      rule: this.key,
      code: '',
      message: `Nhóm "${ctx.sheet.unit.group}" của đơn vị không có trong bộ tiêu chí (các nhóm: ${groups.map((g) => `${g.id} – ${g.name}`).join('; ')}).`,
      value: ctx.sheet.unit.group,
    });
  },
};
