/**
 * The Vietnamese sentences of the scoring engine's problems (the `message` the CLI prints and the
 * pane shows in Vietnamese), one template per key of problem-keys.ts, from the facts in
 * `ScoringParams`. Leaf problems get their "Tiêu chí 1.1, điểm tự đánh giá: " prefix from
 * `leafProblem`; the template is the sentence after it. The pane's English templates
 * (src/taskpane/messages.en.ts) are typed by the same `ScoringParams`.
 */
import type { MessageTemplates } from '../common/message-templates';
import { formatVi, showNumber } from '../common/vi-number';
import type { ScoringProblemKey } from './problem-keys';

/** A level or tier of a scoring guide, as a problem names it ("Kịp thời: 1"). */
export interface ChoiceParam {
  label: string;
  points: number;
}

/**
 * Where a figure came from, when it matters to the sentence: `surveyFile` = a figure of the survey
 * table (`surveyPoints`), not a cell of the scoring sheet.
 */
type From = { from?: 'surveyFile' };

/** What a score cell held that is not a number (read.ts decides which). */
export type NotANumberParams =
  | { found: 'notFinite' }
  | { found: 'text'; text: string }
  | { found: 'boolean'; value: boolean }
  | { found: 'excelError'; error: string }
  | { found: 'unreadable' }
  | { found: 'surveyFigure' };

/** The facts each scoring problem carries (numbers as numbers; each locale writes them its way). */
export type ScoringParams = {
  'value.notANumber': NotANumberParams;
  'value.numericText': { text: string; value: number };
  'score.missing': Record<string, never>;
  'score.negative': { value: number } & From;
  'score.aboveMax': { value: number; max: number } & From;
  'score.notALevel': { value: number; choices: ChoiceParam[] };
  'score.notATierPoint': { value: number; choices: ChoiceParam[] };
  'score.offStep': { value: number; step: number };
  /** `group`: the group's name (its id when the framework has no such group). */
  'score.notApplicable': { group: string };
  'score.selfOnSurveyLeaf': Record<string, never>;
  'deduction.positive': { value: number };
  /** `value`: the (negative) figure typed; `cap`: the most points that may be deducted. */
  'deduction.beyondCap': { value: number; cap: number };
  'bonus.beyondCap': { value: number; cap: number };
  'evidence.missing': Record<string, never>;
  /** Round 1 against the self score; round 2 against round 1 (or the self score when it is empty). */
  'appraisal.noComment':
    | { round: 1; appraisal: number; before: number }
    | { round: 2; appraisal: number; before: number; against: 'round1' | 'self' };
  'entry.unknownCode': { code: string; frameworkId: string };
  'unit.unknownGroup': { group: string; groups: { id: string; name: string }[] };
  'sheet.wrongFramework': { sheetFramework: string; framework: string };
  'survey.rateOutOfRange': { rate: number } & From;
  'survey.notASurveyLeaf': { code: string };
};

const choiceList = (choices: ChoiceParam[]) =>
  choices.map((c) => `${c.label}: ${showNumber(c.points)}`).join('; ');

function notANumber(p: NotANumberParams): string {
  switch (p.found) {
    case 'notFinite':
      return 'Giá trị không phải là một số hữu hạn.';
    case 'text':
      return `"${p.text}" không phải là số.`;
    case 'boolean':
      return `Giá trị ${p.value ? 'TRUE' : 'FALSE'} không phải là điểm.`;
    case 'excelError':
      return `Ô đang báo lỗi ${p.error}, không đọc được điểm.`;
    case 'unreadable':
      return 'Giá trị không đọc được.';
    case 'surveyFigure':
      return 'giá trị không phải là số.';
  }
}

export const SCORING_VI: MessageTemplates<ScoringParams> = {
  'value.notANumber': notANumber,
  'value.numericText': (p) =>
    `"${p.text}" được nhập dưới dạng chữ; đã đọc thành số ${showNumber(p.value)}. Hãy nhập lại dưới dạng số.`,
  'score.missing': () => 'chưa chấm điểm.',
  'score.negative': (p) =>
    p.from === 'surveyFile'
      ? `điểm điều tra XHH ${formatVi(p.value)} là số âm.`
      : `${showNumber(p.value)} là số âm; điểm không được âm.`,
  'score.aboveMax': (p) =>
    p.from === 'surveyFile'
      ? `điểm điều tra XHH ${formatVi(p.value)} vượt điểm tối đa ${formatVi(p.max)}.`
      : `${showNumber(p.value)} vượt điểm tối đa ${showNumber(p.max)}.`,
  'score.notALevel': (p) =>
    `${showNumber(p.value)} không phải một mức của cách chấm (${choiceList(p.choices)}).`,
  'score.notATierPoint': (p) =>
    `${showNumber(p.value)} không khớp mức nào của cách chấm (${choiceList(p.choices)}).`,
  'score.offStep': (p) => `${showNumber(p.value)} không đúng bước chấm ${showNumber(p.step)} điểm.`,
  'score.notApplicable': (p) => `tiêu chí không áp dụng cho nhóm "${p.group}"; hãy để trống.`,
  'score.selfOnSurveyLeaf': () =>
    'tiêu chí này do điều tra xã hội học xác định, không tự chấm hay thẩm định; hãy để trống.',
  'deduction.positive': (p) =>
    `tiêu chí điểm trừ phải ghi số âm (ví dụ -${showNumber(p.value)}), không ghi ${showNumber(p.value)}.`,
  'deduction.beyondCap': (p) =>
    `trừ ${showNumber(-p.value)} điểm, vượt mức trừ tối đa ${showNumber(p.cap)} điểm.`,
  'bonus.beyondCap': (p) =>
    `thưởng ${showNumber(p.value)} điểm, vượt mức thưởng tối đa ${showNumber(p.cap)} điểm.`,
  'evidence.missing': () =>
    'có tự chấm điểm nhưng chưa nêu tài liệu kiểm chứng (số, ngày văn bản) hoặc giải trình.',
  'appraisal.noComment': (p) =>
    p.round === 1
      ? `điểm thẩm định ${showNumber(p.appraisal)} khác điểm tự đánh giá ${showNumber(p.before)} nhưng chưa ghi ý kiến thẩm định.`
      : `điểm thẩm định lần 2 ${showNumber(p.appraisal)} khác ${p.against === 'round1' ? 'lần 1' : 'điểm tự đánh giá'} ${showNumber(p.before)} nhưng chưa ghi ý kiến.`,
  'entry.unknownCode': (p) =>
    `Mã "${p.code}" không phải tiêu chí chấm điểm của bộ tiêu chí ${p.frameworkId}; giá trị ở dòng này không được tính.`,
  'unit.unknownGroup': (p) =>
    `Nhóm "${p.group}" của đơn vị không có trong bộ tiêu chí (các nhóm: ${p.groups.map((g) => `${g.id} – ${g.name}`).join('; ')}).`,
  'sheet.wrongFramework': (p) =>
    `Bảng điểm lập theo bộ tiêu chí "${p.sheetFramework}", không phải "${p.framework}".`,
  'survey.rateOutOfRange': (p) =>
    `tỷ lệ ${p.from === 'surveyFile' ? formatVi(p.rate) : showNumber(p.rate)}% nằm ngoài khoảng 0% – 100%.`,
  'survey.notASurveyLeaf': (p) => `Tiêu chí ${p.code} không phải là tiêu chí điều tra xã hội học.`,
};

/** A scoring problem's key, facts and Vietnamese sentence: what a site that raises one writes. */
export function scoringMessage<K extends ScoringProblemKey>(
  rule: K,
  params: ScoringParams[K],
): { rule: K; params: ScoringParams[K]; message: string } {
  return { rule, params, message: SCORING_VI[rule](params) };
}
