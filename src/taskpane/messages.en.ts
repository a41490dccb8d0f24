/**
 * The pane's English (`?lang=en`) for every problem key, from the same facts the Vietnamese is
 * worded from (the `…Params` of each layer's messages.vi.ts), so an English problem names the
 * code, the score and the maximum as the Vietnamese does. Typed by the key catalogues: a key
 * without its English template is a compile error. Like the Vietnamese, a template is the
 * sentence after the "Criterion 1.1, self-assessment score: " prefix (problem-text.ts).
 */
import type { MessageTemplates } from '../common/message-templates';
import type { ConsolidationParams, ReplacedText, UntemplatedFileKey } from '../consolidation/messages.vi';
import type { ChoiceParam, NotANumberParams, ScoringParams } from '../scoring/messages.vi';
import type { FoundValue, StructureParams } from '../workbook/messages.vi';

/** A number as English writes it: decimal point, as many decimals as it has. */
export function enNumber(n: number): string {
  return String(n);
}

const choiceList = (choices: ChoiceParam[]) =>
  choices.map((c) => `${c.label}: ${enNumber(c.points)}`).join('; ');

/** What a score cell held that is not a number, by what reading found. */
const NOT_A_NUMBER: {
  [F in NotANumberParams['found']]: (p: Extract<NotANumberParams, { found: F }>) => string;
} = {
  notFinite: () => 'the value is not a finite number.',
  text: (p) => `"${p.text}" is not a number.`,
  boolean: (p) => `${p.value ? 'TRUE' : 'FALSE'} is not a score.`,
  excelError: (p) => `the cell shows the error ${p.error}; no score can be read.`,
  unreadable: () => 'the value cannot be read.',
  surveyFigure: () => 'the value is not a number.',
};

export const SCORING_EN: MessageTemplates<ScoringParams> = {
  'value.notANumber': (p) => (NOT_A_NUMBER[p.found] as (p: NotANumberParams) => string)(p),
  'value.numericText': (p) =>
    `"${p.text}" was typed as text; read as the number ${enNumber(p.value)}. Retype it as a number.`,
  'score.missing': () => 'no score yet.',
  'score.negative': (p) =>
    p.from === 'surveyFile'
      ? `the survey score ${enNumber(p.value)} is negative.`
      : `${enNumber(p.value)} is negative; scores cannot be negative.`,
  'score.aboveMax': (p) =>
    `${p.from === 'surveyFile' ? 'the survey score ' : ''}${enNumber(p.value)} is above the maximum of ${enNumber(p.max)}.`,
  'score.notALevel': (p) =>
    `${enNumber(p.value)} is not one of the levels of the scoring guide (${choiceList(p.choices)}).`,
  'score.notATierPoint': (p) =>
    `${enNumber(p.value)} is not the points of any tier of the scoring guide (${choiceList(p.choices)}).`,
  'score.offStep': (p) => `${enNumber(p.value)} is not on the scoring step of ${enNumber(p.step)} points.`,
  'score.notApplicable': (p) => `the criterion does not apply to the group "${p.group}"; leave it empty.`,
  'score.selfOnSurveyLeaf': () =>
    'this criterion is scored from the survey; it is not self-scored or appraised. Leave it empty.',
  'deduction.positive': (p) =>
    `a deduction is written as a negative number (for example -${enNumber(p.value)}), not ${enNumber(p.value)}.`,
  'deduction.beyondCap': (p) =>
    `deducts ${enNumber(-p.value)} points, beyond the cap of ${enNumber(p.cap)} points.`,
  'bonus.beyondCap': (p) =>
    `a bonus of ${enNumber(p.value)} points, beyond the cap of ${enNumber(p.cap)} points.`,
  'evidence.missing': () =>
    'points are claimed without evidence (document number and date) or an explanation.',
  'appraisal.noComment': (p) =>
    p.round === 1
      ? `the appraisal score ${enNumber(p.appraisal)} differs from the self-assessment score ${enNumber(p.before)} but has no appraisal comment.`
      : `the second appraisal score ${enNumber(p.appraisal)} differs from ${p.against === 'round1' ? 'the first appraisal' : 'the self-assessment score'} ${enNumber(p.before)} but has no comment.`,
  // The "Criterion 1.9: " prefix already names the code.
  'entry.unknownCode': (p) =>
    `this code is not a scoring criterion of framework ${p.frameworkId}; the values on this row are not counted.`,
  'unit.unknownGroup': (p) =>
    `the unit's group "${p.group}" is not in the framework (groups: ${p.groups.map((g) => `${g.id} – ${g.name}`).join('; ')}).`,
  'sheet.wrongFramework': (p) =>
    `the scoresheet was made for framework "${p.sheetFramework}", not "${p.framework}".`,
  'survey.rateOutOfRange': (p) => `the rate ${enNumber(p.rate)}% is outside 0% – 100%.`,
  'survey.notASurveyLeaf': () => 'this criterion is not scored from the survey.',
};

/** A cell's content as English shows it (numbers with a decimal point). */
function shown(v: FoundValue): string {
  if (typeof v === 'number') return enNumber(v);
  if (v !== null && typeof v === 'object') return v.error;
  return String(v ?? '');
}

function markChanged(p: StructureParams['structure.surveyMarkChanged'], why: string): string {
  if ('copiedOver' in p)
    return `the unit scores this criterion itself, but the cell says "${p.copiedOver}": the row was copied over.`;
  return (
    `this criterion ${why}: the cell must say "${p.mark}"` +
    (p.holds !== null ? ` but holds "${shown(p.holds)}".` : ' (the mark was erased).')
  );
}

export const STRUCTURE_EN: MessageTemplates<StructureParams> = {
  'structure.headerMissing': (p) =>
    `no header row with the columns "Mã" and "Điểm tối đa" was found on sheet "${p.sheet}".`,
  'structure.columnDuplicate': (p) => `the column "${p.title}" appears twice; only the first one is read.`,
  'structure.columnMissing': (p) => `the column "${p.title}" is missing from header row ${p.headerRow}.`,
  'structure.textInCode': (p) =>
    `the "Mã" column holds "${p.text}", which is not a criterion code; row ${p.row} is skipped.`,
  // Problems of a criterion: the "Criterion 1.1: " prefix names its code.
  'structure.codeUnknown': (p) =>
    `this code is not in framework ${p.frameworkId} (a code was edited or a row added).`,
  'structure.codeDuplicate': (p) => `this code appears twice (rows ${p.firstRow} and ${p.row}).`,
  'structure.rowMissing': (p) => `the row of "${p.name}" is missing (deleted, or its code edited).`,
  'structure.rowOrder': () => 'this row was moved out of the framework order.',
  'structure.maxChanged': (p) =>
    `the maximum was edited: framework ${p.frameworkId} sets ${enNumber(p.expected)}, the file has ` +
    `${'formula' in p.inFile ? `the formula "=${p.inFile.formula}"` : `"${shown(p.inFile.value)}"`}.`,
  'structure.formulaInInput': (p) =>
    `the cell of column "${p.column}" holds the formula "=${p.formula}"; only values may be entered.`,
  'structure.applicabilityChanged': (p) =>
    markChanged(p, 'copiedOver' in p ? '' : `does not apply to the group "${p.group}"`),
  'structure.surveyMarkChanged': (p) => markChanged(p, 'is scored from the survey, not by the unit'),
  'structure.otherFramework': (p) =>
    'fileFramework' in p
      ? p.file !== undefined
        ? `"${p.file}" was made from framework "${p.fileFramework}", not "${p.framework}" being consolidated.`
        : `the file was made from framework "${p.fileFramework}", not "${p.framework}".`
      : `the file was made from another version of framework "${p.framework}" ` +
        `(version in the file: ${p.fileVersion || 'unknown'}, current: ${p.version}); use a new template.`,
  'structure.formatVersion': (p) =>
    `the template has format version ${p.inFile}; this tool reads version ${p.reads}.`,
  'structure.unitMissing': (p) =>
    `sheet "${p.sheet}" does not give the unit's name (unitName)${p.codeMissing ? ' or code (unitCode)' : ''}: it is not known whose file this is; use the template issued to the unit.`,
  'structure.unknownGroup': (p) =>
    `the unit group "${p.group}" in the file is not in framework ${p.frameworkId}.`,
};

const REPLACED_TEXT: Record<ReplacedText, string> = {
  unitName: 'the unit name',
  unitCode: 'the unit code',
  fileName: 'the file name',
};

function surveyMissing(p: ConsolidationParams['consolidation.surveyMissing']): string {
  const unit = `"${p.unit}"${p.unitCode ? ` (code ${p.unitCode})` : ''}`;
  const notZero = 'survey points are not counted as 0; the unit is not ranked yet.';
  if (p.gap === 'noSurveyFile') return `"${p.file}": no survey figures for the unit ${unit} yet; ${notZero}`;
  const survey = p.surveyFile ? `the survey file "${p.surveyFile}"` : 'the survey file';
  return p.gap === 'noFigures'
    ? `"${p.file}": ${survey} has no figures for the unit ${unit}; ${notZero}`
    : `"${p.file}": ${survey} lacks figures of the unit ${unit} for criteria ${p.missing.join(', ')}; ${notZero}`;
}

export const CONSOLIDATION_EN: MessageTemplates<ConsolidationParams> = {
  'file.duplicate': (p) =>
    `"${p.file}": the unit "${p.unit}" (code ${p.unitCode || 'empty'}) has ${p.count} files — the same unit as ` +
    `${p.others.map((o) => `"${o}"`).join(', ')}${p.sameBytes ? ' (identical content)' : ''}. ` +
    'None is chosen; keep one file and consolidate again.',
  'consolidation.notYetAppraised': (p) =>
    `"${p.file}": ${p.codes.length} criteria have no appraisal score yet; the self-assessment score stands in (${p.codes.slice(0, 8).join(', ')}${p.codes.length > 8 ? ', …' : ''}).`,
  'consolidation.textReplaced': (p) =>
    `"${p.file}": ${p.replaced.map((r) => `${REPLACED_TEXT[r.where]} has the characters ${r.chars.join(', ')}`).join('; ')} — not allowed in an Excel (XML) file, replaced by "${p.replacement}" in the ranking.`,
  'consolidation.surveyMissing': surveyMissing,
};

/** Keys whose facts are not carried yet: one fixed sentence each (the problem's value is appended). */
export const FIXED_EN: Readonly<Record<UntemplatedFileKey, string>> = {
  'file.notFound': 'the file was not found.',
  'file.unreadable': 'the file cannot be read.',
  'file.tooLarge': 'the file is too large.',
  'file.notTemplate': 'this is not a scoring template made by this tool.',
  'file.unknownFramework': 'the file was made from a framework this add-in does not have; import it first.',
  'file.beyondLimits': 'the file is beyond the reading limits (rows, columns, cells or text size).',
  'file.empty': 'the file is empty.',
  'file.encrypted': 'the file is password-protected; save it without a password.',
  'file.notZip': 'the file is not an .xlsx workbook.',
  'file.corrupt': 'the file is damaged.',
  'file.bomb': 'the file unpacks to far more data than a workbook holds; refused.',
  'file.notXlsx': 'the file is not an .xlsx workbook.',
  'consolidation.surveyInvalid': 'a survey figure of this unit is not a number or out of range.',
};
