/**
 * What a template inserted into the open workbook must still have, and putting it back.
 * `insertWorksheetsFromBase64` has been reported to leave workbook names missing or pointing at
 * `#REF!` (office-js#3583, #4772) and, in Excel on the web, to drop sheet protection and the
 * unlocked state of input cells (office-js#1565). The plan the bytes were rendered from says what
 * should be there, so after the insert the adapter reads names, protection and locks back,
 * re-creates whatever is missing and reads them again in the same batch to check.
 */
import type { WorkbookPlan } from '../workbook/plan-types';
import { cellAddress } from '../common/a1';

export interface ExpectedProtection {
  sheet: string;
  options: Excel.WorksheetProtectionOptions;
}

export interface ExpectedUnlocked {
  sheet: string;
  /** Local ranges ("E12:E14"), one per run of unlocked cells down a column. */
  range: string;
}

export interface InsertedTemplateShape {
  names: { name: string; ref: string }[];
  protection: ExpectedProtection[];
  unlocked: ExpectedUnlocked[];
}

/** Runs of consecutive rows per column: a few dozen ranges for a template of any size. */
function unlockedRuns(cells: { row: number; col: number }[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) byCol.set(c.col, [...(byCol.get(c.col) ?? []), c.row]);
  const runs: string[] = [];
  for (const [col, rows] of [...byCol].sort((a, b) => a[0] - b[0])) {
    rows.sort((a, b) => a - b);
    let start = rows[0]!;
    let prev = start;
    for (const row of [...rows.slice(1), Number.NaN]) {
      if (row === prev + 1) {
        prev = row;
        continue;
      }
      runs.push(
        start === prev ? cellAddress(start, col) : `${cellAddress(start, col)}:${cellAddress(prev, col)}`,
      );
      start = row;
      prev = row;
    }
  }
  return runs;
}

export function insertedTemplateShape(plan: WorkbookPlan): InsertedTemplateShape {
  return {
    names: plan.definedNames.map((n) => ({ name: n.name, ref: n.ref })),
    protection: plan.sheets
      .filter((s) => s.protection)
      .map((s) => ({
        sheet: s.name,
        options: {
          allowFormatColumns: s.protection!.allowFormatColumns,
          allowFormatRows: s.protection!.allowFormatRows,
        },
      })),
    unlocked: plan.sheets.flatMap((s) =>
      unlockedRuns(s.cells.filter((c) => c.locked === false)).map((range) => ({ sheet: s.name, range })),
    ),
  };
}

/**
 * "='Chấm điểm'!$A$4:$M$4" and "'Chấm điểm'!$A$4:$M$4" are the same reference, and so are
 * "_meta!$A$1" and "'_meta'!$A$1" (quotes are optional around some sheet names).
 */
function sameRef(formula: string, ref: string): boolean {
  const norm = (s: string) => s.replace(/^=/, '').replace(/'/g, '').replace(/\s+/g, '').toLowerCase();
  return norm(formula) === norm(ref);
}

interface Reading {
  names: Excel.NamedItemCollection;
  protection: { expected: ExpectedProtection; state: Excel.WorksheetProtection }[];
  locks: { expected: ExpectedUnlocked; state: Excel.FormatProtection }[];
}

/** Queues the loads of everything the shape names; read the result after the next sync. */
export function queueShapeReading(context: Excel.RequestContext, shape: InsertedTemplateShape): Reading {
  const sheets = context.workbook.worksheets;
  return {
    names: context.workbook.names.load('items/name, items/formula'),
    protection: shape.protection.map((expected) => ({
      expected,
      state: sheets.getItem(expected.sheet).protection.load('protected'),
    })),
    locks: shape.unlocked.map((expected) => ({
      expected,
      state: sheets.getItem(expected.sheet).getRange(expected.range).format.protection.load('locked'),
    })),
  };
}

export interface ShapeGaps {
  /** Names missing, or pointing elsewhere (#REF!). */
  names: string[];
  /** Sheets that should be protected and are not. */
  unprotected: string[];
  /** Input ranges that came back locked. */
  locked: ExpectedUnlocked[];
}

export function shapeGaps(shape: InsertedTemplateShape, reading: Reading): ShapeGaps {
  const present = new Map(reading.names.items.map((n) => [n.name.toLowerCase(), n.formula]));
  return {
    names: shape.names
      .filter((n) => {
        const formula = present.get(n.name.toLowerCase());
        return formula === undefined || !sameRef(formula, n.ref);
      })
      .map((n) => n.name),
    unprotected: reading.protection.filter((p) => !p.state.protected).map((p) => p.expected.sheet),
    // null = mixed: some cells of the run were locked again.
    locked: reading.locks.filter((l) => l.state.locked !== false).map((l) => l.expected),
  };
}

export function hasGaps(gaps: ShapeGaps): boolean {
  return gaps.names.length > 0 || gaps.unprotected.length > 0 || gaps.locked.length > 0;
}

/**
 * Queues the repairs of `gaps` (no sync): a wrong name is deleted and added again with the plan's
 * reference; locks are changed on an unprotected sheet (Excel refuses otherwise), then the sheet
 * is protected with the plan's options.
 */
export function queueRepairs(
  context: Excel.RequestContext,
  shape: InsertedTemplateShape,
  gaps: ShapeGaps,
  reading: Reading,
): void {
  const names = context.workbook.names;
  const existing = new Map(reading.names.items.map((n) => [n.name.toLowerCase(), n]));
  for (const name of gaps.names) {
    existing.get(name.toLowerCase())?.delete();
    names.add(name, shape.names.find((n) => n.name === name)!.ref);
  }
  const sheets = context.workbook.worksheets;
  const touched = new Set([...gaps.unprotected, ...gaps.locked.map((l) => l.sheet)]);
  for (const sheetName of touched) {
    const sheet = sheets.getItem(sheetName);
    const wasProtected = reading.protection.find((p) => p.expected.sheet === sheetName)?.state.protected;
    if (wasProtected) sheet.protection.unprotect();
    for (const l of gaps.locked.filter((g) => g.sheet === sheetName))
      sheet.getRange(l.range).format.protection.locked = false;
    const expected = shape.protection.find((p) => p.sheet === sheetName);
    if (expected) sheet.protection.protect(expected.options);
  }
}

/** The gaps as one Vietnamese sentence for the user (what Excel did not keep). */
export function describeGaps(gaps: ShapeGaps): string {
  const parts: string[] = [];
  if (gaps.names.length) parts.push(`tên vùng ${gaps.names.join(', ')}`);
  if (gaps.unprotected.length) parts.push(`bảo vệ trang ${gaps.unprotected.join(', ')}`);
  if (gaps.locked.length)
    parts.push(`ô nhập liệu mở khóa (${gaps.locked.map((l) => `${l.sheet}!${l.range}`).join(', ')})`);
  return parts.join('; ');
}
