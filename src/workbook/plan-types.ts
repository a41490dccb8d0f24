/**
 * A workbook plan: everything a template is, as plain data. Both renderers (exceljs in
 * src/xlsx, Office.js in src/excel) draw the same plan, so a template made by the CLI and one made
 * in the add-in are the same workbook. Addresses are A1-style on the sheet that holds them;
 * formulas are written without the leading "=".
 */
import type { ColumnKey } from './layout';

/** Named cell styles; the renderers map each to fonts, fills and borders. */
export type StyleId =
  | 'title'
  | 'subtitle'
  | 'warning'
  | 'header'
  | 'field'
  | 'criterion'
  | 'leaf'
  | 'input'
  | 'inputText'
  | 'surveyMark'
  | 'notApplicable'
  | 'lockedEmpty'
  | 'check'
  | 'total'
  | 'guideLabel'
  | 'guideText'
  | 'signature'
  | 'meta';

export interface PlanStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
  /** ARGB, e.g. "FF1F4E79". */
  color?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle';
  /** Thin border on all sides. */
  border?: boolean;
}

export type PlanValue = string | number | boolean | null;

export interface PlanCell {
  /** "E12". */
  address: string;
  row: number;
  col: number;
  /** A string value is always written as text, even when it starts with = + - @. */
  value?: PlanValue;
  /** Formula without "="; `result` is the value it evaluates to in the fresh template. */
  formula?: string;
  result?: number | string;
  style?: StyleId;
  /** Number format, e.g. "0.00" or "dd/mm/yyyy". */
  numFmt?: string;
  /** Left indent level (tree depth) for `Nội dung`. */
  indent?: number;
  /** Cells are locked unless this is false (input cells). */
  locked?: boolean;
}

export interface PlanValidation {
  /** A1 address or range on the sheet. */
  ref: string;
  type: 'list' | 'custom' | 'decimal' | 'any';
  /** list: a range reference; custom: a formula; decimal: the minimum. Without "=". */
  formula?: string;
  /** decimal: the maximum. */
  formula2?: string;
  allowBlank: boolean;
  /** Vietnamese prompt, at most 32 / 255 characters (Excel's limits). */
  promptTitle?: string;
  prompt?: string;
  /** Vietnamese error, at most 32 / 225 characters. */
  errorTitle?: string;
  error?: string;
  errorStyle?: 'stop' | 'warning';
}

/** Flags a cell when `formula` (relative to the top-left cell of `ref`) is true. */
export interface PlanConditionalFormat {
  ref: string;
  formula: string;
  style: 'invalid' | 'missingEvidence';
}

export interface PlanProtection {
  /** Always empty: protection guides, tampering is detected on return (DESIGN.md). */
  password: '';
  /** People may still widen columns and rows (long Vietnamese text). */
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
}

export interface PlanPrint {
  paper: 'A4';
  orientation: 'landscape' | 'portrait';
  fitToWidth: boolean;
  /** Rows repeated on every printed page, e.g. [4, 4]. */
  titleRows?: [number, number];
  /** "A1:M120". */
  area?: string;
  /** Page footer, Excel header/footer codes allowed. */
  footer?: string;
}

export interface PlanSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  cells: PlanCell[];
  merges: string[];
  /** Widths in character units, column 1 first. */
  columns: { width: number; hidden?: boolean }[];
  rowHeights: Record<number, number>;
  /** Rows above / columns left of the split stay visible. */
  freeze?: { rows: number; cols: number };
  validations: PlanValidation[];
  conditionalFormats: PlanConditionalFormat[];
  protection: PlanProtection | null;
  print?: PlanPrint;
  tabColor?: string;
}

export interface PlanDefinedName {
  /** Workbook-scoped. */
  name: string;
  /** "'Chấm điểm'!$A$4:$M$4". */
  ref: string;
}

/** Where things are on `Chấm điểm` in this plan (what readers find by titles and codes). */
export interface ScoreLayout {
  headerRow: number;
  firstDataRow: number;
  totalRow: number;
  lastColumn: number;
  columns: Record<ColumnKey, number>;
  /** Node code → row. */
  rows: Record<string, number>;
}

export interface WorkbookPlan {
  sheets: PlanSheet[];
  definedNames: PlanDefinedName[];
  styles: Record<StyleId, PlanStyle>;
  /** Font of every cell. */
  font: { name: string; size: number };
  properties: { title: string; subject: string; creator: string; created: string };
  /** The sheet shown on opening. */
  activeSheet: string;
  /** The `_meta` key/values, also written to the `_meta` sheet. */
  meta: Record<string, string>;
  score: ScoreLayout;
}
