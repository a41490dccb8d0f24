/**
 * The reverse of the plan: a grid of cell values (from exceljs or Office.js) → a scoresheet.
 *
 * Nothing in a returned workbook is trusted. The header row is found by its titles and every node
 * row by its code in `Mã`, never by fixed addresses, so re-ordered columns and inserted blank rows
 * still read. Only leaf input cells are read (never cached formula results: totals are recomputed
 * by the engine), and the structure found (codes, maxima, survey and applicability marks, the
 * framework fingerprint in `_meta`) is compared with the framework, naming every difference with
 * its cell.
 */
import type { Saying } from '../common/message-templates';
import type { StructureProblemKey } from './problem-keys';
import { structureMessage, type FoundValue } from './messages.vi';
import type { Framework, FrameworkNode } from '../framework/schema';
import { appliesTo, isLeaf, isSurveyLeaf } from '../framework/tree';
import { toHundredths } from '../common/decimal';
import { parseNumberText } from '../common/vi-number';
import { fieldsOfLeaves } from '../scoring/entry-fields';
import type {
  CellValue,
  EntryField,
  LeafEntry,
  Problem,
  ReportTexts,
  Scoresheet,
  Severity,
} from '../scoring/types';
import { FIELD_COLUMN, MARK_COLUMN } from './columns';
import {
  META_KEYS,
  NOT_APPLICABLE_MARK,
  REPORT_TEXTS,
  SCORE_COLUMNS,
  SHEET_META,
  SHEET_SCORE,
  SURVEY_MARK,
  TEMPLATE_FORMAT_VERSION,
  normalizeTitle,
  type ColumnKey,
} from './layout';
import { columnLetters } from '../common/a1';
import { expectedRows } from './expected-rows';

/** A rectangle of cells: values[r][c] is the cell at row firstRow + r, column firstCol + c (1-based). */
export interface CellGrid {
  values: CellValue[][];
  /** Formula text (without "=") where a cell holds a formula; absent when the source cannot tell. */
  formulas?: (string | null)[][];
  firstRow: number;
  firstCol: number;
}

export interface GridReadOptions {
  /** Sheet name used in cell addresses (default `Chấm điểm`). */
  sheetName?: string;
  /** Where each `_meta` key was found ("_meta!B3"), for problems about the metadata. */
  metaCells?: Record<string, string>;
}

/** Where the reader found things: header row, column of each title, row of each code. */
export interface FoundLayout {
  headerRow: number;
  columns: Partial<Record<ColumnKey, number>>;
  rows: Record<string, number>;
}

export interface GridReadResult {
  scoresheet: Scoresheet;
  structureProblems: Problem[];
  /** null when no header row was found. */
  layout: FoundLayout | null;
}

const CODE_PATTERN = /^\d+(\.\d+)*$/;
/** How far down the header row may have moved (rows inserted above it). */
const HEADER_SEARCH_ROWS = 60;

const TITLE_KEYS = new Map<string, ColumnKey>(SCORE_COLUMNS.map((c) => [normalizeTitle(c.title), c.key]));

/** The fields read from a self-scored / a survey leaf's row, in sheet order. */
const SELF_FIELDS: EntryField[] = fieldsOfLeaves('self');
const SURVEY_FIELDS: EntryField[] = fieldsOfLeaves('survey');

/** Key/value rows of `_meta` (column A key, column B value) → a record; other rows are ignored. */
export function metaFromRows(rows: CellValue[][]): Record<string, string> {
  return metaWithCells(rows).meta;
}

/** Like metaFromRows, plus the address of each value ("_meta!B3") for messages. */
export function metaWithCells(
  rows: CellValue[][],
  firstRow = 1,
): { meta: Record<string, string>; cells: Record<string, string> } {
  const meta: Record<string, string> = {};
  const cells: Record<string, string> = {};
  rows.forEach((row, i) => {
    const key = typeof row?.[0] === 'string' ? row[0].trim() : '';
    if (!key || key in meta) return;
    const v = row[1];
    meta[key] = v === null || v === undefined || typeof v === 'object' ? '' : String(v);
    cells[key] = `${SHEET_META}!B${firstRow + i}`;
  });
  return { meta, cells };
}

/** Text that NFC leaves as it is without looking: no character beyond ASCII (a code such as "1.2.3"). */
const BEYOND_ASCII = /[\u0080-\u{10ffff}]/u;

/** A code cell as text: "1.1" whether typed as text or retyped as the number 1.1. */
function codeText(value: CellValue): string {
  if (typeof value === 'number') return String(value);
  // Every row's code cell is read: normalize() is an ICU call even for ASCII (~14 µs a sheet).
  if (typeof value === 'string') return (BEYOND_ASCII.test(value) ? value.normalize('NFC') : value).trim();
  return '';
}

function isMark(value: CellValue, mark: string): boolean {
  return typeof value === 'string' && normalizeTitle(value) === normalizeTitle(mark);
}

function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * The grid as the reading steps see it: cells by sheet row and column, and where problems go. A
 * class, not an object of closures made per file: V8 keeps a closure's optimised code only
 * weakly, so closures made per file were recompiled in every consolidation (--trace-opt).
 */
class GridView {
  readonly lastRow: number;
  readonly lastCol: number;
  private readonly addresses: string[][];

  constructor(
    readonly framework: Framework,
    private readonly grid: CellGrid,
    readonly sheet: string,
    private readonly problems: Problem[],
  ) {
    // A loop, not Math.max(...rows): a spread over a sheet's rows overflows the stack at ~100k rows.
    let width = 0;
    for (const r of grid.values) width = Math.max(width, r?.length ?? 0);
    this.lastRow = grid.firstRow + grid.values.length - 1;
    this.lastCol = grid.firstCol + width - 1;
    this.addresses = addressesOf(sheet);
  }

  value(row: number, col: number): CellValue {
    return this.grid.values[row - this.grid.firstRow]?.[col - this.grid.firstCol];
  }

  formula(row: number, col: number): string | null {
    return this.grid.formulas?.[row - this.grid.firstRow]?.[col - this.grid.firstCol] ?? null;
  }

  at(row: number, col: number): string {
    return addressAt(this.addresses, this.sheet, row, col);
  }

  /** Records a problem: what it says (`structureMessage`), its node code ('' for the sheet), its cell. */
  add(
    severity: Severity,
    said: Saying<StructureProblemKey>,
    code: string,
    cell?: string,
    extra?: Partial<Problem>,
  ): void {
    this.problems.push({ severity, ...said, code, ...(cell ? { cell } : {}), ...extra });
  }
}

type Columns = Partial<Record<ColumnKey, number>>;

export function scoresheetFromGrid(
  framework: Framework,
  grid: CellGrid,
  meta: Record<string, string>,
  options: GridReadOptions = {},
): GridReadResult {
  const problems: Problem[] = [];
  const view = new GridView(framework, grid, options.sheetName ?? SHEET_SCORE, problems);
  const scoresheet: Scoresheet = {
    frameworkId: framework.id,
    unit: {
      code: meta[META_KEYS.unitCode] ?? '',
      name: meta[META_KEYS.unitName] ?? '',
      group: meta[META_KEYS.unitGroup] ?? '',
    },
    entries: {},
    cells: {},
  };

  checkMeta(view, meta, options.metaCells ?? {});
  const headerRow = findHeaderRow(view, grid);
  if (headerRow < 0) {
    view.add(
      'error',
      structureMessage('structure.headerMissing', { sheet: view.sheet }),
      '',
      view.at(grid.firstRow, grid.firstCol),
    );
    return { scoresheet, structureProblems: problems, layout: null };
  }
  const columns = readColumns(view, grid, headerRow);
  const rows = readRowCodes(view, headerRow, columns.code as number);
  checkNodes(view, scoresheet, headerRow, columns, rows);
  const report = readReportTexts(view, headerRow, columns);
  if (report) scoresheet.report = report;
  return { scoresheet, structureProblems: problems, layout: { headerRow, columns, rows } };
}

/**
 * Cell addresses ("Chấm điểm!E12") by sheet, column and row, made once and shared by every file:
 * the returns of a consolidation address the same ~400 input cells of the same sheet, and a text
 * made per cell per file was most of the reading of a leaf's cells. Bounded whatever a file
 * holds: at most MAX_ADDRESSES kept in all (a template's sheet needs ~1,500), beyond which an
 * address is made each time; all are forgotten when a fifth sheet name comes.
 */
const addressesBySheet = new Map<string, string[][]>();
const ADDRESSED_SHEETS = 4;
const MAX_ADDRESSES = 8192;
let addressCount = 0;

function addressAt(addresses: string[][], sheet: string, row: number, col: number): string {
  const byRow = (addresses[col] ??= []);
  const known = byRow[row];
  if (known !== undefined) return known;
  const address = `${sheet}!${columnLetters(col)}${row}`;
  if (addressCount < MAX_ADDRESSES) {
    byRow[row] = address;
    addressCount++;
  }
  return address;
}

function addressesOf(sheet: string): string[][] {
  let addresses = addressesBySheet.get(sheet);
  if (!addresses) {
    if (addressesBySheet.size >= ADDRESSED_SHEETS) {
      addressesBySheet.clear();
      addressCount = 0;
    }
    addresses = [];
    addressesBySheet.set(sheet, addresses);
  }
  return addresses;
}

/** The header row: the first row holding both `Mã` and `Điểm tối đa` (-1 when none). */
function findHeaderRow(view: GridView, grid: CellGrid): number {
  for (let r = grid.firstRow; r <= Math.min(view.lastRow, grid.firstRow + HEADER_SEARCH_ROWS); r++) {
    const keys = new Set<ColumnKey>();
    for (let c = grid.firstCol; c <= view.lastCol; c++) {
      const k = TITLE_KEYS.get(normalizeTitle(view.value(r, c)));
      if (k) keys.add(k);
    }
    if (keys.has('code') && keys.has('max')) return r;
  }
  return -1;
}

/** Columns by title: a title twice is read from its first column; a required one missing is an error. */
function readColumns(view: GridView, grid: CellGrid, headerRow: number): Columns {
  const columns: Columns = {};
  for (let c = grid.firstCol; c <= view.lastCol; c++) {
    const k = TITLE_KEYS.get(normalizeTitle(view.value(headerRow, c)));
    if (!k) continue;
    if (columns[k] !== undefined) {
      const title = String(view.value(headerRow, c));
      view.add(
        'warning',
        structureMessage('structure.columnDuplicate', { title }),
        '',
        view.at(headerRow, c),
      );
      continue;
    }
    columns[k] = c;
  }
  for (const col of SCORE_COLUMNS) {
    if (col.required && columns[col.key] === undefined) {
      view.add(
        'error',
        structureMessage('structure.columnMissing', { title: col.title, headerRow }),
        '',
        view.at(headerRow, grid.firstCol),
      );
    }
  }
  return columns;
}

/** The row of each code below the header: text that is no code is skipped, unknown or repeated codes refused. */
function readRowCodes(view: GridView, headerRow: number, codeCol: number): Record<string, number> {
  const framework = view.framework;
  const known = expectedRows(framework).codes;
  const rows: Record<string, number> = {};
  for (let r = headerRow + 1; r <= view.lastRow; r++) {
    const code = codeText(view.value(r, codeCol));
    if (!code) continue;
    if (!CODE_PATTERN.test(code)) {
      view.add(
        'warning',
        structureMessage('structure.textInCode', { text: code, row: r }),
        '',
        view.at(r, codeCol),
      );
      continue;
    }
    if (!known.has(code)) {
      const said = structureMessage('structure.codeUnknown', { code, frameworkId: framework.id });
      view.add('error', said, code, view.at(r, codeCol));
      continue;
    }
    if (rows[code] !== undefined) {
      const said = structureMessage('structure.codeDuplicate', { code, firstRow: rows[code], row: r });
      view.add('error', said, code, view.at(r, codeCol));
      continue;
    }
    rows[code] = r;
  }
  return rows;
}

/** Every node of the framework must be there, in tree order, with its maximum; leaves are read. */
function checkNodes(
  view: GridView,
  scoresheet: Scoresheet,
  headerRow: number,
  columns: Columns,
  rows: Record<string, number>,
): void {
  const framework = view.framework;
  const codeCol = columns.code as number;
  const group = scoresheet.unit.group;
  let previousRow = 0;
  let orderReported = false;
  const inputs = {
    self: inputColumnsOf(columns, SELF_FIELDS),
    survey: inputColumnsOf(columns, SURVEY_FIELDS),
  };
  for (const node of expectedRows(framework).nodes) {
    const row = rows[node.code];
    if (row === undefined) {
      const said = structureMessage('structure.rowMissing', { code: node.code, name: clipName(node.name) });
      view.add('error', said, node.code, view.at(headerRow, codeCol));
      continue;
    }
    if (row < previousRow && !orderReported) {
      view.add(
        'warning',
        structureMessage('structure.rowOrder', { code: node.code }),
        node.code,
        view.at(row, codeCol),
      );
      orderReported = true;
    }
    previousRow = Math.max(previousRow, row);
    if (columns.max !== undefined) checkMax(view, node, group, row, columns.max);
    if (isLeaf(node)) readLeaf(view, scoresheet, columns, inputs, node, row);
  }
}

/** An input field found in the sheet: its column and title. */
interface InputColumn {
  field: EntryField;
  col: number;
  title: string;
}

/** The fields' columns found by the header, in sheet order: looked up once a sheet, not once a leaf. */
function inputColumnsOf(columns: Columns, fields: readonly EntryField[]): InputColumn[] {
  const found: InputColumn[] = [];
  for (const field of fields) {
    const col = columns[FIELD_COLUMN[field].key];
    if (col !== undefined) found.push({ field, col, title: FIELD_COLUMN[field].title });
  }
  return found;
}

/** A leaf's input cells (a formula in one is refused), then its survey / not-applicable mark. */
function readLeaf(
  view: GridView,
  scoresheet: Scoresheet,
  columns: Columns,
  inputs: { self: InputColumn[]; survey: InputColumn[] },
  leaf: FrameworkNode,
  row: number,
): void {
  const group = scoresheet.unit.group;
  const applies = !group || appliesTo(leaf, group);
  const survey = isSurveyLeaf(leaf);
  const cells: Partial<Record<EntryField, string>> = {};
  const entry: LeafEntry = {};
  const fields = !applies ? [] : survey ? inputs.survey : inputs.self;
  for (const { field, col, title: column } of fields) {
    cells[field] = view.at(row, col);
    const f = view.formula(row, col);
    if (f) {
      const said = structureMessage('structure.formulaInInput', { code: leaf.code, column, formula: f });
      view.add('error', said, leaf.code, view.at(row, col), { field });
      continue;
    }
    const v = view.value(row, col);
    if (!isBlank(v)) entry[field] = v;
  }
  const selfCol = columns[MARK_COLUMN];
  if (selfCol !== undefined)
    checkMark(view, leaf, group, applies, survey, entry, view.at(row, selfCol), view.value(row, selfCol));
  scoresheet.entries[leaf.code] = entry;
  scoresheet.cells![leaf.code] = cells;
}

/**
 * Marks: a survey leaf has no self-score input, a leaf not applying is out of the maximum; a
 * self-scored leaf whose cell holds a mark was overwritten by a copied row (its self score dropped).
 */
function checkMark(
  view: GridView,
  leaf: FrameworkNode,
  group: string,
  applies: boolean,
  survey: boolean,
  entry: LeafEntry,
  cell: string,
  selfValue: CellValue,
): void {
  if (!applies) {
    const m = markFound(leaf, NOT_APPLICABLE_MARK, selfValue);
    if (m)
      view.add(
        severityOf(m),
        structureMessage('structure.applicabilityChanged', { ...m, group }),
        leaf.code,
        cell,
        SELF_FIELD,
      );
  } else if (survey) {
    const m = markFound(leaf, SURVEY_MARK, selfValue);
    if (m)
      view.add(
        severityOf(m),
        structureMessage('structure.surveyMarkChanged', m),
        leaf.code,
        cell,
        SELF_FIELD,
      );
  } else if (isMark(selfValue, SURVEY_MARK) || isMark(selfValue, NOT_APPLICABLE_MARK)) {
    const copied = { code: leaf.code, copiedOver: String(selfValue) };
    const said = isMark(selfValue, SURVEY_MARK)
      ? structureMessage('structure.surveyMarkChanged', copied)
      : structureMessage('structure.applicabilityChanged', copied);
    view.add('error', said, leaf.code, cell, SELF_FIELD);
    delete entry.self;
  }
}

const SELF_FIELD: Partial<Problem> = { field: 'self' };

/** Null when the self cell holds `mark`; else what it holds instead (null when erased). */
function markFound(
  leaf: FrameworkNode,
  mark: string,
  selfValue: CellValue,
): { code: string; mark: string; holds: FoundValue | null } | null {
  if (isMark(selfValue, mark)) return null;
  const holds = isBlank(selfValue) ? null : (selfValue as FoundValue);
  return { code: leaf.code, mark, holds };
}

/** An error when a score replaced the mark, a warning when it was erased. */
function severityOf(m: { holds: FoundValue | null }): Severity {
  return m.holds !== null ? 'error' : 'warning';
}

/**
 * The report texts below the table: found by their labels in `Nội dung`, the text in the first
 * non-blank cell right of the label (a merged cell's value is in its first cell). Null when none.
 */
function readReportTexts(view: GridView, headerRow: number, columns: Columns): ReportTexts | null {
  if (columns.name === undefined) return null;
  const nameCol = columns.name;
  const codeCol = columns.code as number;
  const report: ReportTexts = {};
  for (let r = headerRow + 1; r <= view.lastRow; r++) {
    // A row with a code is a node row, never a label: its name (long Vietnamese text, different
    // in every row) is not normalized just to be looked up.
    if (codeText(view.value(r, codeCol))) continue;
    const label = normalizeTitle(view.value(r, nameCol));
    const text = label && REPORT_LABELS.get(label);
    if (!text || report[text] !== undefined) continue;
    for (let c = nameCol + 1; c <= view.lastCol; c++) {
      const v = view.value(r, c);
      if (typeof v === 'string' && v.trim()) {
        report[text] = v.normalize('NFC').trim();
        break;
      }
    }
  }
  return Object.keys(report).length ? report : null;
}

const REPORT_LABELS = new Map<string, keyof ReportTexts>(
  REPORT_TEXTS.map((t) => [normalizeTitle(t.label), t.key]),
);

function clipName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 59)}…` : name;
}

function checkMax(view: GridView, node: FrameworkNode, group: string, row: number, col: number): void {
  const framework = view.framework;
  const f = view.formula(row, col);
  // A parent's maximum is a SUM formula: its cached result is not trusted and not needed.
  if (f && !isLeaf(node)) return;
  const expected = expectedRows(framework).maxHundredths(node, group);
  const v = view.value(row, col);
  const n = typeof v === 'number' ? v : typeof v === 'string' ? parseNumberText(v) : null;
  if (f || n === null || toHundredths(n) !== expected) {
    const said = structureMessage('structure.maxChanged', {
      code: node.code,
      frameworkId: framework.id,
      expected: expected / 100,
      inFile: f ? { formula: f } : { value: v ?? null },
    });
    view.add('error', said, node.code, view.at(row, col), { value: v });
  }
}

function checkMeta(view: GridView, meta: Record<string, string>, cells: Record<string, string>): void {
  const framework = view.framework;
  const id = meta[META_KEYS.frameworkId];
  const metaCell = (key: string) => cells[key] ?? `${SHEET_META}!A1`;
  if (id !== undefined && id !== framework.id) {
    const said = structureMessage('structure.otherFramework', { fileFramework: id, framework: framework.id });
    view.add('error', said, '', metaCell(META_KEYS.frameworkId));
    return;
  }
  const fp = meta[META_KEYS.frameworkFingerprint];
  if (fp !== undefined && fp !== expectedRows(framework).fingerprint()) {
    const said = structureMessage('structure.otherFramework', {
      framework: framework.id,
      fileVersion: meta[META_KEYS.frameworkVersion] || null,
      version: framework.version,
    });
    view.add('error', said, '', metaCell(META_KEYS.frameworkFingerprint));
  }
  const fmt = meta[META_KEYS.formatVersion];
  if (fmt !== undefined && fmt !== TEMPLATE_FORMAT_VERSION) {
    const said = structureMessage('structure.formatVersion', { inFile: fmt, reads: TEMPLATE_FORMAT_VERSION });
    view.add('warning', said, '', metaCell(META_KEYS.formatVersion));
  }
  // A return must say whose it is: without a unit name it would be ranked as an anonymous unit "".
  // (The code may be empty: a template can be made for a unit without one.)
  if (!meta[META_KEYS.unitName]?.trim()) {
    const codeMissing = !meta[META_KEYS.unitCode]?.trim();
    const said = structureMessage('structure.unitMissing', { sheet: SHEET_META, codeMissing });
    view.add('error', said, '', metaCell(META_KEYS.unitName));
  }
  const group = meta[META_KEYS.unitGroup];
  if (group !== undefined && !framework.groups.some((g) => g.id === group)) {
    const said = structureMessage('structure.unknownGroup', { group, frameworkId: framework.id });
    view.add('error', said, '', metaCell(META_KEYS.unitGroup));
  }
}
