/**
 * The template workbook's public layout (DESIGN.md "The template workbook"): sheet names, column
 * titles in their contract order, the `_meta` keys and the defined names. Other tools (the add-in,
 * consolidation, other offices' scripts) find things by THESE titles and names, never by fixed
 * addresses, so changing a string here is a breaking change of the file format.
 */
import { fnv1aUtf16 } from '../common/fnv';
import type { ReportTexts } from '../scoring/types';

export const SHEET_GUIDE = 'Hướng dẫn';
export const SHEET_SCORE = 'Chấm điểm';
export const SHEET_META = '_meta';
/**
 * Hidden sheet holding the allowed values of list validations as real numbers. Every list goes
 * here, not only those above Excel's 255-character literal limit: a literal list "1,0.5,0" is read
 * with the user's locale separators, which breaks in a Vietnamese (decimal comma) Excel, while
 * numbers in cells are locale-free.
 */
export const SHEET_LISTS = '_lists';

/** Bumped when the layout changes in a way readers must know about. */
export const TEMPLATE_FORMAT_VERSION = '1';

// The columns of `Chấm điểm` are described in columns.ts; re-exported here with the rest of the layout.
export {
  COLUMN_NUMBER,
  CONTRACT_TITLES,
  SCORE_COLUMNS,
  TITLE_TO_FIELD,
  type ColumnKey,
  type ColumnKind,
  type ScoreColumn,
} from './columns';

/** Rows above the header hold the title, the unit and the framework; the header follows. */
export const SCORE_TITLE_ROW = 1;
export const SCORE_UNIT_ROW = 2;
export const SCORE_FRAMEWORK_ROW = 3;
export const SCORE_HEADER_ROW = 4;
export const SCORE_FIRST_DATA_ROW = 5;

/** Text written in `Nội dung` of the row that ends the table. */
export const TOTAL_ROW_LABEL = 'TỔNG CỘNG';
/** Text in the self-score cell of a survey leaf (no self-score input there). */
export const SURVEY_MARK = 'Điều tra XHH';
/** Text in the self-score cell of a leaf not applying to the unit's group. */
export const NOT_APPLICABLE_MARK = 'Không áp dụng';

/**
 * The unit's texts for its self-assessment report, one input row each below the total row of
 * `Chấm điểm` (unit workbooks only): the label in `Nội dung`, the text in the merged cell right of
 * it. The plan writes these rows and the reader finds them by these labels (never by address), so
 * the report the Sở prints (src/docx) takes what the unit wrote in Excel.
 */
export const REPORT_TEXTS: readonly {
  key: keyof ReportTexts;
  label: string;
  prompt: string;
}[] = [
  {
    key: 'difficulties',
    label: 'Khó khăn, vướng mắc',
    prompt:
      'Những khó khăn, vướng mắc của đơn vị khi thực hiện nhiệm vụ CCHC và khi tự đánh giá (in vào báo cáo tự đánh giá).',
  },
  {
    key: 'recommendations',
    label: 'Kiến nghị, đề xuất',
    prompt: 'Kiến nghị, đề xuất của đơn vị với Sở Nội vụ, UBND tỉnh (in vào báo cáo tự đánh giá).',
  },
];

/** Keys of the `_meta` sheet (column A key, column B value). */
export const META_KEYS = {
  formatVersion: 'formatVersion',
  frameworkId: 'frameworkId',
  frameworkVersion: 'frameworkVersion',
  frameworkFingerprint: 'frameworkFingerprint',
  frameworkTitle: 'frameworkTitle',
  frameworkStatus: 'frameworkStatus',
  unitCode: 'unitCode',
  unitName: 'unitName',
  unitGroup: 'unitGroup',
  generatedAt: 'generatedAt',
  generatorVersion: 'generatorVersion',
  deadline: 'deadline',
  /** Campaign workbooks only (src/campaign): which form, for which campaign, stage and round. */
  workbookKind: 'workbookKind',
  campaignId: 'campaignId',
  stage: 'stage',
  round: 'round',
  /** SHA-256 of the accepted file an appraisal or response workbook was made from. */
  sourceSha256: 'sourceSha256',
  /** HMAC-SHA-256 over (campaign, unit, stage, round, framework fingerprint, source hash). */
  authCode: 'authCode',
} as const;
export type MetaKey = (typeof META_KEYS)[keyof typeof META_KEYS];

/** Workbook-scoped defined names for the key ranges (kept ASCII so every engine accepts them). */
export const DEFINED_NAMES = {
  /** The header row of `Chấm điểm`. */
  header: 'CCHC_Header',
  /** The `Mã` cells of every node row. */
  codes: 'CCHC_Codes',
  /** Header + node rows + total row. */
  table: 'CCHC_Table',
  /** The total row. */
  total: 'CCHC_Total',
  /** The key/value block of `_meta`. */
  meta: 'CCHC_Meta',
  /** The deadline cell on `Hướng dẫn`. */
  deadline: 'CCHC_Deadline',
} as const;

function normalizeTitleText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
}

/**
 * Texts already normalized. Every returned workbook of a framework repeats the same titles and
 * node names, and reading one compares ~150 of them (a few µs each on Vietnamese text: ~8 % of a
 * consolidation, CPU profile of 1,000 files). Bounded (at most ~8 MB held); cleared when full.
 */
const normalizedTitles = new Map<string, string>();
const NORMALIZED_TITLES_MAX = 2_000;
const NORMALIZED_TITLE_MAX_CHARS = 1_000;

/**
 * Texts seen once, by hash (one slot per hash, overwritten): a text is cached the second time it
 * is seen. A file's own texts (its "Đơn vị: …" line, its unit's name) come once per file and were
 * 2,000 of the cache's entries at 3,000 returns, a few hundred bytes each, thrown out and made
 * again with every clearing; the titles of a framework repeat from the second file on.
 */
const SEEN_ONCE_SLOTS = 4_096;
const seenOnce = new Int32Array(SEEN_ONCE_SLOTS);

/** Whether `text` was seen before (or shares a hash with a text that was): then it is cached. */
function seenBefore(text: string): boolean {
  // Never 0: that is an empty slot.
  const h = fnv1aUtf16(text) | 1;
  const slot = (h >>> 0) % SEEN_ONCE_SLOTS;
  if (seenOnce[slot] === h) return true;
  seenOnce[slot] = h;
  return false;
}

/** Header titles compared as people type them: NFC, trimmed, spaces collapsed, case-insensitive. */
export function normalizeTitle(text: unknown): string {
  // An empty cell (most of those the header search looks at) needs no ICU call to read as ''.
  if (text === null || text === undefined) return '';
  if (typeof text !== 'string' || text.length > NORMALIZED_TITLE_MAX_CHARS)
    return normalizeTitleText(String(text ?? ''));
  let normalized = normalizedTitles.get(text);
  if (normalized === undefined) {
    if (!seenBefore(text)) return normalizeTitleText(text);
    if (normalizedTitles.size >= NORMALIZED_TITLES_MAX) normalizedTitles.clear();
    // Both copied (" " + text, then sliced, is a new flat string): a text read from a workbook may
    // be a slice of that workbook's whole XML, and a kept slice would keep all of it alive.
    normalized = ` ${normalizeTitleText(text)}`.slice(1);
    normalizedTitles.set(` ${text}`.slice(1), normalized);
  }
  return normalized;
}
