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
import type { CountedLevel, FrameworkParams, NodeParam } from '../framework/messages.vi';
import type { CampaignParams } from '../campaign/messages.vi';
import { STAGES } from '../campaign/stages';
import { vietnamParts } from '../common/vi-time';
import type { CellValue, EntryField } from '../scoring/types';

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

const EN_DEPTH = ['field', 'criterion', 'sub-criterion'];

/** "criterion 1.1": a framework node by its depth and code, as the Vietnamese names it. */
function node(p: NodeParam): string {
  return `${EN_DEPTH[p.depth - 1] ?? 'item'} ${p.code}`;
}

const EN_COUNTED: Record<CountedLevel, string> = {
  fields: 'fields',
  criteria: 'criteria',
  subCriteria: 'sub-criteria',
};

const EN_CHOICE = { levels: 'level', tiers: 'rate tier' } as const;

const choiceRange = (name: string) => (p: FrameworkParams['levels.range']) =>
  `${node(p)}: the ${name} of ${enNumber(p.value)} points is outside 0 to ${enNumber(p.max)}.`;
const choiceMax = (name: string) => (p: FrameworkParams['levels.max']) =>
  `${node(p)}: no ${name} equals the maximum of ${enNumber(p.max)} (${p.values.map(enNumber).join('; ')}).`;
const outsideScale = (word: string) => (p: FrameworkParams['deduction.max']) =>
  `${node(p)}: a ${word} criterion must have a maximum of 0 (its points are outside the scale); it is ${enNumber(p.max)}.`;
const offStep = (p: FrameworkParams['deduction.step']) =>
  `${node(p)}: ${enNumber(p.value)} points is not a multiple of the step ${enNumber(p.step)}.`;

function leafMaxByGroup(p: FrameworkParams['leaf.maxByGroup']): string {
  switch (p.why) {
    case 'unknownGroup':
      return `${node(p)}: the group "${p.group}" of its own maximum is not in the list of unit groups.`;
    case 'notApplied':
      return `${node(p)}: has its own maximum for the group "${p.group}" but does not apply to that group.`;
    case 'invalid':
      return `${node(p)}: its own maximum for the group "${p.group}" (${p.max}) must be a non-negative number with at most 2 decimals.`;
    default:
      return `${node(p)}: scoring by ${EN_CHOICE[p.why]}s cannot have maxima per group; use a range of points or split the criterion.`;
  }
}

function tiersGap(p: FrameworkParams['tiers.gap']): string {
  if (p.why === 'below') return `${node(p)}: the rate tiers leave the rates from 0% to ${p.min}% uncovered.`;
  if (p.why === 'above')
    return `${node(p)}: the rate tiers leave the rates from ${p.max}% to 100% uncovered.`;
  return `${node(p)}: between the tiers "${p.tier}" and "${p.next}" some rates belong to no tier (around ${p.from}%–${p.to}%).`;
}

export const FRAMEWORK_EN: MessageTemplates<FrameworkParams> = {
  schema: (p) =>
    p.why === 'shape'
      ? `field ${p.path}: ${p.detail}`
      : `the criteria tree is deeper than ${p.levels} levels (at item ${p.at === null ? 'without a code' : `"${p.at}"`}): not a valid framework.`,
  'code.duplicate': (p) => `the code ${p.code} is used twice: each item needs its own code.`,
  'code.tree': (p) =>
    p.parent === null
      ? `the code ${p.code} is at field level but has the form of a child (expected ${p.expected}).`
      : `the code ${p.code} is under item ${p.parent} but does not start with "${p.parent}." at the right level (expected ${p.expected}).`,
  'code.sequence': (p) =>
    `the code ${p.code} is out of order: item number ${p.position} here must have the code ${p.expected} (an item missing or extra?).`,
  'tree.depth': (p) => `${node(p)}: a framework has only 3 levels (field, criterion, sub-criterion).`,
  'max.sum': (p) =>
    `${node(p)}: the maximum ${enNumber(p.max)} differs from the sum of its children's maxima (${p.children
      .map((c) => `${c.code}: ${enNumber(c.max)}`)
      .join(' + ')} = ${enNumber(p.sum)}).`,
  'max.decimals': (p) => `${node(p)}: the maximum ${p.max} has more than 2 decimals.`,
  'max.negative': (p) => `${node(p)}: the maximum cannot be negative (${enNumber(p.max)}).`,
  'parent.leafField': (p) =>
    `${node(p)} has children, so it cannot have ${p.fields.join(', ')} (only for leaves).`,
  'leaf.source': (p) =>
    p.why === 'missing'
      ? `${node(p)}: a survey criterion must name its survey source (for example sipas).`
      : p.why === 'unknown'
        ? `${node(p)}: the survey source "${p.source}" is not among the framework's survey sources.`
        : `${node(p)}: only survey criteria have a survey source.`,
  'leaf.rule': (p) =>
    p.why === 'onSurvey'
      ? `${node(p)}: a survey criterion is not self-scored, so it has no scoring guide (rule).`
      : `${node(p)}: a self-assessed criterion needs a scoring guide (levels, rate tiers, a range, a deduction or a bonus).`,
  'leaf.ruleKind': (p) =>
    `${node(p)}: the scoring guide kind "${p.kind}" is not supported by this version (only levels, rate tiers, range, deduction, bonus).`,
  'leaf.appliesTo': (p) =>
    p.why === 'unknownGroup'
      ? `${node(p)}: applies to the group "${p.group}", which is not in the list of unit groups.`
      : `${node(p)}: the list of groups it applies to is empty (leave the field out if it applies to every group).`,
  'leaf.maxByGroup': leafMaxByGroup,
  'levels.range': choiceRange(EN_CHOICE.levels),
  'levels.max': choiceMax(EN_CHOICE.levels),
  'levels.duplicate': (p) => `${node(p)}: the level "${p.level}" is written twice.`,
  'tiers.range': choiceRange(EN_CHOICE.tiers),
  'tiers.max': choiceMax(EN_CHOICE.tiers),
  'tiers.empty': (p) =>
    `${node(p)}: the tier "${p.tier}" holds no rate (lower bound ${p.min ?? '−∞'}, upper bound ${p.max ?? '+∞'}).`,
  'tiers.gap': tiersGap,
  'tiers.overlap': (p) =>
    `${node(p)}: the tiers "${p.tier}" and "${p.next}" overlap (the rate ${p.rate}% is in both).`,
  'range.step': (p) =>
    'group' in p
      ? `${node(p)}: the maximum of the group "${p.group}" (${enNumber(p.max)}) is not a multiple of the step ${enNumber(p.step)}.`
      : offStep(p),
  'deduction.max': outsideScale('deduction'),
  'deduction.step': offStep,
  'bonus.max': outsideScale('bonus'),
  'bonus.step': offStep,
  'declared.counts': (p) =>
    `the framework declares ${p.declared} ${EN_COUNTED[p.what]} but the criteria tree has ${p.counted}.`,
  'declared.points': (p) =>
    `the declared self-assessment/appraisal points are ${enNumber(p.declared)} but the self-assessed criteria add up to ${enNumber(p.counted)}.`,
  'declared.survey': (p) =>
    `the declared survey points are ${enNumber(p.declared)} but the survey criteria add up to ${enNumber(p.counted)}.`,
  'declared.total': (p) =>
    `the declared total is ${enNumber(p.declared)} but the criteria tree adds up to ${enNumber(p.counted)} (self-assessment ${enNumber(p.self)} + survey ${enNumber(p.survey)}).`,
  'group.duplicate': (p) => `the unit group "${p.group}" is declared twice.`,
  'group.noPoints': (p) => `the group "${p.group}" has no criterion with points: no index can be computed.`,
  'survey.sourceDuplicate': (p) => `the survey source "${p.source}" is declared twice.`,
  'band.group': (p) =>
    `the rating "${p.band}" applies to the group "${p.group}", which is not in the list of unit groups.`,
  'band.duplicate': (p) => `the group "${p.group}" has two ratings named "${p.band}".`,
};

/** A score field as English names it (the pane's "Criterion 1.1, appraisal score: " prefix too). */
export const EN_FIELD: Record<EntryField, string> = {
  self: 'self-assessment score',
  evidence: 'evidence',
  explanation: 'explanation',
  appraisal: 'appraisal score',
  appraisalComment: 'appraisal comment',
  appraisal2: 'second appraisal score',
  appraisal2Comment: 'second appraisal comment',
  survey: 'survey score',
};

/** An instant as English shows it, in Vietnam's time: "02/12/2026 01:56". */
export function enDateTime(iso: string): string {
  const p = vietnamParts(iso);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : iso;
}

/** A deadline: the end of a day ("2026-12-31") or an instant. */
function enDeadline(deadline: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(deadline);
  return day ? `the end of ${day[3]}/${day[2]}/${day[1]}` : enDateTime(deadline);
}

/** A cell's content as a reason shows it (scores with two decimals, texts cut to 40 characters). */
function enCell(v: CellValue): string {
  if (v === null || v === undefined || v === '') return 'empty';
  if (typeof v === 'number') return v.toFixed(2);
  return `"${String(v).slice(0, 40)}"`;
}

type CampaignCell = { code: string; field: EntryField; cell: string | null };
const enWhere = (p: CampaignCell) =>
  `${p.cell ?? `criterion ${p.code}`} (${EN_FIELD[p.field]}, code ${p.code})`;
const enChanged = (p: CampaignParams['trust.selfScoreChanged']) =>
  `the cell ${enWhere(p)} differs from the registered copy: the register has ${enCell(p.expected)}, the file ${enCell(p.value)}.`;
/** A stage by its name (the pane shows the stages by their Vietnamese names in both locales). */
const stageName = (id: keyof typeof STAGES) => `"${STAGES[id].name}"`;

export const CAMPAIGN_EN: MessageTemplates<CampaignParams> = {
  'campaign.otherFramework': (p) =>
    `"${p.file}" was made from framework "${p.fileFramework ?? '?'}" (fingerprint ${p.fileFingerprint || 'empty'}), not the campaign's framework "${p.framework}" (${p.fingerprint}).`,
  'campaign.otherCampaign': (p) =>
    `"${p.file}" belongs to the campaign "${p.fileCampaign}", not "${p.campaign}".`,
  'campaign.unknownUnit': (p) =>
    `"${p.file}": the unit with code "${p.unitCode || 'empty'}" (${p.unitName ?? '?'}) is not in the campaign's list of units.`,
  'campaign.unknownKind': (p) => `"${p.file}": the workbook kind "${p.kind}" in _meta is not valid.`,
  'trust.authCode': (p) =>
    p.why === 'stage'
      ? `"${p.file}": the stage "${p.stage}" in _meta is not valid for the workbook kind "${p.kind}".`
      : `"${p.file}": the authentication code on the _meta sheet does not match — the _meta sheet was edited (unit, stage, round or source file), or the workbook was not issued by this campaign. Its scores are not counted.`,
  'trust.notCurrentIssue': (p) =>
    `"${p.file}" is an old ${stageName(p.stage)} workbook of ${p.unit}: a later one was issued (${p.current ?? 'no current workbook left'}). Use the latest.`,
  'trust.unitWroteCouncilCell': (p) =>
    'file' in p
      ? `"${p.file}": the ${EN_FIELD[p.field]} cell has a value in the unit's file — the unit may not write it (only the appraisal council does).`
      : `the cell ${enWhere(p)} holds ${enCell(p.value)}: the unit may not write it (only the appraisal council does).`,
  'trust.rejectedWhole': (p) =>
    `"${p.file}" is refused whole: its other scores are not used either. The unit sends the file again with the appraisal and bonus/deduction cells empty.`,
  'trust.tampering': (p) =>
    `the cell ${enWhere(p)} was changed: the register has ${enCell(p.expected)}, the file ${enCell(p.value)}. A response workbook only takes explanations and added evidence — a score was probably altered (tampering).`,
  'trust.selfScoreChanged': enChanged,
  'trust.lockedCellChanged': enChanged,
  'trust.campaignWorkbook': (p) =>
    `"${p.file}" is ${p.workbook === 'appraisal' ? 'an appraisal' : 'a response'} workbook of the campaign "${p.campaign}": only that campaign can check its authentication code; receive it with cchc campaign receive. Its scores are not counted.`,
  'stage.closed': (p) =>
    `"${p.file}": the stage ${stageName(p.stage)} of ${p.unit} is closed (the ${stageName(p.closedBy)} workbook was issued at ${enDateTime(p.issuedAt)}). To receive it, reopen the stage: cchc campaign reopen ${p.stage} --unit ${p.unitCode}.`,
  // The fact only: the pane offers the Sở's decision on a late file itself.
  'stage.late': (p) =>
    `Late: "${p.file}" was received at ${enDateTime(p.receivedAt)}; the deadline of ${stageName(p.stage)} is ${enDeadline(p.deadline)}.`,
};
