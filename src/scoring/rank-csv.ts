/**
 * The input table of `cchc rank`: one row per unit with columns `unit, group, appraisal, survey`,
 * optional `code`, `max` (default: the framework's total, else 100) and `ranked` (có/không,
 * yes/no). Files come from offices: UTF-8 with or without BOM, ";" or "," separated, decimal comma
 * or point, Vietnamese column titles ("Đơn vị", "Điểm thẩm định", …) as well as the English keys.
 * Pure: takes the text, returns the inputs and every problem found (each naming line and column),
 * so one run reports all mistakes at once.
 */
import { acceptedGroups, findGroup } from '../framework/groups';
import { parseCsv } from '../common/csv';
import { matchHeader } from '../common/header-match';
import { cleanName, nameKey, normaliseIncomingName } from '../common/names';
import type { Framework } from '../framework/schema';
import { fromHundredths, isMultipleOf, toHundredths } from '../common/decimal';
import { readScore, showNumber } from './read';
import type { RankInput } from './types';

export type RankColumn = 'unit' | 'code' | 'group' | 'appraisal' | 'survey' | 'max' | 'ranked';

/** Accepted titles per column, compared by name key (case, diacritics placement, spacing). */
const COLUMN_TITLES: Record<RankColumn, string[]> = {
  unit: ['unit', 'đơn vị', 'tên đơn vị', 'cơ quan', 'địa phương'],
  code: ['code', 'mã', 'mã đơn vị'],
  group: ['group', 'nhóm', 'nhóm đơn vị', 'khối'],
  appraisal: ['appraisal', 'điểm thẩm định'],
  survey: ['survey', 'điểm điều tra xhh', 'điểm điều tra xã hội học', 'điểm điều tra'],
  max: ['max', 'điểm tối đa'],
  ranked: ['ranked', 'xếp hạng', 'có xếp hạng'],
};
const REQUIRED: RankColumn[] = ['unit', 'group', 'appraisal', 'survey'];

const YES = new Set(['có', 'co', 'yes', 'y', 'x', '1', 'true', 'c']);
const NO = new Set(['không', 'khong', 'no', 'n', '0', 'false', 'k']);

export interface RankCsvProblem {
  /** 1-based line of the file (the header is line 1), or 0 for the whole file. */
  line: number;
  column?: RankColumn;
  severity: 'error' | 'warning';
  /** Vietnamese, starting with the file name and the line. */
  message: string;
}

export interface RankCsvResult {
  inputs: RankInput[];
  /** Line of each input, same order (for messages about a unit). */
  lines: number[];
  problems: RankCsvProblem[];
  /** Whether the header could be read (false: nothing else was checked). */
  headerOk: boolean;
}

export interface RankCsvOptions {
  /** When given: groups must be its groups (by id or name), default max is its total, notRanked applies. */
  framework?: Framework;
}

function findColumns(header: string[]): { index: Partial<Record<RankColumn, number>>; unknown: string[] } {
  const aliases = Object.entries(COLUMN_TITLES) as [RankColumn, string[]][];
  const { index, others } = matchHeader(header, aliases, nameKey);
  return { index, unknown: others.map((i) => header[i].trim()).filter(Boolean) };
}

export function parseRankCsv(text: string, fileName: string, options: RankCsvOptions = {}): RankCsvResult {
  const { framework } = options;
  const problems: RankCsvProblem[] = [];
  const inputs: RankInput[] = [];
  const lines: number[] = [];
  const rows = parseCsv(text);
  const fail = (message: string): RankCsvResult => ({
    inputs,
    lines,
    headerOk: false,
    problems: [{ line: 0, severity: 'error', message: `${fileName}: ${message}` }],
  });
  if (rows.length === 0) return fail('tệp trống.');
  const { index, unknown } = findColumns(rows[0]);
  const absent = REQUIRED.filter((c) => index[c] === undefined);
  if (absent.length) {
    return fail(
      `thiếu cột ${absent.join(', ')} ở dòng tiêu đề (cần: unit, group, appraisal, survey; ` +
        `có thể thêm code, max, ranked). Dòng tiêu đề đang là: ${rows[0].join(' | ')}`,
    );
  }
  if (unknown.length) {
    problems.push({
      line: 1,
      severity: 'warning',
      message: `${fileName}, dòng 1: bỏ qua các cột không dùng: ${unknown.join(', ')}.`,
    });
  }

  const defaultMax = framework?.declared.points.total ?? 100;
  // Points are published with 2 decimals, or the framework's places when it uses more.
  const decimals = Math.max(2, framework?.places ?? 2);
  const notRanked = new Set((framework?.notRanked ?? []).map(nameKey));
  const seen = new Map<string, number>();

  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    if (row.every((c) => c.trim() === '')) return;
    const cell = (c: RankColumn) => (index[c] === undefined ? '' : (row[index[c] as number] ?? ''));
    const error = (column: RankColumn | undefined, message: string) =>
      problems.push({
        line,
        column,
        severity: 'error',
        message: `${fileName}, dòng ${line}${column ? `, cột ${column}` : ''}: ${message}`,
      });
    const warn = (message: string) =>
      problems.push({ line, severity: 'warning', message: `${fileName}, dòng ${line}: ${message}` });
    const before = problems.filter((p) => p.severity === 'error').length;

    const incoming = normaliseIncomingName(cell('unit'));
    const unit = incoming.name;
    if (!unit) error('unit', 'thiếu tên đơn vị.');
    if (incoming.warning) warn(incoming.warning);
    const code = cleanName(cell('code')) || undefined;

    const group = resolveGroup(cleanName(cell('group')), framework);
    if (!group.id) error('group', group.message);

    const number = (column: RankColumn, required: boolean): number | null | undefined => {
      const raw = cell(column);
      const r = readScore(raw);
      if (r.empty) {
        if (required) error(column, 'ô trống, cần một số.');
        return null;
      }
      if (r.value === null) {
        error(column, `"${raw.trim()}" không phải là số.`);
        return undefined;
      }
      if (r.value < 0) {
        error(column, `${showNumber(r.value)} là số âm.`);
        return undefined;
      }
      if (!isMultipleOf(r.value, 10 ** -decimals)) {
        error(column, `${showNumber(r.value)} có quá ${decimals} chữ số thập phân.`);
        return undefined;
      }
      return r.value;
    };
    const appraisal = number('appraisal', true);
    const survey = number('survey', false);
    const maxCell = number('max', false);
    const max = maxCell ?? defaultMax;
    if (maxCell === 0) error('max', 'điểm tối đa phải lớn hơn 0.');
    if (survey === null && unit) warn(`${unit}: chưa có điểm điều tra XHH, tạm tính 0 điểm.`);

    let ranked = !notRanked.has(nameKey(unit));
    const rankedText = nameKey(cell('ranked'));
    if (rankedText) {
      if (YES.has(rankedText)) ranked = true;
      else if (NO.has(rankedText)) ranked = false;
      else error('ranked', `"${cell('ranked').trim()}" không hiểu; ghi "có" hoặc "không" (yes/no).`);
    }

    if (typeof appraisal === 'number' && typeof max === 'number' && max > 0) {
      const total = toHundredths(appraisal) + toHundredths(survey ?? 0);
      if (total > toHundredths(max)) {
        error(
          undefined,
          `tổng điểm ${showNumber(fromHundredths(total))} (thẩm định + điều tra XHH) vượt điểm tối đa ${showNumber(max)}.`,
        );
      }
    }

    if (unit && group.id) {
      const key = `${group.id}\u0000${code ?? nameKey(unit)}`;
      const first = seen.get(key);
      if (first !== undefined) error('unit', `"${unit}" đã có ở dòng ${first}.`);
      else seen.set(key, line);
    }

    if (problems.filter((p) => p.severity === 'error').length > before) return;
    inputs.push({
      unit,
      ...(code ? { code } : {}),
      group: group.id as string,
      appraisal: appraisal as number,
      survey: survey ?? null,
      max: max as number,
      ranked,
    });
    lines.push(line);
  });

  if (inputs.length === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push({ line: 0, severity: 'error', message: `${fileName}: không có dòng đơn vị nào.` });
  }
  return { inputs, lines, problems, headerOk: true };
}

/** A group cell to a group id: a framework group by id or name, else the text itself. */
function resolveGroup(
  text: string,
  framework: Framework | undefined,
): { id: string | null; message: string } {
  if (!text) return { id: null, message: 'thiếu nhóm (ví dụ: so, huyen hoặc "Sở, ban, ngành").' };
  if (!framework) return { id: text, message: '' };
  const g = findGroup(framework.groups, text);
  if (g) return { id: g.id, message: '' };
  return {
    id: null,
    message: `nhóm "${text}" không có trong bộ tiêu chí ${framework.id}; các nhóm: ${acceptedGroups(framework.groups)}.`,
  };
}
