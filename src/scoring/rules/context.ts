/**
 * The shape shared by every validation rule. One rule per module (like the US Federal Audit
 * Clearinghouse's workbook checks): each module exports one `ScoringRule` with a stable key, and
 * `validate.ts` runs them all. A rule sees one leaf at a time through a `LeafContext`, or the whole
 * sheet through a `SheetContext`.
 */
import type { ScoringProblemKey } from '../problem-keys';
import type { Saying } from '../../common/message-templates';
import { scoringMessage, type ScoringParams } from '../messages.vi';
import type { Framework, FrameworkNode } from '../../framework/schema';
import { appliesTo, leafMaxFor } from '../../framework/tree';
import { leafKind, type LeafKind } from '../leaf';
import { ASSESSED_FIELDS, ENTRY_FIELD_KEYS, ENTRY_FIELDS, type AssessedField } from '../entry-fields';
import { isBlankText, readScore, type ScoreReading } from '../read';
import type { EntryField, LeafEntry, Problem, Scoresheet, Severity, ValidationMode } from '../types';

/** Fields holding a score given by the unit or the council. */
export const SCORE_FIELDS = ASSESSED_FIELDS;
export type ScoreField = AssessedField;

/** Field names inside Vietnamese sentences ("Tiêu chí 1.1, điểm tự đánh giá: …"). */
export const FIELD_LABELS = Object.fromEntries(
  ENTRY_FIELD_KEYS.map((f) => [f, ENTRY_FIELDS[f].label]),
) as Record<EntryField, string>;

export interface SheetContext {
  framework: Framework;
  sheet: Scoresheet;
  mode: ValidationMode;
  /** Codes of the framework's leaves. */
  leafCodes: ReadonlySet<string>;
}

export interface LeafContext {
  framework: Framework;
  sheet: Scoresheet;
  mode: ValidationMode;
  leaf: FrameworkNode;
  kind: LeafKind;
  entry: LeafEntry;
  group: string;
  /** Whether the leaf applies to the unit's group. */
  applies: boolean;
  /** The leaf's maximum for the unit's group (0 when it does not apply). */
  max: number;
  /** The reading of a field's cell (memoised: each cell is parsed once per validation). */
  read(field: EntryField): ScoreReading;
}

export interface ScoringRule {
  /** Stable key, e.g. "score.aboveMax": scripts, tests and the task pane rely on it. */
  key: ScoringProblemKey;
  /** One Vietnamese line describing what the rule checks (listed in docs and help). */
  description: string;
  checkLeaf?(ctx: LeafContext, out: Problem[]): void;
  checkSheet?(ctx: SheetContext, out: Problem[]): void;
}

export function makeLeafContext(
  framework: Framework,
  sheet: Scoresheet,
  mode: ValidationMode,
  leaf: FrameworkNode,
): LeafContext {
  return new LeafReading(framework, sheet, mode, leaf);
}

/**
 * A LeafContext. A class, not an object literal whose `read` is a closure made per leaf: V8 keeps
 * a closure's optimised code only weakly, so `read` (called by every rule) was recompiled in every
 * consolidation (--trace-opt).
 */
class LeafReading implements LeafContext {
  readonly kind: LeafKind;
  readonly entry: LeafEntry;
  readonly group: string;
  readonly applies: boolean;
  readonly max: number;
  // The four number fields are read up front into fixed slots (a monomorphic object is faster than
  // a keyed cache on this path, which runs for every leaf after every edit); text fields lazily.
  private readonly self: ScoreReading;
  private readonly appraisal: ScoreReading;
  private readonly appraisal2: ScoreReading;
  private readonly survey: ScoreReading;
  private others: Partial<Record<EntryField, ScoreReading>> | undefined;

  constructor(
    readonly framework: Framework,
    readonly sheet: Scoresheet,
    readonly mode: ValidationMode,
    readonly leaf: FrameworkNode,
  ) {
    const entry = sheet.entries[leaf.code] ?? {};
    const group = sheet.unit.group;
    this.kind = leafKind(leaf);
    this.entry = entry;
    this.group = group;
    this.applies = appliesTo(leaf, group);
    this.max = leafMaxFor(leaf, group);
    this.self = readScore(entry.self);
    this.appraisal = readScore(entry.appraisal);
    this.appraisal2 = readScore(entry.appraisal2);
    this.survey = readScore(entry.survey);
    this.others = undefined;
  }

  read(field: EntryField): ScoreReading {
    switch (field) {
      case 'self':
        return this.self;
      case 'appraisal':
        return this.appraisal;
      case 'appraisal2':
        return this.appraisal2;
      case 'survey':
        return this.survey;
      default: {
        const others = (this.others ??= {});
        return (others[field] ??= readScore(this.entry[field]));
      }
    }
  }
}

/** `draft` → warning, `submission` → error: for things that are fine while a sheet is being filled. */
export function modeSeverity(mode: ValidationMode): Severity {
  return mode === 'submission' ? 'error' : 'warning';
}

/**
 * Builds a problem on a leaf field from what it says (`scoringMessage(key, facts)`), with the
 * "Tiêu chí 1.1, điểm tự đánh giá: " prefix and the cell address copied from the sheet when known.
 */
export function leafProblem(
  ctx: Pick<LeafContext, 'sheet' | 'leaf'>,
  severity: Severity,
  field: EntryField | undefined,
  said: Saying,
  value?: unknown,
): Problem {
  const code = ctx.leaf.code;
  const prefix = field ? `Tiêu chí ${code}, ${FIELD_LABELS[field]}: ` : `Tiêu chí ${code}: `;
  const p: Problem = { severity, rule: said.rule, code, message: prefix + said.message, params: said.params };
  if (field) p.field = field;
  if (value !== undefined) p.value = value;
  const cell = field ? ctx.sheet.cells?.[code]?.[field] : undefined;
  if (cell) p.cell = cell;
  return p;
}

/** The score fields of a self-scored leaf that hold a readable number, with that number. */
export function readableScores(ctx: LeafContext): { field: ScoreField; value: number }[] {
  const out: { field: ScoreField; value: number }[] = [];
  for (const field of SCORE_FIELDS) {
    const v = ctx.read(field).value;
    if (v !== null) out.push({ field, value: v });
  }
  return out;
}

/**
 * A rule that checks every readable self/appraisal score of the leaves it `covers`: `params`
 * returns the facts of a bad value (worded by messages.vi.ts), or null. Most value rules are this
 * shape; writing them through one builder keeps their problem shape (severity, cell, value) the same.
 */
export function eachScoreRule<K extends ScoringProblemKey>(spec: {
  key: K;
  description: string;
  covers(ctx: LeafContext): boolean;
  params(value: number, ctx: LeafContext): ScoringParams[K] | null;
}): ScoringRule {
  return {
    key: spec.key,
    description: spec.description,
    checkLeaf(ctx, out) {
      if (!spec.covers(ctx)) return;
      for (const { field, value } of readableScores(ctx)) {
        const params = spec.params(value, ctx);
        if (params !== null)
          out.push(leafProblem(ctx, 'error', field, scoringMessage(spec.key, params), value));
      }
    },
  };
}

/** A rule that flags every filled cell of `fields` on the leaves it `covers`: they must stay blank. */
export function mustStayBlankRule<K extends ScoringProblemKey>(spec: {
  key: K;
  description: string;
  fields: readonly EntryField[];
  covers(ctx: LeafContext): boolean;
  params(ctx: LeafContext): ScoringParams[K];
}): ScoringRule {
  return {
    key: spec.key,
    description: spec.description,
    checkLeaf(ctx, out) {
      if (!spec.covers(ctx)) return;
      for (const field of spec.fields) {
        if (isBlankText(ctx.entry[field])) continue;
        const said = scoringMessage(spec.key, spec.params(ctx));
        out.push(leafProblem(ctx, 'error', field, said, ctx.entry[field]));
      }
    },
  };
}
