/**
 * The list of units templates are made for: one reader for the CLI's `--units` file, the campaign's
 * unit list and the text pasted into the pane's Tạo mẫu panel, so a list accepted in one place is
 * accepted, and read the same way, in the others.
 *
 * A list is a table: with a header row (columns found by their titles: mã / tên / nhóm, in English
 * code / name / group, in any order, other columns ignored) or without one (each row
 * `code; name; group`, `name; group`, `code; name` or just `name`, as staff paste it from Excel).
 * A group is written as its id ("so") or its name ("Sở, ban, ngành"). A unit listed twice (same
 * code, or same name when there is no code) is refused: two templates for one unit would make two
 * returns that consolidation must then refuse. Every row that cannot be used is reported with its
 * line number, never guessed, and the other rows are still read. Pure: text in, units out.
 */
import { matchHeader } from '../common/header-match';
import { parseCsv, stripBom } from '../common/csv';
import { acceptedGroups, findGroup, type GroupRef } from '../framework/groups';
import type { UnitRef } from '../scoring/types';
import { normalizeTitle } from './layout';

export type UnitGroup = GroupRef;

export type UnitListProblemKey =
  'unitList.missingName' | 'unitList.unknownGroup' | 'unitList.groupRequired' | 'unitList.duplicate';

export interface UnitListProblem {
  /** 1-based line of the row in the list (the header is line 1 when there is one). */
  line: number;
  key: UnitListProblemKey;
  /** The unit's name when the row has one, so the message can say which unit. */
  name?: string;
  /** The group as written, for unknownGroup. */
  group?: string;
  /** The line the unit first appeared on, for duplicate. */
  firstLine?: number;
  /** The problem as a Vietnamese sentence (no file name or line: the caller adds where it is). */
  message: string;
}

export interface ListedUnit {
  line: number;
  unit: UnitRef;
}

export interface UnitListResult {
  units: ListedUnit[];
  problems: UnitListProblem[];
  /** Whether the first row was read as a header. */
  header: boolean;
}

/** Column titles of a unit list, compared after `normalizeTitle`. */
export const UNIT_LIST_COLUMNS: Record<'code' | 'name' | 'group', readonly string[]> = {
  code: ['code', 'mã', 'ma', 'mã đơn vị', 'unit code'],
  name: ['name', 'tên', 'ten', 'tên đơn vị', 'đơn vị', 'unit'],
  group: ['group', 'nhóm', 'nhom'],
};

/** A code is short and has no spaces and a digit, e.g. "SO01", "21.3", "X-12" (headerless rows). */
const looksLikeCode = (s: string) => /^[\p{L}\d][\p{L}\d._-]{0,15}$/u.test(s) && /\d/.test(s);

/**
 * The group id a cell names (by id or by name), the default when the cell is empty, or a problem.
 * Without a default, an empty cell is fine only when the framework has one group.
 */
export function resolveGroup(
  groups: readonly UnitGroup[],
  given: string | undefined,
  defaultGroup?: string,
  frameworkId?: string,
): { group: string } | { problem: Pick<UnitListProblem, 'key' | 'group' | 'message'> } {
  if (!given || !given.trim()) {
    if (defaultGroup) return { group: defaultGroup };
    if (groups.length === 1) return { group: groups[0].id };
    return {
      problem: {
        key: 'unitList.groupRequired',
        message: `Bộ tiêu chí${frameworkId ? ` ${frameworkId}` : ''} có ${groups.length} nhóm, cần ghi nhóm: ${acceptedGroups(groups)}.`,
      },
    };
  }
  const found = findGroup(groups, given);
  if (found) return { group: found.id };
  return {
    problem: {
      key: 'unitList.unknownGroup',
      group: given.trim(),
      message: `Nhóm "${given.trim()}" không có trong bộ tiêu chí${frameworkId ? ` ${frameworkId}` : ''} (các nhóm: ${acceptedGroups(groups)}).`,
    },
  };
}

function headerColumns(row: readonly string[]): { code: number; name: number; group: number } | null {
  const aliases = Object.entries(UNIT_LIST_COLUMNS) as [keyof typeof UNIT_LIST_COLUMNS, readonly string[]][];
  const { index } = matchHeader(row, aliases, normalizeTitle);
  return index.name === undefined
    ? null
    : { code: index.code ?? -1, name: index.name, group: index.group ?? -1 };
}

/**
 * Without a header, which cells are code, name and group. With commas as the separator a name may
 * itself hold commas ("Sở Văn hóa, Thể thao và Du lịch"), so there the parts that are not a code
 * or a known group are joined back into the name instead of being reported.
 */
function positional(
  parts: readonly string[],
  groups: readonly UnitGroup[],
  commaSeparated: boolean,
): { code: string; name: string; group: string | undefined } {
  let rest = [...parts];
  let code = '';
  if (rest.length >= 2 && looksLikeCode(rest[0])) {
    code = rest[0];
    rest = rest.slice(1);
  }
  let group: string | undefined;
  if (rest.length >= 2) {
    const last = rest[rest.length - 1];
    if (!commaSeparated || !('problem' in resolveGroup(groups, last))) {
      group = last;
      rest = rest.slice(0, -1);
    }
  }
  return { code, name: rest.join(commaSeparated ? ', ' : ' '), group };
}

/** Reads a unit list (CSV file text or pasted text). */
export function parseUnitList(
  text: string,
  groups: readonly UnitGroup[],
  options: { defaultGroup?: string; frameworkId?: string } = {},
): UnitListResult {
  const body = stripBom(text);
  const delimiterOf = (line: string) => (line.includes('\t') ? '\t' : line.includes(';') ? ';' : ',');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const columns = headerColumns(parseCsv(firstLine, { delimiter: delimiterOf(firstLine) })[0] ?? []);
  // A file with a header is one CSV table; pasted lines without one may each use their own
  // separator (some typed with ";", some pasted from Excel with tabs).
  const rows: { cells: string[]; comma: boolean }[] = columns
    ? parseCsv(body, { delimiter: delimiterOf(firstLine) }).map((cells) => ({ cells, comma: false }))
    : body.split(/\r?\n/).map((line) => {
        const d = delimiterOf(line);
        return { cells: parseCsv(line, { delimiter: d })[0] ?? [], comma: d === ',' };
      });
  const units: ListedUnit[] = [];
  const problems: UnitListProblem[] = [];
  const firstLineOf = new Map<string, number>();

  rows.forEach(({ cells, comma }, i) => {
    const line = i + 1;
    if (columns && i === 0) return;
    const parts = cells.map((c) => c.normalize('NFC').replace(/\s+/g, ' ').trim());
    while (parts.length && parts[parts.length - 1] === '') parts.pop();
    if (!parts.length) return;
    const cell = (c: number) => (c >= 0 ? (parts[c] ?? '') : '');
    const row = columns
      ? { code: cell(columns.code), name: cell(columns.name), group: cell(columns.group) || undefined }
      : positional(parts, groups, comma);
    const { code, name } = row;
    if (!name) {
      problems.push({ line, key: 'unitList.missingName', message: 'thiếu tên đơn vị.' });
      return;
    }
    const group = resolveGroup(groups, row.group, options.defaultGroup, options.frameworkId);
    if ('problem' in group) {
      problems.push({ line, name, ...group.problem });
      return;
    }
    const key = code ? `code:${normalizeTitle(code)}` : `name:${normalizeTitle(name)}`;
    const firstLine = firstLineOf.get(key);
    if (firstLine !== undefined) {
      problems.push({
        line,
        name,
        firstLine,
        key: 'unitList.duplicate',
        message: code
          ? `mã đơn vị "${code}" đã có ở dòng ${firstLine}; mỗi đơn vị chỉ ghi một lần.`
          : `đơn vị "${name}" đã có ở dòng ${firstLine}; mỗi đơn vị chỉ ghi một lần.`,
      });
      return;
    }
    firstLineOf.set(key, line);
    units.push({ line, unit: { code, name, group: group.group } });
  });
  return { units, problems, header: !!columns };
}

/** Said when a list has no header row, so a misspelt header is not read as a unit unnoticed. */
export const HEADERLESS_NOTE = (file: string) =>
  `${file} không có dòng tiêu đề (mã; tên; nhóm): mỗi dòng được đọc là "mã; tên; nhóm", "tên; nhóm" hoặc "tên".`;

/** "units.csv dòng 4 (Sở Tư pháp): thiếu …": a problem where the CLI and campaign print it. */
export function unitListProblemText(file: string, p: UnitListProblem): string {
  return `${file} dòng ${p.line}${p.name ? ` (${p.name})` : ''}: ${p.message}`;
}
