/**
 * What a rule kind (cách chấm) is, in one place: its schema, the scores it accepts, the framework
 * check, the fingerprint shape, its wording for people and its reader from appendix text. Every
 * consumer (framework checks and fingerprint, scoring, the template's Excel validation, the
 * importer, sample data) asks the kind; none switches on `rule.kind` itself.
 */
import type { FrameworkProblemKey } from '../problem-keys';
import type { z } from 'zod';
import type { FrameworkNode } from '../schema';
import { FRAMEWORK_VI, type FrameworkParams, type NodeParam } from '../messages.vi';

/**
 * The scores a leaf accepts, the one derivation every layer uses: the validator (scoring), the
 * totals (what counts), the template's data validation and `Kiểm tra` formula, and sample data.
 */
export interface AcceptedScores {
  /** The discrete values allowed (levels, tiers), highest first; null = every value on the grid. */
  allowed: number[] | null;
  /** The closed interval a score must lie in. */
  min: number;
  max: number;
  /** Values must be multiples of this; null = no grid (discrete values, or any decimal). */
  step: number | null;
}

/** How a leaf of this kind counts: inside the maximum, or as a deduction / bonus outside it. */
export type RuleRole = 'score' | 'deduction' | 'bonus';

/** Adds a framework problem (code, stable key, Vietnamese message, the facts it was worded from). */
export type CheckAdd = (code: string, rule: FrameworkProblemKey, message: string, params: object) => void;

/** The keys whose problems are about one node (their facts name it). */
type NodeKey = {
  [K in FrameworkProblemKey]: FrameworkParams[K] extends NodeParam ? K : never;
}[FrameworkProblemKey];

/** Adds the problem `rule` of the node `params` names, worded from its facts (messages.vi.ts). */
export function addNodeProblem<K extends NodeKey>(add: CheckAdd, rule: K, params: FrameworkParams[K]): void {
  add((params as NodeParam).code, rule, FRAMEWORK_VI[rule](params), params);
}

/** The reading of a guide: a rule (with notes on what was assumed) or a sentence saying why not. */
export type GuideResult =
  | { ok: true; rule: { kind: string } & Record<string, unknown>; notes: string[] }
  | { ok: false; message: string };

export interface RuleKind<R extends { kind: string }> {
  kind: R['kind'];
  schema: z.ZodType<R>;
  role: RuleRole;
  /** The scores a leaf with this rule accepts, given its maximum for the unit's group. */
  accepts(rule: R, max: number): AcceptedScores;
  /** What of the rule a returned workbook must keep (framework fingerprint); points in hundredths. */
  shape(rule: R): unknown;
  /** Whether the rule fits its leaf (framework checks); `at` names the leaf in messages. */
  check(rule: R, node: FrameworkNode, at: NodeParam, add: CheckAdd): void;
  /** Vietnamese wording for the `Cách chấm` column and input prompts. */
  text(rule: R, max: number): string;
  /** The canonical guide the exporter writes, read back by `parse` to the same rule. */
  guide(rule: R): string;
  /**
   * Reads an appendix guide (already NFC) as this kind: null when the text is not of this kind,
   * a refusal when it is but cannot be read. `max` is the leaf's maximum from the table.
   */
  parse(text: string, max: number): GuideResult | null;
}
