/**
 * Deterministic sample scores for the demo and the benchmark: what a unit (self-assessment with
 * evidence) and the appraisal council (a lower score here and there, with a comment) would type.
 * Every value is one the framework allows (a level's points, a tier's points, a multiple of the
 * step), so a sample file is valid unless a mistake is put in on purpose. Seeded PRNG: the same
 * seed always gives the same workbook. Pure.
 */
import { DEFAULT_STEP, acceptedScores } from '../framework/rule-kinds';
import type { Framework, FrameworkNode } from '../framework/schema';
import { leafMaxFor, leaves, appliesTo } from '../framework/tree';
import { fromScaled, toScaled } from '../common/decimal';
import { leafKind } from '../scoring/leaf';

/** mulberry32: a tiny, well-distributed 32-bit PRNG; enough for sample data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable seed from text (a unit code), so each unit's sample differs but never changes. */
export function seedOf(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

export interface SampleEntry {
  self?: number;
  evidence?: string;
  explanation?: string;
  appraisal?: number;
  appraisalComment?: string;
}

/** The scores a leaf accepts for a group, lowest first (the rule kind's accepted scores, listed). */
export function allowedScores(leaf: FrameworkNode, group: string): number[] {
  const { allowed, min, max, step } = acceptedScores(leaf.rule, leafMaxFor(leaf, group));
  if (allowed) return allowed.filter((p) => p >= min && p <= max).reverse();
  const s = toScaled(step ?? DEFAULT_STEP, 4);
  const out: number[] = [];
  for (let v = toScaled(min, 4); v <= toScaled(max, 4); v += s) out.push(fromScaled(v, 4));
  return out;
}

/**
 * Sample entries for one unit (its own return; `council: true` adds the council's appraisal and
 * the bonus/deduction). `quality` in [0, 1]: the chance a leaf gets its best score (a
 * strong unit scores high, a weak one spreads out), which gives the ranking some spread.
 */
export function sampleScores(
  framework: Framework,
  group: string,
  seed: number,
  quality = 0.7,
  options: { council?: boolean } = {},
): Record<string, SampleEntry> {
  // A unit's own return carries no council scores (DESIGN.md "Who may write what"): appraisal
  // values, bonus and deduction only when asked for (a council's workbook).
  const council = options.council ?? false;
  const random = seededRandom(seed);
  const out: Record<string, SampleEntry> = {};
  let docNumber = 1 + Math.floor(random() * 200);
  for (const leaf of leaves(framework)) {
    if (leaf.method === 'survey' || !appliesTo(leaf, group)) continue;
    // The leaf's role, not its rule kind: a new kind that deducts or adds is sampled the same way.
    const kind = leafKind(leaf);
    if (kind === 'deduction' || kind === 'bonus') {
      // Most units have no penalty and no bonus: an empty cell means "none".
      if (random() < 0.8) continue;
    }
    const allowed = allowedScores(leaf, group);
    if (!allowed.length) continue;
    let self: number;
    if (kind === 'deduction') self = allowed[Math.floor(random() * allowed.length)];
    else if (random() < quality) self = allowed[allowed.length - 1];
    else self = allowed[Math.floor(random() * allowed.length)];
    if (!council && (kind === 'deduction' || kind === 'bonus')) continue;
    const entry: SampleEntry = { self };
    if (self !== 0) {
      const day = 1 + Math.floor(random() * 28);
      const month = 1 + Math.floor(random() * 12);
      entry.evidence = `Văn bản số ${docNumber++}/KH-UBND ngày ${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${framework.year}`;
    } else {
      entry.explanation = 'Trong năm chưa thực hiện nội dung này.';
    }
    // The council agrees most of the time; otherwise it grants the next lower allowed score.
    // (The random draw happens either way, so the self scores do not depend on `council`.)
    const i = allowed.indexOf(self);
    const lower = random() < 0.15 && i > 0 && kind !== 'deduction';
    if (!council) {
      out[leaf.code] = entry;
      continue;
    }
    if (lower) {
      entry.appraisal = allowed[i - 1];
      entry.appraisalComment =
        'Tài liệu kiểm chứng chưa đầy đủ; Hội đồng thẩm định không công nhận toàn bộ điểm tự chấm.';
    } else {
      entry.appraisal = self;
    }
    out[leaf.code] = entry;
  }
  return out;
}
