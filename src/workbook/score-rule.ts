/**
 * What a score cell may hold, derived from the leaf's rule, and the same rule written as an
 * Excel formula. One derivation feeds the data validation (stops typing), the conditional format
 * and the `Kiểm tra` column (flag pasted values, which validation cannot stop).
 */
import { acceptedScores, type AcceptedScores } from '../framework/rule-kinds';
import type { FrameworkNode } from '../framework/schema';
import { leafMaxFor } from '../framework/tree';
import type { ScoreField } from '../scoring/types';
import { FIELD_COLUMN } from './columns';
import { clip, ruleText, viNumber } from './rule-text';

/** What a score cell may hold: the leaf's accepted scores (one derivation, in the rule kind). */
export type ScoreCellRule = AcceptedScores;

export function scoreCellRule(leaf: FrameworkNode, group: string, field: ScoreField): ScoreCellRule {
  const max = leafMaxFor(leaf, group);
  if (field === 'survey') return { allowed: null, min: 0, max, step: null };
  return acceptedScores(leaf.rule, max);
}

/** A number as a formula literal (formulas are locale-free: always a decimal point). */
function lit(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/**
 * TRUE when `ref` holds an allowed score. Guarded by IF(ISNUMBER()) so text never turns the
 * check into an error (an error in a conditional format reads as "not flagged").
 */
export function validExpression(ref: string, r: ScoreCellRule): string {
  if (r.allowed)
    return `IF(ISNUMBER(${ref}),OR(${r.allowed.map((v) => `${ref}=${lit(v)}`).join(',')}),FALSE)`;
  const parts = [`${ref}>=${lit(r.min)}`, `${ref}<=${lit(r.max)}`];
  if (r.step !== null) parts.push(`ABS(${ref}/${lit(r.step)}-ROUND(${ref}/${lit(r.step)},0))<0.000001`);
  return `IF(ISNUMBER(${ref}),AND(${parts.join(',')}),FALSE)`;
}

/** TRUE when `ref` is filled with something not allowed. */
export function invalidExpression(ref: string, r: ScoreCellRule): string {
  return `AND(LEN(${ref})>0,NOT(${validExpression(ref, r)}))`;
}

/** Vietnamese prompt and error of a score cell, within Excel's length limits. */
export function scoreMessages(
  leaf: FrameworkNode,
  r: ScoreCellRule,
  field: ScoreField,
): { promptTitle: string; prompt: string; errorTitle: string; error: string } {
  const how =
    field === 'survey'
      ? `Do Sở Nội vụ điền từ kết quả điều tra xã hội học, từ 0 đến ${viNumber(r.max)} điểm.`
      : `${ruleText(leaf.rule, r.max)}.`;
  const prompt = `Tiêu chí ${leaf.code}, tối đa ${viNumber(r.max)} điểm. ${how}`;
  const error = r.allowed
    ? `Tiêu chí ${leaf.code}: chỉ được chọn một trong các mức ${r.allowed.map(viNumber).join('; ')}.`
    : `Tiêu chí ${leaf.code}: nhập một số từ ${viNumber(r.min)} đến ${viNumber(r.max)}` +
      (r.step !== null ? `, bước ${viNumber(r.step)}.` : '.');
  return {
    promptTitle: clip(FIELD_COLUMN[field].title, 32),
    prompt: clip(prompt, 255),
    errorTitle: 'Điểm không hợp lệ',
    error: clip(error, 225),
  };
}
