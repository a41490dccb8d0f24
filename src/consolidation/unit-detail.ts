/**
 * A ranked unit's detail, kept small: a province's 200 units or a nation's 3,300 are all held until
 * the ranking workbook is written, and the plain shape (an object per leaf, every criterion's
 * totals) took 11 KB per unit, two thirds of a consolidation's memory per unit (measured on the
 * bench's An Giang returns, 59 leaves). Here a detail holds two handles into the run's ScoreStore
 * (score-store.ts): the scores the consolidation kept of its file (kept-entries.ts: self,
 * appraisal, round-2 appraisal per leaf), with the survey points written into the survey leaves'
 * slots, and its totals and those of its lĩnh vực as numbers (as objects those nine took ~1.5 KB:
 * an object and up to six boxed numbers each). In the CLI the store is a temporary file, so a
 * detail in memory is this object alone. `leaves` and `totals` are made when read, and JSON gives
 * the plain shape.
 */
import type { Framework, FrameworkNode } from '../framework/schema';
import { readScore } from '../scoring/read';
import type { NodeTotals, Scoresheet, Totals, UnitRef } from '../scoring/types';
import { KEPT_FIELDS, keepEntries, keptAsEntries, leafCodes, leafOrder } from './kept-entries';
import { keptValue, withKeptValue, type KeptValues } from './kept-values';
import { memoryScoreStore, type ScoreStore } from './score-store';
import type { KeptEntries, LeafDetail, UnitDetail, UnitTotals } from './types';

const SLOTS = KEPT_FIELDS.length;
const SELF = KEPT_FIELDS.indexOf('self');
const APPRAISAL = KEPT_FIELDS.indexOf('appraisal');
const APPRAISAL2 = KEPT_FIELDS.indexOf('appraisal2');
/** A survey leaf's slot for its survey points (it has no self score: the slot is free). */
const SURVEY = SELF;

/**
 * The numbers of one NodeTotals in the packed totals (the unit's, then each lĩnh vực's in tree
 * order): NaN for an index of null, and a max of NaN for a lĩnh vực the totals lack.
 */
const TOTAL_FIELDS = ['self', 'appraised', 'survey', 'total', 'max', 'index'] as const;
const MAX = TOTAL_FIELDS.indexOf('max');
const INDEX = TOTAL_FIELDS.indexOf('index');

/** A kept number as the scoring engine reads it: NaN (empty) and +Infinity (not a number) are none. */
const score = (n: number) => (Number.isFinite(n) ? n : null);
const packed = (n: number | null) => (n === null ? NaN : n);
const unpacked = (n: number) => (Number.isNaN(n) ? null : n);

// Plain loops below, not forEach or map callbacks: a closure made per unit loses its optimised
// code whenever the collector finds none alive (V8 keeps it only weakly), so each consolidation
// recompiled them (--trace-opt, a second consolidation after an exceljs load).
function packTotals(into: Float64Array, at: number, node: NodeTotals | undefined): void {
  for (let i = 0; i < TOTAL_FIELDS.length; i++) into[at + i] = node ? packed(node[TOTAL_FIELDS[i]]) : NaN;
}

function slotScore(scores: KeptValues, i: number): number | null {
  return score(keptValue(scores, i));
}

function unpackTotals(from: Float64Array, at: number, code: string): NodeTotals | undefined {
  if (Number.isNaN(from[at + MAX])) return undefined;
  const [self, appraised, survey, total] = from.subarray(at, at + 4);
  return { code, self, appraised, survey, total, max: from[at + MAX], index: unpacked(from[at + INDEX]) };
}

class PackedUnitDetail implements UnitDetail {
  constructor(
    readonly key: string,
    readonly unit: UnitRef,
    readonly file: string,
    readonly hasSurvey: boolean,
    private readonly framework: Framework,
    private readonly order: readonly FrameworkNode[],
    private readonly store: ScoreStore,
    /** The kept scores (SLOTS per leaf in `order`), survey points in the survey leaves' slots. */
    private readonly scoresAt: number,
    /** TOTAL_FIELDS per node: the unit's, then its lĩnh vực's. */
    private readonly totalsAt: number,
    /** The code of the unit's own totals (the root's: ""). */
    private readonly totalsCode: string,
  ) {}

  get leaves(): LeafDetail[] {
    const { order } = this;
    const scores = this.store.read(this.scoresAt);
    const out: LeafDetail[] = new Array(order.length);
    for (let i = 0; i < order.length; i++) {
      const node = order[i];
      const at = i * SLOTS;
      if (node.method === 'survey') {
        out[i] = { code: node.code, self: null, appraisal: null, final: slotScore(scores, at + SURVEY) };
        continue;
      }
      const self = slotScore(scores, at + SELF);
      // Round 2 over round 1: a round-2 0 is an appraisal, not "none".
      const appraisal = slotScore(scores, at + APPRAISAL2) ?? slotScore(scores, at + APPRAISAL);
      out[i] = { code: node.code, self, appraisal, final: appraisal ?? self };
    }
    return out;
  }

  /** Made at each read (a caller reading it per lĩnh vực keeps it: points-lost.ts). */
  get totals(): UnitTotals {
    const numbers = this.store.read(this.totalsAt) as Float64Array;
    const own = unpackTotals(numbers, 0, this.totalsCode) as NodeTotals;
    const nodes: Record<string, NodeTotals> = Object.create(null);
    const fields = this.framework.tree;
    for (let i = 0; i < fields.length; i++) {
      const node = unpackTotals(numbers, (i + 1) * TOTAL_FIELDS.length, fields[i].code);
      if (node) nodes[fields[i].code] = node;
    }
    return { ...own, nodes };
  }

  toJSON(): UnitDetail {
    const { key, unit, file, totals, leaves, hasSurvey } = this;
    return { key, unit, file, totals, leaves, hasSurvey };
  }
}

export interface DetailOf {
  key: string;
  unit: UnitRef;
  file: string;
  hasSurvey: boolean;
}

/** Whether `kept` is in `framework`'s leaf order (a record from a `--jobs` worker has its own copy of the list). */
function inOrderOf(kept: KeptEntries, framework: Framework): boolean {
  const codes = leafCodes(framework);
  return (
    kept.codes === codes || (kept.codes.length === codes.length && kept.codes.every((c, i) => c === codes[i]))
  );
}

/**
 * A unit's detail from the scores kept of its file, which it takes over (the caller lets go of
 * them: the survey leaves' slots are overwritten), the survey points of its survey leaves, and
 * its totals: per leaf the self score, the appraisal (round 2 over round 1) and what counts (the
 * survey points for survey leaves, else appraisal, else self).
 */
export function detailFromKept(
  framework: Framework,
  of: DetailOf,
  kept: KeptEntries,
  surveyPoints: (code: string) => number | null,
  totals: Totals,
  store: ScoreStore = memoryScoreStore(),
  /** The handle the kept scores have in `store`, to write the detail's over them. */
  keptAt?: number,
): UnitDetail {
  const order = leafOrder(framework);
  let scores = inOrderOf(kept, framework) ? kept.values : keepEntries(framework, keptAsEntries(kept)).values;
  for (let i = 0; i < order.length; i++) {
    if (order[i].method !== 'survey') continue;
    for (let k = 0; k < SLOTS; k++) scores = withKeptValue(scores, i * SLOTS + k, NaN);
    scores = withKeptValue(scores, i * SLOTS + SURVEY, packed(surveyPoints(order[i].code)));
  }
  const fields = framework.tree;
  const numbers = new Float64Array((fields.length + 1) * TOTAL_FIELDS.length);
  packTotals(numbers, 0, totals);
  for (let i = 0; i < fields.length; i++)
    packTotals(numbers, (i + 1) * TOTAL_FIELDS.length, totals.nodes[fields[i].code]);
  return new PackedUnitDetail(
    of.key,
    of.unit,
    of.file,
    of.hasSurvey,
    framework,
    order,
    store,
    store.keep(scores, keptAt),
    store.keep(numbers),
    totals.code,
  );
}

/** A unit's detail from its scoresheet and totals (detailFromKept of the sheet's entries). */
export function unitDetail(
  framework: Framework,
  of: DetailOf,
  sheet: Scoresheet,
  totals: Totals,
): UnitDetail {
  return detailFromKept(
    framework,
    of,
    keepEntries(framework, sheet.entries),
    (code) => readScore(sheet.entries[code]?.survey).value,
    totals,
  );
}
