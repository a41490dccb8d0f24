/**
 * From a template's two sheets to a scoresheet: `_meta` → the framework it names → the score grid
 * → the scoresheet and its structure problems. Written once for both ways of getting the sheets
 * (the .xlsx bytes of a returned file, src/xlsx/read-template.ts; the workbook open in Excel,
 * src/excel/read.ts), so both say the same Vietnamese sentences. The sentences carry no front-end
 * words (no "--framework", no panel names): each front end adds its own hint.
 */
import type { Framework } from '../framework/schema';
import type { CellValue, Problem, Scoresheet } from '../scoring/types';
import { META_KEYS, SHEET_META, SHEET_SCORE } from './layout';
import { metaWithCells, scoresheetFromGrid, type CellGrid, type FoundLayout } from './read-grid';

/** What is being read: a named file, or the workbook open in Excel. */
export type TemplateSubject = { file: string } | 'openWorkbook';

/** The subject as it starts a sentence. */
export function subjectText(subject: TemplateSubject): string {
  return subject === 'openWorkbook' ? 'Sổ làm việc đang mở' : `"${subject.file}"`;
}

/** A failure once the two sheets are in hand (or known to be missing). */
export interface SheetsFailure {
  ok: false;
  reason: 'notTemplate' | 'unknownFramework';
  /** Vietnamese, names the file (or the open workbook). */
  message: string;
}

/** …and the ones before: the bytes are not a workbook at all, or one beyond the read limits. */
export interface UnreadableFailure {
  ok: false;
  reason: 'unreadable' | 'beyondLimits';
  message: string;
}

export type TemplateFailure = SheetsFailure | UnreadableFailure;

export interface TemplateFound {
  ok: true;
  meta: Record<string, string>;
  framework: Framework;
  scoresheet: Scoresheet;
  structureProblems: Problem[];
  /** Where the reader found the header, columns and rows. */
  layout: FoundLayout | null;
}

export type TemplateReading = TemplateFound | TemplateFailure;

/** The two sheets, however they were obtained. */
export interface TemplateSheets {
  /** The first two columns of `_meta`, from `firstMetaRow` (1-based) on. */
  metaRows: CellValue[][];
  firstMetaRow: number;
  /** The score sheet's name as it is in the workbook. */
  scoreName: string;
  /** Lazy: not needed when the file names a framework we do not have. */
  scoreGrid: () => CellGrid;
}

export function unreadableFailure(subject: TemplateSubject): UnreadableFailure {
  return {
    ok: false,
    reason: 'unreadable',
    message:
      `Không đọc được ${subjectText(subject)}: không phải tệp Excel .xlsx hợp lệ ` +
      '(tệp hỏng, đặt mật khẩu, hoặc định dạng khác như .xls/.ods).',
  };
}

/** `detail` says which read limit (src/xlsx/read-limits.ts). */
export function beyondLimitsFailure(subject: TemplateSubject, detail: string): UnreadableFailure {
  return {
    ok: false,
    reason: 'beyondLimits',
    message: `${subjectText(subject)} vượt giới hạn đọc, không mở: ${detail}`,
  };
}

/**
 * `where` names the part that ends before its XML does ("trang \"Chấm điểm\""): the zip is
 * sound, so the file was cut when it was written or copied, and only the original helps.
 */
export function cutShortFailure(subject: TemplateSubject, where: string): UnreadableFailure {
  return {
    ok: false,
    reason: 'unreadable',
    message:
      `Không đọc được ${subjectText(subject)}: ${where} bị cắt cụt (dữ liệu dừng giữa chừng, ` +
      'phần cuối bị mất khi lưu hoặc khi chép tệp). Hãy gửi lại tệp gốc.',
  };
}

/**
 * `missing` lists the sheet names absent (empty strings are ignored). In Excel `_meta` is very
 * hidden: the user cannot see it, so the open workbook's sentences name only what they can check;
 * a file's sentences name the sheet, for whoever inspects the file.
 */
export function missingSheetsFailure(subject: TemplateSubject, missing: string[]): SheetsFailure {
  const names = missing.filter(Boolean);
  let message: string;
  if (subject !== 'openWorkbook')
    message = `${subjectText(subject)} không phải mẫu chấm điểm CCHC do công cụ tạo ra: thiếu trang "${names.join('", "')}".`;
  else if (names.includes(SHEET_SCORE))
    message = `${subjectText(subject)} không phải mẫu chấm điểm CCHC do công cụ tạo ra: không có trang "${SHEET_SCORE}".`;
  else
    message = `${subjectText(subject)} có trang "${SHEET_SCORE}" nhưng thiếu phần nhận dạng của mẫu (trang có thể đã được chép sang một sổ khác): hãy dùng chính tệp được tạo ở thẻ "Tạo mẫu".`;
  return { ok: false, reason: 'notTemplate', message };
}

/** The names among `_meta` and `Chấm điểm` that a workbook lacks. */
export function missingTemplateSheets(hasMeta: boolean, hasScore: boolean): string[] {
  return [!hasMeta ? SHEET_META : '', !hasScore ? SHEET_SCORE : ''].filter(Boolean);
}

export function templateFromSheets(
  subject: TemplateSubject,
  sheets: TemplateSheets,
  resolveFramework: (id: string, fingerprint?: string) => Framework | undefined,
): TemplateFound | SheetsFailure {
  const { meta, cells: metaCells } = metaWithCells(sheets.metaRows, sheets.firstMetaRow);
  const frameworkId = meta[META_KEYS.frameworkId]?.trim();
  if (!frameworkId) {
    const message =
      subject === 'openWorkbook'
        ? `${subjectText(subject)} thiếu phần nhận dạng bộ tiêu chí của mẫu: hãy dùng chính tệp được tạo ở thẻ "Tạo mẫu".`
        : `${subjectText(subject)} không phải mẫu chấm điểm CCHC: trang "${SHEET_META}" không ghi bộ tiêu chí (frameworkId).`;
    return { ok: false, reason: 'notTemplate', message };
  }
  const framework = resolveFramework(frameworkId, meta[META_KEYS.frameworkFingerprint]?.trim() || undefined);
  if (!framework) {
    return {
      ok: false,
      reason: 'unknownFramework',
      message: `${subjectText(subject)} được tạo theo bộ tiêu chí "${frameworkId}" mà công cụ không có.`,
    };
  }
  const { scoresheet, structureProblems, layout } = scoresheetFromGrid(framework, sheets.scoreGrid(), meta, {
    sheetName: sheets.scoreName,
    metaCells,
  });
  return { ok: true, meta, framework, scoresheet, structureProblems, layout };
}
