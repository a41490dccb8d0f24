/**
 * Who may write which cells of a workbook (DESIGN.md "Who may write what"), as data: a unit's
 * self-assessment form, the council's appraisal form for one column and set of leaves, and the
 * response form a unit gets back for giải trình. The template plan unlocks exactly the open cells;
 * on return, `foreignWrites` lists every value found where the form's writer may not write.
 */
import type { Framework, FrameworkNode } from '../framework/schema';
import { appliesTo } from '../framework/tree';
import { inputColumns } from './columns';
import { ASSESSED_FIELDS, SELF_TEXT_FIELDS } from '../scoring/entry-fields';
import { leafKind } from '../scoring/leaf';
import { cellText, readScore } from '../scoring/read';
import type { CellValue, EntryField, LeafEntry, Scoresheet } from '../scoring/types';

export type FormKind = 'unit' | 'appraisal' | 'response';

export interface WorkbookForm {
  kind: FormKind;
  /** Appraisal forms: the council's score column (round 1 or round 2). */
  column?: 'appraisal' | 'appraisal2';
  /** Appraisal forms: ordinary leaves (thẩm định) or only the bonus/deduction leaves (điểm cộng/trừ). */
  leaves?: 'score' | 'bonusDeduction';
  /** Values shown, locked, from the register (per leaf code): what the writer may not change. */
  values?: Record<string, LeafEntry>;
}

export const UNIT_FORM: WorkbookForm = { kind: 'unit' };

/** Fields of a self-scored leaf open in the unit's workbook (columns not `lockedForUnit`). */
const UNIT_OPEN: readonly EntryField[] = inputColumns('self')
  .filter((c) => !c.lockedForUnit)
  .map((c) => c.field as EntryField);

// From the field descriptor (src/scoring/entry-fields.ts), so a new input field is listed once.
const SCORE_INPUTS: readonly EntryField[] = ASSESSED_FIELDS;
const TEXT_INPUTS: readonly EntryField[] = SELF_TEXT_FIELDS;
/** The input fields of a self-scored leaf row, in column order. */
export const LEAF_INPUT_FIELDS: readonly EntryField[] = inputColumns('self').map(
  (c) => c.field as EntryField,
);

function isBonusOrDeduction(leaf: FrameworkNode): boolean {
  const k = leafKind(leaf);
  return k === 'bonus' || k === 'deduction';
}

/** The fields of a self-scored (non-survey) leaf that the form's writer fills. */
export function openFields(form: WorkbookForm, leaf: FrameworkNode): ReadonlySet<EntryField> {
  return openFieldsFor(form, isBonusOrDeduction(leaf));
}

/** openFields for a leaf that is (or is not) a bonus/deduction leaf: all it depends on. */
function openFieldsFor(form: WorkbookForm, bonusOrDeduction: boolean): ReadonlySet<EntryField> {
  switch (form.kind) {
    case 'unit':
      // The columns the descriptor leaves open to units; bonus and deduction are the council's
      // (stage "điểm cộng, điểm trừ"): there the unit gives evidence only.
      return new Set<EntryField>(UNIT_OPEN.filter((f) => f !== 'self' || !bonusOrDeduction));
    case 'response':
      return new Set<EntryField>(['evidence', 'explanation']);
    case 'appraisal': {
      const column = form.column ?? 'appraisal';
      const wanted = (form.leaves ?? 'score') === 'bonusDeduction';
      if (bonusOrDeduction !== wanted) return new Set();
      return new Set<EntryField>([column, column === 'appraisal' ? 'appraisalComment' : 'appraisal2Comment']);
    }
  }
}

const SCORE_INPUT_SET: ReadonlySet<EntryField> = new Set(SCORE_INPUTS);
const TEXT_INPUT_SET: ReadonlySet<EntryField> = new Set(TEXT_INPUTS);

export function isScoreInput(field: EntryField): boolean {
  return SCORE_INPUT_SET.has(field);
}

/** One value where the writer of the form may not write, or that differs from the registered one. */
export interface ForeignWrite {
  code: string;
  field: EntryField;
  value: CellValue;
  /** The registered value, when the form showed one; null when the cell had to stay empty. */
  expected: CellValue;
}

/** An entry with no field: what a leaf missing from the sheet or the register reads as. */
const NOTHING: LeafEntry = Object.freeze({});

function sameValue(field: EntryField, a: CellValue, b: CellValue): boolean {
  // Both absent: empty either way (readScore and cellText read null and undefined alike). Most
  // locked cells of a returned file are: decided here without reading them as scores or text.
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (isScoreInput(field)) {
    const x = readScore(a);
    const y = readScore(b);
    if (x.empty || y.empty) return x.empty && y.empty;
    return x.value !== null && y.value !== null && Math.round(x.value * 100) === Math.round(y.value * 100);
  }
  return cellText(a).trim() === cellText(b).trim();
}

/**
 * Every locked input of a returned workbook that does not hold what the form put there: a value in
 * a cell that had to stay empty, or a registered value changed. Text cells the council reads but
 * never counts (evidence and explanation in its own forms) are not compared.
 */
export function foreignWrites(framework: Framework, sheet: Scoresheet, form: WorkbookForm): ForeignWrite[] {
  const walk: ForeignWalk = {
    sheet,
    form,
    // Made once per call, not per leaf: what is open depends only on whether a leaf is a bonus or
    // deduction leaf (a Set per leaf was most of this check's ~60 µs per returned file, measured).
    openOf: [openFieldsFor(form, false), openFieldsFor(form, true)],
    out: [],
  };
  visitForeign(framework.tree, walk);
  return walk.out;
}

/** What foreignWrites' walk carries: module-level, not a closure made per file (V8 keeps a closure's optimised code only weakly). */
interface ForeignWalk {
  sheet: Scoresheet;
  form: WorkbookForm;
  openOf: ReadonlySet<EntryField>[];
  out: ForeignWrite[];
}

function visitForeign(nodes: readonly FrameworkNode[], walk: ForeignWalk): void {
  const { sheet, form, openOf, out } = walk;
  for (const leaf of nodes) {
    if (leaf.children?.length) {
      visitForeign(leaf.children, walk);
      continue;
    }
    if (leafKind(leaf) === 'survey' || !appliesTo(leaf, sheet.unit.group)) continue;
    const open = openOf[+isBonusOrDeduction(leaf)];
    const entry = sheet.entries[leaf.code] ?? NOTHING;
    const shown = form.values?.[leaf.code] ?? NOTHING;
    for (const field of LEAF_INPUT_FIELDS) {
      if (open.has(field)) continue;
      if (form.kind !== 'unit' && !isScoreInput(field) && TEXT_INPUT_SET.has(field)) {
        // Council forms: evidence/explanation shown for reading; comments of the other round too.
        continue;
      }
      const expected = shown[field] ?? null;
      if (!sameValue(field, entry[field], expected)) {
        out.push({ code: leaf.code, field, value: entry[field] ?? null, expected });
      }
    }
  }
}
