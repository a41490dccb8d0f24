import { SCORE_FIELD_KEYS } from '../entry-fields';
import { mustStayBlankRule } from './context';

/** A score on a leaf that does not apply to the unit's group (its points are not in the maximum). */
export const notApplicable = mustStayBlankRule({
  key: 'score.notApplicable',
  description: 'Chấm điểm tiêu chí không áp dụng cho nhóm của đơn vị.',
  fields: SCORE_FIELD_KEYS,
  covers: (ctx) => !ctx.applies,
  params: (ctx) => ({ group: ctx.framework.groups.find((g) => g.id === ctx.group)?.name ?? ctx.group }),
});
