/**
 * `tiers`: the score is one of the tiers' points, each tier a band of a measured rate ("Thực hiện
 * trên 90% kế hoạch: 2; từ 70% - 90%: 1; dưới 70%: 0"); the unit states the rate as evidence.
 */
import { z } from 'zod';
import { parseTierBounds } from '../import/tiers';
import { toHundredths } from '../../common/decimal';
import { addNodeProblem, type CheckAdd, type RuleKind } from './kind';
import type { NodeParam } from '../messages.vi';
import { checkChoicePoints } from './levels';
import { distinctDescending, readOptionList, unreadLine } from './wording';
import { formatPoints } from '../../common/vi-number';

/**
 * One tier of a `tiers` rule on a measured rate (in %). Bounds are explicit because the decisions
 * word them differently: "trên 90 %" is { min: 90, minInclusive: false }, "từ 70 % - 90 %" is
 * { min: 70, minInclusive: true, max: 90, maxInclusive: true }, "dưới 70 %" is
 * { max: 70, maxInclusive: false }. A null bound is open.
 */
export const tierSchema = z.object({
  label: z.string().min(1),
  min: z.number().finite().nullable(),
  minInclusive: z.boolean(),
  max: z.number().finite().nullable(),
  maxInclusive: z.boolean(),
  points: z.number().finite(),
});
export type Tier = z.infer<typeof tierSchema>;

export const tiersSchema = z.object({
  kind: z.literal('tiers'),
  /** What is measured, e.g. "Tỷ lệ hoàn thành kế hoạch". */
  measure: z.string().optional(),
  tiers: z.array(tierSchema).min(1),
});
export type TiersRule = z.infer<typeof tiersSchema>;

function tierBounds(t: Tier): string {
  const lo = t.min === null ? '' : `${t.minInclusive ? 'từ' : 'trên'} ${formatPoints(t.min)}%`;
  const hi = t.max === null ? '' : `${t.maxInclusive ? 'đến' : 'dưới'} ${formatPoints(t.max)}%`;
  return [lo, hi].filter(Boolean).join(' ');
}

export const tiers: RuleKind<TiersRule> = {
  kind: 'tiers',
  schema: tiersSchema,
  role: 'score',
  accepts: (rule, max) => ({
    allowed: distinctDescending(rule.tiers.map((t) => t.points)),
    min: 0,
    max,
    step: null,
  }),
  shape: (rule) => [
    'tiers',
    [...new Set(rule.tiers.map((t) => toHundredths(t.points)))].sort((a, b) => a - b),
  ],
  check(rule, node, at, add) {
    checkChoicePoints(
      'tiers',
      rule.tiers.map((t) => t.points),
      node,
      at,
      add,
    );
    checkTierCoverage(rule.tiers, at, add);
  },
  text(rule) {
    const head = rule.measure ? `${rule.measure}: ` : '';
    return (
      head + rule.tiers.map((t) => `${t.label} (${tierBounds(t)}): ${formatPoints(t.points)}`).join('; ')
    );
  },
  guide(rule) {
    const body = rule.tiers.map((t) => `${t.label}: ${formatPoints(t.points)}`).join('; ');
    return rule.measure ? `${rule.measure}:\n${body.split('; ').join('\n')}` : body;
  },
  parse(text) {
    const list = readOptionList(text);
    if (!list || !list.items.some((it) => it.label.includes('%'))) return null;
    if (list.unread !== undefined) return unreadLine(list.unread);
    const read: Tier[] = [];
    for (const it of list.items) {
      const bounds = parseTierBounds(it.label);
      if (!bounds) {
        return {
          ok: false,
          message: `mức "${it.label}" không ghi tỷ lệ theo cách đọc được (ví dụ "trên 90%", "từ 70% - 90%", "dưới 70%")`,
        };
      }
      read.push({ label: it.label, ...bounds, points: it.points });
    }
    const rule = list.measure
      ? { kind: 'tiers' as const, measure: list.measure, tiers: read }
      : { kind: 'tiers' as const, tiers: read };
    return { ok: true, rule, notes: [] };
  },
};

/** A tier's bounds as comparable numbers; an open bound is ±Infinity. */
const lower = (t: Tier) => t.min ?? -Infinity;
const upper = (t: Tier) => t.max ?? Infinity;

/**
 * Tiers must cover every rate from 0 % to 100 % exactly once. Two neighbours must meet at one
 * value with exactly one of them including it ("trên 90 %" / "từ 70 % - 90 %"): both inclusive is
 * an overlap (90 % would score twice), neither is a gap (90 % would score nothing).
 */
function checkTierCoverage(tiers: readonly Tier[], at: NodeParam, add: CheckAdd) {
  for (const t of tiers) {
    const lo = lower(t);
    const hi = upper(t);
    if (lo > hi || (lo === hi && !(t.minInclusive && t.maxInclusive))) {
      addNodeProblem(add, 'tiers.empty', { ...at, tier: t.label, min: t.min ?? null, max: t.max ?? null });
      return;
    }
  }
  // Compare without subtraction: −∞ − −∞ is NaN.
  const cmp = (x: number, y: number) => (x < y ? -1 : x > y ? 1 : 0);
  const sorted = [...tiers].sort(
    (a, b) => cmp(lower(a), lower(b)) || Number(b.minInclusive) - Number(a.minInclusive),
  );
  const first = sorted[0];
  if (lower(first) > 0 || (lower(first) === 0 && !first.minInclusive)) {
    addNodeProblem(add, 'tiers.gap', { ...at, why: 'below', min: first.min as number });
  }
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    const aHi = upper(a);
    const bLo = lower(b);
    if (aHi < bLo || (aHi === bLo && !a.maxInclusive && !b.minInclusive)) {
      addNodeProblem(add, 'tiers.gap', {
        ...at,
        why: 'between',
        tier: a.label,
        next: b.label,
        from: aHi,
        to: bLo,
      });
    } else if (aHi > bLo || (aHi === bLo && a.maxInclusive && b.minInclusive)) {
      addNodeProblem(add, 'tiers.overlap', { ...at, tier: a.label, next: b.label, rate: bLo });
    }
  }
  const last = sorted[sorted.length - 1];
  if (upper(last) < 100 || (upper(last) === 100 && !last.maxInclusive)) {
    addNodeProblem(add, 'tiers.gap', { ...at, why: 'above', max: last.max as number });
  }
}
