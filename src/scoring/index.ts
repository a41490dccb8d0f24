/** The scoring engine's public surface (pure: usable from the CLI, the task pane and consolidation). */
export * from './types';
export * from '../common/decimal';
export * from '../common/vi-number';
export { readScore, isBlankText, cellText, type ScoreReading, type ReadProblem, type ReadRule } from './read';
export {
  leafKind,
  scoreRange,
  matchesRule,
  acceptableScore,
  surveyEntryIsRate,
  DEFAULT_STEP,
  type LeafKind,
} from './leaf';
export { validateScoresheet, hasErrors, frameworkLeaves, type ValidateOptions } from './validate';
export { rules, type ScoringRule } from './rules';
export { computeTotals } from './totals';
export { surveyPointsFromRate, surveyPoints, type SurveyResult } from './survey';
export { rankUnits, bandFor, normalizeUnitName, MISSING_SURVEY_WARNING, type RankOptions } from './rank';
export { parseRankCsv, type RankCsvProblem, type RankCsvResult, type RankCsvOptions } from './rank-csv';
export {
  rankTableBlocks,
  rankTableText,
  rankTableCsv,
  neutralizeFormula,
  RANK_TABLE_HEADERS,
  type RankTableBlock,
  type RankTableRow,
} from './rank-table';
