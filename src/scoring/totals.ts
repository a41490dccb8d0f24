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
import type { CellValue, NodeTotals, Scoresheet, Totals } from './types';

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
    for (const node of this.framework.tree) addSums(all, this.visit(node));
    floorAtZero(all);
    return {
      ...publish('', all, this.scale, this.places),
      nodes: this.nodes,
      notYetAppraised: this.notYetAppraised,
    };
  }

  private scoreOf(leaf: FrameworkNode, value: CellValue): { scaled: number; empty: boolean } {
    const r = readScore(value);
    if (r.value === null) return { scaled: 0, empty: r.empty };
    return {
      scaled: acceptableScore(leaf, this.group, r.value) ? toScaled(r.value, this.scale) : 0,
      empty: false,
    };
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

  private leafSums(leaf: FrameworkNode): Sums {
    const group = this.group;
    if (!appliesTo(leaf, group)) return { self: 0, appraised: 0, survey: 0, max: 0 };
    const max = leafMaxFor(leaf, group);
    const maxScaled = toScaled(max, this.scale);
    const kind = leafKind(leaf);
    if (kind === 'survey') return { self: 0, appraised: 0, survey: this.surveyOf(leaf, max), max: maxScaled };
    const entry = this.sheet.entries[leaf.code] ?? {};
    const self = this.scoreOf(leaf, entry.self);
    const second = this.scoreOf(leaf, entry.appraisal2);
    const first = this.scoreOf(leaf, entry.appraisal);
    let appraised: number;
    if (!second.empty) appraised = second.scaled;
    else if (!first.empty) appraised = first.scaled;
    else {
      appraised = self.scaled;
      // An empty deduction/bonus leaf means "none": nothing is waiting for the council there.
      if (kind === 'score' || !self.empty) this.notYetAppraised.push(leaf.code);
    }
    return { self: self.scaled, appraised, survey: 0, max: maxScaled };
  }

  private visit(node: FrameworkNode): Sums {
    if (!node.children?.length) return this.leafSums(node);
    const sums: Sums = { self: 0, appraised: 0, survey: 0, max: 0 };
    for (const child of node.children) addSums(sums, this.visit(child));
    floorAtZero(sums);
    this.nodes[node.code] = publish(node.code, sums, this.scale, this.places);
    return sums;
  }
}

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
