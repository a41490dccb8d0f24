/**
 * The framework (bộ tiêu chí) model: the single source of every rule (DESIGN.md).
 *
 * A framework is data that Sở Nội vụ can author from a decision's appendix table, never code.
 * This module only describes its SHAPE; whether a framework adds up (parent max = sum of
 * children, declared counts, tiers without gaps, …) is decided by `checks.ts`.
 *
 * Points are plain JS numbers here but must carry at most 2 decimals; all arithmetic on them is
 * done in exact hundredths by `src/common/decimal.ts`.
 */
import { z } from 'zod';
import { levelOptionSchema, ruleSchema } from './rule-kinds';

/** Node codes exactly as in the framework: "1", "1.1", "1.1.2". */
export const nodeCodeSchema = z.string().regex(/^\d+(\.\d+)*$/, 'Mã phải có dạng 1, 1.1, 1.1.2');

const points = z.number().finite();

/**
 * How a self-scored leaf is scored (cách chấm): one of the rule kinds of `rule-kinds/` (levels,
 * tiers, range, deduction, bonus), each described with its schema, accepted scores and checks there.
 */
export { levelOptionSchema, ruleSchema, tierSchema } from './rule-kinds';

export const leafMethodSchema = z.enum(['self', 'survey']);

/**
 * A node of the tree: lĩnh vực (depth 1) → tiêu chí (depth 2) → tiêu chí thành phần (depth 3).
 * A node with `children` is a parent whose max must equal the sum of its children's; a node
 * without children is a leaf (a tiêu chí may be a leaf itself). Leaf-only fields on a parent are
 * refused by the checks.
 *
 * The type `FrameworkNode` is inferred from this schema (zod 4 infers a recursive object whose
 * recursive field is a getter), so the shape is written once; the getter's return type is spelled
 * out because TypeScript cannot infer a value that refers to itself in its own initializer.
 */
export const frameworkNodeSchema = z.object({
  code: nodeCodeSchema,
  name: z.string().min(1),
  max: points,
  /** The scoring guide as written in the decision (cách chấm), shown to users verbatim. */
  guide: z.string().optional(),
  get children(): z.ZodOptional<z.ZodArray<typeof frameworkNodeSchema>> {
    return z.array(frameworkNodeSchema).optional();
  },
  /** Leaf: who scores it. `self` = the unit self-scores and the council appraises; `survey` = ĐTXHH. */
  method: leafMethodSchema.optional(),
  /** Leaf with method `survey`: the id of one of the framework's `surveySources`. */
  source: z.string().optional(),
  /** Leaf with method `self`: how it is scored. */
  rule: ruleSchema.optional(),
  /** Leaf: points may only be claimed with evidence (tài liệu kiểm chứng) or an explanation. */
  evidenceRequired: z.boolean().optional(),
  /** Leaf: the group ids it applies to; absent = every group. */
  appliesTo: z.array(z.string()).optional(),
  /** Leaf: a different maximum for some groups. */
  maxByGroup: z.record(z.string(), points).optional(),
});
export type FrameworkNode = z.infer<typeof frameworkNodeSchema>;

export const groupSchema = z.object({
  /** Short stable id used in files and CLI flags: "so", "huyen", "xa". */
  id: z.string().regex(/^[a-z0-9_-]+$/),
  /** Vietnamese display name: "Sở, ban, ngành". */
  name: z.string().min(1),
});

/** A band (xếp loại): index ≥ min (in %) gets this name; the highest matching band wins. */
export const bandSchema = z.object({
  name: z.string().min(1),
  min: z.number().min(0).max(100),
  /** Group ids this band applies to; absent = every group. */
  groups: z.array(z.string()).optional(),
});

/**
 * How a survey source's figure becomes points:
 * - rateTimesMax: the organisers send a satisfaction rate in %; points = rate / 100 × leaf max
 *   (91.17 % of 10 points → 9.12), the likely rule per DOMAIN.md, kept a setting;
 * - points: the organisers send points directly.
 */
export const surveySourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]+$/),
  name: z.string().min(1),
  conversion: z.enum(['rateTimesMax', 'points']).default('rateTimesMax'),
});

/**
 * When survey points are rounded to the published places (`places`):
 * - perCriterion (the default, and what every framework did before the setting existed): each
 *   survey leaf's points are rounded, then the rounded points are summed — five SIPAS leaves of
 *   6,4 points at 89,64 % give 5 × 5,74 = 28,70;
 * - total: each leaf's points are kept exact and only the sums are rounded, as a source that
 *   publishes one rate for the whole survey does — 89,64 % × 32 = 28,68.
 */
export const surveyRoundingSchema = z.enum(['perCriterion', 'total']);

/**
 * Tie rule for ranking: `shared` = equal index at the published precision shares a rank and the
 * next rank skips (1, 2, 2, 4), the common reading where none is published; `dense` = 1, 2, 2, 3.
 */
export const tieRuleSchema = z.enum(['shared', 'dense']);

export const frameworkSchema = z.object({
  formatVersion: z.literal(1),
  /** Stable id: "an-giang-2022". */
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  title: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  /** so, huyen, xa, bo, tinh, or another string. */
  level: z.string().min(1),
  legalBasis: z.object({
    /** "2366/QĐ-UBND" */
    number: z.string().min(1),
    /** ISO date "2021-10-14". */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    issuer: z.string().optional(),
    /** Caveats about the legal basis, e.g. that the decision number is not in our sources. */
    note: z.string().optional(),
  }),
  /** `illustrative` frameworks must be labelled as such wherever they are used. */
  status: z.enum(['official', 'illustrative']),
  /** Version of this framework definition (not of the product): "1.0.0". */
  version: z.string().min(1),
  groups: z.array(groupSchema).min(1),
  declared: z.object({
    counts: z.object({
      fields: z.number().int().min(0),
      criteria: z.number().int().min(0),
      subCriteria: z.number().int().min(0),
    }),
    points: z.object({ self: points, survey: points, total: points }),
  }),
  bands: z.array(bandSchema).default([]),
  tieRule: tieRuleSchema.default('shared'),
  /** Decimal places of published values (2, some provinces 3). */
  places: z.number().int().min(0).max(4).default(2),
  surveySources: z.array(surveySourceSchema).default([]),
  /** Survey settings; absent = { rounding: "perCriterion" } (see surveyRoundingSchema). */
  survey: z.object({ rounding: surveyRoundingSchema }).optional(),
  /** Units assessed but not ranked by default (e.g. "Thanh tra tỉnh"), by unit name. */
  notRanked: z.array(z.string()).default([]),
  tree: z.array(frameworkNodeSchema).min(1),
});

export type { Rule, Tier } from './rule-kinds';
export type LevelOption = z.infer<typeof levelOptionSchema>;
export type Group = z.infer<typeof groupSchema>;
export type Band = z.infer<typeof bandSchema>;
export type SurveySource = z.infer<typeof surveySourceSchema>;
export type TieRule = z.infer<typeof tieRuleSchema>;
export type SurveyRounding = z.infer<typeof surveyRoundingSchema>;
export type Framework = z.infer<typeof frameworkSchema>;
/** A framework as written in JSON, before defaults are applied. */
export type FrameworkInput = z.input<typeof frameworkSchema>;
