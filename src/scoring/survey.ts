/**
 * Survey (điều tra xã hội học) figures to points. The organisers send, per unit and survey leaf,
 * either a satisfaction rate in % or points. A rate becomes rate / 100 × the leaf's maximum
 * (91.17 % of 10 points → 9.12; DOMAIN.md: the likely rule, kept a framework setting per source).
 * When the points are rounded is the framework's `survey.rounding`: per criterion (the default,
 * each leaf's points rounded half up to the published places, because survey components are
 * published rounded on their own) or at the total (each leaf exact, only sums rounded). This
 * module is the one place that decides it: totals.ts and the survey import both ask it.
 */
import type { Framework, FrameworkNode, SurveyRounding } from '../framework/schema';
import { leafMaxFor, leaves } from '../framework/tree';
import { divRoundHalfUp, fromScaled, toScaled } from '../common/decimal';
import type { Saying } from '../common/message-templates';
import { scoringMessage } from './messages.vi';
import { lessThan } from './leaf';
import type { Problem } from './types';

/** rate (in %, read at 4 decimals) × leafMax / 100, rounded half up to `places` (default 2). */
export function surveyPointsFromRate(ratePercent: number, leafMax: number, places = 2): number {
  const rate = toScaled(ratePercent, 4); // 10^-4 %
  const max = toScaled(leafMax, 2); // 10^-2 points
  // rate·max is in 10^-6 %·points; / 100 (percent) gives 10^-8 points; rescale to 10^-places.
  return fromScaled(divRoundHalfUp(rate * max, 10 ** (8 - places)), places);
}

/**
 * Places at which a leaf's survey points are exact: a rate is read at 4 decimals and a maximum at
 * 2, so rate × max / 100 needs at most 8.
 */
export const SURVEY_EXACT_PLACES = 8;

export function surveyRounding(framework: Pick<Framework, 'survey'>): SurveyRounding {
  return framework.survey?.rounding ?? 'perCriterion';
}

/** Decimal places one survey leaf's points are kept at under the framework's rounding stage. */
export function surveyLeafPlaces(framework: Pick<Framework, 'survey' | 'places'>): number {
  return surveyRounding(framework) === 'total' ? SURVEY_EXACT_PLACES : framework.places;
}

/** One survey leaf's points from a rate in %, at the stage the framework rounds them. */
export function surveyLeafPointsFromRate(
  framework: Pick<Framework, 'survey' | 'places'>,
  ratePercent: number,
  leafMax: number,
): number {
  return surveyPointsFromRate(ratePercent, leafMax, surveyLeafPlaces(framework));
}

/**
 * The rounding rule in words, for wherever survey points are shown (the ranking workbook's note,
 * the report, the task pane): one source for the sentence. Null for a framework without survey
 * leaves.
 */
export function surveyRoundingRule(framework: Pick<Framework, 'survey' | 'places' | 'tree'>): string | null {
  if (!leaves(framework).some((l) => l.method === 'survey')) return null;
  const places = framework.places;
  const unit = places === 1 ? 'chữ số thập phân' : `${places} chữ số thập phân`;
  return surveyRounding(framework) === 'total'
    ? `Điểm điều tra XHH: tỷ lệ × điểm tối đa của từng tiêu chí, giữ nguyên không làm tròn; chỉ tổng điểm điều tra được làm tròn (${unit}).`
    : `Điểm điều tra XHH: tỷ lệ × điểm tối đa của từng tiêu chí, làm tròn đến ${unit} ở từng tiêu chí rồi mới cộng.`;
}

export type SurveyResult = { points: number } | { problem: Problem };

function findLeaf(framework: Framework, code: string): FrameworkNode | null {
  const stack = [...framework.tree];
  while (stack.length) {
    const node = stack.pop() as FrameworkNode;
    if (node.code === code) return node.children?.length ? null : node;
    if (node.children) stack.push(...node.children);
  }
  return null;
}

/**
 * Points of one survey leaf from a figure of the given kind. Errors: unknown/non-survey leaf, rate
 * outside [0, 100], negative points, points above the leaf's maximum (for `group`, when given).
 */
export function surveyPoints(
  framework: Framework,
  leafCode: string,
  value: number,
  kind: 'rate' | 'points',
  options: { group?: string } = {},
): SurveyResult {
  const leaf = findLeaf(framework, leafCode);
  // "Tiêu chí 1.1: " before the sentence, except where the sentence itself names the leaf.
  const problem = (said: Saying, prefixed = true): SurveyResult => ({
    problem: {
      severity: 'error',
      code: leafCode,
      field: 'survey',
      ...said,
      message: prefixed ? `Tiêu chí ${leafCode}: ${said.message}` : said.message,
      value,
    },
  });
  if (!leaf || leaf.method !== 'survey')
    return problem(scoringMessage('survey.notASurveyLeaf', { code: leafCode }), false);
  const max = options.group === undefined ? leaf.max : leafMaxFor(leaf, options.group);
  if (!Number.isFinite(value)) return problem(scoringMessage('value.notANumber', { found: 'surveyFigure' }));
  if (kind === 'rate') {
    if (value < 0 || lessThan(100, value)) {
      return problem(scoringMessage('survey.rateOutOfRange', { rate: value, from: 'surveyFile' }));
    }
    return { points: surveyLeafPointsFromRate(framework, value, max) };
  }
  if (value < 0) return problem(scoringMessage('score.negative', { value, from: 'surveyFile' }));
  if (lessThan(max, value)) {
    return problem(scoringMessage('score.aboveMax', { value, max, from: 'surveyFile' }));
  }
  const places = surveyLeafPlaces(framework);
  return { points: fromScaled(toScaled(value, places), places) };
}
