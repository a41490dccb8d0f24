/**
 * Finding the header row of an appendix table and what each column holds. Titles above it
 * ("PHỤ LỤC", "BỘ TIÊU CHÍ …", the decision's number) are skipped. Column titles vary between
 * decisions, so each column is recognised by the words its title contains.
 */
import { matchHeader, type ColumnAliases } from '../../common/header-match';
import { cellText, folded } from './text';
import type { TableCell } from './types';

export type ColumnKey =
  'code' | 'name' | 'max' | 'guide' | 'method' | 'appliesTo' | 'maxByGroup' | 'evidence';

export type Columns = Partial<Record<ColumnKey, number>>;

/**
 * Each column's title words. Checked in this order; the first matching key takes a column, the
 * first column wins a key (src/common/header-match.ts).
 */
const COLUMN_ALIASES: ColumnAliases<ColumnKey> = [
  ['maxByGroup', [/tối đa (theo|riêng|từng) nhóm|điểm tối đa riêng/]],
  ['code', [/^(stt|tt|mã|mã số|số tt|số thứ tự|mã tiêu chí)$/]],
  ['evidence', [/kiểm chứng/]],
  ['appliesTo', [/áp dụng|đối tượng/]],
  [
    'method',
    [
      /phương pháp đánh giá|hình thức đánh giá|cách đánh giá|nguồn điểm|phương thức|hình thức chấm|^phương pháp$/,
    ],
  ],
  ['guide', [/cách chấm|hướng dẫn chấm|cách tính|phương pháp chấm|cách thức chấm/]],
  ['max', [/điểm tối đa|điểm chuẩn|thang điểm|^điểm$|^tối đa$/]],
  ['name', [/nội dung|tiêu chí|lĩnh vực/]],
];

/** A title as compared: folded, without a trailing "(…)" such as "(điểm)" or "(1)". */
const titleWords = (cell: TableCell) => folded(cellText(cell)).replace(/\s*\(.*\)\s*$/, '');

export function readHeader(row: readonly TableCell[]): Columns {
  return matchHeader(row.map(titleWords), COLUMN_ALIASES).index;
}

/** The first row holding at least a code, a name and a maximum column (0-based), or null. */
export function findHeader(
  rows: readonly (readonly TableCell[])[],
  scanRows = 30,
): { index: number; columns: Columns } | null {
  for (let i = 0; i < Math.min(rows.length, scanRows); i++) {
    const columns = readHeader(rows[i]);
    if (columns.code !== undefined && columns.name !== undefined && columns.max !== undefined)
      return { index: i, columns };
  }
  return null;
}

/** Whether a row repeats the header (Word tables repeat it on every page). */
export function isHeaderRepeat(row: readonly TableCell[], columns: Columns): boolean {
  const again = readHeader(row);
  return again.code === columns.code && again.name === columns.name && again.max === columns.max;
}

/** A "(1) (2) (3) …" or "1 2 3 …" row numbering the columns, found under headers. */
export function isColumnNumbering(row: readonly TableCell[]): boolean {
  const values = row.map((c) => cellText(c)).filter(Boolean);
  if (values.length < 3) return false;
  return values.every((v, i) => new RegExp(`^\\(?${i + 1}\\)?$`).test(v));
}
