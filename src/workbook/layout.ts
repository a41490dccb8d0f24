/**
 * The template workbook's public layout (DESIGN.md "The template workbook"): sheet names, column
 * titles in their contract order, the `_meta` keys and the defined names. Other tools (the add-in,
 * consolidation, other offices' scripts) find things by THESE titles and names, never by fixed
 * addresses, so changing a string here is a breaking change of the file format.
 */
import type { EntryField } from '../scoring/types';

export const SHEET_GUIDE = 'Hướng dẫn';
export const SHEET_SCORE = 'Chấm điểm';
export const SHEET_META = '_meta';
/**
 * Hidden sheet holding the allowed values of list validations as real numbers. Every list goes
 * here, not only those above Excel's 255-character literal limit: a literal list "1,0.5,0" is read
 * with the user's locale separators, which breaks in a Vietnamese (decimal comma) Excel, while
 * numbers in cells are locale-free.
 */
export const SHEET_LISTS = '_lists';

/** Bumped when the layout changes in a way readers must know about. */
export const TEMPLATE_FORMAT_VERSION = '1';

/** What a column of `Chấm điểm` holds. */
/** `check` is a formula column that names what is wrong in its row (survives pasting, unlike formats). */
export type ColumnKind = 'code' | 'name' | 'max' | 'guide' | 'score' | 'text' | 'check';

export interface ScoreColumn {
  /** Stable key used in plans and readers. */
  key: ColumnKey;
  /** The header title, exactly (the contract). */
  title: string;
  kind: ColumnKind;
  /** The scoresheet field an input cell of this column fills, for input columns. */
  field?: EntryField;
  /** Width in Excel character units, chosen so Vietnamese text wraps to a few lines at most. */
  width: number;
  /** Contract columns must be present on return; the extra ones may be absent. */
  required: boolean;
}

export type ColumnKey =
  | 'code'
  | 'name'
  | 'max'
  | 'guide'
  | 'self'
  | 'evidence'
  | 'explanation'
  | 'appraisal'
  | 'appraisalComment'
  | 'appraisal2'
  | 'appraisal2Comment'
  | 'survey'
  | 'check';

/** Columns of `Chấm điểm` in order: the nine of DESIGN.md, then our extra ones. */
export const SCORE_COLUMNS: readonly ScoreColumn[] = [
  { key: 'code', title: 'Mã', kind: 'code', width: 8, required: true },
  { key: 'name', title: 'Nội dung', kind: 'name', width: 48, required: true },
  { key: 'max', title: 'Điểm tối đa', kind: 'max', width: 10, required: true },
  { key: 'guide', title: 'Cách chấm', kind: 'guide', width: 40, required: true },
  { key: 'self', title: 'Điểm tự đánh giá', kind: 'score', field: 'self', width: 12, required: true },
  {
    key: 'evidence',
    title: 'Tài liệu kiểm chứng',
    kind: 'text',
    field: 'evidence',
    width: 36,
    required: true,
  },
  { key: 'explanation', title: 'Giải trình', kind: 'text', field: 'explanation', width: 30, required: true },
  { key: 'appraisal', title: 'Điểm thẩm định', kind: 'score', field: 'appraisal', width: 12, required: true },
  {
    key: 'appraisalComment',
    title: 'Ý kiến thẩm định',
    kind: 'text',
    field: 'appraisalComment',
    width: 30,
    required: true,
  },
  {
    key: 'appraisal2',
    title: 'Điểm thẩm định lần 2',
    kind: 'score',
    field: 'appraisal2',
    width: 12,
    required: false,
  },
  {
    key: 'appraisal2Comment',
    title: 'Ý kiến thẩm định lần 2',
    kind: 'text',
    field: 'appraisal2Comment',
    width: 30,
    required: false,
  },
  { key: 'survey', title: 'Điểm điều tra XHH', kind: 'score', field: 'survey', width: 12, required: false },
  { key: 'check', title: 'Kiểm tra', kind: 'check', width: 30, required: false },
];

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

/** Rows above the header hold the title, the unit and the framework; the header follows. */
export const SCORE_TITLE_ROW = 1;
export const SCORE_UNIT_ROW = 2;
export const SCORE_FRAMEWORK_ROW = 3;
export const SCORE_HEADER_ROW = 4;
export const SCORE_FIRST_DATA_ROW = 5;

/** Text written in `Nội dung` of the row that ends the table. */
export const TOTAL_ROW_LABEL = 'TỔNG CỘNG';
/** Text in the self-score cell of a survey leaf (no self-score input there). */
export const SURVEY_MARK = 'Điều tra XHH';
/** Text in the self-score cell of a leaf not applying to the unit's group. */
export const NOT_APPLICABLE_MARK = 'Không áp dụng';

/** Keys of the `_meta` sheet (column A key, column B value). */
export const META_KEYS = {
  formatVersion: 'formatVersion',
  frameworkId: 'frameworkId',
  frameworkVersion: 'frameworkVersion',
  frameworkFingerprint: 'frameworkFingerprint',
  frameworkTitle: 'frameworkTitle',
  frameworkStatus: 'frameworkStatus',
  unitCode: 'unitCode',
  unitName: 'unitName',
  unitGroup: 'unitGroup',
  generatedAt: 'generatedAt',
  generatorVersion: 'generatorVersion',
  deadline: 'deadline',
} as const;
export type MetaKey = (typeof META_KEYS)[keyof typeof META_KEYS];

/** Workbook-scoped defined names for the key ranges (kept ASCII so every engine accepts them). */
export const DEFINED_NAMES = {
  /** The header row of `Chấm điểm`. */
  header: 'CCHC_Header',
  /** The `Mã` cells of every node row. */
  codes: 'CCHC_Codes',
  /** Header + node rows + total row. */
  table: 'CCHC_Table',
  /** The total row. */
  total: 'CCHC_Total',
  /** The key/value block of `_meta`. */
  meta: 'CCHC_Meta',
  /** The deadline cell on `Hướng dẫn`. */
  deadline: 'CCHC_Deadline',
} as const;

/** 1-based column number → letters ("A", "Z", "AA"). */
export function columnLetter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "E12" from (12, 5). */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** A sheet name as it must appear in a formula or a defined name: quoted when not plain ASCII. */
export function sheetRef(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "Chấm điểm!E12": the address form of problems and of the CLI JSON (unquoted, for people). */
export function problemCell(sheet: string, row: number, col: number): string {
  return `${sheet}!${cellAddress(row, col)}`;
}

/** Header titles compared as people type them: NFC, trimmed, spaces collapsed, case-insensitive. */
export function normalizeTitle(text: unknown): string {
  return String(text ?? '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('vi');
}
