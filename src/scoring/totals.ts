/**
 * Totals of one scoresheet: per field (lĩnh vực) and criterion (tiêu chí) and for the whole sheet,
 * the self score, the appraised score (round 2 over round 1 over self), the survey points, the
 * total, the applicable maximum and the index.
 *
 * Arithmetic is on scaled integers (10^-max(2, places), or 10^-8 when the framework rounds survey
 * points only at the total, so each leaf's exact survey points add up); values are rounded once,
 * at the end, to the framework's places. A score that is unreadable or fails a value check of its leaf (out of range,
 * not a level, off the step, …) counts as 0 — validation reports it — so a total never includes
 * points the framework does not allow. Deduction leaves subtract (never below 0 for a node);
 * bonus leaves add outside the maximum.
 */
import type { Framework, FrameworkNode } from '../framework/schema';
import { appliesTo, leafMaxFor } from '../framework/tree';
import { divRoundHalfUp, fromScaled, mulDivRoundHalfUp, toScaled } from '../common/decimal';
import { acceptableScore, inRange, leafKind, surveyEntryIsRate } from './leaf';
import { readScore } from './read';
import { SURVEY_EXACT_PLACES, surveyLeafPointsFromRate, surveyRounding } from './survey';
import type { CellValue, LeafEntry, NodeTotals, Scoresheet, Totals } from './types';

interface Sums {
  self: number;
  appraised: number;
  survey: number;
  max: number;
}

export function computeTotals(framework: Framework, sheet: Scoresheet): Totals {
  return new SheetTotals(framework, sheet).totals();
}

/**
 * One computeTotals call. A class, not closures in the function: closures made per sheet lose
 * their optimised code whenever the collector finds none alive (V8 keeps it only weakly), and
 * were recompiled again and again in a consolidation (--trace-opt: ~190 ms of compiling).
 */
class SheetTotals {
  private readonly places: number;
  private readonly scale: number;
  private readonly group: string;
  private readonly nodes: Record<string, NodeTotals> = {};
  private readonly notYetAppraised: string[] = [];

  constructor(
    private readonly framework: Framework,
    private readonly sheet: Scoresheet,
  ) {
    this.places = framework.places;
    this.scale = Math.max(2, this.places, surveyRounding(framework) === 'total' ? SURVEY_EXACT_PLACES : 0);
    this.group = sheet.unit.group;
  }

  totals(): Totals {
    const all: Sums = { self: 0, appraised: 0, survey: 0, max: 0 };
    for (const node of this.framework.tree) this.visit(node, all);
    floorAtZero(all);
    return {
      ...publish('', all, this.scale, this.places),
      nodes: this.nodes,
      notYetAppraised: this.notYetAppraised,
    };
  }

  /**
   * A self or appraisal cell's score, scaled: NaN when the cell is empty, 0 when it holds
   * something that is not a number or a score the leaf does not accept. A number (every score a
   * consolidation kept) is taken as it is, without readScore's reading object per cell: 3 cells
   * of 59 leaves of 3,000 files made ~24 MB of them while ranking.
   */
  private scaledScore(leaf: FrameworkNode, value: CellValue | undefined): number {
    let v: number;
    if (typeof value === 'number' && Number.isFinite(value)) v = value;
    else {
      const r = readScore(value);
      if (r.value === null) return r.empty ? NaN : 0;
      v = r.value;
    }
    return acceptableScore(leaf, this.group, v) ? toScaled(v, this.scale) : 0;
  }

  private surveyOf(leaf: FrameworkNode, max: number): number {
    const v = readScore(this.sheet.entries[leaf.code]?.survey).value;
    if (v === null) return 0;
    if (surveyEntryIsRate(this.framework, leaf, this.sheet.surveyIsRate)) {
      if (!inRange(v, { min: 0, max: 100 })) return 0;
      return toScaled(surveyLeafPointsFromRate(this.framework, v, max), this.scale);
    }
    return inRange(v, { min: 0, max }) ? toScaled(v, this.scale) : 0;
  }

  /** Adds a leaf's sums to its parent's (no object per leaf). */
  private addLeaf(leaf: FrameworkNode, into: Sums): void {
    const group = this.group;
    if (!appliesTo(leaf, group)) return;
    const max = leafMaxFor(leaf, group);
    const maxScaled = toScaled(max, this.scale);
    const kind = leafKind(leaf);
    into.max += maxScaled;
    if (kind === 'survey') {
      into.survey += this.surveyOf(leaf, max);
      return;
    }
    const entry = this.sheet.entries[leaf.code] ?? NO_ENTRY;
    const self = this.scaledScore(leaf, entry.self);
    const second = this.scaledScore(leaf, entry.appraisal2);
    const first = this.scaledScore(leaf, entry.appraisal);
    const selfPoints = Number.isNaN(self) ? 0 : self;
    let appraised: number;
    if (!Number.isNaN(second)) appraised = second;
    else if (!Number.isNaN(first)) appraised = first;
    else {
      appraised = selfPoints;
      // An empty deduction/bonus leaf means "none": nothing is waiting for the council there.
      if (kind === 'score' || !Number.isNaN(self)) this.notYetAppraised.push(leaf.code);
    }
    into.self += selfPoints;
    into.appraised += appraised;
  }

  /** Adds a node's sums (floored at 0) to its parent's, and publishes the node's totals. */
  private visit(node: FrameworkNode, into: Sums): void {
    if (!node.children?.length) return this.addLeaf(node, into);
    const sums: Sums = { self: 0, appraised: 0, survey: 0, max: 0 };
    for (const child of node.children) this.visit(child, sums);
    floorAtZero(sums);
    this.nodes[node.code] = publish(node.code, sums, this.scale, this.places);
    addSums(into, sums);
  }
}

/** A leaf with no entry reads as one with every cell empty. */
const NO_ENTRY: LeafEntry = Object.freeze({});

function addSums(into: Sums, s: Sums): void {
  into.self += s.self;
  into.appraised += s.appraised;
  into.survey += s.survey;
  into.max += s.max;
}

/**
 * Deductions cannot take a criterion, a field or the whole sheet below 0 points (an index is never
 * negative), so every node's self and appraised sums are floored at 0, bottom-up: a parent is the
 * sum of its children as shown.
 */
function floorAtZero(s: Sums): void {
  if (s.self < 0) s.self = 0;
  if (s.appraised < 0) s.appraised = 0;
}

/** A scaled sum at `places`, rounded once. */
function rounded(scaled: number, shrink: number, places: number): number {
  return fromScaled(divRoundHalfUp(scaled, shrink), places);
}

/** Scaled sums → published numbers, each rounded once to `places`; index from the exact sums. */
function publish(code: string, s: Sums, scale: number, places: number): NodeTotals {
  const shrink = 10 ** (scale - places);
  const total = s.appraised + s.survey;
  return {
    code,
    self: rounded(s.self, shrink, places),
    appraised: rounded(s.appraised, shrink, places),
    survey: rounded(s.survey, shrink, places),
    total: rounded(total, shrink, places),
    max: rounded(s.max, shrink, places),
    index: s.max === 0 ? null : fromScaled(mulDivRoundHalfUp(total, 100 * 10 ** places, s.max), places),
  };
}
