/** `levels`: the score is one of the options' points ("Ban hành kịp thời: 1; Không ban hành: 0"). */
import { z } from 'zod';
import { isHundredths, toHundredths } from '../../common/decimal';
import type { CheckAdd, RuleKind } from './kind';
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
  node: { code: string; max: number; maxByGroup?: Record<string, number> },
  label: string,
  add: CheckAdd,
): void {
  const code = node.code;
  const max = toHundredths(node.max);
  const name = kind === 'levels' ? 'mức điểm' : 'mức theo tỷ lệ';
  if (Object.keys(node.maxByGroup ?? {}).length) {
    add(
      code,
      'leaf.maxByGroup',
      `${label}: cách chấm theo ${name} không dùng được với điểm tối đa riêng theo nhóm; dùng khoảng điểm hoặc tách thành tiêu chí riêng.`,
    );
  }
  for (const v of values) {
    if (toHundredths(v) < 0 || toHundredths(v) > max || !isHundredths(v)) {
      add(
        code,
        kind === 'levels' ? 'levels.range' : 'tiers.range',
        `${label}: ${name} ${formatPoints(v)} điểm nằm ngoài khoảng 0 đến ${formatPoints(node.max)}.`,
      );
    }
  }
  if (!values.some((v) => toHundredths(v) === max)) {
    add(
      code,
      kind === 'levels' ? 'levels.max' : 'tiers.max',
      `${label}: không có ${name} nào bằng điểm tối đa ${formatPoints(node.max)} (${values.map(formatPoints).join('; ')}).`,
    );
  }
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
  check(rule, node, label, add) {
    checkChoicePoints(
      'levels',
      rule.options.map((o) => o.points),
      node,
      label,
      add,
    );
    const labels = rule.options.map((o) => o.label.trim().toLowerCase());
    const dup = labels.find((l, i) => labels.indexOf(l) !== i);
    if (dup !== undefined) add(node.code, 'levels.duplicate', `${label}: mức "${dup}" được ghi hai lần.`);
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
