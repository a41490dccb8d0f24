/**
 * Vietnamese wording of a leaf's scoring rule, for the `Cách chấm` column, input prompts and
 * error messages. Numbers are written the Vietnamese way (decimal comma: 0,5).
 */
import type { FrameworkNode, Rule } from '../framework/schema';

/** 0.5 → "0,5"; 2 → "2"; at most the 2 places framework points carry. */
export function viNumber(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  return String(rounded).replace('.', ',');
}

function tierBounds(t: {
  min: number | null;
  minInclusive: boolean;
  max: number | null;
  maxInclusive: boolean;
}): string {
  const lo = t.min === null ? '' : `${t.minInclusive ? 'từ' : 'trên'} ${viNumber(t.min)}%`;
  const hi = t.max === null ? '' : `${t.maxInclusive ? 'đến' : 'dưới'} ${viNumber(t.max)}%`;
  return [lo, hi].filter(Boolean).join(' ');
}

/** One line per option, e.g. "Ban hành kịp thời: 1; Không ban hành: 0". */
export function ruleText(rule: Rule | undefined, max: number): string {
  if (!rule) return `Từ 0 đến ${viNumber(max)} điểm`;
  switch (rule.kind) {
    case 'levels':
      return rule.options.map((o) => `${o.label}: ${viNumber(o.points)}`).join('; ');
    case 'tiers': {
      const head = rule.measure ? `${rule.measure}: ` : '';
      return head + rule.tiers.map((t) => `${t.label} (${tierBounds(t)}): ${viNumber(t.points)}`).join('; ');
    }
    case 'range':
      return `Từ 0 đến ${viNumber(max)} điểm, bước ${viNumber(rule.step)}`;
    case 'deduction':
      return `Điểm trừ: từ -${viNumber(rule.cap)} đến 0, bước ${viNumber(rule.step)}`;
    case 'bonus':
      return `Điểm thưởng: từ 0 đến ${viNumber(rule.cap)}, bước ${viNumber(rule.step)}`;
  }
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
