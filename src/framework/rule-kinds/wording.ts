/**
 * Pieces shared by the rule kinds: Vietnamese numbers, the step check, and the readers of an
 * appendix guide that more than one kind uses (an option list; "trừ/cộng … tối đa …").
 */
import { toHundredths } from '../../common/decimal';
import { numberToken } from '../../common/vi-number';
import { addNodeProblem, type CheckAdd } from './kind';
import type { NodeParam } from '../messages.vi';

/** Distinct points, highest first. */
export function distinctDescending(points: readonly number[]): number[] {
  return [...new Set(points)].sort((a, b) => b - a);
}

/** `key` (range.step, …) when `value` is not a multiple of the step `s`. */
export function checkStep(
  key: 'range.step' | 'deduction.step' | 'bonus.step',
  at: NodeParam,
  value: number,
  s: number,
  add: CheckAdd,
) {
  if (toHundredths(value) % toHundredths(s) !== 0 || toHundredths(s) === 0)
    addNodeProblem(add, key, { ...at, value, step: s });
}

export const NUM = String.raw`([+-]?\d+(?:[.,]\d+)?)`;
export const UNIT = String.raw`(?:điểm|đ)`;

/** "từ 0 đến điểm tối đa", "từ 0 - 2 điểm": a scale from 0 (group 2: its top when a number). */
export const RANGE_UP_TO = new RegExp(
  String.raw`từ\s*0\s*(?:${UNIT}\s*)?(?:đến|-|–|tới)\s*(?:(điểm\s+tối\s+đa|tối\s+đa)|${NUM}\s*${UNIT}?)`,
);

/** "… trừ 0,5 điểm …, trừ tối đa 2 điểm": the cap and the step, when written. */
export function capAndStep(text: string, verb: 'trừ' | 'cộng'): { cap: number | null; step: number | null } {
  const t = text.normalize('NFC').toLowerCase();
  const capRe = new RegExp(
    String.raw`(?:${verb}\s+tối\s+đa|tối\s+đa\s+(?:bị\s+|được\s+)?${verb}|${verb}\s+không\s+quá)\s*${NUM}`,
  );
  const stepRe = new RegExp(String.raw`${verb}\s+${NUM}\s*${UNIT}`);
  const cap = capRe.exec(t);
  const step = stepRe.exec(t);
  return {
    cap: cap ? Math.abs(numberToken(cap[1])) : null,
    step: step ? Math.abs(numberToken(step[1])) : null,
  };
}

const itemPatterns: Array<[RegExp, 'labelFirst' | 'pointsFirst']> = [
  [new RegExp(String.raw`^(.+?)\s*[:=]\s*(?:được\s+)?${NUM}\s*${UNIT}?\.?$`, 'i'), 'labelFirst'],
  [new RegExp(String.raw`^(.+?)\s*[-–—]\s*${NUM}\s*${UNIT}\.?$`, 'i'), 'labelFirst'],
  [new RegExp(String.raw`^(.+?)\s*\(\s*${NUM}\s*${UNIT}\s*\)\.?$`, 'i'), 'labelFirst'],
  [new RegExp(String.raw`^(.+?)\s+(?:thì\s+)?(?:được|đạt)\s+${NUM}\s*${UNIT}\.?$`, 'i'), 'labelFirst'],
  [new RegExp(String.raw`^${NUM}\s*${UNIT}\s*[:\-–—]\s*(.+)$`, 'i'), 'pointsFirst'],
];

function parseItem(line: string): { label: string; points: number } | null {
  for (const [re, order] of itemPatterns) {
    const m = re.exec(line);
    if (!m) continue;
    const label = (order === 'labelFirst' ? m[1] : m[2]).trim();
    const points = numberToken(order === 'labelFirst' ? m[2] : m[1]);
    if (label) return { label, points };
  }
  return null;
}

/** Lines of a guide: split on line breaks and ";", bullets and trailing punctuation removed. */
export function guideLines(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\n|;/)
    .map((l) =>
      l
        .replace(/^\s*[-–—+•*]\s*/, '')
        .replace(/[\s.,;]+$/, '')
        .trim(),
    )
    .filter(Boolean);
}

export interface OptionList {
  items: { label: string; points: number }[];
  /** A first line ending with ":" (what is measured). */
  measure?: string;
  /** The first line that is neither an option nor the preamble. */
  unread?: string;
}

/** A guide read as "nhãn: điểm" options (levels, or tiers when labels carry a "%"); null if none. */
export function readOptionList(text: string): OptionList | null {
  const lines = guideLines(text);
  let measure: string | undefined;
  const items: { label: string; points: number }[] = [];
  let unread: string | undefined;
  lines.forEach((line, i) => {
    const item = parseItem(line);
    if (item) items.push(item);
    else if (i === 0 && line.endsWith(':')) measure = line.replace(/:$/, '').trim();
    else unread ??= line;
  });
  if (!items.length) return null;
  return { items, measure, unread };
}

/** The refusal of an option list with a line that is not an option. */
export function unreadLine(line: string) {
  return {
    ok: false as const,
    message: `không đọc được dòng "${line}" trong cách chấm (mỗi mức phải có dạng "nội dung: điểm")`,
  };
}
