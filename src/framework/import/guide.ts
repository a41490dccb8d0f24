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
import type { Rule, Tier } from '../schema';
import { formatPoints } from './text';
import { parseTierBounds } from './tiers';

export type GuideResult = { ok: true; rule: Rule; notes: string[] } | { ok: false; message: string };

const NUM = String.raw`([+-]?\d+(?:[.,]\d+)?)`;
const UNIT = String.raw`(?:điểm|đ)`;
const num = (s: string) => Number(s.replace(',', '.'));

/** "từ 0 đến điểm tối đa", "từ 0 - 2 điểm": a scale from 0 (group 2: its top when a number). */
const RANGE_UP_TO = new RegExp(
  String.raw`từ\s*0\s*(?:${UNIT}\s*)?(?:đến|-|–|tới)\s*(?:(điểm\s+tối\s+đa|tối\s+đa)|${NUM}\s*${UNIT}?)`,
);

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
    const points = num(order === 'labelFirst' ? m[2] : m[1]);
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

function optionList(text: string): GuideResult | null {
  const lines = guideLines(text);
  if (!lines.length) return null;
  const notes: string[] = [];
  let measure: string | undefined;
  const items: { label: string; points: number }[] = [];
  const unread: string[] = [];
  lines.forEach((line, i) => {
    const item = parseItem(line);
    if (item) items.push(item);
    else if (i === 0 && line.endsWith(':')) measure = line.replace(/:$/, '').trim();
    else unread.push(line);
  });
  if (!items.length) return null;
  if (unread.length) {
    return {
      ok: false,
      message: `không đọc được dòng "${unread[0]}" trong cách chấm (mỗi mức phải có dạng "nội dung: điểm")`,
    };
  }
  if (items.some((it) => it.label.includes('%'))) {
    const tiers: Tier[] = [];
    for (const it of items) {
      const bounds = parseTierBounds(it.label);
      if (!bounds) {
        return {
          ok: false,
          message: `mức "${it.label}" không ghi tỷ lệ theo cách đọc được (ví dụ "trên 90%", "từ 70% - 90%", "dưới 70%")`,
        };
      }
      tiers.push({ label: it.label, ...bounds, points: it.points });
    }
    return { ok: true, rule: measure ? { kind: 'tiers', measure, tiers } : { kind: 'tiers', tiers }, notes };
  }
  if (measure) notes.push(`dòng mở đầu "${measure}:" được bỏ qua`);
  return { ok: true, rule: { kind: 'levels', options: items }, notes };
}

function capAndStep(text: string, verb: 'trừ' | 'cộng'): { cap: number | null; step: number | null } {
  const t = text.normalize('NFC').toLowerCase();
  const capRe = new RegExp(
    String.raw`(?:${verb}\s+tối\s+đa|tối\s+đa\s+(?:bị\s+|được\s+)?${verb}|${verb}\s+không\s+quá)\s*${NUM}`,
  );
  const stepRe = new RegExp(String.raw`${verb}\s+${NUM}\s*${UNIT}`);
  const cap = capRe.exec(t);
  const step = stepRe.exec(t);
  return { cap: cap ? Math.abs(num(cap[1])) : null, step: step ? Math.abs(num(step[1])) : null };
}

/**
 * Reads a self leaf's guide. `max` is the leaf's maximum as read from the table; a negative
 * maximum ("-2" in the Điểm tối đa column, as deduction rows are often written) stands for a
 * deduction capped at 2.
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
  const single = guideLines(text);
  const list = single.length === 1 && RANGE_UP_TO.test(t) ? null : optionList(text);
  if (list) return list;

  if (/(^|\s)trừ(\s|$)/.test(t) || max < 0) {
    const { cap, step } = capAndStep(text, 'trừ');
    const c = cap ?? (max < 0 ? -max : null);
    if (c === null)
      return {
        ok: false,
        message: 'cách chấm trừ điểm không ghi mức trừ tối đa (ví dụ "trừ tối đa 2 điểm")',
      };
    const notes = step === null ? ['trừ điểm theo bước 0,25 (cách chấm không ghi bước)'] : [];
    return { ok: true, rule: { kind: 'deduction', cap: c, step: step ?? 0.25 }, notes };
  }
  if (/(^|\s)(cộng|thưởng)(\s|$)/.test(t)) {
    const { cap, step } = capAndStep(text.replace(/thưởng/gi, 'cộng'), 'cộng');
    if (cap === null)
      return {
        ok: false,
        message: 'cách chấm cộng điểm không ghi mức cộng tối đa (ví dụ "cộng tối đa 1 điểm")',
      };
    const notes = step === null ? ['cộng điểm theo bước 0,25 (cách chấm không ghi bước)'] : [];
    return { ok: true, rule: { kind: 'bonus', cap, step: step ?? 0.25 }, notes };
  }
  const upTo = RANGE_UP_TO.exec(t);
  const step = new RegExp(String.raw`bước\s*(?:chấm\s*)?${NUM}`).exec(t);
  if (upTo || step) {
    if (upTo && upTo[2] !== undefined && Math.round(num(upTo[2]) * 100) !== Math.round(max * 100)) {
      return {
        ok: false,
        message: `cách chấm "từ 0 đến ${upTo[2]} điểm" khác điểm tối đa ${formatPoints(max)}`,
      };
    }
    const notes = step ? [] : ['chấm theo bước 0,25 (cách chấm không ghi bước)'];
    return { ok: true, rule: { kind: 'range', step: step ? num(step[1]) : 0.25 }, notes };
  }
  return {
    ok: false,
    message: `không hiểu cách chấm "${text.replace(/\s+/g, ' ').slice(0, 80)}" (cần các mức "nội dung: điểm", thang tỷ lệ "%", "từ 0 đến điểm tối đa, bước …", "trừ … tối đa …" hoặc "cộng … tối đa …")`,
  };
}

/** The canonical guide text of a rule: what the exporter writes when a leaf has no guide. */
export function ruleGuide(rule: Rule): string {
  switch (rule.kind) {
    case 'levels':
      return rule.options.map((o) => `${o.label}: ${formatPoints(o.points)}`).join('; ');
    case 'tiers': {
      const body = rule.tiers.map((t) => `${t.label}: ${formatPoints(t.points)}`).join('; ');
      return rule.measure ? `${rule.measure}:\n${body.split('; ').join('\n')}` : body;
    }
    case 'range':
      return `Chấm điểm từ 0 đến điểm tối đa, bước ${formatPoints(rule.step)}`;
    case 'deduction':
      return `Mỗi lần vi phạm trừ ${formatPoints(rule.step)} điểm, trừ tối đa ${formatPoints(rule.cap)} điểm`;
    case 'bonus':
      return `Mỗi kết quả được công nhận cộng ${formatPoints(rule.step)} điểm, cộng tối đa ${formatPoints(rule.cap)} điểm`;
  }
}
