/**
 * The scores a consolidation keeps of each file between reading it and ranking: thousands of
 * files are read before the first is ranked, and a plain object per leaf took 4 KB per file (the
 * bench's An Giang returns, 59 leaves), three quarters of a record. Here: one typed array
 * (kept-values.ts: hundredths, or the numbers) of self, appraisal and round-2 appraisal per leaf,
 * in the file's framework's leaf order (the code
 * list is the framework's, shared by every record), each value as the scoring engine reads it —
 * the number; NaN for empty; +Infinity for a cell holding something that is not a number, which
 * the engine reads again as "given, not a number", as it read the text. Plain data: it crosses
 * to and from the `--jobs` workers as it is.
 */
import type { Framework, FrameworkNode } from '../framework/schema';
import { leaves as leafNodes } from '../framework/tree';
import { readScore } from '../scoring/read';
import type { CellValue, LeafEntry, Scoresheet } from '../scoring/types';
import { keptValue, storedValues } from './kept-values';
import type { KeptEntries } from './types';

/** The fields kept per leaf, in this order (unit-detail.ts reads them by position). */
export const KEPT_FIELDS = ['self', 'appraisal', 'appraisal2'] as const;

const leafOrders = new WeakMap<Framework, readonly FrameworkNode[]>();

/** The framework's leaves in order, one list per framework object. */
export function leafOrder(framework: Framework): readonly FrameworkNode[] {
  let order = leafOrders.get(framework);
  if (!order) {
    order = leafNodes(framework);
    leafOrders.set(framework, order);
  }
  return order;
}

const codeLists = new WeakMap<Framework, readonly string[]>();

export function leafCodes(framework: Framework): readonly string[] {
  let codes = codeLists.get(framework);
  if (!codes) {
    codes = leafOrder(framework).map((n) => n.code);
    codeLists.set(framework, codes);
  }
  return codes;
}

function packed(value: CellValue | undefined): number {
  const r = readScore(value);
  if (r.value !== null) return r.value;
  return r.empty ? NaN : Infinity;
}

/** The self and appraisal scores of the framework's leaves in a scoresheet's `entries` (no evidence text). */
export function keepEntries(framework: Framework, entries: Scoresheet['entries']): KeptEntries {
  const codes = leafCodes(framework);
  const values = new Float64Array(codes.length * KEPT_FIELDS.length);
  // Plain loops, not forEach callbacks: closures made per file lose their optimised code whenever
  // the collector finds none alive (V8 keeps it only weakly), so each consolidation recompiled them.
  for (let i = 0; i < codes.length; i++) {
    const e = entries[codes[i]];
    for (let j = 0; j < KEPT_FIELDS.length; j++)
      values[i * KEPT_FIELDS.length + j] = packed(e?.[KEPT_FIELDS[j]]);
  }
  return { codes, values: storedValues(values) };
}

/** The kept scores as scoresheet entries, which the scoring engine reads as it read the file's. */
export function keptAsEntries(kept: KeptEntries): Record<string, LeafEntry> {
  const entries: Record<string, LeafEntry> = {};
  for (let i = 0; i < kept.codes.length; i++) {
    const e: LeafEntry = {};
    for (let j = 0; j < KEPT_FIELDS.length; j++) {
      const v = keptValue(kept.values, i * KEPT_FIELDS.length + j);
      e[KEPT_FIELDS[j]] = Number.isNaN(v) ? null : v;
    }
    entries[kept.codes[i]] = e;
  }
  return entries;
}

/**
 * keptAsEntries written into `into`, reusing its entry objects: for a caller that reads one unit's
 * entries at a time (the ranking: computeTotals, then the survey points), so 3,000 units do not
 * make 3,000 sets of 59 entry objects (~28 MB of garbage while ranking them). Each entry gets all
 * four fields, `survey` empty (undefined, as a missing one).
 */
export function keptIntoEntries(
  kept: KeptEntries,
  into: Record<string, LeafEntry>,
): Record<string, LeafEntry> {
  for (let i = 0; i < kept.codes.length; i++) {
    let e = into[kept.codes[i]];
    if (!e) into[kept.codes[i]] = e = { self: null, appraisal: null, appraisal2: null, survey: undefined };
    for (let j = 0; j < KEPT_FIELDS.length; j++) {
      const v = keptValue(kept.values, i * KEPT_FIELDS.length + j);
      e[KEPT_FIELDS[j]] = Number.isNaN(v) ? null : v;
    }
    e.survey = undefined;
  }
  return into;
}
