/**
 * From an appendix table (rows of cells, merged cells already expanded by the reader) plus its
 * meta to a framework. Pure. What it accepts is documented in the command's --help
 * (src/cli/commands/framework-import.ts) and in the module docs of codes.ts, tiers.ts and guide.ts.
 *
 * Every row it cannot understand becomes an error with its row number; rows it skips on purpose
 * (titles, blanks, repeated headers, column numbering) and every default it applies become notes.
 * It never guesses silently: when two readings are possible the row is an error.
 *
 * The steps, each in its own module: legacy encodings (legacy.ts), the header row (header.ts),
 * the rows into a tree (rows.ts), each node's scoring (node.ts), then the meta and totals here.
 */
import { checkFramework, treePoints } from '../checks';
import { FrameworkError, type FrameworkProblem } from '../errors';
import { parseFramework } from '../parse';
import type { Framework, FrameworkNode } from '../schema';
import { countByDepth } from '../tree';
import { decodeLegacyCells } from './legacy';
import { findHeader, type Columns } from './header';
import type { ImportMeta } from './meta';
import { toNode } from './node';
import { readRows, type ReadRows } from './rows';
import { formatPoints } from '../../common/vi-number';
import { issueLists, type ImportIssue, type IssueLists, type TableCell } from './types';

export { matchGroups } from './node';

export interface ImportResult {
  /** The framework, when every row was understood and it fits the schema (it may still fail checks). */
  framework: Framework | null;
  /** Rows not understood: the table must be fixed. */
  errors: ImportIssue[];
  /** Rows skipped on purpose and defaults applied: for the user to confirm. */
  notes: ImportIssue[];
  /** checkFramework on the result (empty when `framework` is null). */
  problems: FrameworkProblem[];
}

type Rows = readonly (readonly TableCell[])[];

export function importFrameworkTable(input: Rows, meta: ImportMeta): ImportResult {
  const report = issueLists();
  const { errors, notes, fail } = report;
  const done = (): ImportResult => ({ framework: null, errors, notes, problems: [] });

  const rows = decodedRows(input, report);
  if (!rows) return done();
  const header = headerRow(rows, report);
  if (!header) return done();
  const cols = header.columns;
  const read = readRows(rows, header.index, cols, report);

  if (!read.fields.length && !errors.length)
    fail(0, 'bảng không có dòng tiêu chí nào dưới dòng tiêu đề cột.');
  // Read the scoring of the rows understood so far even when some rows failed: the user gets
  // every problem of the table in one run, not one per attempt.
  const tree = read.fields.map((f) => toNode(f, meta, cols, report));
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    return done();
  }
  const framework = frameworkOf(tree, read.total, meta, cols, report);
  if (!framework) return done();
  return { framework, errors, notes, problems: checkFramework(framework) };
}

/** TCVN3 cells decoded (with a note); null (reported) when a row looks VNI, which cannot be. */
function decodedRows(input: Rows, { fail, note }: IssueLists): Rows | null {
  const legacy = decodeLegacyCells(input);
  if (legacy.tcvn3Rows.length) {
    const list = legacy.tcvn3Rows.slice(0, 10).join(', ') + (legacy.tcvn3Rows.length > 10 ? ', …' : '');
    note(
      0,
      `chữ ở bảng mã TCVN3 (ABC) đã được chuyển sang Unicode ở ${legacy.tcvn3Rows.length} dòng (${list}); hãy xem lại tên tiêu chí.`,
    );
  }
  for (const row of legacy.vniRows) {
    fail(row, 'chữ có vẻ ở bảng mã VNI: hãy chuyển bảng sang Unicode (ví dụ bằng Unikey) rồi nhập lại.');
  }
  return legacy.vniRows.length ? null : legacy.rows;
}

/** The header row and its columns, noting the title rows above it; null (reported) when absent. */
function headerRow(rows: Rows, { fail, note }: IssueLists): { index: number; columns: Columns } | null {
  const header = findHeader(rows);
  if (!header) {
    fail(
      0,
      'không tìm thấy dòng tiêu đề cột trong 30 dòng đầu (cần ít nhất các cột "STT" hoặc "Mã", "Nội dung" và "Điểm tối đa").',
    );
    return null;
  }
  if (header.index > 0)
    note(0, `bỏ qua ${header.index} dòng phía trên dòng tiêu đề cột (dòng ${header.index + 1}).`);
  return header;
}

/**
 * The tree with the meta: the table's total row must equal the fields' sum; counts and points not
 * declared in the meta are taken from the table (with a note to check them against the decision).
 * Null (reported) when the total disagrees or the result does not fit the schema.
 */
function frameworkOf(
  tree: FrameworkNode[],
  total: ReadRows['total'],
  meta: ImportMeta,
  cols: Columns,
  { fail, note }: IssueLists,
): Framework | null {
  const counts = countByDepth(tree);
  const points = treePoints({ tree });
  if (total && Math.round(total.value * 100) !== Math.round(points.total * 100)) {
    fail(
      total.row,
      `dòng tổng cộng ghi ${formatPoints(total.value)} điểm nhưng các lĩnh vực cộng lại ${formatPoints(points.total)}.`,
      undefined,
      cols.max,
    );
    return null;
  }
  if (!meta.declared) {
    note(
      0,
      `bộ tiêu chí không khai báo số lượng và điểm ("declared"): lấy theo bảng (${counts.fields} lĩnh vực, ${counts.criteria} tiêu chí, ${counts.subCriteria} tiêu chí thành phần; ${formatPoints(points.self)} + ${formatPoints(points.survey)} = ${formatPoints(points.total)} điểm). Hãy đối chiếu với quyết định.`,
    );
  }
  const { surveyCodes: _surveyCodes, ...rest } = meta;
  try {
    return parseFramework({ ...rest, declared: meta.declared ?? { counts, points }, tree }, 'bảng phụ lục');
  } catch (e) {
    if (!(e instanceof FrameworkError)) throw e;
    fail(0, e.message);
    return null;
  }
}
