/**
 * Reading a scoring guide (cách chấm) into a rule, and writing a rule back as a guide.
 *
 * Read, in this order:
 * 1. a list of options, one per line or separated by ";", each "nhãn: điểm" (also "nhãn = điểm",
 *    "nhãn – 1 điểm", "nhãn (1 điểm)", "nhãn được 1 điểm", "1 điểm: nhãn"; "điểm"/"đ" optional
 *    after ":" and "="; bullets "-", "+", "•" allowed; a first line ending with ":" is a preamble).
 *    If any option's label has a "%", every option must be a rate tier (see tiers.ts) → `tiers`;
 *    otherwise → `levels`;
 * 2. "… trừ 0,5 điểm …, trừ tối đa 2 điểm" → `deduction` (the cap is required);
 * 3. "… cộng 0,5 điểm …, cộng tối đa 1 điểm" → `bonus` (the cap is required);
 * 4. "từ 0 đến điểm tối đa" / "từ 0 đến 2 điểm" / "bước 0,25" → `range` (step 0,25 when unstated).
 * Anything else is refused with the line it could not read: the importer never guesses.
 */
import { PARSE_ORDER, ruleKind } from '../rule-kinds';
import { RANGE_UP_TO, guideLines } from '../rule-kinds/wording';
import type { Rule } from '../schema';

export type GuideResult = { ok: true; rule: Rule; notes: string[] } | { ok: false; message: string };

/**
 * Reads a self leaf's guide. `max` is the leaf's maximum as read from the table; a negative
 * maximum ("-2" in the Điểm tối đa column, as deduction rows are often written) stands for a
 * deduction capped at 2. Each rule kind reads its own wording, tried in `PARSE_ORDER`.
 */
export function parseGuide(text: string, max: number): GuideResult {
  const t = text.normalize('NFC').toLowerCase();
  if (!t.trim()) {
    if (max < 0)
      return {
        ok: true,
        rule: { kind: 'deduction', cap: -max, step: 0.25 },
        notes: ['trừ điểm theo bước 0,25 (cách chấm không ghi bước)'],
      };
    return { ok: false, message: 'thiếu cách chấm' };
  }
  // "Chấm từ 0 - 1 điểm" would also read as one option "Chấm từ 0" worth 1: a one-line guide
  // starting a scale at 0 is a range.
  const rangeLine = guideLines(text).length === 1 && RANGE_UP_TO.test(t);
  for (const kind of PARSE_ORDER) {
    if (rangeLine && (kind.kind === 'levels' || kind.kind === 'tiers')) continue;
    const read = kind.parse(text.normalize('NFC'), max);
    if (read) return read as GuideResult;
  }
  return {
    ok: false,
    message: `không hiểu cách chấm "${text.replace(/\s+/g, ' ').slice(0, 80)}" (cần các mức "nội dung: điểm", thang tỷ lệ "%", "từ 0 đến điểm tối đa, bước …", "trừ … tối đa …" hoặc "cộng … tối đa …")`,
  };
}

/** The canonical guide text of a rule: what the exporter writes when a leaf has no guide. */
export function ruleGuide(rule: Rule): string {
  return ruleKind(rule).guide(rule);
}
