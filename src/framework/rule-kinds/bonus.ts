/**
 * `bonus`: a reward leaf outside the maximum (maximum 0); the score lies in [0, cap] on a step
 * ("Mỗi kết quả được công nhận cộng 0,5 điểm, cộng tối đa 1 điểm").
 */
import { z } from 'zod';
import { toHundredths } from '../../common/decimal';
import { checkOutsideScale } from './deduction';
import type { RuleKind } from './kind';
import { capAndStep } from './wording';
import { formatPoints } from '../../common/vi-number';

export const bonusSchema = z.object({
  kind: z.literal('bonus'),
  cap: z.number().positive(),
  step: z.number().positive().default(0.25),
});
export type BonusRule = z.infer<typeof bonusSchema>;

export const bonus: RuleKind<BonusRule> = {
  kind: 'bonus',
  schema: bonusSchema,
  role: 'bonus',
  accepts: (rule) => ({ allowed: null, min: 0, max: rule.cap, step: rule.step }),
  shape: (rule) => ['bonus', toHundredths(rule.cap), toHundredths(rule.step)],
  check: (rule, node, at, add) => checkOutsideScale('bonus', rule, node, at, add),
  text: (rule) => `Điểm thưởng: từ 0 đến ${formatPoints(rule.cap)}, bước ${formatPoints(rule.step)}`,
  guide: (rule) =>
    `Mỗi kết quả được công nhận cộng ${formatPoints(rule.step)} điểm, cộng tối đa ${formatPoints(rule.cap)} điểm`,
  parse(text) {
    if (!/(^|\s)(cộng|thưởng)(\s|$)/.test(text.toLowerCase())) return null;
    const { cap, step } = capAndStep(text.replace(/thưởng/gi, 'cộng'), 'cộng');
    if (cap === null)
      return {
        ok: false,
        message: 'cách chấm cộng điểm không ghi mức cộng tối đa (ví dụ "cộng tối đa 1 điểm")',
      };
    const notes = step === null ? ['cộng điểm theo bước 0,25 (cách chấm không ghi bước)'] : [];
    return { ok: true, rule: { kind: 'bonus', cap, step: step ?? 0.25 }, notes };
  },
};
