/** `range`: any value in [0, max] on a step ("Chấm điểm từ 0 đến điểm tối đa, bước 0,25"). */
import { z } from 'zod';
import { toHundredths } from '../../common/decimal';
import { addNodeProblem, type RuleKind } from './kind';
import { NUM, RANGE_UP_TO, checkStep } from './wording';
import { formatPoints, numberToken } from '../../common/vi-number';

export const rangeSchema = z.object({ kind: z.literal('range'), step: z.number().positive().default(0.25) });
export type RangeRule = z.infer<typeof rangeSchema>;

export const range: RuleKind<RangeRule> = {
  kind: 'range',
  schema: rangeSchema,
  role: 'score',
  accepts: (rule, max) => ({ allowed: null, min: 0, max, step: rule.step }),
  shape: (rule) => ['range', toHundredths(rule.step)],
  check(rule, node, at, add) {
    checkStep('range.step', at, node.max, rule.step, add);
    for (const [g, m] of Object.entries(node.maxByGroup ?? {})) {
      if (toHundredths(m) % toHundredths(rule.step) !== 0)
        addNodeProblem(add, 'range.step', { ...at, group: g, max: m, step: rule.step });
    }
  },
  text: (rule, max) => `Từ 0 đến ${formatPoints(max)} điểm, bước ${formatPoints(rule.step)}`,
  guide: (rule) => `Chấm điểm từ 0 đến điểm tối đa, bước ${formatPoints(rule.step)}`,
  parse(text, max) {
    const t = text.toLowerCase();
    const upTo = RANGE_UP_TO.exec(t);
    const step = new RegExp(String.raw`bước\s*(?:chấm\s*)?${NUM}`).exec(t);
    if (!upTo && !step) return null;
    if (upTo && upTo[2] !== undefined && Math.round(numberToken(upTo[2]) * 100) !== Math.round(max * 100)) {
      return {
        ok: false,
        message: `cách chấm "từ 0 đến ${upTo[2]} điểm" khác điểm tối đa ${formatPoints(max)}`,
      };
    }
    const notes = step ? [] : ['chấm theo bước 0,25 (cách chấm không ghi bước)'];
    return { ok: true, rule: { kind: 'range', step: step ? numberToken(step[1]) : 0.25 }, notes };
  },
};
