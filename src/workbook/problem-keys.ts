/**
 * Every key a structure problem of a returned workbook can carry (`scoresheetFromGrid`), in one
 * place: the CLI's `--json`, scripts and the pane's locale files rely on them, so a key is written
 * out here, never built at run time.
 */
export const STRUCTURE_PROBLEM_KEYS = [
  'structure.headerMissing',
  'structure.columnDuplicate',
  'structure.columnMissing',
  'structure.textInCode',
  'structure.codeUnknown',
  'structure.codeDuplicate',
  'structure.rowMissing',
  'structure.rowOrder',
  'structure.maxChanged',
  'structure.formulaInInput',
  'structure.applicabilityChanged',
  'structure.surveyMarkChanged',
  'structure.otherFramework',
  'structure.formatVersion',
  'structure.unknownGroup',
  'structure.unitMissing',
] as const;

export type StructureProblemKey = (typeof STRUCTURE_PROBLEM_KEYS)[number];
