/**
 * The fields of one leaf's entry, described once: what each holds, on which leaves, and which party
 * writes it (DESIGN.md "Who may write what"). The sheet's column descriptor
 * (src/workbook/columns.ts) adds where each field sits on `Chấm điểm`; the rules take their field
 * lists from here, so a new input field is one entry here plus its column there.
 */

/** Who writes a field: the unit scoring itself, the appraisal council, or Sở Nội vụ (survey data). */
export type Party = 'unit' | 'council' | 'so';

export interface EntryFieldSpec {
  /** How the field is named inside a Vietnamese sentence ("Tiêu chí 1.1, điểm tự đánh giá: …"). */
  label: string;
  /** A number (a score, or a rate for survey leaves) or free text. */
  value: 'score' | 'text';
  /** Self-scored leaves carry the field, or survey leaves (filled from survey data). */
  leaves: 'self' | 'survey';
  writer: Party;
}

export const ENTRY_FIELDS = {
  self: { label: 'điểm tự đánh giá', value: 'score', leaves: 'self', writer: 'unit' },
  evidence: { label: 'tài liệu kiểm chứng', value: 'text', leaves: 'self', writer: 'unit' },
  explanation: { label: 'giải trình', value: 'text', leaves: 'self', writer: 'unit' },
  appraisal: { label: 'điểm thẩm định', value: 'score', leaves: 'self', writer: 'council' },
  appraisalComment: { label: 'ý kiến thẩm định', value: 'text', leaves: 'self', writer: 'council' },
  // Round 2, after the unit's explanation.
  appraisal2: { label: 'điểm thẩm định lần 2', value: 'score', leaves: 'self', writer: 'council' },
  appraisal2Comment: { label: 'ý kiến thẩm định lần 2', value: 'text', leaves: 'self', writer: 'council' },
  // Points, or a rate when the scoresheet says `surveyIsRate`.
  survey: { label: 'điểm điều tra XHH', value: 'score', leaves: 'survey', writer: 'so' },
} as const satisfies Record<string, EntryFieldSpec>;

/** The input fields of one leaf row on the `Chấm điểm` sheet. */
export type EntryField = keyof typeof ENTRY_FIELDS;

/** Fields holding a number: the self score, the appraisals and the survey figure. */
export type ScoreField = {
  [K in EntryField]: (typeof ENTRY_FIELDS)[K]['value'] extends 'score' ? K : never;
}[EntryField];

/** Score fields of self-scored leaves: given by the unit or the council (not the survey). */
export type AssessedField = {
  [K in ScoreField]: (typeof ENTRY_FIELDS)[K]['leaves'] extends 'self' ? K : never;
}[ScoreField];

/** Every field, in sheet order. */
export const ENTRY_FIELD_KEYS = Object.keys(ENTRY_FIELDS) as EntryField[];

/** The fields a self-scored / a survey leaf carries, in sheet order. */
export function fieldsOfLeaves(leaves: EntryFieldSpec['leaves']): EntryField[] {
  return ENTRY_FIELD_KEYS.filter((f) => ENTRY_FIELDS[f].leaves === leaves);
}

/** `self`, `appraisal`, `appraisal2`: the scores value checks look at on a self-scored leaf. */
export const ASSESSED_FIELDS = ENTRY_FIELD_KEYS.filter(
  (f) => ENTRY_FIELDS[f].value === 'score' && ENTRY_FIELDS[f].leaves === 'self',
) as readonly AssessedField[];

/** Fields holding free text. */
export type TextField = {
  [K in EntryField]: (typeof ENTRY_FIELDS)[K]['value'] extends 'text' ? K : never;
}[EntryField];

/**
 * The text fields of a self-scored leaf (evidence, explanation, the council's comments), in sheet
 * order: what a form carries over from a stored file and what a document quotes.
 */
export const SELF_TEXT_FIELDS = fieldsOfLeaves('self').filter(
  (f) => ENTRY_FIELDS[f].value === 'text',
) as readonly TextField[];

/** Every score field: the assessed ones, then the survey figure. */
export const SCORE_FIELD_KEYS = ENTRY_FIELD_KEYS.filter(
  (f) => ENTRY_FIELDS[f].value === 'score',
) as readonly ScoreField[];
