/**
 * Bounds on what any .xlsx reader of ours accepts (returned workbooks, survey and previous
 * rankings, appendix tables), so that the memory a file costs depends on what it holds, never on
 * the addresses it claims: one cell typed at XFD1048576, a merged range over the whole sheet or a
 * row numbered 9,999,999 must give a clear per-file message, not a dense grid of 17 billion cells.
 *
 * A file that breaches a limit is refused by whichever reader met the breach; the exceljs fallback
 * is never handed such a file (see `checkPartBounds`). Messages are Vietnamese, name the sheet and
 * cell, and leave out the file name (the caller prefixes it).
 */

export interface ReadLimits {
  /** Last row that may hold a value (a template has a few hundred; a national survey ~3,300 units). */
  maxRows: number;
  /** Last column that may hold a value (a template uses ~15, a survey table a few dozen). */
  maxColumns: number;
  /** `<c>` elements in one sheet, values or not. */
  maxCells: number;
  /** Cells covered by merged ranges in one sheet. */
  maxMergedCells: number;
  /** Characters of one cell's text: Excel's own limit. */
  maxCellTextChars: number;
  maxSharedStrings: number;
  /** Uncompressed bytes of one part that is read (a worksheet, the shared strings). */
  maxPartBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxRows: 20_000,
  maxColumns: 200,
  maxCells: 500_000,
  maxMergedCells: 100_000,
  maxCellTextChars: 32_767,
  maxSharedStrings: 500_000,
  maxPartBytes: 32 * 1024 * 1024,
};

/**
 * A survey table, a previous ranking or an appendix table (CSV or .xlsx): a national survey of
 * ~3,300 communes is well under 1 MB. Past this size a file is refused before it is read.
 */
export const DATA_FILE_MAX_BYTES = 5 * 1024 * 1024;

/** Excel's own grid. */
export const EXCEL_MAX_ROW = 1_048_576;
export const EXCEL_MAX_COL = 16_384;

/** A file is beyond what we read; `message` is Vietnamese, without the file name. */
export class ReadLimitExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadLimitExceeded';
  }
}

/** 1048576 → "1.048.576" (Vietnamese digit grouping). */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const where = (sheet: string, cell?: string) => `Trang "${sheet}"${cell ? `, ô ${cell}` : ''}`;

export const limitMessages = {
  rowNumber: (sheet: string, raw: string) =>
    `${where(sheet)}: số dòng "${raw}" không hợp lệ (Excel chỉ có dòng 1 đến ${groupDigits(EXCEL_MAX_ROW)}); tệp đã bị sửa bằng công cụ khác hoặc bị hỏng. Hãy mở bằng Excel, lưu lại rồi gửi lại.`,
  cellAddress: (sheet: string, raw: string) =>
    `${where(sheet)}: địa chỉ ô "${raw}" không hợp lệ (ngoài lưới của Excel); tệp đã bị sửa bằng công cụ khác hoặc bị hỏng.`,
  row: (sheet: string, cell: string, row: number, limits: ReadLimits) =>
    `${where(sheet, cell)}: có dữ liệu ở dòng ${groupDigits(row)}, ngoài vùng đọc (tối đa ${groupDigits(limits.maxRows)} dòng). Hãy xóa các ô thừa ở cuối trang rồi lưu lại.`,
  column: (sheet: string, cell: string, col: number, limits: ReadLimits) =>
    `${where(sheet, cell)}: có dữ liệu ở cột thứ ${groupDigits(col)}, ngoài vùng đọc (tối đa ${groupDigits(limits.maxColumns)} cột). Hãy xóa các ô thừa bên phải rồi lưu lại.`,
  cells: (sheet: string, limits: ReadLimits) =>
    `${where(sheet)}: có hơn ${groupDigits(limits.maxCells)} ô, quá giới hạn đọc. Hãy xóa định dạng và dữ liệu thừa rồi lưu lại.`,
  merged: (sheet: string, range: string, total: number, limits: ReadLimits) =>
    `${where(sheet)}, vùng gộp ${range}: các vùng gộp ô phủ ${groupDigits(total)} ô (tối đa ${groupDigits(limits.maxMergedCells)} ô mỗi trang). Hãy bỏ gộp vùng này rồi lưu lại.`,
  cellText: (sheet: string, cell: string, chars: number, limits: ReadLimits) =>
    `${where(sheet, cell)}: nội dung dài ${groupDigits(chars)} ký tự (Excel cho tối đa ${groupDigits(limits.maxCellTextChars)}).`,
  sharedStrings: (count: number, limits: ReadLimits) =>
    `Bảng chuỗi dùng chung của tệp có hơn ${groupDigits(Math.max(count, limits.maxSharedStrings))} chuỗi (tối đa ${groupDigits(limits.maxSharedStrings)}).`,
  sharedString: (index: number, chars: number, limits: ReadLimits) =>
    `Chuỗi dùng chung thứ ${groupDigits(index + 1)} dài ${groupDigits(chars)} ký tự (Excel cho tối đa ${groupDigits(limits.maxCellTextChars)}).`,
  dataFile: (bytes: number) =>
    `Tệp nặng ${mb(bytes)} (tối đa ${mb(DATA_FILE_MAX_BYTES)} cho tệp dữ liệu): quá lớn để là bảng điều tra, bảng xếp hạng hay phụ lục. Hãy chỉ giữ lại bảng cần dùng.`,
  csvRows: (rows: number, limits: ReadLimits) =>
    `Tệp CSV có ${groupDigits(rows)} dòng (tối đa ${groupDigits(limits.maxRows)}).`,
  csvColumns: (row: number, cols: number, limits: ReadLimits) =>
    `Dòng ${groupDigits(row)} của tệp CSV có ${groupDigits(cols)} cột (tối đa ${groupDigits(limits.maxColumns)}).`,
  csvText: (row: number, chars: number, limits: ReadLimits) =>
    `Dòng ${groupDigits(row)} của tệp CSV có một ô dài ${groupDigits(chars)} ký tự (tối đa ${groupDigits(limits.maxCellTextChars)}).`,
  part: (part: string, bytes: number, limits: ReadLimits) =>
    `Phần "${part}" giải nén ra ${mb(bytes)} (tối đa ${mb(limits.maxPartBytes)} mỗi phần): quá lớn để là bảng tính của công cụ.`,
};

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/** Accumulates the area of merged ranges of one sheet and refuses past the limit. */
export function mergedAreaCounter(sheet: string, limits: ReadLimits): (range: string, area: number) => void {
  let total = 0;
  return (range, area) => {
    total += area;
    if (total > limits.maxMergedCells)
      throw new ReadLimitExceeded(limitMessages.merged(sheet, range, total, limits));
  };
}

/** The size check of a data file, before it is read; null when within the cap. */
export function dataFileSizeProblem(size: number): string | null {
  return size > DATA_FILE_MAX_BYTES ? limitMessages.dataFile(size) : null;
}

/** Lines in a CSV text, counted before parsing it (an upper bound of its rows). */
export function csvLineCountProblem(text: string, limits: ReadLimits = DEFAULT_READ_LIMITS): string | null {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (++lines > limits.maxRows + 1) return limitMessages.csvRows(lines, limits);
  }
  return null;
}

/** The parsed rows of a CSV file against the limits; null when within them. */
export function csvRowsProblem(
  rows: readonly string[][],
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): string | null {
  if (rows.length > limits.maxRows) return limitMessages.csvRows(rows.length, limits);
  for (let r = 0; r < rows.length; r++) {
    if (rows[r].length > limits.maxColumns) return limitMessages.csvColumns(r + 1, rows[r].length, limits);
    for (const cell of rows[r])
      if (cell.length > limits.maxCellTextChars) return limitMessages.csvText(r + 1, cell.length, limits);
  }
  return null;
}
