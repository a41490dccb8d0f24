/**
 * Reading the rows under the header of an appendix table into a tree of row nodes. Each row is
 * one of: skipped on purpose (blank, repeated header, column numbering, title), the total row, the
 * continuation of the row above (merged cells expanded, multi-line guide), or a node. A node's
 * code is made absolute here (Roman fields, lettered items, codes relative to their field), so
 * the tree is built in one pass. Every row not understood is an error with its row number.
 */
import { parseRowCode, type RowCode } from './codes';
import type { Columns } from './header';
import { isColumnNumbering, isHeaderRepeat } from './header';
import { cellText, folded, readNumber } from './text';
import type { IssueLists, TableCell } from './types';

/** A node row as read, before leaves are told from parents. */
export interface RowNode {
  row: number;
  code: string;
  name: string;
  max: number;
  guideLines: string[];
  methodText: string;
  appliesText: string;
  maxByGroupText: string;
  evidenceText: string;
  /** The raw code cell and name, to recognise continuation rows of a merged cell. */
  rawCode: string;
  children: RowNode[];
  parent: RowNode | null;
}

export interface ReadRows {
  /** The top-level rows (lĩnh vực), each with its children. */
  fields: RowNode[];
  /** The "Tổng cộng" row, when the table has one. */
  total: { row: number; value: number } | null;
}

/** The cells of one row that decide what the row is. */
interface RowCells {
  rowNo: number;
  row: readonly TableCell[];
  codeText: string;
  name: string;
  maxCell: TableCell;
  maxText: string;
  guide: string;
}

/** What the reading remembers from the rows above. */
interface ReadState extends ReadRows {
  byCode: Map<string, RowNode>;
  /** The last node read, for continuation rows. */
  last: RowNode | null;
  /** The last node with a numbered (not lettered) code: the parent of lettered items. */
  lastNumbered: RowNode | null;
  /** The Roman field being read; whether its numbered codes are relative to it is decided once. */
  romanField: { code: string; relative: boolean | null } | null;
  usesRoman: boolean;
}

export function cellAt(row: readonly TableCell[], col: number | undefined): TableCell {
  return col === undefined ? null : (row[col] ?? null);
}

/** Reads every row below the header (0-based `headerIndex`) into row nodes. */
export function readRows(
  rows: readonly (readonly TableCell[])[],
  headerIndex: number,
  cols: Columns,
  report: IssueLists,
): ReadRows {
  const state: ReadState = {
    fields: [],
    total: null,
    byCode: new Map(),
    last: null,
    lastNumbered: null,
    romanField: null,
    usesRoman: false,
  };
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rowCells(rows[i], i + 1, cols);
    if (
      skippedRow(cells, cols, report) ||
      totalRow(cells, state, cols, report) ||
      continuationRow(cells, state, cols, report) ||
      titleRow(cells, report)
    )
      continue;
    nodeRow(cells, state, cols, report);
  }
  return { fields: state.fields, total: state.total };
}

function rowCells(row: readonly TableCell[], rowNo: number, cols: Columns): RowCells {
  const maxCell = cellAt(row, cols.max);
  return {
    rowNo,
    row,
    codeText: cellText(cellAt(row, cols.code)),
    name: cellText(cellAt(row, cols.name)).replace(/\n+/g, ' '),
    maxCell,
    maxText: cellText(maxCell),
    guide: cellText(cellAt(row, cols.guide)),
  };
}

/** Blank spacer rows, headers repeated on each page, "(1) (2) (3)" column numbering. */
function skippedRow({ row, rowNo }: RowCells, cols: Columns, { note }: IssueLists): boolean {
  if (row.every((c) => cellText(c) === '')) return true;
  if (isHeaderRepeat(row, cols)) {
    note(rowNo, 'bỏ qua dòng tiêu đề cột lặp lại.');
    return true;
  }
  if (isColumnNumbering(row)) {
    note(rowNo, 'bỏ qua dòng đánh số cột.');
    return true;
  }
  return false;
}

/** A total row: "Tổng cộng" / "Tổng điểm" in the name or code column, no code. */
function totalRow(cells: RowCells, state: ReadState, cols: Columns, { fail }: IssueLists): boolean {
  const { name, codeText, row, rowNo, maxCell, maxText } = cells;
  const totalLabel = /^(tổng|cộng)/.test(folded(name))
    ? name
    : /^(tổng|cộng)/.test(folded(codeText))
      ? codeText
      : null;
  if (totalLabel === null || parseRowCode(cellAt(row, cols.code)) !== null) return false;
  const value = readNumber(maxCell);
  if (value === null)
    fail(rowNo, `dòng "${totalLabel}" không có tổng điểm đọc được ("${maxText}").`, undefined, cols.max);
  else state.total = { row: rowNo, value };
  return true;
}

/**
 * The same node again: code and name repeated, as merged cells expanded by the reader give (or a
 * row copied twice); it may carry the next line of a multi-line guide. Or that next line in a row
 * of its own: only the guide cell is filled.
 */
function continuationRow(
  { rowNo, codeText, name, maxCell, maxText, guide }: RowCells,
  { last }: ReadState,
  cols: Columns,
  { fail, note }: IssueLists,
): boolean {
  if (!last) return false;
  if (codeText !== '' && codeText === last.rawCode && name === last.name) {
    if (maxText !== '' && readNumber(maxCell) !== last.max) {
      fail(
        rowNo,
        `mã ${last.code} trùng với dòng ${last.row} nhưng ghi điểm tối đa "${maxText}" khác.`,
        last.code,
        cols.max,
      );
    } else if (guide !== '' && !last.guideLines.includes(guide)) {
      last.guideLines.push(guide);
    } else {
      note(
        rowNo,
        `bỏ qua dòng lặp lại mục ${last.code} của dòng ${last.row} (ô gộp hoặc dòng chép trùng).`,
        last.code,
      );
    }
    return true;
  }
  if (guide !== '' && codeText === '' && name === '' && maxText === '') {
    last.guideLines.push(guide);
    return true;
  }
  return false;
}

/** Every non-empty cell holds the same text: a merged title across the table. */
function singleText(row: readonly TableCell[]): string | null {
  const values = row.map((c) => cellText(c)).filter(Boolean);
  if (!values.length) return null;
  return values.every((v) => v === values[0]) ? values[0] : null;
}

function isUpperTitle(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

/** A title row: one text (maybe repeated across a merged range) that is not a code. */
function titleRow({ row, rowNo, codeText, maxText }: RowCells, { fail, note }: IssueLists): boolean {
  const single = singleText(row);
  if (
    single === null ||
    parseRowCode(single) !== null ||
    !(codeText === '' || codeText === single) ||
    maxText !== ''
  )
    return false;
  if (isUpperTitle(single) || row.filter((c) => cellText(c) !== '').length > 1) {
    note(rowNo, `bỏ qua dòng tiêu đề "${single.slice(0, 60)}".`);
    return true;
  }
  fail(
    rowNo,
    `dòng chỉ có chữ "${single.slice(0, 60)}", không có mã và điểm: không rõ là tiêu đề hay phần tiếp của dòng trên. Hãy xóa dòng hoặc ghép vào ô phía trên.`,
  );
  return true;
}

/** A node row: its code made absolute, its name and maximum read, placed under its parent. */
function nodeRow(cells: RowCells, state: ReadState, cols: Columns, report: IssueLists): void {
  const { fail, note } = report;
  const { rowNo, row, codeText, name, maxCell, maxText, guide } = cells;
  const code = parseRowCode(cellAt(row, cols.code));
  if (code === null) {
    fail(
      rowNo,
      codeText === ''
        ? `dòng "${name.slice(0, 60)}" thiếu mã (STT).`
        : `không đọc được mã "${codeText}" (dùng 1, 1.1, 1.1.1 hoặc I, II cho lĩnh vực).`,
      undefined,
      cols.code,
    );
    return;
  }
  const absolute = absoluteCode(code, cells, state, cols, report);
  if (absolute === null) return;
  if (code.kind === 'arabic' && code.fromNumber) {
    note(
      rowNo,
      `mã ${absolute} được lưu dạng số trong Excel (nếu là ${absolute}0 hãy định dạng cột mã là Văn bản).`,
      absolute,
      cols.code,
    );
  }
  if (!name) {
    fail(rowNo, `mục ${absolute} thiếu nội dung.`, absolute, cols.name);
    return;
  }
  const max = readNumber(maxCell);
  if (max === null) {
    fail(
      rowNo,
      maxText === ''
        ? `mục ${absolute} thiếu điểm tối đa.`
        : `điểm tối đa "${maxText}" của mục ${absolute} không phải là số.`,
      absolute,
      cols.max,
    );
    return;
  }
  const parent = placeInTree(absolute, rowNo, state, cols, report);
  if (parent === undefined) return;
  const node: RowNode = {
    row: rowNo,
    code: absolute,
    name,
    max,
    guideLines: guide ? [guide] : [],
    methodText: cellText(cellAt(row, cols.method)),
    appliesText: cellText(cellAt(row, cols.appliesTo)),
    maxByGroupText: cellText(cellAt(row, cols.maxByGroup)),
    evidenceText: cellText(cellAt(row, cols.evidence)),
    rawCode: codeText,
    children: [],
    parent,
  };
  state.byCode.set(absolute, node);
  (parent ? parent.children : state.fields).push(node);
  state.last = node;
  state.lastNumbered = code.kind === 'letter' ? state.lastNumbered : node;
}

/** The code as the framework writes it ("2.1.3"), or null (reported) when it cannot be placed. */
function absoluteCode(
  code: RowCode,
  { rowNo, codeText }: RowCells,
  state: ReadState,
  cols: Columns,
  { fail }: IssueLists,
): string | null {
  if (code.kind === 'roman') {
    state.usesRoman = true;
    const absolute = String(code.value);
    state.romanField = { code: absolute, relative: null };
    return absolute;
  }
  if (code.kind === 'letter') {
    const { lastNumbered } = state;
    if (!lastNumbered) {
      fail(
        rowNo,
        `mục "${codeText}" đánh số bằng chữ nhưng chưa có mục nào phía trên để làm mục cha.`,
        undefined,
        cols.code,
      );
      return null;
    }
    const parent: RowNode =
      lastNumbered.code.split('.').length >= 3 && lastNumbered.parent ? lastNumbered.parent : lastNumbered;
    // Letters must run a), b), c) … under their parent: "x" after nothing is a typo, not item 21.
    if (code.value !== parent.children.length + 1) {
      fail(
        rowNo,
        `mục "${codeText}" không đúng thứ tự chữ cái dưới mục ${parent.code} (mong đợi mục thứ ${parent.children.length + 1}).`,
        undefined,
        cols.code,
      );
      return null;
    }
    return `${parent.code}.${code.value}`;
  }
  if (!state.usesRoman) return code.segments.join('.');
  const { romanField } = state;
  if (!romanField) {
    fail(rowNo, `mã "${codeText}" đứng trước lĩnh vực đánh số La Mã đầu tiên.`, undefined, cols.code);
    return null;
  }
  // Under a Roman field, "1", "1.1" are relative to it; "2.1" under II is absolute. Decided by
  // the field's first numbered row: one segment = relative.
  romanField.relative ??= !(code.segments.length >= 2 && String(code.segments[0]) === romanField.code);
  if (romanField.relative) return `${romanField.code}.${code.segments.join('.')}`;
  if (code.segments[0] !== Number(romanField.code)) {
    fail(rowNo, `mã "${codeText}" không thuộc lĩnh vực ${romanField.code} đang đọc.`, undefined, cols.code);
    return null;
  }
  return code.segments.join('.');
}

/**
 * The parent of a new node (null for a field), or undefined (reported) when the code repeats one
 * read above, is deeper than a sub-criterion, or comes before its parent.
 */
function placeInTree(
  absolute: string,
  rowNo: number,
  { byCode }: ReadState,
  cols: Columns,
  { fail }: IssueLists,
): RowNode | null | undefined {
  if (byCode.has(absolute)) {
    fail(rowNo, `mã ${absolute} trùng với dòng ${byCode.get(absolute)!.row}.`, absolute, cols.code);
    return undefined;
  }
  const segments = absolute.split('.');
  if (segments.length > 3) {
    fail(
      rowNo,
      `mục ${absolute} ở cấp thứ ${segments.length}: bộ tiêu chí chỉ có lĩnh vực, tiêu chí, tiêu chí thành phần.`,
      absolute,
      cols.code,
    );
    return undefined;
  }
  const parentCode = segments.slice(0, -1).join('.');
  const parent = parentCode ? byCode.get(parentCode) : null;
  if (parentCode && !parent) {
    fail(
      rowNo,
      `mục ${absolute} đứng trước mục cha ${parentCode} (hoặc mục cha bị thiếu).`,
      absolute,
      cols.code,
    );
    return undefined;
  }
  return parent ?? null;
}
