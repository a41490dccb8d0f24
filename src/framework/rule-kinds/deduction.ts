/**
 * `deduction`: a penalty leaf with maximum 0; the score lies in [-cap, 0] on a step ("Mỗi lần vi
 * phạm trừ 0,5 điểm, trừ tối đa 2 điểm").
 */
import { z } from 'zod';
import { toHundredths } from '../../common/decimal';
import { addNodeProblem, type CheckAdd, type RuleKind } from './kind';
import type { NodeParam } from '../messages.vi';
import { capAndStep, checkStep } from './wording';
import { formatPoints } from '../../common/vi-number';

export const deductionSchema = z.object({
  kind: z.literal('deduction'),
  cap: z.number().positive(),
  step: z.number().positive().default(0.25),
});
export type DeductionRule = z.infer<typeof deductionSchema>;

/** Deduction and bonus leaves sit outside the scale: their maximum (also per group) is 0. */
export function checkOutsideScale(
  kind: 'deduction' | 'bonus',
  rule: { cap: number; step: number },
  node: { max: number; maxByGroup?: Record<string, number> },
  at: NodeParam,
  add: CheckAdd,
): void {
  if (
    toHundredths(node.max) !== 0 ||
    Object.values(node.maxByGroup ?? {}).some((m) => toHundredths(m) !== 0)
  ) {
    addNodeProblem(add, kind === 'deduction' ? 'deduction.max' : 'bonus.max', { ...at, max: node.max });
  }
  checkStep(kind === 'deduction' ? 'deduction.step' : 'bonus.step', at, rule.cap, rule.step, add);
}

export const deduction: RuleKind<DeductionRule> = {
  kind: 'deduction',
  schema: deductionSchema,
  role: 'deduction',
  accepts: (rule) => ({ allowed: null, min: -rule.cap, max: 0, step: rule.step }),
  shape: (rule) => ['deduction', toHundredths(rule.cap), toHundredths(rule.step)],
  check: (rule, node, at, add) => checkOutsideScale('deduction', rule, node, at, add),
  text: (rule) => `Điểm trừ: từ -${formatPoints(rule.cap)} đến 0, bước ${formatPoints(rule.step)}`,
  guide: (rule) =>
    `Mỗi lần vi phạm trừ ${formatPoints(rule.step)} điểm, trừ tối đa ${formatPoints(rule.cap)} điểm`,
  parse(text, max) {
    // A negative maximum ("-2" in the Điểm tối đa column, as deduction rows are often written)
    // stands for a deduction capped at 2.
    if (!/(^|\s)trừ(\s|$)/.test(text.toLowerCase()) && max >= 0) return null;
    const { cap, step } = capAndStep(text, 'trừ');
    const c = cap ?? (max < 0 ? -max : null);
    if (c === null)
      return {
        ok: false,
        message: 'cách chấm trừ điểm không ghi mức trừ tối đa (ví dụ "trừ tối đa 2 điểm")',
      };
    const notes = step === null ? ['trừ điểm theo bước 0,25 (cách chấm không ghi bước)'] : [];
    return { ok: true, rule: { kind: 'deduction', cap: c, step: step ?? 0.25 }, notes };
  },
};
