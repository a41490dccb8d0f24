/**
 * Survey (điều tra xã hội học) figures to points. The organisers send, per unit and survey leaf,
 * either a satisfaction rate in % or points. A rate becomes rate / 100 × the leaf's maximum
 * (91.17 % of 10 points → 9.12; DOMAIN.md: the likely rule, kept a framework setting per source),
 * rounded half up to the framework's published places, because survey components are published
 * rounded on their own.
 */
import type { ScoringProblemKey } from './problem-keys';
import type { Framework, FrameworkNode } from '../framework/schema';
import { leafMaxFor } from '../framework/tree';
import { divRoundHalfUp, fromScaled, toScaled } from '../common/decimal';
import { formatVi } from '../common/vi-number';
import { lessThan } from './leaf';
import type { Problem } from './types';

/** rate (in %, read at 4 decimals) × leafMax / 100, rounded half up to `places` (default 2). */
export function surveyPointsFromRate(ratePercent: number, leafMax: number, places = 2): number {
  const rate = toScaled(ratePercent, 4); // 10^-4 %
  const max = toScaled(leafMax, 2); // 10^-2 points
  // rate·max is in 10^-6 %·points; / 100 (percent) gives 10^-8 points; rescale to 10^-places.
  return fromScaled(divRoundHalfUp(rate * max, 10 ** (8 - places)), places);
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
  const problem = (rule: ScoringProblemKey, message: string): SurveyResult => ({
    problem: { severity: 'error', rule, code: leafCode, field: 'survey', message, value },
  });
  if (!leaf || leaf.method !== 'survey') {
    return problem(
      'survey.notASurveyLeaf',
      `Tiêu chí ${leafCode} không phải là tiêu chí điều tra xã hội học.`,
    );
  }
  const max = options.group === undefined ? leaf.max : leafMaxFor(leaf, options.group);
  if (!Number.isFinite(value))
    return problem('value.notANumber', `Tiêu chí ${leafCode}: giá trị không phải là số.`);
  if (kind === 'rate') {
    if (value < 0 || lessThan(100, value)) {
      return problem(
        'survey.rateOutOfRange',
        `Tiêu chí ${leafCode}: tỷ lệ ${formatVi(value)}% nằm ngoài khoảng 0% – 100%.`,
      );
    }
    return { points: surveyPointsFromRate(value, max, framework.places) };
  }
  if (value < 0)
    return problem('score.negative', `Tiêu chí ${leafCode}: điểm điều tra XHH ${formatVi(value)} là số âm.`);
  if (lessThan(max, value)) {
    return problem(
      'score.aboveMax',
      `Tiêu chí ${leafCode}: điểm điều tra XHH ${formatVi(value)} vượt điểm tối đa ${formatVi(max)}.`,
    );
  }
  return { points: fromScaled(toScaled(value, framework.places), framework.places) };
}
