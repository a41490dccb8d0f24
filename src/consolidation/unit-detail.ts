/**
 * A ranked unit's detail, kept small: a province's 200 units or a nation's 3,300 are all held until
 * the ranking workbook is written, and the plain shape (an object per leaf, every criterion's
 * totals) took 11 KB per unit, two thirds of a consolidation's memory per unit (measured on the
 * bench's An Giang returns, 59 leaves). Here a unit's leaf scores are one Float64Array in the
 * framework's leaf order (self, appraisal, final; NaN for none) and its totals keep the lĩnh vực
 * only: ~2 KB. `leaves` is made when read (the writers read it once per unit) and JSON gives the
 * plain shape.
 */
import type { Framework, FrameworkNode } from '../framework/schema';
import { leaves as leafNodes } from '../framework/tree';
import { readScore } from '../scoring/read';
import type { CellValue, NodeTotals, Scoresheet, Totals, UnitRef } from '../scoring/types';
import type { LeafDetail, UnitDetail, UnitTotals } from './types';

/** Slots per leaf in the packed scores. */
const SLOTS = 3;

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

const packed = (n: number | null) => (n === null ? NaN : n);
const unpacked = (n: number) => (Number.isNaN(n) ? null : n);
const num = (v: CellValue) => readScore(v).value;

class PackedUnitDetail implements UnitDetail {
  constructor(
    readonly key: string,
    readonly unit: UnitRef,
    readonly file: string,
    readonly totals: UnitTotals,
    readonly hasSurvey: boolean,
    private readonly order: readonly FrameworkNode[],
    private readonly scores: Float64Array,
  ) {}

  get leaves(): LeafDetail[] {
    return this.order.map((node, i) => ({
      code: node.code,
      self: unpacked(this.scores[i * SLOTS]),
      appraisal: unpacked(this.scores[i * SLOTS + 1]),
      final: unpacked(this.scores[i * SLOTS + 2]),
    }));
  }

  toJSON(): UnitDetail {
    const { key, unit, file, totals, leaves, hasSurvey } = this;
    return { key, unit, file, totals, leaves, hasSurvey };
  }
}

/** The totals a detail keeps: the unit's, and its lĩnh vực's (the tree's top level). */
function unitTotals(framework: Framework, totals: Totals): UnitTotals {
  const nodes: Record<string, NodeTotals> = Object.create(null);
  for (const field of framework.tree) {
    const node = totals.nodes[field.code];
    if (node) nodes[field.code] = node;
  }
  const { code, self, appraised, survey, total, max, index } = totals;
  return { code, self, appraised, survey, total, max, index, nodes };
}

/**
 * A unit's detail from its scoresheet and totals: per leaf the self score, the appraisal (round 2
 * over round 1) and what counts (the survey points for survey leaves, else appraisal, else self).
 */
export function unitDetail(
  framework: Framework,
  of: { key: string; unit: UnitRef; file: string; hasSurvey: boolean },
  sheet: Scoresheet,
  totals: Totals,
): UnitDetail {
  const order = leafOrder(framework);
  const scores = new Float64Array(order.length * SLOTS);
  order.forEach((node, i) => {
    const e = sheet.entries[node.code] ?? {};
    let self: number | null = null;
    let appraisal: number | null = null;
    let final: number | null;
    if (node.method === 'survey') final = num(e.survey);
    else {
      self = num(e.self);
      appraisal = num(e.appraisal2) ?? num(e.appraisal);
      final = appraisal ?? self;
    }
    scores[i * SLOTS] = packed(self);
    scores[i * SLOTS + 1] = packed(appraisal);
    scores[i * SLOTS + 2] = packed(final);
  });
  return new PackedUnitDetail(
    of.key,
    of.unit,
    of.file,
    unitTotals(framework, totals),
    of.hasSurvey,
    order,
    scores,
  );
}
