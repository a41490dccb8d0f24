import { mustStayBlankRule, SCORE_FIELDS } from './context';

/** A self (or appraisal) score on a survey leaf: those points come only from the survey. */
export const selfOnSurveyLeaf = mustStayBlankRule({
  key: 'score.selfOnSurveyLeaf',
  description: 'Tự chấm (hoặc thẩm định) tiêu chí do điều tra xã hội học xác định.',
  fields: SCORE_FIELDS,
  covers: (ctx) => ctx.applies && ctx.kind === 'survey',
  params: () => ({}),
});
