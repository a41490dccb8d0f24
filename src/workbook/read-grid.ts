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
import type { StructureProblemKey } from './problem-keys';
import { frameworkFingerprint } from '../framework/fingerprint';
import type { Framework, FrameworkNode } from '../framework/schema';
import { appliesTo, isLeaf, isSurveyLeaf, leafMaxFor, walk } from '../framework/tree';
import { toHundredths } from '../common/decimal';
import { parseNumberText } from '../common/vi-number';
import { showNumber } from '../scoring/read';
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
import { cellAddress } from '../common/a1';

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

/**
 * The fingerprint once per framework object, not once per returned file (a framework is not
 * changed once loaded; consolidation reads every file against the same object).
 */
const fingerprints = new WeakMap<Framework, string>();
function fingerprintOf(framework: Framework): string {
  let fp = fingerprints.get(framework);
  if (fp === undefined) fingerprints.set(framework, (fp = frameworkFingerprint(framework)));
  return fp;
}

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

/** A code cell as text: "1.1" whether typed as text or retyped as the number 1.1. */
function codeText(value: CellValue): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.normalize('NFC').trim();
  return '';
}

function isMark(value: CellValue, mark: string): boolean {
  return typeof value === 'string' && normalizeTitle(value) === normalizeTitle(mark);
}

function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The grid as the reading steps see it: cells by sheet row and column, and where problems go. */
interface GridView {
  framework: Framework;
  sheet: string;
  lastRow: number;
  lastCol: number;
  value(row: number, col: number): CellValue;
  formula(row: number, col: number): string | null;
  at(row: number, col: number): string;
  add: Add;
}

type Columns = Partial<Record<ColumnKey, number>>;

export function scoresheetFromGrid(
  framework: Framework,
  grid: CellGrid,
  meta: Record<string, string>,
  options: GridReadOptions = {},
): GridReadResult {
  const problems: Problem[] = [];
  const view = gridView(framework, grid, options.sheetName ?? SHEET_SCORE, problems);
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

  checkMeta(framework, meta, options.metaCells ?? {}, view.add);
  const headerRow = findHeaderRow(view, grid);
  if (headerRow < 0) {
    view.add(
      'error',
      'structure.headerMissing',
      '',
      `Không tìm thấy dòng tiêu đề có cột "Mã" và "Điểm tối đa" trên trang "${view.sheet}".`,
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

function gridView(framework: Framework, grid: CellGrid, sheet: string, problems: Problem[]): GridView {
  // A loop, not Math.max(...rows): a spread over a sheet's rows overflows the stack at ~100k rows.
  let width = 0;
  for (const r of grid.values) width = Math.max(width, r?.length ?? 0);
  return {
    framework,
    sheet,
    lastRow: grid.firstRow + grid.values.length - 1,
    lastCol: grid.firstCol + width - 1,
    value: (row, col) => grid.values[row - grid.firstRow]?.[col - grid.firstCol],
    formula: (row, col) => grid.formulas?.[row - grid.firstRow]?.[col - grid.firstCol] ?? null,
    at: (row, col) => `${sheet}!${cellAddress(row, col)}`,
    add: (severity, rule, code, message, cell, extra) =>
      problems.push({ severity, rule, code, message, ...(cell ? { cell } : {}), ...extra }),
  };
}

/** The header row: the first row holding both `Mã` and `Điểm tối đa` (-1 when none). */
function findHeaderRow({ lastRow, lastCol, value }: GridView, grid: CellGrid): number {
  for (let r = grid.firstRow; r <= Math.min(lastRow, grid.firstRow + HEADER_SEARCH_ROWS); r++) {
    const keys = new Set<ColumnKey>();
    for (let c = grid.firstCol; c <= lastCol; c++) {
      const k = TITLE_KEYS.get(normalizeTitle(value(r, c)));
      if (k) keys.add(k);
    }
    if (keys.has('code') && keys.has('max')) return r;
  }
  return -1;
}

/** Columns by title: a title twice is read from its first column; a required one missing is an error. */
function readColumns({ lastCol, value, at, add }: GridView, grid: CellGrid, headerRow: number): Columns {
  const columns: Columns = {};
  for (let c = grid.firstCol; c <= lastCol; c++) {
    const k = TITLE_KEYS.get(normalizeTitle(value(headerRow, c)));
    if (!k) continue;
    if (columns[k] !== undefined) {
      add(
        'warning',
        'structure.columnDuplicate',
        '',
        `Cột "${value(headerRow, c)}" xuất hiện hai lần; chỉ đọc cột đầu tiên.`,
        at(headerRow, c),
      );
      continue;
    }
    columns[k] = c;
  }
  for (const col of SCORE_COLUMNS) {
    if (col.required && columns[col.key] === undefined) {
      add(
        'error',
        'structure.columnMissing',
        '',
        `Thiếu cột "${col.title}" ở dòng tiêu đề ${headerRow}.`,
        at(headerRow, grid.firstCol),
      );
    }
  }
  return columns;
}

/** The row of each code below the header: text that is no code is skipped, unknown or repeated codes refused. */
function readRowCodes(
  { framework, lastRow, value, at, add }: GridView,
  headerRow: number,
  codeCol: number,
): Record<string, number> {
  const known = new Set(walk(framework.tree).map((v) => v.node.code));
  const rows: Record<string, number> = {};
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const code = codeText(value(r, codeCol));
    if (!code) continue;
    if (!CODE_PATTERN.test(code)) {
      add(
        'warning',
        'structure.textInCode',
        '',
        `Cột "Mã" có nội dung "${code}" không phải mã tiêu chí; dòng ${r} được bỏ qua.`,
        at(r, codeCol),
      );
      continue;
    }
    if (!known.has(code)) {
      add(
        'error',
        'structure.codeUnknown',
        code,
        `Mã "${code}" không có trong bộ tiêu chí ${framework.id} (mã bị sửa hoặc dòng bị thêm).`,
        at(r, codeCol),
      );
      continue;
    }
    if (rows[code] !== undefined) {
      add(
        'error',
        'structure.codeDuplicate',
        code,
        `Mã "${code}" xuất hiện hai lần (dòng ${rows[code]} và dòng ${r}).`,
        at(r, codeCol),
      );
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
  const { framework, value, formula, at, add } = view;
  const codeCol = columns.code as number;
  const group = scoresheet.unit.group;
  let previousRow = 0;
  let orderReported = false;
  for (const { node } of walk(framework.tree)) {
    const row = rows[node.code];
    if (row === undefined) {
      add(
        'error',
        'structure.rowMissing',
        node.code,
        `Thiếu dòng tiêu chí ${node.code} "${clipName(node.name)}" (dòng bị xóa hoặc mã bị sửa).`,
        at(headerRow, codeCol),
      );
      continue;
    }
    if (row < previousRow && !orderReported) {
      add(
        'warning',
        'structure.rowOrder',
        node.code,
        `Dòng tiêu chí ${node.code} đã bị di chuyển khỏi thứ tự của bộ tiêu chí.`,
        at(row, codeCol),
      );
      orderReported = true;
    }
    previousRow = Math.max(previousRow, row);
    if (columns.max !== undefined)
      checkMax(framework, node, group, row, columns.max, value, formula, at, add);
    if (isLeaf(node)) readLeaf(view, scoresheet, columns, node, row);
  }
}

/** A leaf's input cells (a formula in one is refused), then its survey / not-applicable mark. */
function readLeaf(
  view: GridView,
  scoresheet: Scoresheet,
  columns: Columns,
  leaf: FrameworkNode,
  row: number,
): void {
  const { value, formula, at, add } = view;
  const group = scoresheet.unit.group;
  const applies = !group || appliesTo(leaf, group);
  const survey = isSurveyLeaf(leaf);
  const cells: Partial<Record<EntryField, string>> = {};
  const entry: LeafEntry = {};
  const fields: EntryField[] = !applies ? [] : survey ? SURVEY_FIELDS : SELF_FIELDS;
  for (const field of fields) {
    const col = columns[FIELD_COLUMN[field].key];
    if (col === undefined) continue;
    cells[field] = at(row, col);
    const f = formula(row, col);
    if (f) {
      add(
        'error',
        'structure.formulaInInput',
        leaf.code,
        `Tiêu chí ${leaf.code}, cột "${FIELD_COLUMN[field].title}": ô chứa công thức "=${f}"; chỉ được nhập giá trị.`,
        at(row, col),
        { field },
      );
      continue;
    }
    const v = value(row, col);
    if (!isBlank(v)) entry[field] = v;
  }
  const selfCol = columns[MARK_COLUMN];
  if (selfCol !== undefined)
    checkMark(view, leaf, group, applies, survey, entry, at(row, selfCol), value(row, selfCol));
  scoresheet.entries[leaf.code] = entry;
  scoresheet.cells![leaf.code] = cells;
}

/**
 * Marks: a survey leaf has no self-score input, a leaf not applying is out of the maximum; a
 * self-scored leaf whose cell holds a mark was overwritten by a copied row (its self score dropped).
 */
function checkMark(
  { add }: GridView,
  leaf: FrameworkNode,
  group: string,
  applies: boolean,
  survey: boolean,
  entry: LeafEntry,
  cell: string,
  selfValue: CellValue,
): void {
  // The cell must hold `mark`: an error when a score replaced it, a warning when it was erased.
  const expectMark = (mark: string, rule: StructureProblemKey, why: string) => {
    if (isMark(selfValue, mark)) return;
    const scored = !isBlank(selfValue);
    add(
      scored ? 'error' : 'warning',
      rule,
      leaf.code,
      `Tiêu chí ${leaf.code} ${why}: ô phải ghi "${mark}"` +
        (scored ? ` nhưng đang có "${String(showValue(selfValue))}".` : ' (dấu đã bị xóa).'),
      cell,
      { field: 'self' },
    );
  };
  if (!applies)
    expectMark(NOT_APPLICABLE_MARK, 'structure.applicabilityChanged', `không áp dụng cho nhóm "${group}"`);
  else if (survey)
    expectMark(SURVEY_MARK, 'structure.surveyMarkChanged', 'chấm bằng điều tra XHH, đơn vị không tự chấm');
  else if (isMark(selfValue, SURVEY_MARK) || isMark(selfValue, NOT_APPLICABLE_MARK)) {
    add(
      'error',
      isMark(selfValue, SURVEY_MARK) ? 'structure.surveyMarkChanged' : 'structure.applicabilityChanged',
      leaf.code,
      `Tiêu chí ${leaf.code} do đơn vị tự chấm nhưng ô ghi "${String(selfValue)}": dòng đã bị chép đè.`,
      cell,
      { field: 'self' },
    );
    delete entry.self;
  }
}

/**
 * The report texts below the table: found by their labels in `Nội dung`, the text in the first
 * non-blank cell right of the label (a merged cell's value is in its first cell). Null when none.
 */
function readReportTexts(
  { lastRow, lastCol, value }: GridView,
  headerRow: number,
  columns: Columns,
): ReportTexts | null {
  if (columns.name === undefined) return null;
  const nameCol = columns.name;
  const codeCol = columns.code as number;
  const report: ReportTexts = {};
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const label = normalizeTitle(value(r, nameCol));
    const text = label && REPORT_LABELS.get(label);
    if (!text || report[text] !== undefined || codeText(value(r, codeCol))) continue;
    for (let c = nameCol + 1; c <= lastCol; c++) {
      const v = value(r, c);
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

function showValue(v: CellValue): string {
  if (typeof v === 'number') return showNumber(v);
  if (v && typeof v === 'object') return v.error;
  return String(v ?? '');
}

function clipName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 59)}…` : name;
}

type Add = (
  severity: Severity,
  rule: StructureProblemKey,
  code: string,
  message: string,
  cell?: string,
  extra?: Partial<Problem>,
) => void;

/** The applicable maximum of any node for a group, in hundredths. */
function nodeMaxHundredths(node: FrameworkNode, group: string): number {
  if (isLeaf(node)) return toHundredths(group ? leafMaxFor(node, group) : node.max);
  return (node.children ?? []).reduce((s, c) => s + nodeMaxHundredths(c, group), 0);
}

function checkMax(
  framework: Framework,
  node: FrameworkNode,
  group: string,
  row: number,
  col: number,
  value: (r: number, c: number) => CellValue,
  formula: (r: number, c: number) => string | null,
  at: (r: number, c: number) => string,
  add: Add,
): void {
  const f = formula(row, col);
  // A parent's maximum is a SUM formula: its cached result is not trusted and not needed.
  if (f && !isLeaf(node)) return;
  const expected = nodeMaxHundredths(node, group);
  const v = value(row, col);
  const n = typeof v === 'number' ? v : typeof v === 'string' ? parseNumberText(v) : null;
  if (f || n === null || toHundredths(n) !== expected) {
    add(
      'error',
      'structure.maxChanged',
      node.code,
      `Điểm tối đa của tiêu chí ${node.code} đã bị sửa: bộ tiêu chí ${framework.id} quy định ` +
        `${showNumber(expected / 100)}, trong tệp là ${f ? `công thức "=${f}"` : `"${showValue(v)}"`}.`,
      at(row, col),
      { value: v },
    );
  }
}

function checkMeta(
  framework: Framework,
  meta: Record<string, string>,
  cells: Record<string, string>,
  add: Add,
): void {
  const id = meta[META_KEYS.frameworkId];
  const metaCell = (key: string) => cells[key] ?? `${SHEET_META}!A1`;
  if (id !== undefined && id !== framework.id) {
    add(
      'error',
      'structure.otherFramework',
      '',
      `Tệp được tạo theo bộ tiêu chí "${id}", không phải "${framework.id}".`,
      metaCell(META_KEYS.frameworkId),
    );
    return;
  }
  const fp = meta[META_KEYS.frameworkFingerprint];
  if (fp !== undefined && fp !== fingerprintOf(framework)) {
    add(
      'error',
      'structure.otherFramework',
      '',
      `Tệp được tạo từ một phiên bản khác của bộ tiêu chí "${framework.id}" ` +
        `(phiên bản trong tệp: ${meta[META_KEYS.frameworkVersion] || 'không rõ'}, hiện hành: ${framework.version}); ` +
        'hãy dùng mẫu mới.',
      metaCell(META_KEYS.frameworkFingerprint),
    );
  }
  const fmt = meta[META_KEYS.formatVersion];
  if (fmt !== undefined && fmt !== TEMPLATE_FORMAT_VERSION) {
    add(
      'warning',
      'structure.formatVersion',
      '',
      `Tệp mẫu định dạng phiên bản ${fmt}, công cụ này đọc phiên bản ${TEMPLATE_FORMAT_VERSION}.`,
      metaCell(META_KEYS.formatVersion),
    );
  }
  // A return must say whose it is: without a unit name it would be ranked as an anonymous unit "".
  // (The code may be empty: a template can be made for a unit without one.)
  if (!meta[META_KEYS.unitName]?.trim()) {
    add(
      'error',
      'structure.unitMissing',
      '',
      `Trang "${SHEET_META}" không ghi tên đơn vị (unitName)${meta[META_KEYS.unitCode]?.trim() ? '' : ' và mã đơn vị (unitCode)'}: không biết tệp là của đơn vị nào; hãy dùng đúng mẫu đã phát cho đơn vị.`,
      metaCell(META_KEYS.unitName),
    );
  }
  const group = meta[META_KEYS.unitGroup];
  if (group !== undefined && !framework.groups.some((g) => g.id === group)) {
    add(
      'error',
      'structure.unknownGroup',
      '',
      `Nhóm đơn vị "${group}" trong tệp không có trong bộ tiêu chí ${framework.id}.`,
      metaCell(META_KEYS.unitGroup),
    );
  }
}
