/**
 * The columns of `Chấm điểm`, described once. The plan (header, widths, sums, input cells and their
 * prompts, locks), the reader (titles → columns, which cells of a leaf row are read, column names in
 * messages) and the score-cell rules all derive their lists from `SCORE_COLUMNS`, so a new column is
 * one entry here (plus, for a new input, its field in src/scoring/entry-fields.ts).
 *
 * Titles are the file format (DESIGN.md "The template workbook"): other tools find columns by them,
 * so changing a title is a breaking change.
 */
import { ENTRY_FIELDS, type EntryField, type Party } from '../scoring/entry-fields';

/**
 * What a column of `Chấm điểm` holds. `score` and `text` are input kinds; `check` is a formula
 * column that names what is wrong in its row (survives pasting, unlike formats).
 */
export type ColumnKind = 'code' | 'name' | 'max' | 'guide' | 'score' | 'text' | 'check';

interface ColumnSpec {
  /** The header title, exactly (the contract). */
  title: string;
  kind: ColumnKind;
  /**
   * Width in Excel character units. The nine contract columns together are 183 wide so that, fitted
   * to the width of A4 landscape, 12 pt text still prints at 9.5 pt or more (score-sheet.ts prints
   * only those nine).
   */
  width: number;
  /** Contract columns must be present on return; the extra ones may be absent. */
  required: boolean;
  /** The scoresheet field an input cell of this column fills, for input columns. */
  field?: EntryField;
  /** Parent rows and the total row sum this column with formulas. */
  sums?: boolean;
  /** Input prompt of a text cell (a score cell's prompt is written from the leaf's rule). */
  prompt?: string;
  /**
   * Whether the input cells are locked (and must stay empty) in the workbook a unit fills: the
   * columns only the council writes (DESIGN.md "Who may write what"). A unit's return with a value
   * there is rejected (src/workbook/forms.ts `foreignWrites`).
   */
  lockedForUnit?: boolean;
}

const COMMENT_PROMPT = 'Do Hội đồng thẩm định ghi.';

const SPECS = {
  code: { title: 'Mã', kind: 'code', width: 7, required: true },
  name: { title: 'Nội dung', kind: 'name', width: 38, required: true },
  max: { title: 'Điểm tối đa', kind: 'max', width: 8, required: true, sums: true },
  guide: { title: 'Cách chấm', kind: 'guide', width: 34, required: true },
  self: { title: 'Điểm tự đánh giá', kind: 'score', field: 'self', width: 10, required: true, sums: true },
  evidence: {
    title: 'Tài liệu kiểm chứng',
    kind: 'text',
    field: 'evidence',
    width: 28,
    required: true,
    prompt:
      'Ghi số, ký hiệu, ngày ban hành văn bản và trang/mục làm căn cứ (ví dụ: Kế hoạch số 12/KH-UBND ngày 05/01/2022, mục II).',
  },
  explanation: {
    title: 'Giải trình',
    kind: 'text',
    field: 'explanation',
    width: 24,
    required: true,
    prompt: 'Nếu không có tài liệu kiểm chứng hoặc tự chấm thấp hơn tối đa, giải thích lý do.',
  },
  appraisal: {
    title: 'Điểm thẩm định',
    kind: 'score',
    field: 'appraisal',
    width: 10,
    required: true,
    sums: true,
    lockedForUnit: true,
  },
  appraisalComment: {
    title: 'Ý kiến thẩm định',
    kind: 'text',
    field: 'appraisalComment',
    width: 24,
    required: true,
    prompt: COMMENT_PROMPT,
    lockedForUnit: true,
  },
  appraisal2: {
    title: 'Điểm thẩm định lần 2',
    kind: 'score',
    field: 'appraisal2',
    width: 12,
    required: false,
    sums: true,
    lockedForUnit: true,
  },
  appraisal2Comment: {
    title: 'Ý kiến thẩm định lần 2',
    kind: 'text',
    field: 'appraisal2Comment',
    width: 30,
    required: false,
    prompt: COMMENT_PROMPT,
    lockedForUnit: true,
  },
  survey: {
    title: 'Điểm điều tra XHH',
    kind: 'score',
    field: 'survey',
    width: 12,
    required: false,
    sums: true,
  },
  check: { title: 'Kiểm tra', kind: 'check', width: 30, required: false },
} as const satisfies Record<string, ColumnSpec>;

/** Stable key of a column, used in plans and readers. */
export type ColumnKey = keyof typeof SPECS;

export interface ScoreColumn extends ColumnSpec {
  key: ColumnKey;
  /** Who writes the input cells (from the field), for input columns. */
  writer?: Party;
}

/** Columns of `Chấm điểm` in order: the nine of DESIGN.md, then our extra ones. */
export const SCORE_COLUMNS: readonly ScoreColumn[] = (Object.keys(SPECS) as ColumnKey[]).map((key) => {
  const spec: ColumnSpec = SPECS[key];
  return spec.field ? { key, ...spec, writer: ENTRY_FIELDS[spec.field].writer } : { key, ...spec };
});

/** The nine contract titles, in order (DESIGN.md). */
export const CONTRACT_TITLES: readonly string[] = SCORE_COLUMNS.filter((c) => c.required).map((c) => c.title);

/** Header title → the scoresheet field its input cells fill. */
export const TITLE_TO_FIELD: Readonly<Record<string, EntryField>> = Object.fromEntries(
  SCORE_COLUMNS.filter((c) => c.field).map((c) => [c.title, c.field as EntryField]),
);

/** 1-based column number of each column in a freshly generated template. */
export const COLUMN_NUMBER: Readonly<Record<ColumnKey, number>> = Object.fromEntries(
  SCORE_COLUMNS.map((c, i) => [c.key, i + 1]),
) as Record<ColumnKey, number>;

/** The column of each field. */
export const FIELD_COLUMN: Readonly<Record<EntryField, ScoreColumn>> = Object.fromEntries(
  SCORE_COLUMNS.filter((c) => c.field).map((c) => [c.field, c]),
) as Record<EntryField, ScoreColumn>;

/** The column whose cell carries the survey / not-applicable marks of a leaf without self score. */
export const MARK_COLUMN: ColumnKey = 'self';

/** Input columns of the leaves of one kind (self-scored or survey), in sheet order. */
export function inputColumns(leaves: 'self' | 'survey'): ScoreColumn[] {
  return SCORE_COLUMNS.filter((c) => c.field && ENTRY_FIELDS[c.field].leaves === leaves);
}

/** Columns summed by parent rows and the total row, in sheet order. */
export const SUM_COLUMNS: readonly ColumnKey[] = SCORE_COLUMNS.filter((c) => c.sums).map((c) => c.key);
