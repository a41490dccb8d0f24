/**
 * Survey import (điều tra xã hội học): the table the survey organisers send — one row per unit,
 * one column per survey source of the framework (SIPAS, the civil-servant survey, …) or per survey
 * leaf, values as rates (%) or points, decimal comma or point — turned into points per unit and
 * survey leaf. Pure on rows, so the CLI (CSV/XLSX readers) and the task pane share it.
 *
 * Nothing is guessed: a row is matched by code, then by normalised name (src/consolidation/match.ts);
 * rows that match no unit or several, units that two rows claim, and units with no survey data are
 * all listed; a value that is not a number or is out of range is reported with its cell.
 */
import { nameKey } from '../common/names';
import type { Framework, FrameworkNode } from '../framework/schema';
import { appliesTo, leaves } from '../framework/tree';
import { parseNumberText } from '../common/vi-number';
import { surveyPoints } from '../scoring/survey';
import type { CellValue } from '../scoring/types';
import { buildUnitIndex, matchUnit, type MatchableUnit, type MatchedBy } from './match';
import { cellAddress } from '../common/a1';

export interface SurveyUnit extends MatchableUnit {
  code: string | null;
  name: string;
  group: string;
}

export type SurveyValueKind = 'rate' | 'points';

export interface SurveyColumn {
  /** 0-based column index in the rows. */
  column: number;
  header: string;
  /** The survey leaves this column feeds: every applicable leaf of a source, or one leaf. */
  target: { source: string } | { leaf: string };
  kind: SurveyValueKind;
}

export interface SurveyIssue {
  severity: 'error' | 'warning';
  /**
   * 'file': the file cannot be used at all (no header row, no survey column, a source with no
   * column); every unit would get survey 0. Otherwise the issue is about one cell or row.
   */
  scope?: 'file';
  /** The unit key (code, else name) of the row the issue is about, when the row was matched. */
  unit?: string;
  /** "C5" (with the sheet when known: "Sheet1!C5"), or "" for the whole file. */
  cell: string;
  message: string;
}

export interface SurveyImport {
  /**
   * Points per unit key (code, else name) and survey leaf code. Null-prototype records: a unit
   * code "constructor" or "__proto__" is a key like any other.
   */
  points: Record<string, Record<string, number>>;
  columns: SurveyColumn[];
  matched: Array<{ row: number; unit: string; by: MatchedBy; name: string }>;
  unmatchedRows: Array<{ row: number; code: string; name: string; reason: string; candidates: string[] }>;
  /** Units (keys) that no row gave data for: ranked with survey 0 and a warning. */
  unitsWithoutSurvey: string[];
  issues: SurveyIssue[];
}

export interface SurveyImportOptions {
  /** How values are given when a header does not say ("%"/"tỷ lệ" vs "điểm"); default per source. */
  kind?: SurveyValueKind;
  /** Named in messages. */
  fileName?: string;
  sheetName?: string;
}

const CODE_HEADERS = ['mã', 'mã đơn vị', 'mã đv', 'code', 'ma', 'ma don vi', 'mã cơ quan', 'mã địa phương'];
const NAME_HEADERS = [
  'đơn vị',
  'tên đơn vị',
  'tên',
  'cơ quan',
  'tên cơ quan',
  'cơ quan đơn vị',
  'địa phương',
  'sở ban ngành',
  'unit',
  'name',
  'don vi',
  'ten don vi',
].map(nameKey);

export function unitKeyOf(unit: MatchableUnit): string {
  return unit.code ?? unit.name;
}

function text(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return '';
  return String(value).normalize('NFC').trim();
}

/** The value kind a header states: "%" or "tỷ lệ" → rate, "điểm" → points, else null. */
function kindFromHeader(header: string): SurveyValueKind | null {
  // Word tests on space-padded keys: JS's \b does not see Vietnamese letters as word characters.
  const key = ` ${nameKey(header)} `;
  const has = (...words: string[]) => words.some((w) => key.includes(` ${w} `));
  if (header.includes('%') || has('tỷ lệ', 'tỉ lệ', 'ty le', 'rate')) return 'rate';
  if (has('điểm', 'diem', 'point', 'points')) return 'points';
  return null;
}

/** Whether the header names this source (by id or name, as a whole word sequence). */
function headerNamesSource(header: string, source: { id: string; name: string }): boolean {
  const key = ` ${nameKey(header)} `;
  return key.includes(` ${nameKey(source.id)} `) || key.includes(` ${nameKey(source.name)} `);
}

/** "3.1", "TC 3.1", "Tiêu chí 3.1 (%)": the leaf code named by a header, if any. */
function headerLeafCode(header: string, surveyLeaves: readonly FrameworkNode[]): FrameworkNode | null {
  const codes = header.match(/\d+(?:\.\d+)+/g) ?? [];
  for (const c of codes) {
    const leaf = surveyLeaves.find((l) => l.code === c);
    if (leaf) return leaf;
  }
  const key = nameKey(header.replace(/\(.*?\)/g, ''));
  return surveyLeaves.find((l) => nameKey(l.name) === key) ?? null;
}

function sourceKind(framework: Framework, sourceId: string | undefined): SurveyValueKind {
  const source = framework.surveySources.find((s) => s.id === sourceId);
  return source?.conversion === 'points' ? 'points' : 'rate';
}

/** Finds the header row (the first of the first 10 rows with a unit-name column) and the columns. */
function findHeader(
  rows: readonly CellValue[][],
  framework: Framework,
  options: SurveyImportOptions,
): {
  headerRow: number;
  codeCol: number;
  nameCol: number;
  columns: SurveyColumn[];
  issues: SurveyIssue[];
} | null {
  const surveyLeaves = leaves(framework).filter((l) => l.method === 'survey');
  for (let r = 0; r < Math.min(10, rows.length); r++) {
    const headers = rows[r].map(text);
    const keys = headers.map((h) => nameKey(h));
    const nameCol = keys.findIndex((k) => NAME_HEADERS.includes(k));
    if (nameCol < 0) continue;
    const codeCol = keys.findIndex((k) => CODE_HEADERS.map(nameKey).includes(k));
    const columns: SurveyColumn[] = [];
    const issues: SurveyIssue[] = [];
    headers.forEach((header, c) => {
      if (c === nameCol || c === codeCol || !header) return;
      const leaf = headerLeafCode(header, surveyLeaves);
      if (leaf) {
        columns.push({
          column: c,
          header,
          target: { leaf: leaf.code },
          kind: kindFromHeader(header) ?? options.kind ?? sourceKind(framework, leaf.source),
        });
        return;
      }
      const source = framework.surveySources.find((s) => headerNamesSource(header, s));
      if (source) {
        columns.push({
          column: c,
          header,
          target: { source: source.id },
          kind: kindFromHeader(header) ?? options.kind ?? sourceKind(framework, source.id),
        });
      }
    });
    // A leaf given its own column is not also fed by its source's column.
    const leafColumns = new Set(columns.flatMap((col) => ('leaf' in col.target ? [col.target.leaf] : [])));
    for (const col of columns) {
      if ('source' in col.target) {
        const sourceId = col.target.source;
        const covered = surveyLeaves.filter((l) => l.source === sourceId && leafColumns.has(l.code));
        if (covered.length) {
          issues.push({
            severity: 'warning',
            cell: cellRef(options, r, col.column),
            message: `Cột "${col.header}" bị bỏ qua cho tiêu chí ${covered.map((l) => l.code).join(', ')} vì đã có cột riêng.`,
          });
        }
      }
    }
    return { headerRow: r, codeCol, nameCol, columns, issues };
  }
  return null;
}

function cellRef(options: SurveyImportOptions, row: number, col: number): string {
  const a1 = `${cellAddress(row + 1, col + 1)}`;
  return options.sheetName ? `${options.sheetName}!${a1}` : a1;
}

/** Reads a survey figure: a number, or text with a decimal comma/point and an optional "%". */
function readFigure(value: CellValue): { value: number | null; empty: boolean; hadPercent: boolean } {
  if (value === null || value === undefined) return { value: null, empty: true, hadPercent: false };
  if (typeof value === 'number')
    return { value: Number.isFinite(value) ? value : null, empty: false, hadPercent: false };
  if (typeof value !== 'string') return { value: null, empty: false, hadPercent: false };
  const t = value.trim();
  if (!t || t === '-' || t === '—') return { value: null, empty: true, hadPercent: false };
  const hadPercent = t.endsWith('%');
  return { value: parseNumberText(hadPercent ? t.slice(0, -1) : t), empty: false, hadPercent };
}

/** The header row and columns `findHeader` found. */
type SurveyHeader = NonNullable<ReturnType<typeof findHeader>>;

/** A body row with its 0-based row index in `rows`. */
interface BodyRow {
  cells: readonly CellValue[];
  row: number;
}

/** What every step of one import reads: the inputs, and the file as messages name it. */
interface ImportContext {
  framework: Framework;
  options: SurveyImportOptions;
  /** "Tệp điều tra XHH "x.xlsx"": how each message names the file. */
  file: string;
  header: SurveyHeader;
  /** 0-based columns of rates given as fractions (0.9117 for 91.17 %). */
  fractionColumns: ReadonlySet<number>;
}

/**
 * Imports survey rows for `units` under `framework`. Rates given as fractions (an Excel cell
 * formatted "%" holds 0.9117 for 91.17 %) are recognised per column when every value is ≤ 1, and
 * said so in a warning.
 *
 * The steps, in the order their issues are reported: the header row and its columns, the sources
 * no column feeds, the fraction columns, then each row (its match, then its cells).
 */
export function importSurveyRows(
  rows: readonly CellValue[][],
  framework: Framework,
  units: readonly SurveyUnit[],
  options: SurveyImportOptions = {},
): SurveyImport {
  const file = options.fileName ? `Tệp điều tra XHH "${options.fileName}"` : 'Tệp điều tra XHH';
  const result = emptyImport();
  const header = findHeader(rows, framework, options);
  if (!header) {
    return unusableFile(result, units, {
      severity: 'error',
      scope: 'file',
      cell: '',
      message: `${file}: không tìm thấy dòng tiêu đề có cột "Đơn vị" (hoặc "Tên đơn vị", "Cơ quan", "Địa phương") trong 10 dòng đầu.`,
    });
  }
  result.columns = header.columns;
  result.issues.push(...header.issues);
  if (!header.columns.length) {
    const known = framework.surveySources.map((s) => `"${s.name}"`).join(', ');
    return unusableFile(result, units, {
      severity: 'error',
      scope: 'file',
      cell: cellRef(options, header.headerRow, 0),
      message: `${file}: không có cột nào mang tên nguồn điều tra (${known || 'không có'}) hoặc mã tiêu chí điều tra (như 9.1).`,
    });
  }
  result.issues.push(...missingSourceIssues(framework, header, file, options));

  const body = rows.slice(header.headerRow + 1).map((cells, i) => ({ cells, row: header.headerRow + 1 + i }));
  const fractions = fractionColumns(body, header, options);
  result.issues.push(...fractions.issues);
  const context: ImportContext = { framework, options, file, header, fractionColumns: fractions.columns };

  const rowPoints = readUnitRows(body, units, context, result);
  for (const { unit, points } of rowPoints.values()) {
    if (Object.keys(points).length) result.points[unitKeyOf(unit)] = points;
  }
  result.unitsWithoutSurvey = units.map(unitKeyOf).filter((k) => !Object.hasOwn(result.points, k));
  return result;
}

function emptyImport(): SurveyImport {
  return {
    points: Object.create(null) as SurveyImport['points'],
    columns: [],
    matched: [],
    unmatchedRows: [],
    unitsWithoutSurvey: [],
    issues: [],
  };
}

/** The file cannot be used at all: its issue, and every unit without survey data. */
function unusableFile(result: SurveyImport, units: readonly SurveyUnit[], issue: SurveyIssue): SurveyImport {
  result.issues.push(issue);
  result.unitsWithoutSurvey = units.map(unitKeyOf);
  return result;
}

/** One file-level error per survey source that no column feeds (see sourcesWithoutColumn). */
function missingSourceIssues(
  framework: Framework,
  header: SurveyHeader,
  file: string,
  options: SurveyImportOptions,
): SurveyIssue[] {
  return sourcesWithoutColumn(framework, header.columns).map((missing) => ({
    severity: 'error',
    scope: 'file',
    cell: cellRef(options, header.headerRow, 0),
    message: `${file}: thiếu cột cho nguồn điều tra "${missing.name}" (hoặc một cột cho mỗi tiêu chí ${missing.leaves.join(', ')}).`,
  }));
}

/**
 * The rate columns whose values are fractions: decided per column over all rows, so 0.95 and 95
 * are never mixed silently. Each such column is said in a warning.
 */
function fractionColumns(
  body: readonly BodyRow[],
  header: SurveyHeader,
  options: SurveyImportOptions,
): { columns: Set<number>; issues: SurveyIssue[] } {
  const columns = new Set<number>();
  const issues: SurveyIssue[] = [];
  for (const col of header.columns) {
    if (col.kind !== 'rate') continue;
    const values = body
      .map((b) => readFigure(b.cells[col.column]))
      .filter((f) => f.value !== null && !f.hadPercent);
    if (
      values.length &&
      values.every((f) => (f.value as number) <= 1) &&
      values.some((f) => (f.value as number) > 0)
    ) {
      columns.add(col.column);
      issues.push({
        severity: 'warning',
        cell: cellRef(options, header.headerRow, col.column),
        message: `Cột "${col.header}": mọi giá trị ≤ 1 nên được hiểu là tỷ lệ dạng thập phân (0,9117 = 91,17%).`,
      });
    }
  }
  return { columns, issues };
}

/**
 * Matches each body row to a unit and reads its points, recording matches, unmatched rows and
 * issues in `result`. Returns the points per row of the rows kept: a unit claimed by two rows
 * keeps neither (both are listed as unmatched).
 */
function readUnitRows(
  body: readonly BodyRow[],
  units: readonly SurveyUnit[],
  context: ImportContext,
  result: SurveyImport,
): Map<number, { unit: SurveyUnit; points: Record<string, number> }> {
  const { header, options, file } = context;
  const index = buildUnitIndex(units);
  const claimedBy = new Map<SurveyUnit, number>();
  const rowPoints = new Map<number, { unit: SurveyUnit; points: Record<string, number> }>();
  for (const { cells, row } of body) {
    const code = header.codeCol >= 0 ? text(cells[header.codeCol]) : '';
    const name = text(cells[header.nameCol]);
    if (isNotAUnitRow(cells, code, name, header)) continue;
    const match = matchUnit({ code, name }, index);
    if (match.warning)
      result.issues.push({
        severity: 'warning',
        cell: cellRef(options, row, header.nameCol),
        message: `${file}: ${match.warning}`,
      });
    if (!match.unit) {
      result.unmatchedRows.push({
        row: row + 1,
        code,
        name,
        reason: match.reason,
        candidates: match.candidates,
      });
      continue;
    }
    const unit = match.unit;
    const earlier = claimedBy.get(unit);
    if (earlier !== undefined) {
      dropBothRows(result, unit, { row, code, name }, earlier);
      rowPoints.delete(earlier);
      continue;
    }
    claimedBy.set(unit, row);
    result.matched.push({ row: row + 1, unit: unitKeyOf(unit), by: match.by, name });
    rowPoints.set(row, { unit, points: rowPointsOf(cells, row, unit, context, result.issues) });
  }
  return rowPoints;
}

/** A blank row, or a total / average line at the bottom of organisers' tables: not a unit. */
function isNotAUnitRow(
  cells: readonly CellValue[],
  code: string,
  name: string,
  header: SurveyHeader,
): boolean {
  if (!code && !name && header.columns.every((c) => readFigure(cells[c.column]).empty)) return true;
  return !code && /^(tổng|trung bình|bình quân|cộng)( |$)/u.test(nameKey(name));
}

/** Two rows for one unit: neither is used, and both are listed as unmatched with the reason. */
function dropBothRows(
  result: SurveyImport,
  unit: SurveyUnit,
  second: { row: number; code: string; name: string },
  earlier: number,
): void {
  const { row, code, name } = second;
  result.unmatchedRows.push({
    row: row + 1,
    code,
    name,
    reason: `Đơn vị "${unit.name}" đã có ở dòng ${earlier + 1}; cả hai dòng bị bỏ qua.`,
    candidates: [],
  });
  const i = result.matched.findIndex((m) => m.row === earlier + 1);
  if (i >= 0) {
    const [m] = result.matched.splice(i, 1);
    result.unmatchedRows.push({
      row: m.row,
      code: '',
      name: m.name,
      reason: `Đơn vị "${unit.name}" có ở hai dòng (${m.row} và ${row + 1}); cả hai bị bỏ qua.`,
      candidates: [],
    });
  }
}

/** The points one matched row gives its unit, per survey leaf; its cells' problems go to `issues`. */
function rowPointsOf(
  cells: readonly CellValue[],
  row: number,
  unit: SurveyUnit,
  context: ImportContext,
  issues: SurveyIssue[],
): Record<string, number> {
  const { framework, header, options, file } = context;
  const points: Record<string, number> = Object.create(null) as Record<string, number>;
  const unitKey = unitKeyOf(unit);
  for (const col of header.columns) {
    const figure = readFigure(cells[col.column]);
    const ref = cellRef(options, row, col.column);
    if (figure.empty) continue;
    if (figure.value === null) {
      issues.push({
        severity: 'error',
        unit: unitKey,
        cell: ref,
        message: `${file}, ô ${ref}: "${text(cells[col.column])}" không phải là số.`,
      });
      continue;
    }
    const kind: SurveyValueKind = figure.hadPercent ? 'rate' : col.kind;
    const value =
      kind === 'rate' && context.fractionColumns.has(col.column) && !figure.hadPercent
        ? figure.value * 100
        : figure.value;
    const targets = columnTargets(col, unit, context);
    if ('source' in col.target && kind === 'points' && targets.length > 1) {
      issues.push({
        severity: 'error',
        unit: unitKey,
        cell: ref,
        message: `${file}, ô ${ref}: nguồn "${col.header}" gồm ${targets.length} tiêu chí (${targets.join(', ')}); không chia được điểm tổng. Hãy gửi tỷ lệ (%) hoặc một cột cho mỗi tiêu chí.`,
      });
      continue;
    }
    for (const leafCode of targets) {
      const converted = surveyPoints(framework, leafCode, value, kind, { group: unit.group });
      if ('problem' in converted) {
        issues.push({
          severity: 'error',
          unit: unitKey,
          cell: ref,
          message: `${file}, ô ${ref} (${unit.name}): ${converted.problem.message}`,
        });
        continue;
      }
      points[leafCode] = converted.points;
    }
  }
  return points;
}

/**
 * The leaves a column feeds for a unit: its own leaf, or its source's leaves that apply to the
 * unit's group less those given their own column.
 */
function columnTargets(col: SurveyColumn, unit: SurveyUnit, context: ImportContext): string[] {
  if ('leaf' in col.target) return [col.target.leaf];
  const own = new Set(context.header.columns.flatMap((c) => ('leaf' in c.target ? [c.target.leaf] : [])));
  return surveyLeavesOf(context.framework, col.target.source, unit.group).filter((t) => !own.has(t));
}

/**
 * The framework's survey sources that no column feeds: neither a column named after the source nor
 * one column for each of its leaves. Their points would silently be 0 for every unit.
 */
function sourcesWithoutColumn(
  framework: Framework,
  columns: readonly SurveyColumn[],
): Array<{ name: string; leaves: string[] }> {
  const fed = new Set(columns.flatMap((c) => ('source' in c.target ? [c.target.source] : [])));
  const leafColumns = new Set(columns.flatMap((c) => ('leaf' in c.target ? [c.target.leaf] : [])));
  const missing: Array<{ name: string; leaves: string[] }> = [];
  for (const source of framework.surveySources) {
    const own = leaves(framework).filter((l) => l.method === 'survey' && l.source === source.id);
    if (!own.length || fed.has(source.id) || own.every((l) => leafColumns.has(l.code))) continue;
    missing.push({ name: source.name, leaves: own.map((l) => l.code) });
  }
  return missing;
}

/** The issues that make the whole file unusable (see SurveyIssue.scope). */
export function unusableSurveyIssues(survey: Pick<SurveyImport, 'issues'>): SurveyIssue[] {
  return survey.issues.filter((i) => i.scope === 'file');
}

/** The survey leaves of a source that apply to a group. */
export function surveyLeavesOf(framework: Framework, sourceId: string, group: string): string[] {
  return leaves(framework)
    .filter((l) => l.method === 'survey' && l.source === sourceId && appliesTo(l, group))
    .map((l) => l.code);
}
