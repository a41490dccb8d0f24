/**
 * Every key a file problem of consolidation (and of the CLI's file handling) can carry, and the
 * whole catalogue of problem keys a returned workbook can get: file, structure and scoring keys.
 * Each key's sentences are templates of its facts: Vietnamese in its layer's messages.vi.ts
 * (scoring/, workbook/, consolidation/), English in src/taskpane/messages.en.ts, whose table
 * (problem-text.ts) is typed by `ProblemKey`, so a key without its templates is a compile error.
 */
import { SCORING_PROBLEM_KEYS, type ScoringProblemKey } from '../scoring/problem-keys';
import { STRUCTURE_PROBLEM_KEYS, type StructureProblemKey } from '../workbook/problem-keys';

export const FILE_PROBLEM_KEYS = [
  'file.notFound',
  'file.unreadable',
  'file.tooLarge',
  'file.duplicate',
  // Why a returned file could not be opened (the reader's and the zip guard's reasons).
  'file.notTemplate',
  'file.unknownFramework',
  'file.beyondLimits',
  'file.empty',
  'file.encrypted',
  'file.notZip',
  'file.corrupt',
  'file.bomb',
  'file.notXlsx',
  'consolidation.notYetAppraised',
  // No silent zero: a unit the survey file has no (or no usable) figures for.
  'consolidation.surveyMissing',
  'consolidation.surveyInvalid',
  'consolidation.textReplaced',
] as const;

export type FileProblemKey = (typeof FILE_PROBLEM_KEYS)[number];

/** The key of each reason a returned workbook is refused with (written out, so each is greppable). */
export const FILE_KEY_OF_REASON: Readonly<Record<string, FileProblemKey>> = {
  unreadable: 'file.unreadable',
  notTemplate: 'file.notTemplate',
  unknownFramework: 'file.unknownFramework',
  beyondLimits: 'file.beyondLimits',
  tooLarge: 'file.tooLarge',
  empty: 'file.empty',
  encrypted: 'file.encrypted',
  notZip: 'file.notZip',
  corrupt: 'file.corrupt',
  bomb: 'file.bomb',
  notXlsx: 'file.notXlsx',
};

/** A key any problem of a returned workbook can carry. */
export type ProblemKey = FileProblemKey | StructureProblemKey | ScoringProblemKey;

export const PROBLEM_KEYS: readonly ProblemKey[] = [
  ...FILE_PROBLEM_KEYS,
  ...STRUCTURE_PROBLEM_KEYS,
  ...SCORING_PROBLEM_KEYS,
];

/**
 * Keys that name one fact. "The workbook was made from another framework than the one it is
 * checked against" is `structure.otherFramework`: the key `cchc validate --json` has always given,
 * and since issue 10 also consolidation's for a file of another framework than the majority's
 * (it was `file.otherFramework`). The scoring engine's `sheet.wrongFramework` (a scoresheet
 * validated against another framework, which no reader produces: the readers take the framework
 * the file names) stays its own key, because the scoring layer sits below the workbook layer that
 * owns `structure.*`; scripts compare facts with `problemFact`.
 */
export const PROBLEM_FACTS: Readonly<Partial<Record<ProblemKey, ProblemKey>>> = {
  'sheet.wrongFramework': 'structure.otherFramework',
};

/** The one key of the fact a problem key names. */
export function problemFact(key: ProblemKey): ProblemKey {
  return PROBLEM_FACTS[key] ?? key;
}
