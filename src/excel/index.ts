/**
 * The Excel adapter (Office.js): thin, no business logic, every operation a constant number of
 * context.sync() calls whatever the number of criteria or units. Each function takes an optional
 * ExcelHost last; by default the Office.js globals (or the fake installed in their place).
 *
 * context.sync() per operation (test/excel/adapter.test.ts proves them at 10 and 200 leaves):
 * generate 0 + one Excel.createWorkbook round trip (2 syncs when inserting into the open workbook,
 * ExcelApi 1.13), read 1, survey 2 (read + write), ranking 2, goToCell 1, highlightCells 2,
 * clearHighlights 2, watchScoreSheet 2 (check the sheet + register), stop 1.
 */
export { type ExcelHost, FEATURE_SETS, officeHost, supportsExcelApi } from './host';
export { ExcelAdapterError, type ExcelFailure } from './errors';
export { bytesToBase64, base64ToBytes } from './base64';
export { generateTemplate, openTemplateBytes, type GenerateOptions, type GenerateResult } from './generate';
export {
  readOpenTemplate,
  type ReadOptions,
  type ReadResult,
  type ReadSuccess,
  type ReadFailure,
} from './read';
export { writeSurveyPoints, type SurveyWriteResult } from './survey';
export { writeRankingSheet, type RankingWriteOptions, type RankingWriteResult } from './ranking';
export { goToCell, highlightCells, clearHighlights, ERROR_FILL } from './navigate';
export { watchScoreSheet, type ScoreSheetWatch, type WatchOptions } from './watch';
export { forgetOwnWrites } from './own-writes';
