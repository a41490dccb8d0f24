/**
 * Reading the open workbook: the `Chấm điểm` used range (values, formulas, value types) and `_meta`
 * in ONE sync, then the pure grid reader and the scoring engine. Whatever the number of criteria,
 * it is one round trip. A workbook without our sheets gets a clear "not one of our templates"
 * result, not an exception.
 */
import type { Framework } from '../framework/schema';
import { computeTotals, validateScoresheet } from '../scoring';
import type { Problem, Scoresheet, Totals, ValidationMode } from '../scoring/types';
import { SHEET_META, SHEET_SCORE } from '../workbook/layout';
import {
  missingSheetsFailure,
  missingTemplateSheets,
  templateFromSheets,
  type SheetsFailure,
} from '../workbook/open-template';
import type { FoundLayout } from '../workbook/read-grid';
import { translated } from './errors';
import { gridFromRange } from './grid';
import { type ExcelHost, officeHost } from './host';
import { type ProtectionState, loadProtection } from './protection';

/** The part of `Chấm điểm` read: far more rows and columns than any framework needs. */
export const SCORE_WINDOW = 'A1:AZ5000';
const META_WINDOW = 'A1:B500';

export interface ReadOptions {
  /** The framework named in `_meta` (built-ins or imported ones). */
  resolveFramework: (id: string) => Framework | undefined;
  /** Default `draft`: while a unit is still filling in, missing scores are warnings. */
  mode?: ValidationMode;
}

/** The same failures as the .xlsx reader's (src/workbook/open-template.ts). */
export type ReadFailure = SheetsFailure;

export interface ReadSuccess {
  ok: true;
  meta: Record<string, string>;
  framework: Framework;
  scoresheet: Scoresheet;
  /** Layout problems (rows, columns, maxima, marks changed) followed by the rule violations. */
  problems: Problem[];
  structureProblems: Problem[];
  totals: Totals;
  layout: FoundLayout | null;
}

export type ReadResult = ReadSuccess | ReadFailure;

/** What one read sync brings back; shared with the survey write, which needs the same picture. */
export interface OpenTemplate {
  sheet: Excel.Worksheet;
  sheetId: string;
  protection: ProtectionState;
  read: ReadResult;
}

function failedRead(sheet: Excel.Worksheet, failure: ReadFailure): OpenTemplate {
  return { sheet, sheetId: '', protection: { protected: false, options: {} }, read: failure };
}

function notTemplateResult(sheet: Excel.Worksheet, hasMeta: boolean, hasScore: boolean): OpenTemplate {
  return failedRead(sheet, missingSheetsFailure('openWorkbook', missingTemplateSheets(hasMeta, hasScore)));
}

/**
 * Queues the loads of the template's sheets, syncs ONCE, and interprets the result. The caller
 * may queue further work on `sheet` afterwards (it is bound in the same context).
 */
export async function loadOpenTemplate(
  context: Excel.RequestContext,
  options: ReadOptions,
): Promise<OpenTemplate> {
  const sheets = context.workbook.worksheets;
  const score = sheets.getItemOrNullObject(SHEET_SCORE);
  const meta = sheets.getItemOrNullObject(SHEET_META);
  score.load('id, name');
  // Clipped to a window: one stray value typed at row 900000 must not make the response exceed
  // Excel on the web's 5 MB payload limit (a template has a few hundred rows and ~13 columns).
  const scoreRange = score
    .getUsedRangeOrNullObject(true)
    .getIntersectionOrNullObject(SCORE_WINDOW)
    .load('values, formulas, valueTypes, rowIndex, columnIndex');
  const metaRange = meta
    .getUsedRangeOrNullObject(true)
    .getIntersectionOrNullObject(META_WINDOW)
    .load('values, rowIndex, columnIndex');
  const protection = loadProtection(score);
  try {
    await context.sync();
  } catch (e) {
    // The Office.js docs do not promise that methods chained on a null object (a missing sheet)
    // yield null objects rather than failing the batch. If the batch failed, find out with a
    // second, cheap sync whether our sheets exist: only a workbook that is not one of our
    // templates pays for it, and a real failure on a template is still reported.
    const probeScore = sheets.getItemOrNullObject(SHEET_SCORE).load('id');
    const probeMeta = sheets.getItemOrNullObject(SHEET_META).load('id');
    await context.sync();
    if (!probeScore.isNullObject && !probeMeta.isNullObject) throw e;
    return notTemplateResult(score, !probeMeta.isNullObject, !probeScore.isNullObject);
  }

  if (score.isNullObject || meta.isNullObject) {
    return notTemplateResult(score, !meta.isNullObject, !score.isNullObject);
  }
  // Plain payloads: a proxy's unloaded properties throw, so only what was loaded is handed on.
  const metaRows = metaRange.isNullObject
    ? []
    : gridFromRange({
        values: metaRange.values,
        rowIndex: metaRange.rowIndex,
        columnIndex: metaRange.columnIndex,
      }).values.map((r) => r.slice(0, 2));
  const reading = templateFromSheets(
    'openWorkbook',
    {
      metaRows: metaRange.isNullObject || metaRange.columnIndex === 0 ? metaRows : [],
      firstMetaRow: metaRange.isNullObject ? 1 : metaRange.rowIndex + 1,
      scoreName: score.name,
      scoreGrid: () =>
        scoreRange.isNullObject
          ? { values: [], firstRow: 1, firstCol: 1 }
          : gridFromRange({
              values: scoreRange.values,
              formulas: scoreRange.formulas,
              valueTypes: scoreRange.valueTypes,
              rowIndex: scoreRange.rowIndex,
              columnIndex: scoreRange.columnIndex,
            }),
    },
    options.resolveFramework,
  );
  // The pane shows its own hint under the sentence (t.check.unknownFrameworkHint).
  if (!reading.ok) return failedRead(score, reading);
  const { meta: metaValues, framework, scoresheet, structureProblems, layout } = reading;
  const ruleProblems = validateScoresheet(framework, scoresheet, { mode: options.mode ?? 'draft' });
  return {
    sheet: score,
    sheetId: score.id,
    protection: { protected: protection.protected, options: protection.options },
    read: {
      ok: true,
      meta: metaValues,
      framework,
      scoresheet,
      structureProblems,
      problems: [...structureProblems, ...ruleProblems],
      totals: computeTotals(framework, scoresheet),
      layout,
    },
  };
}

/** Reads and checks the open template: exactly one sync. */
export async function readOpenTemplate(
  options: ReadOptions,
  host: ExcelHost = officeHost(),
): Promise<ReadResult> {
  return translated('Đọc bảng chấm điểm', () =>
    host.run(async (context) => (await loadOpenTemplate(context, options)).read),
  );
}
