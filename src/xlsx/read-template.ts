/**
 * Reads a returned template (.xlsx bytes) into a scoresheet. Bytes in (no fs), so it runs in Node
 * and in the browser. The file is untrusted: only `_meta` and the cells of `Chấm điểm` are read,
 * formulas are reported (never their cached results), and the structure is compared with the
 * framework by the pure grid reader.
 *
 * Two ways to get the cells, giving the same grids: the direct OOXML reader (ooxml-grid.ts, the
 * default, several times faster because it parses only those two sheets) and exceljs (the
 * reference; used when the direct reader meets anything it does not read exactly as exceljs
 * does, and by the equivalence tests through `engine: 'exceljs'`).
 */
import type ExcelJS from 'exceljs';
import { newExcelWorkbook } from './exceljs-workbook';
import type { Framework } from '../framework/schema';
import type { CellValue } from '../scoring/types';
import { SHEET_META, SHEET_SCORE, normalizeTitle } from '../workbook/layout';
import {
  beyondLimitsFailure,
  cutShortFailure,
  missingSheetsFailure,
  missingTemplateSheets,
  templateFromSheets,
  unreadableFailure,
  type TemplateReading,
  type TemplateSheets,
} from '../workbook/open-template';
import type { CellGrid } from '../workbook/read-grid';
import { openOoxmlWorkbook, PartCutShort } from './ooxml-grid';
import { inflateWithFflate, inflatedSizeWith, type InflateRaw } from './ooxml/zip-entries';
import { DEFAULT_ZIP_LIMITS, guardZip } from './zip-guard';
import { checkWorkbookBounds } from './ooxml/bounds';
import { DEFAULT_READ_LIMITS, ReadLimitExceeded, limitMessages, type ReadLimits } from './read-limits';

export interface ReadTemplateOptions {
  /** Shown in messages; defaults to "tệp". */
  fileName?: string;
  /** The framework a file names in `_meta` (built-ins, or one given with --framework). */
  /** The framework a workbook's `_meta` names, by id and (when written) fingerprint. */
  resolveFramework: (id: string, fingerprint?: string) => Framework | undefined;
  /**
   * 'fast' (default): the direct OOXML reader, falling back to exceljs for what it does not read
   * exactly as exceljs would. 'exceljs': exceljs only (the reference the fast path is tested against).
   */
  engine?: 'fast' | 'exceljs';
  /** The platform's capped inflater (Node's zlib in the CLI); default fflate. */
  inflate?: InflateRaw;
}

/** The same answer as the open-workbook reader's (src/workbook/open-template.ts). */
export type TemplateReadResult = TemplateReading;

/** An exceljs cell value → the untrusted CellValue the engine reads, plus its formula if any. */
export function plainCell(value: ExcelJS.CellValue): { value: CellValue; formula: string | null } {
  if (value === null || value === undefined) return { value: null, formula: null };
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return { value, formula: null };
  }
  if (value instanceof Date) {
    // A date in a score cell is a typing slip ("1/2"): show it as people saw it, as text.
    const d = value;
    const pad = (n: number) => String(n).padStart(2, '0');
    return {
      value: `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`,
      formula: null,
    };
  }
  const v = value as unknown as Record<string, unknown>;
  if ('formula' in v || 'sharedFormula' in v) {
    const formula = String(v.formula ?? v.sharedFormula ?? '');
    const result = v.result as ExcelJS.CellValue | undefined;
    const inner = result === undefined ? null : plainCell(result).value;
    return { value: inner, formula: formula || '(công thức dùng chung)' };
  }
  if ('richText' in v && Array.isArray(v.richText)) {
    return { value: (v.richText as { text: string }[]).map((r) => r.text).join(''), formula: null };
  }
  if ('error' in v) return { value: { error: String(v.error) }, formula: null };
  if ('text' in v) return { value: String(v.text), formula: null };
  return { value: String(value), formula: null };
}

/**
 * A worksheet as a grid (values and formulas): the rectangle of the cells holding a value, from
 * A1. Throws ReadLimitExceeded for a value beyond the read limits (the caller has run the bounds
 * pre-scan, so exceljs itself never held an unbounded sheet).
 */
export function gridOfWorksheet(ws: ExcelJS.Worksheet, limits: ReadLimits = DEFAULT_READ_LIMITS): CellGrid {
  const found: { row: number; col: number; value: CellValue; formula: string | null }[] = [];
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // Merged cells repeat their master's value in exceljs; only the master holds it.
      if (cell.isMerged && cell.master !== cell) return;
      if (r > limits.maxRows)
        throw new ReadLimitExceeded(limitMessages.row(ws.name, cell.address, r, limits));
      if (c > limits.maxColumns)
        throw new ReadLimitExceeded(limitMessages.column(ws.name, cell.address, c, limits));
      const p = plainCell(cell.value);
      // A shared formula (filled down in Excel) names only its master: show the formula as it
      // reads in this cell.
      found.push({
        row: r,
        col: c,
        value: p.value,
        formula: p.formula === null ? null : cell.formula || p.formula,
      });
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    });
  });
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    values.push(new Array(cols).fill(null));
    formulas.push(new Array(cols).fill(null));
  }
  for (const f of found) {
    values[f.row - 1][f.col - 1] = f.value;
    formulas[f.row - 1][f.col - 1] = f.formula;
  }
  return { values, formulas, firstRow: 1, firstCol: 1 };
}

/** The two sheets a template reader needs, however they were obtained. */
type FoundSheets =
  | { found: false; missing: string[] }
  | { found: 'beyondLimits'; message: string }
  | { found: 'cutShort'; where: string }
  | ({ found: true } & TemplateSheets);

function findSheetName(names: string[], name: string): string | undefined {
  const wanted = normalizeTitle(name);
  return names.find((n) => normalizeTitle(n) === wanted);
}

/** `_meta`'s first two columns from a grid read at A1. */
function metaPart(grid: CellGrid): Pick<TemplateSheets, 'metaRows' | 'firstMetaRow'> {
  return { metaRows: grid.values.map((r) => r.slice(0, 2)), firstMetaRow: grid.firstRow };
}

/**
 * The direct reader; null when it met anything it does not read as exceljs would (or no zip).
 * A file beyond the read limits, or with a sheet cut short, is answered here, never left to exceljs.
 */
async function fastSheets(bytes: Uint8Array, inflate: InflateRaw | undefined): Promise<FoundSheets | null> {
  try {
    const book = await openOoxmlWorkbook(bytes, DEFAULT_READ_LIMITS, inflate);
    const names = book.sheets.map((s) => s.name);
    const metaName = findSheetName(names, SHEET_META);
    const scoreName = findSheetName(names, SHEET_SCORE);
    if (!metaName || !scoreName)
      return { found: false, missing: missingTemplateSheets(!!metaName, !!scoreName) };
    const sheet = (name: string) => book.grid(book.sheets.find((s) => s.name === name)!);
    // Both grids are read here, inside the try, so that a fallback never follows a partial answer.
    const metaGrid = await sheet(metaName);
    const scoreGrid = await sheet(scoreName);
    return { found: true, ...metaPart(metaGrid), scoreName, scoreGrid: () => scoreGrid };
  } catch (e) {
    if (e instanceof ReadLimitExceeded) return { found: 'beyondLimits', message: e.message };
    if (e instanceof PartCutShort) return { found: 'cutShort', where: e.where };
    return null;
  }
}

/**
 * exceljs, after the zip guard's full check (exceljs inflates every entry, the direct reader only
 * the few it needs) and the bounds pre-scan; null when it cannot load the file or the check fails.
 */
async function exceljsSheets(
  bytes: Uint8Array,
  inflate: InflateRaw | undefined,
): Promise<FoundSheets | null> {
  const verdict = await guardZip(bytes, DEFAULT_ZIP_LIMITS, {
    verifyInflation: true,
    inflatedSize: inflatedSizeWith(inflate ?? inflateWithFflate),
  });
  if (!verdict.ok) return null;
  try {
    await checkWorkbookBounds(bytes, DEFAULT_READ_LIMITS, inflate);
  } catch (e) {
    if (e instanceof ReadLimitExceeded) return { found: 'beyondLimits', message: e.message };
    return null; // not readable by our zip reader: not handed to exceljs unchecked either
  }
  const wb = await newExcelWorkbook();
  try {
    // exceljs' typings want a Node Buffer; at run time it takes any ArrayBuffer view (also in the browser).
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return null;
  }
  const names = wb.worksheets.map((ws) => ws.name);
  const metaName = findSheetName(names, SHEET_META);
  const scoreName = findSheetName(names, SHEET_SCORE);
  if (!metaName || !scoreName)
    return { found: false, missing: missingTemplateSheets(!!metaName, !!scoreName) };
  const byName = (name: string) => wb.worksheets.find((ws) => ws.name === name)!;
  try {
    const metaGrid = gridOfWorksheet(byName(metaName));
    const scoreGrid = gridOfWorksheet(byName(scoreName));
    return { found: true, ...metaPart(metaGrid), scoreName, scoreGrid: () => scoreGrid };
  } catch (e) {
    if (e instanceof ReadLimitExceeded) return { found: 'beyondLimits', message: e.message };
    throw e;
  }
}

export async function readTemplate(
  bytes: Uint8Array,
  options: ReadTemplateOptions,
): Promise<TemplateReadResult> {
  const subject = { file: options.fileName ?? 'tệp' };
  const sheets =
    (options.engine === 'exceljs' ? null : await fastSheets(bytes, options.inflate)) ??
    (await exceljsSheets(bytes, options.inflate));
  if (!sheets) return unreadableFailure(subject);
  if (sheets.found === 'beyondLimits') return beyondLimitsFailure(subject, sheets.message);
  if (sheets.found === 'cutShort') return cutShortFailure(subject, sheets.where);
  if (!sheets.found) return missingSheetsFailure(subject, sheets.missing);
  return templateFromSheets(subject, sheets, options.resolveFramework);
}
