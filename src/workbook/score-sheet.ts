/**
 * The `Chấm điểm` sheet of a template: one row per node in tree order, parents and the total
 * summing with formulas, input cells unlocked with validation from the leaf's rule, and a
 * `Kiểm tra` formula column that names what is wrong in each row.
 */
import { frameworkTitleText, legalBasisText } from '../framework/legal-basis';
import type { Framework, FrameworkNode } from '../framework/schema';
import { appliesTo, isLeaf, isSurveyLeaf, leafMaxFor, walk } from '../framework/tree';
import { fromHundredths, toHundredths } from '../common/decimal';
import type { CellValue, EntryField, ScoreField, UnitRef } from '../scoring/types';
import {
  COLUMN_NUMBER,
  FIELD_COLUMN,
  MARK_COLUMN,
  SCORE_COLUMNS,
  SUM_COLUMNS,
  inputColumns,
  type ColumnKey,
  type ScoreColumn,
} from './columns';
import {
  NOT_APPLICABLE_MARK,
  REPORT_TEXTS,
  SCORE_FIRST_DATA_ROW,
  SCORE_FRAMEWORK_ROW,
  SCORE_HEADER_ROW,
  SCORE_TITLE_ROW,
  SCORE_UNIT_ROW,
  SHEET_SCORE,
  SURVEY_MARK,
  TOTAL_ROW_LABEL,
} from './layout';
import { cellAddress } from '../common/a1';
import type { PlanSheet, ScoreLayout } from './plan-types';
import { clip, guideCellText } from './rule-text';
import { invalidExpression, scoreCellRule, scoreMessages, validExpression } from './score-rule';
import { SheetBuilder } from './sheet-builder';
import { unitPageFooter } from './page-footer';
import { UNIT_FORM, openFields, type WorkbookForm } from './forms';

/** Registers a list of allowed values and returns a range reference to it on the lists sheet. */
export type ListRegistry = (values: number[]) => string;

const NUM = '0.00';
const C = COLUMN_NUMBER;
const LAST_COL = SCORE_COLUMNS.length;
const SUM_KEYS = SUM_COLUMNS;
/** Text input columns: blank (but styled) on parent rows. */
const TEXT_KEYS = SCORE_COLUMNS.filter((c) => c.kind === 'text').map((c) => c.key);
/**
 * The printed page holds the nine contract columns (through `Ý kiến thẩm định`): what the unit's
 * leader signs and the council reads. The second appraisal round, the survey points and the
 * `Kiểm tra` column are working columns that stay on screen only; with them the sheet would print
 * below 6 pt.
 */
const PRINT_LAST_COL = C.appraisalComment;

function a(key: ColumnKey, row: number): string {
  return cellAddress(row, C[key]);
}

export interface ScoreSheetResult {
  sheet: PlanSheet;
  layout: ScoreLayout;
}

/** The unit line of the title block: one of the few places where templates of a group differ. */
export function unitLine(unit: UnitRef, groupName: string): string {
  return `Đơn vị: ${unit.name}${unit.code ? ` (mã ${unit.code})` : ''} — Nhóm: ${groupName}`;
}

const PRINTED_WIDTH = SCORE_COLUMNS.slice(0, PRINT_LAST_COL).reduce((s, c) => s + c.width, 0);

function fitTitleRow(b: SheetBuilder, row: number, text: string, size: number, minHeight: number): void {
  b.fitRow(row, [{ text, width: PRINTED_WIDTH, size, bold: true }], minHeight);
}

/**
 * The height the unit line's row gets (undefined: one line, no height written), so the template
 * patcher (src/xlsx/template-patch.ts) knows when a unit's name changes more than text.
 */
export function unitLineRowHeight(unit: UnitRef, groupName: string): number | undefined {
  const b = new SheetBuilder(SHEET_SCORE);
  fitTitleRow(b, SCORE_UNIT_ROW, unitLine(unit, groupName), 12, 0);
  return b.sheet.rowHeights[SCORE_UNIT_ROW];
}

export function buildScoreSheet(
  framework: Framework,
  unit: UnitRef,
  groupName: string,
  registerList: ListRegistry,
  form: WorkbookForm = UNIT_FORM,
): ScoreSheetResult {
  const b = new SheetBuilder(SHEET_SCORE);
  const visits = walk(framework.tree);
  const rows: Record<string, number> = {};
  visits.forEach((v, i) => (rows[v.node.code] = SCORE_FIRST_DATA_ROW + i));
  const totalRow = SCORE_FIRST_DATA_ROW + visits.length;
  const lastDataRow = totalRow - 1;

  // Title block.
  const illustrative = framework.status === 'illustrative' ? ' — BỘ TIÊU CHÍ MINH HỌA, KHÔNG CHÍNH THỨC' : '';
  b.set(SCORE_TITLE_ROW, 1, {
    value: `BẢNG CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${framework.year}${illustrative}`,
    style: illustrative ? 'warning' : 'title',
  });
  b.set(SCORE_UNIT_ROW, 1, { value: unitLine(unit, groupName), style: 'subtitle' });
  b.set(SCORE_FRAMEWORK_ROW, 1, {
    value: `Bộ tiêu chí: ${frameworkTitleText(framework)}; căn cứ ${legalBasisText(framework.legalBasis)}; phiên bản ${framework.version}`,
    style: 'subtitle',
  });
  // The title lines span the printed columns (they would be cut at the print area's edge otherwise)
  // and wrap when a long unit or framework name needs two lines.
  for (const r of [SCORE_TITLE_ROW, SCORE_UNIT_ROW, SCORE_FRAMEWORK_ROW]) {
    b.merge(r, 1, PRINT_LAST_COL);
    const cell = b.get(r, 1);
    const size = r === SCORE_TITLE_ROW ? (illustrative ? 13 : 14) : 12;
    fitTitleRow(b, r, String(cell?.value ?? ''), size, r === SCORE_TITLE_ROW ? 24 : 0);
  }

  // Header.
  SCORE_COLUMNS.forEach((col, i) => b.set(SCORE_HEADER_ROW, i + 1, { value: col.title, style: 'header' }));
  b.fitRow(
    SCORE_HEADER_ROW,
    SCORE_COLUMNS.map((c) => ({ text: c.title, width: c.width, bold: true })),
    36,
  );
  b.sheet.columns = SCORE_COLUMNS.map((c) => ({ width: c.width }));

  // Applicable maxima in exact hundredths, for the cached results of the parents' formulas
  // (never 0.30000000000000004).
  const maxH = new Map<string, number>();
  const maxOf = (node: FrameworkNode): number => {
    const v = isLeaf(node)
      ? toHundredths(leafMaxFor(node, unit.group))
      : (node.children ?? []).reduce((s, c) => s + maxOf(c), 0);
    maxH.set(node.code, v);
    return v;
  };
  framework.tree.forEach(maxOf);

  for (const { node, depth } of visits) {
    const row = rows[node.code];
    b.set(row, C.code, {
      value: node.code,
      style: depth === 1 ? 'field' : depth === 2 ? 'criterion' : 'leaf',
    });
    b.set(row, C.name, {
      value: node.name,
      indent: depth - 1,
      style: depth === 1 ? 'field' : depth === 2 && !isLeaf(node) ? 'criterion' : 'leaf',
    });
    if (isLeaf(node)) leafRow(b, node, row, unit, registerList, form);
    else parentRow(b, node, row, depth, rows, maxH.get(node.code) ?? 0);
    const guideText = b.get(row, C.guide)?.value;
    const bold = depth === 1 || (depth === 2 && !isLeaf(node));
    b.fitRow(row, [
      { text: node.name, width: SCORE_COLUMNS[C.name - 1].width, indent: depth - 1, bold },
      { text: typeof guideText === 'string' ? guideText : '', width: SCORE_COLUMNS[C.guide - 1].width, bold },
    ]);
  }

  // Total row: the sum of the lĩnh vực rows.
  const fieldRows = framework.tree.map((n) => rows[n.code]);
  b.set(totalRow, C.code, { value: '', style: 'total' });
  b.set(totalRow, C.name, { value: TOTAL_ROW_LABEL, style: 'total' });
  for (let col = 1; col <= LAST_COL; col++) if (col > C.name) b.set(totalRow, col, { style: 'total' });
  for (const key of SUM_KEYS) {
    const total =
      key === 'max' ? fromHundredths(framework.tree.reduce((s, n) => s + (maxH.get(n.code) ?? 0), 0)) : 0;
    b.set(totalRow, C[key], {
      formula: `SUM(${fieldRows.map((r) => a(key, r)).join(',')})`,
      result: total,
      numFmt: NUM,
      style: 'total',
    });
  }
  const checkRange = `${a('check', SCORE_FIRST_DATA_ROW)}:${a('check', lastDataRow)}`;
  b.set(totalRow, C.check, {
    formula: `IF(COUNTIF(${checkRange},"?*")>0,"Còn "&COUNTIF(${checkRange},"?*")&" dòng cần sửa","")`,
    result: '',
    style: 'check',
  });

  // The report texts (unit workbooks only), then the signature block: these sheets are printed,
  // signed and stamped.
  const afterReport = form.kind === 'unit' ? reportTextRows(b, totalRow + 2) : totalRow + 1;
  const signRow = afterReport + 1;
  b.set(signRow, C.name, { value: 'NGƯỜI LẬP BIỂU\n(Ký, ghi rõ họ tên)', style: 'signature' });
  b.set(signRow, C.evidence, {
    value: 'THỦ TRƯỞNG ĐƠN VỊ\n(Ký, ghi rõ họ tên, đóng dấu)',
    style: 'signature',
  });
  b.sheet.merges.push(`${a('evidence', signRow)}:${a('appraisal', signRow)}`);
  b.sheet.rowHeights[signRow] = 36;

  b.sheet.freeze = { rows: SCORE_HEADER_ROW, cols: C.name };
  b.sheet.protection = { password: '', allowFormatColumns: true, allowFormatRows: true };
  b.sheet.print = {
    paper: 'A4',
    orientation: 'landscape',
    fitToWidth: true,
    titleRows: [SCORE_HEADER_ROW, SCORE_HEADER_ROW],
    area: `A1:${cellAddress(signRow, PRINT_LAST_COL)}`,
    footer: unitPageFooter(unit.name),
  };
  b.sheet.tabColor = 'FF1F4E79';

  return {
    sheet: b.sheet,
    layout: {
      headerRow: SCORE_HEADER_ROW,
      firstDataRow: SCORE_FIRST_DATA_ROW,
      totalRow,
      lastColumn: LAST_COL,
      columns: { ...C },
      rows,
    },
  };
}

/** Printed height of a report text row: about five lines of 12 pt text. */
const REPORT_ROW_HEIGHT = 80;

/**
 * One input row per report text from `row` on: the label in `Nội dung`, the text in one merged,
 * unlocked, wrapping cell over the other printed columns. Returns the row after the last one.
 */
function reportTextRows(b: SheetBuilder, row: number): number {
  for (const text of REPORT_TEXTS) {
    b.set(row, C.code, { value: '', style: 'criterion' });
    b.set(row, C.name, { value: text.label, style: 'criterion' });
    b.set(row, C.max, { value: null, style: 'inputText', locked: false });
    // The merged cell's first cell is the input (Excel takes its lock); the rest carry the style.
    for (let col = C.max + 1; col <= PRINT_LAST_COL; col++) b.set(row, col, { style: 'inputText' });
    b.merge(row, C.max, PRINT_LAST_COL);
    b.sheet.validations.push({
      ref: a('max', row),
      type: 'any',
      allowBlank: true,
      promptTitle: clip(text.label, 32),
      prompt: clip(text.prompt, 255),
    });
    b.sheet.rowHeights[row] = REPORT_ROW_HEIGHT;
    row += 1;
  }
  return row;
}

function parentRow(
  b: SheetBuilder,
  node: FrameworkNode,
  row: number,
  depth: number,
  rows: Record<string, number>,
  maxHundredths: number,
): void {
  const style = depth === 1 ? 'field' : 'criterion';
  const childRows = (node.children ?? []).map((c) => rows[c.code]);
  b.set(row, C.guide, { value: node.guide ?? '', style });
  for (const key of SUM_KEYS) {
    b.set(row, C[key], {
      formula: `SUM(${childRows.map((r) => a(key, r)).join(',')})`,
      result: key === 'max' ? fromHundredths(maxHundredths) : 0,
      numFmt: NUM,
      style,
    });
  }
  for (const key of TEXT_KEYS) b.set(row, C[key], { value: '', style });
  b.set(row, C.check, { value: '', style: 'check' });
}

/** Columns of a leaf row that are open for input in this template, and those locked empty. */
export function leafInputs(
  leaves: 'self' | 'survey',
  columns: readonly ScoreColumn[] = inputColumns(leaves),
): { open: ScoreColumn[]; locked: ScoreColumn[] } {
  const inputs = columns.filter((c) => c.key !== MARK_COLUMN || leaves === 'self');
  return { open: inputs.filter((c) => !c.lockedForUnit), locked: inputs.filter((c) => c.lockedForUnit) };
}

const SURVEY_INPUTS = leafInputs('survey');
/** Every input column but the mark column: locked empty where a leaf has no input at all. */
const MARKED_LOCKED = [...inputColumns('self'), ...inputColumns('survey')]
  .filter((c) => c.key !== MARK_COLUMN)
  .sort((x, y) => C[x.key] - C[y.key]);

function leafRow(
  b: SheetBuilder,
  leaf: FrameworkNode,
  row: number,
  unit: UnitRef,
  registerList: ListRegistry,
  form: WorkbookForm,
): void {
  const max = leafMaxFor(leaf, unit.group);
  const applies = appliesTo(leaf, unit.group);
  const survey = isSurveyLeaf(leaf);
  const guide = applies ? guideCellText(leaf, max) : `${NOT_APPLICABLE_MARK} cho nhóm của đơn vị.`;
  b.set(row, C.max, { value: max, numFmt: NUM, style: 'leaf' });
  b.set(row, C.guide, {
    value: survey && applies ? `${guide}\n(Điểm do điều tra xã hội học)` : guide,
    style: 'leaf',
  });

  const lockedEmpty = (cols: readonly ScoreColumn[]) =>
    cols.forEach((c) => b.set(row, C[c.key], { value: null, style: 'lockedEmpty' }));
  if (!applies) {
    b.set(row, C[MARK_COLUMN], { value: NOT_APPLICABLE_MARK, style: 'notApplicable' });
    lockedEmpty(MARKED_LOCKED);
    b.set(row, C.check, { value: '', style: 'check' });
    return;
  }
  if (survey) {
    b.set(row, C[MARK_COLUMN], { value: SURVEY_MARK, style: 'surveyMark' });
    lockedEmpty(inputColumns('self').filter((c) => c.key !== MARK_COLUMN));
    lockedEmpty(SURVEY_INPUTS.locked);
    const checks = SURVEY_INPUTS.open
      .filter((c) => c.kind === 'score')
      .map((c) => scoreInput(b, leaf, row, unit, c.field as ScoreField, registerList));
    SURVEY_INPUTS.open.filter((c) => c.kind === 'text').forEach((c) => textInput(b, row, c));
    b.set(row, C.check, { formula: checkFormula(checks), result: '', style: 'check' });
    return;
  }
  // Only the cells the form's writer fills are inputs; the others are locked, empty or showing
  // the registered value (DESIGN.md "Who may write what"; the unit's form from `lockedForUnit`).
  const open = openFields(form, leaf);
  const shown = form.values?.[leaf.code] ?? {};
  const checks: string[] = [];
  lockedEmpty(inputColumns('survey'));
  for (const c of inputColumns('self')) {
    const f = c.field as EntryField;
    if (!open.has(f)) lockedValue(b, row, c.key, shown[f]);
    else if (c.kind === 'score') checks.push(scoreInput(b, leaf, row, unit, f as ScoreField, registerList));
    else textInput(b, row, c, shown[f]);
  }
  if (leaf.evidenceRequired) {
    const self = a('self', row);
    const missing = `AND(ISNUMBER(${self}),${self}<>0,LEN(TRIM(${a('evidence', row)}))=0)`;
    b.sheet.conditionalFormats.push({ ref: a('evidence', row), formula: missing, style: 'missingEvidence' });
    checks.push(`IF(${missing},"Thiếu tài liệu kiểm chứng; ","")`);
  }
  // A row without an open score cell (a deduction in the unit's form) has nothing to check:
  // TRIM() with no argument would be an error in the cell.
  if (checks.length) b.set(row, C.check, { formula: checkFormula(checks), result: '', style: 'check' });
  else b.set(row, C.check, { value: '', style: 'check' });
}

function checkFormula(pieces: string[]): string {
  return `TRIM(${pieces.join('&')})`;
}

/** An unlocked score cell with validation and a flag; returns its piece of the `Kiểm tra` formula. */
function scoreInput(
  b: SheetBuilder,
  leaf: FrameworkNode,
  row: number,
  unit: UnitRef,
  field: ScoreField,
  registerList: ListRegistry,
): string {
  const key = FIELD_COLUMN[field].key;
  const ref = a(key, row);
  const rule = scoreCellRule(leaf, unit.group, field);
  const msg = scoreMessages(leaf, rule, field);
  b.set(row, C[key], { value: null, numFmt: NUM, style: 'input', locked: false });
  const base = { ref, allowBlank: true, errorStyle: 'stop' as const, ...msg };
  if (rule.allowed) b.sheet.validations.push({ ...base, type: 'list', formula: registerList(rule.allowed) });
  else if (rule.step === null)
    b.sheet.validations.push({
      ...base,
      type: 'decimal',
      formula: String(rule.min),
      formula2: String(rule.max),
    });
  else {
    // A custom formula is the only way Excel can say "on a 0.25 step"; the text of the formula
    // is locale-free in the file, so it works with a decimal comma too.
    b.sheet.validations.push({ ...base, type: 'custom', formula: validExpression(ref, rule) });
  }
  const invalid = invalidExpression(ref, rule);
  b.sheet.conditionalFormats.push({ ref, formula: invalid, style: 'invalid' });
  return `IF(${invalid},"${FIELD_COLUMN[field].title} không hợp lệ; ","")`;
}

/** A locked input cell: empty, or showing a value the form's writer may not change. */
function lockedValue(b: SheetBuilder, row: number, key: ColumnKey, value: CellValue): void {
  const v = value === undefined || (typeof value === 'object' && value !== null) ? null : value;
  if (v === null || v === '') b.set(row, C[key], { value: null, style: 'lockedEmpty' });
  else b.set(row, C[key], { value: v, numFmt: typeof v === 'number' ? NUM : undefined, style: 'leaf' });
}

function textInput(b: SheetBuilder, row: number, col: ScoreColumn, value?: CellValue): void {
  const ref = a(col.key, row);
  const start = typeof value === 'string' && value !== '' ? value : null;
  b.set(row, C[col.key], { value: start, style: 'inputText', locked: false });
  b.sheet.validations.push({
    ref,
    type: 'any',
    allowBlank: true,
    promptTitle: clip(col.title, 32),
    prompt: clip(col.prompt ?? '', 255),
  });
}
