/**
 * Problems in the pane's language. Vietnamese is the product's language: every problem already
 * carries its Vietnamese sentence (`message`, the same the CLI prints), shown as is. English
 * (`?lang=en`) is written here from the problem's stable key, leaf code, field and value. The
 * record is typed by the catalogue of keys (src/consolidation/problem-keys.ts), so a new key
 * without its English text is a compile error.
 */
import type { ProblemKey } from '../consolidation/problem-keys';
import type { EntryField, Problem } from '../scoring/types';
import type { Locale } from './strings';

const EN_FIELD: Record<EntryField, string> = {
  self: 'self-assessment score',
  evidence: 'evidence',
  explanation: 'explanation',
  appraisal: 'appraisal score',
  appraisalComment: 'appraisal comment',
  appraisal2: 'second appraisal score',
  appraisal2Comment: 'second appraisal comment',
  survey: 'survey score',
};

const EN: Record<ProblemKey, string> = {
  'file.notFound': 'the file was not found.',
  'file.unreadable': 'the file cannot be read.',
  'file.tooLarge': 'the file is too large.',
  'file.duplicate': 'another file for the same unit was already received; this one is not counted.',
  'file.otherFramework': 'the file was made from another framework than the one being consolidated.',
  'file.notTemplate': 'this is not a scoring template made by this tool.',
  'file.unknownFramework': 'the file was made from a framework this add-in does not have; import it first.',
  'file.beyondLimits': 'the file is beyond the reading limits (rows, columns, cells or text size).',
  'file.empty': 'the file is empty.',
  'file.encrypted': 'the file is password-protected; save it without a password.',
  'file.notZip': 'the file is not an .xlsx workbook.',
  'file.corrupt': 'the file is damaged.',
  'file.bomb': 'the file unpacks to far more data than a workbook holds; refused.',
  'file.notXlsx': 'the file is not an .xlsx workbook.',
  'consolidation.notYetAppraised': 'some criteria have no appraisal yet; the self score stands in for it.',
  'consolidation.surveyMissing':
    'the survey file has no figures for this unit (or for some of its survey criteria); it is not counted as 0.',
  'consolidation.surveyInvalid': 'a survey figure of this unit is not a number or out of range.',
  'consolidation.textReplaced':
    'characters not allowed in an Excel file were replaced by \uFFFD in the ranking.',
  'structure.headerMissing': 'the header row with "Mã" and "Điểm tối đa" was not found.',
  'structure.columnDuplicate': 'a column appears twice; only the first one is read.',
  'structure.columnMissing': 'a required column is missing from the header row.',
  'structure.textInCode': 'the "Mã" column holds text that is not a criterion code; the row is skipped.',
  'structure.codeUnknown': 'this code is not in the framework (a code was edited or a row added).',
  'structure.codeDuplicate': 'this code appears twice.',
  'structure.rowMissing': 'the row of this criterion is missing (deleted, or its code edited).',
  'structure.rowOrder': 'this row was moved out of the framework order.',
  'structure.maxChanged': 'the maximum of this criterion was edited.',
  'structure.formulaInInput': 'the cell holds a formula; only values may be entered.',
  'structure.applicabilityChanged': 'the "not applicable" mark of this criterion was changed.',
  'structure.surveyMarkChanged': 'the survey mark of this criterion was changed; units do not self-score it.',
  'structure.otherFramework': 'the workbook was made from another framework or version; use a new template.',
  'structure.formatVersion': 'the template has another format version than this tool reads.',
  'structure.unknownGroup': 'the unit group in the file is not in the framework.',
  'structure.unitMissing': 'the file does not say which unit it belongs to (no unit name in _meta).',
  'value.notANumber': 'the score is not a number.',
  'value.numericText': 'the score is a number typed as text.',
  'score.missing': 'no score yet.',
  'score.negative': 'the score is negative.',
  'score.aboveMax': 'the score is above the maximum.',
  'score.notALevel': 'the score is not one of the levels of the scoring guide.',
  'score.notATierPoint': 'the score is not one of the tier points of the scoring guide.',
  'score.offStep': 'the score is not on the scoring step.',
  'score.notApplicable': 'the criterion does not apply to the unit’s group; leave it empty.',
  'score.selfOnSurveyLeaf': 'this criterion is scored from the survey; units do not self-score it.',
  'deduction.positive': 'a deduction must be zero or negative.',
  'deduction.beyondCap': 'the deduction is beyond its cap.',
  'bonus.beyondCap': 'the bonus is beyond its cap.',
  'evidence.missing': 'points are claimed without evidence or an explanation.',
  'appraisal.noComment': 'the appraisal differs from the score before it but has no comment.',
  'entry.unknownCode': 'an entry names a code that is not in the framework.',
  'unit.unknownGroup': 'the unit’s group is not in the framework.',
  'sheet.wrongFramework': 'the scoresheet belongs to another framework.',
  'survey.rateOutOfRange': 'the survey rate must be between 0 and 100 %.',
  'survey.notASurveyLeaf': 'this criterion is not scored from the survey.',
};

function isKey(rule: string): rule is ProblemKey {
  return Object.prototype.hasOwnProperty.call(EN, rule);
}

/** The sentence of a problem in the pane's locale. */
export function problemText(p: Problem, locale: Locale): string {
  if (locale === 'vi' || !isKey(p.rule)) return p.message;
  const where = p.code ? `Criterion ${p.code}${p.field ? `, ${EN_FIELD[p.field]}` : ''}: ` : '';
  const shown =
    p.value === undefined || p.value === null || typeof p.value === 'object'
      ? ''
      : ` (value: ${String(p.value)})`;
  return `${where}${EN[p.rule]}${shown}`;
}
