import { scoringMessage } from '../messages.vi';
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
      code: '',
      ...scoringMessage('unit.unknownGroup', {
        group: ctx.sheet.unit.group,
        groups: groups.map((g) => ({ id: g.id, name: g.name })),
      }),
      value: ctx.sheet.unit.group,
    });
  },
};
