/**
 * Where each unit lost its points — what no portal gives a unit (issue 12 item 4). For every
 * assessed unit of a consolidation:
 * - its leaves (tiêu chí / tiêu chí thành phần) by points lost, most first: the leaf's maximum for
 *   the unit's group minus the score that counts (appraisal where the council gave one, else the
 *   self score; survey points for survey leaves; a deduction leaf loses what it deducts);
 * - its points per lĩnh vực against its group's average and best (over the group's ranked units);
 * - the change from the previous ranking, where one was given and the unit was found in it.
 * Pure (no I/O), exact decimals (src/common/decimal.ts). Used by the ranking workbook's sheet
 * `Điểm còn thiếu` and by each unit's "Kết quả thẩm định".
 */
import { divRoundHalfUp, fromScaled, toScaled } from '../common/decimal';
import type { Framework, FrameworkNode } from '../framework/schema';
import { appliesTo, isLeaf, leafMaxFor, walk } from '../framework/tree';
import type { RankedUnit } from '../scoring/types';
import type { ConsolidationResult, LeafDetail, UnitDetail } from './types';

export interface LostLeaf {
  code: string;
  name: string;
  /** Code of the lĩnh vực (field) the leaf belongs to. */
  fieldCode: string;
  /** The leaf's maximum for the unit's group. */
  max: number;
  self: number | null;
  appraisal: number | null;
  /** The score that counts (as in the ranking). */
  score: number;
  /** max − score, > 0. */
  lost: number;
  survey: boolean;
}

export interface FieldStanding {
  code: string;
  name: string;
  /** Applicable maximum of the field for this unit. */
  max: number;
  points: number;
  /** max − points. */
  lost: number;
  /** Over the ranked units of the group (null when the group has none). */
  groupAverage: number | null;
  groupBest: number | null;
  /** points − groupAverage, points − groupBest (≤ 0 when behind). */
  toAverage: number | null;
  toBest: number | null;
}

export interface UnitShortfall {
  /** The unit's key in the consolidation (code, else name). */
  key: string;
  unit: string;
  code: string | null;
  group: string;
  ranked: boolean;
  rank: number | null;
  total: number;
  max: number;
  index: number;
  /** max − total. */
  lost: number;
  /** Leaves that lost points, most lost first (tree order among equals); at most `top`. */
  leaves: LostLeaf[];
  /** How many leaves lost points in all (leaves may be cut to `top`). */
  leavesLosing: number;
  /** One per lĩnh vực, in framework order. */
  fields: FieldStanding[];
  /** Against the previous ranking, where known. */
  previous: { rank: number | null; index: number; rankChange: number | null; indexChange: number } | null;
}

export interface PointsLostOptions {
  /** Keep at most this many leaves per unit (default: all that lost points). */
  top?: number;
}

type Input = Pick<ConsolidationResult, 'framework' | 'units' | 'details'>;

const keyOf = (u: Pick<RankedUnit, 'code' | 'unit'>): string => u.code ?? u.unit;

/** Leaves of the framework with the field each belongs to, in tree order. */
function leavesWithField(framework: Framework): Array<{ node: FrameworkNode; field: string; order: number }> {
  return walk(framework.tree)
    .filter((v) => isLeaf(v.node))
    .map((v, order) => ({ node: v.node, field: v.path[0] ?? v.node.code, order }));
}

/**
 * Each unit of `units` that has a detail, in the order of `units`. Units without a detail (a
 * `cchc rank` table has no leaves) are left out.
 */
export function pointsLost(input: Input, options: PointsLostOptions = {}): UnitShortfall[] {
  return [...eachPointsLost(input, options)];
}

/** A lĩnh vực's average and best over a group's ranked units. */
interface FieldStats {
  average: number;
  best: number;
}

/** A leaf that lost points, with what orders the list: tree order, and the points lost as scaled. */
type LosingLeaf = LostLeaf & { order: number; lostScaled: number };

// Module-level helpers, not closures made per unit: V8 keeps a closure's optimised code only
// weakly, so callbacks made per unit were recompiled in every consolidation (--trace-opt).
function mostLostFirst(a: LosingLeaf, b: LosingLeaf): number {
  return b.lostScaled - a.lostScaled || a.order - b.order;
}

function leavesByCode(leaves: readonly LeafDetail[]): Map<string, LeafDetail> {
  const byCode = new Map<string, LeafDetail>();
  for (const l of leaves) byCode.set(l.code, l);
  return byCode;
}

function lostLeaves(kept: readonly LosingLeaf[]): LostLeaf[] {
  const out: LostLeaf[] = new Array(kept.length);
  for (let i = 0; i < kept.length; i++) {
    const l = kept[i];
    out[i] = {
      code: l.code,
      name: l.name,
      fieldCode: l.fieldCode,
      max: l.max,
      self: l.self,
      appraisal: l.appraisal,
      score: l.score,
      lost: l.lost,
      survey: l.survey,
    };
  }
  return out;
}

/**
 * The work of eachPointsLost, in small methods: the generator only walks the units. (One
 * generator doing it all was a large function V8 optimised anew at each consolidation, 60-90 ms
 * of compile per 1,000 units measured with --trace-opt.)
 */
class Shortfalls {
  private readonly places: number;
  /** Scores are compared as integers at this many places (at least 2). */
  private readonly scale: number;
  private readonly details: Map<string, UnitDetail>;
  private readonly leafList: Array<{ node: FrameworkNode; field: string; order: number }>;
  private readonly groupStats = new Map<string, Map<string, FieldStats>>();

  constructor(
    private readonly framework: Framework,
    private readonly input: Input,
    private readonly top: number | undefined,
  ) {
    this.places = framework.places;
    this.scale = Math.max(2, framework.places);
    this.details = new Map(input.details.map((d) => [d.key, d]));
    this.leafList = leavesWithField(framework);
  }

  detailOf(unit: RankedUnit): UnitDetail | undefined {
    return this.details.get(keyOf(unit));
  }

  private sc(n: number): number {
    return toScaled(n, this.scale);
  }

  private out(scaled: number): number {
    return fromScaled(divRoundHalfUp(scaled, 10 ** (this.scale - this.places)), this.places);
  }

  /**
   * Field points of every ranked unit of the group with a detail (from the same totals as the
   * ranking), as scaled integers per lĩnh vực: not 1,500 members' totals objects held at once
   * while the averages are made. A detail's totals are made at each read (unit-detail.ts): read
   * once per unit, not once per lĩnh vực.
   */
  private statsFor(group: string): Map<string, FieldStats> {
    let stats = this.groupStats.get(group);
    if (stats) return stats;
    stats = new Map();
    const tree = this.framework.tree;
    const members = this.input.units
      .filter((u) => u.group === group && u.ranked)
      .map((u) => this.detailOf(u))
      .filter((d): d is UnitDetail => d !== undefined);
    const byField = tree.map(() => new Array<number>(members.length));
    members.forEach((d, m) => {
      const nodes = d.totals.nodes;
      tree.forEach((field, f) => {
        byField[f][m] = this.sc(nodes[field.code]?.total ?? 0);
      });
    });
    if (members.length) {
      for (const [f, field] of tree.entries()) {
        const values = byField[f];
        const sum = values.reduce((t, v) => t + v, 0);
        stats.set(field.code, {
          // Rounded once, from the exact sum.
          average: fromScaled(
            divRoundHalfUp(sum, values.length * 10 ** (this.scale - this.places)),
            this.places,
          ),
          best: this.out(values.reduce((m, v) => (v > m ? v : m), values[0])),
        });
      }
    }
    this.groupStats.set(group, stats);
    return stats;
  }

  /** The unit's leaves that lost points, most lost first (tree order among equals). */
  private losingLeaves(unit: RankedUnit, d: UnitDetail): LosingLeaf[] {
    const byCode = leavesByCode(d.leaves);
    const losing: LosingLeaf[] = [];
    for (const { node, field, order } of this.leafList) {
      if (!appliesTo(node, unit.group)) continue;
      const leaf = byCode.get(node.code);
      const max = leafMaxFor(node, unit.group);
      const score = leaf?.final ?? 0;
      const lost = this.sc(max) - this.sc(score);
      if (lost <= 0) continue;
      losing.push({
        code: node.code,
        name: node.name,
        fieldCode: field,
        max,
        self: leaf?.self ?? null,
        appraisal: leaf?.appraisal ?? null,
        score,
        lost: this.out(lost),
        survey: node.method === 'survey',
        order,
        lostScaled: this.sc(this.out(lost)),
      });
    }
    return losing.sort(mostLostFirst);
  }

  private fields(unit: RankedUnit, d: UnitDetail): FieldStanding[] {
    const stats = this.statsFor(unit.group);
    const nodes = d.totals.nodes;
    const tree = this.framework.tree;
    const out: FieldStanding[] = new Array(tree.length);
    for (let i = 0; i < tree.length; i++) {
      const field = tree[i];
      const node = nodes[field.code];
      const points = node?.total ?? 0;
      const max = node?.max ?? 0;
      const s = stats.get(field.code);
      out[i] = {
        code: field.code,
        name: field.name,
        max,
        points,
        lost: this.out(this.sc(max) - this.sc(points)),
        groupAverage: s?.average ?? null,
        groupBest: s?.best ?? null,
        toAverage: s ? this.out(this.sc(points) - this.sc(s.average)) : null,
        toBest: s ? this.out(this.sc(points) - this.sc(s.best)) : null,
      };
    }
    return out;
  }

  of(unit: RankedUnit, d: UnitDetail): UnitShortfall {
    const losing = this.losingLeaves(unit, d);
    const kept = this.top === undefined ? losing : losing.slice(0, Math.max(0, this.top));
    return {
      key: keyOf(unit),
      unit: unit.unit,
      code: unit.code,
      group: unit.group,
      ranked: unit.ranked,
      rank: unit.rank,
      total: unit.total,
      max: unit.max,
      index: unit.index,
      lost: this.out(this.sc(unit.max) - this.sc(unit.total)),
      leaves: lostLeaves(kept),
      leavesLosing: losing.length,
      fields: this.fields(unit, d),
      previous: unit.previous
        ? {
            rank: unit.previous.rank,
            index: unit.previous.index,
            rankChange: unit.previous.rankChange,
            indexChange: unit.previous.indexChange,
          }
        : null,
    };
  }
}

/**
 * The same, one unit at a time, each made when asked for: a writer of 10,000 units' rows holds one
 * shortfall, not all of them (the group averages are worked out once per group, over all of
 * `units`, whatever their order).
 */
export function* eachPointsLost(input: Input, options: PointsLostOptions = {}): Generator<UnitShortfall> {
  const framework = input.framework;
  if (!framework) return;
  const shortfalls = new Shortfalls(framework, input, options.top);
  for (const unit of input.units) {
    const d = shortfalls.detailOf(unit);
    if (d) yield shortfalls.of(unit, d);
  }
}
