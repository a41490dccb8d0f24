/**
 * The Excel adapter (Office.js): thin, no business logic, every operation a constant number of
 * context.sync() calls whatever the number of criteria or units. Each function takes an optional
 * ExcelHost last; by default the Office.js globals (or the fake installed in their place).
 *
 * Sync counts: generate 0 (+1 createWorkbook round trip; 2 when inserting into the open workbook),
 * read 1, survey 1 (read) + 1 (write) = 2, ranking 2, goToCell 2, highlight 2, clear 2, watch 2
 * (1 check + 1 register… see watch.ts), stop 1.
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
