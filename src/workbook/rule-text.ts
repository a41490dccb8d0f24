/**
 * Vietnamese wording of a leaf's scoring rule, for the `Cách chấm` column, input prompts and
 * error messages. Numbers are written the Vietnamese way (decimal comma: 0,5).
 */
import { ruleText as kindRuleText } from '../framework/rule-kinds';
import type { FrameworkNode, Rule } from '../framework/schema';

/** 0.5 → "0,5"; 2 → "2"; at most the 2 places framework points carry. */
export function viNumber(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  return String(rounded).replace('.', ',');
}

/** One line per option, e.g. "Ban hành kịp thời: 1; Không ban hành: 0" (each rule kind words itself). */
export function ruleText(rule: Rule | undefined, max: number): string {
  return kindRuleText(rule, max);
}

/** The `Cách chấm` cell: the decision's own wording when given, else the rule; plus evidence duty. */
export function guideCellText(leaf: FrameworkNode, max: number): string {
  const base = leaf.guide?.trim() || ruleText(leaf.rule, max);
  return leaf.evidenceRequired ? `${base}\n(Bắt buộc có tài liệu kiểm chứng)` : base;
}

/** Cuts text to Excel's limit for prompts and messages, keeping it readable. */
export function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
