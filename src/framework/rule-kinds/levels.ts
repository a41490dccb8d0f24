/** `levels`: the score is one of the options' points ("Ban hành kịp thời: 1; Không ban hành: 0"). */
import { z } from 'zod';
import { isHundredths, toHundredths } from '../../common/decimal';
import { addNodeProblem, type CheckAdd, type RuleKind } from './kind';
import type { NodeParam } from '../messages.vi';
import { distinctDescending, readOptionList, unreadLine } from './wording';
import { formatPoints } from '../../common/vi-number';

/** One labelled option of a `levels` rule, e.g. "Ban hành kịp thời" → 1. */
export const levelOptionSchema = z.object({
  label: z.string().min(1),
  points: z.number().finite(),
});

export const levelsSchema = z.object({
  kind: z.literal('levels'),
  options: z.array(levelOptionSchema).min(1),
});
export type LevelsRule = z.infer<typeof levelsSchema>;

/**
 * The checks shared by the kinds whose score is one of a fixed set of points (levels, tiers):
 * every point within [0, max] on hundredths, one of them the maximum, and no per-group maxima
 * (one set of points cannot fit two maxima).
 */
export function checkChoicePoints(
  kind: 'levels' | 'tiers',
  values: readonly number[],
  node: { max: number; maxByGroup?: Record<string, number> },
  at: NodeParam,
  add: CheckAdd,
): void {
  const max = toHundredths(node.max);
  if (Object.keys(node.maxByGroup ?? {}).length) addNodeProblem(add, 'leaf.maxByGroup', { ...at, why: kind });
  for (const v of values) {
    if (toHundredths(v) < 0 || toHundredths(v) > max || !isHundredths(v))
      addNodeProblem(add, kind === 'levels' ? 'levels.range' : 'tiers.range', {
        ...at,
        value: v,
        max: node.max,
      });
  }
  if (!values.some((v) => toHundredths(v) === max))
    addNodeProblem(add, kind === 'levels' ? 'levels.max' : 'tiers.max', {
      ...at,
      max: node.max,
      values: [...values],
    });
}

export const levels: RuleKind<LevelsRule> = {
  kind: 'levels',
  schema: levelsSchema,
  role: 'score',
  accepts: (rule, max) => ({
    allowed: distinctDescending(rule.options.map((o) => o.points)),
    min: 0,
    max,
    step: null,
  }),
  shape: (rule) => [
    'levels',
    [...new Set(rule.options.map((o) => toHundredths(o.points)))].sort((a, b) => a - b),
  ],
  check(rule, node, at, add) {
    checkChoicePoints(
      'levels',
      rule.options.map((o) => o.points),
      node,
      at,
      add,
    );
    const labels = rule.options.map((o) => o.label.trim().toLowerCase());
    const dup = labels.find((l, i) => labels.indexOf(l) !== i);
    if (dup !== undefined) addNodeProblem(add, 'levels.duplicate', { ...at, level: dup });
  },
  text: (rule) => rule.options.map((o) => `${o.label}: ${formatPoints(o.points)}`).join('; '),
  guide: (rule) => rule.options.map((o) => `${o.label}: ${formatPoints(o.points)}`).join('; '),
  parse(text) {
    const list = readOptionList(text);
    if (!list) return null;
    if (list.unread !== undefined) return unreadLine(list.unread);
    const notes = list.measure ? [`dòng mở đầu "${list.measure}:" được bỏ qua`] : [];
    return { ok: true, rule: { kind: 'levels', options: list.items }, notes };
  },
};
