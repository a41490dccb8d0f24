/**
 * Every key a validation problem of the scoring engine can carry (the rules of `rules/`, the cell
 * reader, the survey conversion), in one place: the CLI's `--json`, scripts and the pane's locale
 * files rely on them, so a key is written out here, never built at run time.
 */
export const SCORING_PROBLEM_KEYS = [
  'value.notANumber',
  'value.numericText',
  'score.missing',
  'score.negative',
  'score.aboveMax',
  'score.notALevel',
  'score.notATierPoint',
  'score.offStep',
  'score.notApplicable',
  'score.selfOnSurveyLeaf',
  'deduction.positive',
  'deduction.beyondCap',
  'bonus.beyondCap',
  'evidence.missing',
  'appraisal.noComment',
  'entry.unknownCode',
  'unit.unknownGroup',
  // The same fact as `structure.otherFramework` (see src/consolidation/problem-keys.ts).
  'sheet.wrongFramework',
  'survey.rateOutOfRange',
  'survey.notASurveyLeaf',
] as const;

export type ScoringProblemKey = (typeof SCORING_PROBLEM_KEYS)[number];
