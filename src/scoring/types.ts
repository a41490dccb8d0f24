/**
 * Contracts of the scoring engine, shared by the task pane, the CLI and consolidation
 * (DESIGN.md: one rule source, three enforcers). Pure types: no I/O.
 */
import type { EntryField } from './entry-fields';

/** The input fields of one leaf row (described in entry-fields.ts). */
export type { EntryField, ScoreField } from './entry-fields';

/** A cell value exactly as it comes from a spreadsheet (exceljs or Office.js), untrusted. */
export type CellValue = number | string | boolean | null | undefined | { error: string };

/** One leaf's raw entries. */
export type LeafEntry = Partial<Record<EntryField, CellValue>>;

/**
 * The unit's own words for its self-assessment report (Công văn 383 and 384/BNV-CCHC, part 3),
 * typed below the table of `Chấm điểm`.
 */
export interface ReportTexts {
  /** Khó khăn, vướng mắc. */
  difficulties?: string;
  /** Kiến nghị, đề xuất. */
  recommendations?: string;
}

export interface UnitRef {
  code: string;
  name: string;
  /** A group id of the framework ("so", "huyen", …). */
  group: string;
}

/**
 * One unit's scores against one framework, as read from a workbook or the open Excel sheet.
 * `entries` is keyed by leaf code. `cells` maps (leaf code, field) to a sheet address such as
 * "Chấm điểm!E12" so adapters can turn problems into go-to-cell links; it is optional because the
 * engine never needs it.
 */
export interface Scoresheet {
  frameworkId: string;
  unit: UnitRef;
  entries: Record<string, LeafEntry>;
  cells?: Record<string, Partial<Record<EntryField, string>>>;
  /**
   * How to read `survey` entries: absent/false = points; true = each survey source's own figure
   * (a rate in % for sources with conversion `rateTimesMax`, points for sources with `points`).
   */
  surveyIsRate?: boolean;
  /** The report texts found below the table (unit workbooks only); absent when none were typed. */
  report?: ReportTexts;
}

export type Severity = 'error' | 'warning';

/**
 * One finding of validation. `rule` is a stable key (e.g. "score.aboveMax") that scripts and
 * tests rely on; `message` is Vietnamese for the user, worded from `params`.
 */
export interface Problem {
  severity: Severity;
  rule: string;
  /** Leaf (or node) code, or "" for sheet-level problems. */
  code: string;
  field?: EntryField;
  message: string;
  /**
   * The facts `message` is worded from (per key: the `…Params` types beside each layer's
   * messages.vi.ts), so the pane can word the problem in its own locale. Absent on problems made
   * before the key had templates, or by hand.
   */
  params?: object;
  value?: unknown;
  /** Filled in by adapters that know the layout: "Chấm điểm!E12". */
  cell?: string;
}

/** `draft`: missing scores are warnings; `submission`: missing scores are errors. */
export type ValidationMode = 'draft' | 'submission';

/**
 * Totals. All point values are numbers rounded once, at the end, to the framework's places;
 * they are computed in exact hundredths (never 0.1 + 0.2 = 0.30000000000000004).
 */
export interface NodeTotals {
  code: string;
  /** Sum of self scores of applicable self leaves. */
  self: number;
  /** Appraisal where given (round 2 over round 1), else self. */
  appraised: number;
  survey: number;
  /** appraised + survey (+ bonus − deduction where present). */
  total: number;
  /** Applicable maximum: leaves not applying to the unit's group removed. */
  max: number;
  /** total / max × 100, rounded to the framework's places; null when max is 0. */
  index: number | null;
}

export interface Totals extends NodeTotals {
  /** Per field and criterion (every non-leaf node), keyed by code. */
  nodes: Record<string, NodeTotals>;
  /** Self leaves with no appraisal yet (their self score stands in for it). */
  notYetAppraised: string[];
}

/** One row given to the ranking. */
export interface RankInput {
  unit: string;
  code?: string;
  group: string;
  /** Điểm tự đánh giá (optional: `cchc rank` CSVs carry only appraisal and survey). */
  self?: number;
  appraisal: number;
  /** null/undefined when the unit has no survey data: ranked with 0 and a warning. */
  survey?: number | null;
  max: number;
  /** false = assessed but not ranked (e.g. Thanh tra tỉnh). */
  ranked: boolean;
}

export interface PreviousResult {
  unit: string;
  code?: string;
  group?: string;
  rank: number | null;
  index: number;
}

export interface RankedUnit {
  unit: string;
  code: string | null;
  group: string;
  self: number | null;
  appraisal: number;
  survey: number;
  total: number;
  max: number;
  index: number;
  /** null for units not ranked. */
  rank: number | null;
  band: string | null;
  ranked: boolean;
  /** Against the previous ranking, when one was given and the unit was found in it. */
  previous?: { rank: number | null; index: number; rankChange: number | null; indexChange: number };
  warnings: string[];
}
