/**
 * The Vietnamese sentences of consolidation's file problems, one template per key that carries
 * its facts (`ConsolidationParams`). The reasons a file could not be opened (file.notTemplate,
 * file.encrypted, …) are worded where the file is read (workbook/open-template.ts, the zip guard)
 * and have no facts here yet. The pane's English templates (src/taskpane/messages.en.ts) are typed
 * by the same `ConsolidationParams`.
 */
import type { MessageTemplates } from '../common/message-templates';
import type { FileProblemKey } from './problem-keys';

/** Which text of a file held characters XML forbids. */
export type ReplacedText = 'unitName' | 'unitCode' | 'fileName';

/** The unit a file problem is about, as the file says (`code` '' when it gives none). */
type UnitParam = { unit: string; unitCode: string };

export type ConsolidationParams = {
  /** `others`: the other files of the same unit; `sameBytes`: all of them byte for byte the same. */
  'file.duplicate': { file: string; count: number; others: string[]; sameBytes: boolean } & UnitParam;
  /** `codes`: the criteria with no appraisal yet, in tree order. */
  'consolidation.notYetAppraised': { file: string; codes: string[] };
  /** `file` as written into the ranking (already with `replacement`). */
  'consolidation.textReplaced': {
    file: string;
    replaced: { where: ReplacedText; chars: string[] }[];
    replacement: string;
  };
  /**
   * No survey figures for an accepted unit: the survey file has none for it (`noFigures`), lacks
   * some of its survey criteria (`missing`), or no survey file was given at all (`noSurveyFile`).
   * `surveyFile`: the survey file's name when known.
   */
  'consolidation.surveyMissing':
    | ({ file: string; gap: 'noFigures'; surveyFile: string | null } & UnitParam)
    | ({ file: string; gap: 'missing'; surveyFile: string | null; missing: string[] } & UnitParam)
    | ({ file: string; gap: 'noSurveyFile' } & UnitParam);
};

/** Keys of FILE_PROBLEM_KEYS whose sentences are not templated here (see the header). */
export type UntemplatedFileKey = Exclude<FileProblemKey, keyof ConsolidationParams>;

const REPLACED_TEXT: Record<ReplacedText, string> = {
  unitName: 'tên đơn vị',
  unitCode: 'mã đơn vị',
  fileName: 'tên tệp',
};

const NOT_ZERO = 'điểm điều tra XHH không được tự tính bằng 0, đơn vị chưa được xếp hạng.';

function surveyMissing(p: ConsolidationParams['consolidation.surveyMissing']): string {
  const unit = `"${p.unit}"${p.unitCode ? ` (mã ${p.unitCode})` : ''}`;
  if (p.gap === 'noSurveyFile')
    return `"${p.file}": chưa có số liệu điều tra XHH cho đơn vị ${unit}; ${NOT_ZERO}`;
  const survey = p.surveyFile ? `tệp điều tra XHH "${p.surveyFile}"` : 'tệp điều tra XHH';
  return p.gap === 'noFigures'
    ? `"${p.file}": ${survey} không có số liệu cho đơn vị ${unit}; ${NOT_ZERO}`
    : `"${p.file}": ${survey} thiếu số liệu của đơn vị "${p.unit}" cho tiêu chí ${p.missing.join(', ')}; ${NOT_ZERO}`;
}

/**
 * What consolidation.notYetAppraised says after the file name, made once per list of codes: the
 * returns of a round mostly lack the same appraisals and share one list (consolidate.ts), and
 * the sentence is kept for every file until the ranking is written (as its own text per file,
 * ~0.2 KB each).
 */
const notYetAppraisedTails = new WeakMap<readonly string[], string>();

function notYetAppraisedTail(codes: readonly string[]): string {
  let tail = notYetAppraisedTails.get(codes);
  if (tail === undefined) {
    const shown = `${codes.slice(0, 8).join(', ')}${codes.length > 8 ? ', …' : ''}`;
    tail = `${codes.length} tiêu chí chưa có điểm thẩm định; dùng điểm tự đánh giá thay thế (${shown}).`;
    notYetAppraisedTails.set(codes, tail);
  }
  return tail;
}

export const CONSOLIDATION_VI: MessageTemplates<ConsolidationParams> = {
  'file.duplicate': (p) =>
    `"${p.file}": đơn vị "${p.unit}" (mã ${p.unitCode || 'trống'}) có ${p.count} tệp — trùng với ${p.others.map((o) => `"${o}"`).join(', ')}` +
    `${p.sameBytes ? ' (nội dung giống hệt nhau)' : ''}. Không tệp nào được chọn; hãy giữ lại một tệp rồi tổng hợp lại.`,
  'consolidation.notYetAppraised': (p) => `"${p.file}": ${notYetAppraisedTail(p.codes)}`,
  'consolidation.textReplaced': (p) =>
    `"${p.file}": ${p.replaced.map((r) => `${REPLACED_TEXT[r.where]} có ký tự ${r.chars.join(', ')}`).join('; ')} — không được phép trong tệp Excel (XML), đã thay bằng "${p.replacement}" trong bảng xếp hạng.`,
  'consolidation.surveyMissing': surveyMissing,
};

/** A file problem's key, facts and Vietnamese sentence: what a site that raises one writes. */
export function consolidationMessage<K extends keyof ConsolidationParams>(
  rule: K,
  params: ConsolidationParams[K],
): { rule: K; params: ConsolidationParams[K]; message: string } {
  return { rule, params, message: CONSOLIDATION_VI[rule](params) };
}
