/**
 * From an appendix table (rows of cells, merged cells already expanded by the reader) plus its
 * meta to a framework. Pure. What it accepts is documented in the command's --help
 * (src/cli/commands/framework-import.ts) and in the module docs of codes.ts, tiers.ts and guide.ts.
 *
 * Every row it cannot understand becomes an error with its row number; rows it skips on purpose
 * (titles, blanks, repeated headers, column numbering) and every default it applies become notes.
 * It never guesses silently: when two readings are possible the row is an error.
 */
import { checkFramework, treePoints } from '../checks';
import { FrameworkError, type FrameworkProblem } from '../errors';
import { parseFramework } from '../parse';
import type { Framework, FrameworkNode, Group, SurveySource } from '../schema';
import { countByDepth } from '../tree';
import { parseRowCode } from './codes';
import { parseGuide } from './guide';
import { decodeLegacyCells } from './legacy';
import { findHeader, isColumnNumbering, isHeaderRepeat, type Columns } from './header';
import type { ImportMeta } from './meta';
import { formatPoints } from '../../common/vi-number';
import { ascii, cellText, folded, readNumber } from './text';
import type { ImportIssue, TableCell } from './types';

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

/** A node row as read, before leaves are told from parents. */
interface RowNode {
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

const EVIDENCE_YES = /^(x|có|bắt buộc|yêu cầu|cần|✓|✔|v)$/;
const EVIDENCE_NO = /^(không|-|–|0)$/;
const ALL_GROUPS = /^(tất cả|chung|cả hai|mọi nhóm|tất cả các nhóm)$/;

function get(row: readonly TableCell[], col: number | undefined): TableCell {
  return col === undefined ? null : (row[col] ?? null);
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

/**
 * Group ids named by an "Áp dụng" cell: ids, names, or the usual words (Sở, Huyện, Xã). Parts are
 * separated by ";", "/", "+", line breaks or " và "; a part that is not a whole group name is
 * split again on ",". A word that names no group, or more than one, is refused.
 */
export function matchGroups(text: string, groups: readonly Group[]): { ids: string[] } | { unknown: string } {
  const one = (token: string): Group[] => {
    const a = ascii(token)
      .replace(/^(uy ban nhan dan|ubnd)\s+/, '')
      .replace(/^cap\s+/, '');
    return groups.filter(
      (g) =>
        ascii(g.id) === a ||
        ascii(g.name) === ascii(token) ||
        ascii(g.name).split(/[ ,]+/).includes(a) ||
        ascii(g.name).endsWith(` ${a}`),
    );
  };
  const ids: string[] = [];
  const parts = text
    .split(/[;/+\n]|\svà\s/)
    .map((t) => t.trim())
    .filter(Boolean);
  for (const part of parts) {
    if (ALL_GROUPS.test(folded(part))) return { ids: groups.map((g) => g.id) };
    const whole = one(part);
    const tokens =
      whole.length === 1
        ? [part]
        : part
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean);
    for (const token of tokens) {
      const found = token === part ? whole : one(token);
      if (found.length !== 1) return { unknown: token };
      if (!ids.includes(found[0].id)) ids.push(found[0].id);
    }
  }
  return { ids };
}

function matchSource(text: string, sources: readonly SurveySource[]): SurveySource | null | 'ambiguous' {
  const a = ascii(text);
  const hits = sources.filter((s) => a.includes(ascii(s.id)) || a.includes(ascii(s.name)));
  if (hits.length === 1) return hits[0];
  if (hits.length > 1) return 'ambiguous';
  return null;
}

type Method = { method: 'self' } | { method: 'survey'; surveyText: string } | { error: string };

function readMethod(text: string): Method | null {
  const f = folded(text);
  if (!f) return null;
  if (/điều tra|đtxhh|xhh|khảo sát|sipas|hài lòng|xã hội học/.test(f))
    return { method: 'survey', surveyText: text };
  if (/tự đánh giá|tự chấm|thẩm định|tđg|tự đg/.test(f)) return { method: 'self' };
  return { error: `không hiểu phương pháp đánh giá "${text}" (ghi "Tự đánh giá" hoặc "Điều tra XHH")` };
}

export function importFrameworkTable(
  input: readonly (readonly TableCell[])[],
  meta: ImportMeta,
): ImportResult {
  const errors: ImportIssue[] = [];
  const notes: ImportIssue[] = [];
  const issue = (row: number, message: string, code?: string, column?: number): ImportIssue => ({
    row,
    ...(code ? { code } : {}),
    ...(column !== undefined ? { column } : {}),
    message,
  });
  const fail: Report = (row, message, code, column) => errors.push(issue(row, message, code, column));
  const note: Report = (row, message, code, column) => notes.push(issue(row, message, code, column));
  const done = (): ImportResult => ({ framework: null, errors, notes, problems: [] });

  const legacy = decodeLegacyCells(input);
  const rows = legacy.rows;
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
  if (legacy.vniRows.length) return done();

  const header = findHeader(rows);
  if (!header) {
    fail(
      0,
      'không tìm thấy dòng tiêu đề cột trong 30 dòng đầu (cần ít nhất các cột "STT" hoặc "Mã", "Nội dung" và "Điểm tối đa").',
    );
    return done();
  }
  const cols: Columns = header.columns;
  if (header.index > 0)
    note(0, `bỏ qua ${header.index} dòng phía trên dòng tiêu đề cột (dòng ${header.index + 1}).`);

  const fields: RowNode[] = [];
  const byCode = new Map<string, RowNode>();
  let last: RowNode | null = null;
  let lastNumbered: RowNode | null = null;
  let romanField: { code: string; relative: boolean | null } | null = null;
  let usesRoman = false;
  let total: { row: number; value: number } | null = null;

  for (let i = header.index + 1; i < rows.length; i++) {
    const rowNo = i + 1;
    const row = rows[i];
    const codeText = cellText(get(row, cols.code));
    const name = cellText(get(row, cols.name)).replace(/\n+/g, ' ');
    const maxCell = get(row, cols.max);
    const maxText = cellText(maxCell);
    const guide = cellText(get(row, cols.guide));
    if (row.every((c) => cellText(c) === '')) continue; // blank spacer row
    if (isHeaderRepeat(row, cols)) {
      note(rowNo, 'bỏ qua dòng tiêu đề cột lặp lại.');
      continue;
    }
    if (isColumnNumbering(row)) {
      note(rowNo, 'bỏ qua dòng đánh số cột.');
      continue;
    }

    // A total row: "Tổng cộng" / "Tổng điểm" in the name or code column, no code.
    const totalLabel = /^(tổng|cộng)/.test(folded(name))
      ? name
      : /^(tổng|cộng)/.test(folded(codeText))
        ? codeText
        : null;
    if (totalLabel !== null && parseRowCode(get(row, cols.code)) === null) {
      const value = readNumber(maxCell);
      if (value === null)
        fail(rowNo, `dòng "${totalLabel}" không có tổng điểm đọc được ("${maxText}").`, undefined, cols.max);
      else total = { row: rowNo, value };
      continue;
    }

    // The same node again: code and name repeated, as merged cells expanded by the reader give
    // (or a row copied twice). It may carry the next line of a multi-line guide.
    if (last && codeText !== '' && codeText === last.rawCode && name === last.name) {
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
      continue;
    }
    // The next line of a multi-line guide in a row of its own: only the guide cell is filled.
    if (last && guide !== '' && codeText === '' && name === '' && maxText === '') {
      last.guideLines.push(guide);
      continue;
    }

    // A title row: one text (maybe repeated across a merged range) that is not a code.
    const single = singleText(row);
    if (
      single !== null &&
      parseRowCode(single) === null &&
      (codeText === '' || codeText === single) &&
      maxText === ''
    ) {
      if (isUpperTitle(single) || row.filter((c) => cellText(c) !== '').length > 1) {
        note(rowNo, `bỏ qua dòng tiêu đề "${single.slice(0, 60)}".`);
        continue;
      }
      fail(
        rowNo,
        `dòng chỉ có chữ "${single.slice(0, 60)}", không có mã và điểm: không rõ là tiêu đề hay phần tiếp của dòng trên. Hãy xóa dòng hoặc ghép vào ô phía trên.`,
      );
      continue;
    }

    const code = parseRowCode(get(row, cols.code));
    if (code === null) {
      fail(
        rowNo,
        codeText === ''
          ? `dòng "${name.slice(0, 60)}" thiếu mã (STT).`
          : `không đọc được mã "${codeText}" (dùng 1, 1.1, 1.1.1 hoặc I, II cho lĩnh vực).`,
        undefined,
        cols.code,
      );
      continue;
    }
    let absolute: string;
    if (code.kind === 'roman') {
      usesRoman = true;
      absolute = String(code.value);
      romanField = { code: absolute, relative: null };
    } else if (code.kind === 'letter') {
      if (!lastNumbered) {
        fail(
          rowNo,
          `mục "${codeText}" đánh số bằng chữ nhưng chưa có mục nào phía trên để làm mục cha.`,
          undefined,
          cols.code,
        );
        continue;
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
        continue;
      }
      absolute = `${parent.code}.${code.value}`;
    } else if (usesRoman) {
      if (!romanField) {
        fail(rowNo, `mã "${codeText}" đứng trước lĩnh vực đánh số La Mã đầu tiên.`, undefined, cols.code);
        continue;
      }
      // Under a Roman field, "1", "1.1" are relative to it; "2.1" under II is absolute. Decided by
      // the field's first numbered row: one segment = relative.
      romanField.relative ??= !(code.segments.length >= 2 && String(code.segments[0]) === romanField.code);
      absolute = romanField.relative
        ? `${romanField.code}.${code.segments.join('.')}`
        : code.segments.join('.');
      if (!romanField.relative && code.segments[0] !== Number(romanField.code)) {
        fail(
          rowNo,
          `mã "${codeText}" không thuộc lĩnh vực ${romanField.code} đang đọc.`,
          undefined,
          cols.code,
        );
        continue;
      }
    } else {
      absolute = code.segments.join('.');
    }
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
      continue;
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
      continue;
    }
    if (byCode.has(absolute)) {
      fail(rowNo, `mã ${absolute} trùng với dòng ${byCode.get(absolute)!.row}.`, absolute, cols.code);
      continue;
    }
    const segments = absolute.split('.');
    if (segments.length > 3) {
      fail(
        rowNo,
        `mục ${absolute} ở cấp thứ ${segments.length}: bộ tiêu chí chỉ có lĩnh vực, tiêu chí, tiêu chí thành phần.`,
        absolute,
        cols.code,
      );
      continue;
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
      continue;
    }
    const node: RowNode = {
      row: rowNo,
      code: absolute,
      name,
      max,
      guideLines: guide ? [guide] : [],
      methodText: cellText(get(row, cols.method)),
      appliesText: cellText(get(row, cols.appliesTo)),
      maxByGroupText: cellText(get(row, cols.maxByGroup)),
      evidenceText: cellText(get(row, cols.evidence)),
      rawCode: codeText,
      children: [],
      parent: parent ?? null,
    };
    byCode.set(absolute, node);
    (parent ? parent.children : fields).push(node);
    last = node;
    lastNumbered = code.kind === 'letter' ? lastNumbered : node;
  }

  if (!fields.length && !errors.length) fail(0, 'bảng không có dòng tiêu chí nào dưới dòng tiêu đề cột.');
  // Read the scoring of the rows understood so far even when some rows failed: the user gets
  // every problem of the table in one run, not one per attempt.
  const tree = fields.map((f) => toNode(f, meta, cols, fail, note));
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    return done();
  }

  const counts = countByDepth(tree);
  const points = treePoints({ tree });
  if (total && Math.round(total.value * 100) !== Math.round(points.total * 100)) {
    fail(
      total.row,
      `dòng tổng cộng ghi ${formatPoints(total.value)} điểm nhưng các lĩnh vực cộng lại ${formatPoints(points.total)}.`,
      undefined,
      cols.max,
    );
    return done();
  }
  if (!meta.declared) {
    note(
      0,
      `bộ tiêu chí không khai báo số lượng và điểm ("declared"): lấy theo bảng (${counts.fields} lĩnh vực, ${counts.criteria} tiêu chí, ${counts.subCriteria} tiêu chí thành phần; ${formatPoints(points.self)} + ${formatPoints(points.survey)} = ${formatPoints(points.total)} điểm). Hãy đối chiếu với quyết định.`,
    );
  }
  const { surveyCodes: _surveyCodes, ...rest } = meta;
  let framework: Framework;
  try {
    framework = parseFramework(
      { ...rest, declared: meta.declared ?? { counts, points }, tree },
      'bảng phụ lục',
    );
  } catch (e) {
    if (!(e instanceof FrameworkError)) throw e;
    fail(0, e.message);
    return done();
  }
  return { framework, errors, notes, problems: checkFramework(framework) };
}

type Report = (row: number, message: string, code?: string, column?: number) => void;

/** Turns a row node into a framework node: parents keep name/max/guide; leaves get their scoring. */
function toNode(r: RowNode, meta: ImportMeta, cols: Columns, fail: Report, note: Report): FrameworkNode {
  const guide = r.guideLines.join('\n');
  if (r.children.length) {
    const node: FrameworkNode = { code: r.code, name: r.name, max: r.max };
    if (guide) node.guide = guide;
    node.children = r.children.map((c) => toNode(c, meta, cols, fail, note));
    return node;
  }
  const node: FrameworkNode = { code: r.code, name: r.name, max: r.max < 0 ? 0 : r.max };
  if (guide) node.guide = guide;

  // Method: this row's cell, else the nearest ancestor's, else meta.surveyCodes, else self.
  let methodText = r.methodText;
  for (let p = r.parent; !methodText && p; p = p.parent) methodText = p.methodText;
  let method = readMethod(methodText);
  if (!method && meta.surveyCodes) {
    const prefix = Object.keys(meta.surveyCodes)
      .filter((c) => r.code === c || r.code.startsWith(`${c}.`))
      .sort((a, b) => b.length - a.length)[0];
    if (prefix) method = { method: 'survey', surveyText: meta.surveyCodes[prefix] };
  }
  if (method && 'error' in method) {
    fail(r.row, method.error, r.code, cols.method);
    return node;
  }
  if (method?.method === 'survey') {
    node.method = 'survey';
    const source = matchSource(method.surveyText, meta.surveySources);
    if (source === 'ambiguous')
      fail(
        r.row,
        `"${method.surveyText}" khớp nhiều nguồn điều tra; ghi rõ mã nguồn (${meta.surveySources.map((s) => s.id).join(', ')}).`,
        r.code,
        cols.method,
      );
    else if (source) node.source = source.id;
    else if (meta.surveySources.length === 1) node.source = meta.surveySources[0].id;
    else if (!meta.surveySources.length)
      fail(
        r.row,
        'tiêu chí điều tra xã hội học nhưng bộ tiêu chí chưa khai báo nguồn điều tra ("surveySources" hoặc --sources).',
        r.code,
        cols.method,
      );
    else
      fail(
        r.row,
        `không rõ nguồn điều tra của "${method.surveyText}": ghi một trong ${meta.surveySources.map((s) => s.id).join(', ')} trong ngoặc, ví dụ "Điều tra XHH (${meta.surveySources[0].id})".`,
        r.code,
        cols.method,
      );
    if (r.max < 0) fail(r.row, 'tiêu chí điều tra xã hội học không có điểm tối đa âm.', r.code, cols.max);
  } else {
    node.method = 'self';
    const parsed = parseGuide(guide, r.max);
    if (!parsed.ok) fail(r.row, `mục ${r.code}: ${parsed.message}.`, r.code, cols.guide);
    else {
      if (r.max < 0 && parsed.rule.kind !== 'deduction') {
        fail(
          r.row,
          `mục ${r.code}: điểm tối đa âm (${formatPoints(r.max)}) chỉ dùng cho tiêu chí trừ điểm.`,
          r.code,
          cols.max,
        );
      }
      node.rule = parsed.rule;
      for (const n of parsed.notes) note(r.row, `mục ${r.code}: ${n}.`, r.code);
      if (r.max < 0)
        note(
          r.row,
          `mục ${r.code}: điểm tối đa ${formatPoints(r.max)} được hiểu là trừ tối đa ${formatPoints(-r.max)} điểm (điểm tối đa 0).`,
          r.code,
        );
    }
  }

  const ev = folded(r.evidenceText);
  if (ev && !EVIDENCE_NO.test(ev)) {
    node.evidenceRequired = true;
    if (!EVIDENCE_YES.test(ev))
      note(
        r.row,
        `mục ${r.code}: cột tài liệu kiểm chứng ghi "${r.evidenceText.slice(0, 60)}", được hiểu là bắt buộc có tài liệu kiểm chứng.`,
        r.code,
        cols.evidence,
      );
  }

  // Applies to: this row's cell, else the nearest ancestor's; listing every group = no restriction.
  let appliesText = r.appliesText;
  for (let p = r.parent; !appliesText && p; p = p.parent) appliesText = p.appliesText;
  if (appliesText) {
    const m = matchGroups(appliesText, meta.groups);
    if ('unknown' in m)
      fail(
        r.row,
        `mục ${r.code}: không có nhóm đơn vị "${m.unknown}" (các nhóm: ${meta.groups.map((g) => `${g.id} = ${g.name}`).join('; ')}).`,
        r.code,
        cols.appliesTo,
      );
    else if (m.ids.length < meta.groups.length)
      node.appliesTo = meta.groups.map((g) => g.id).filter((id) => m.ids.includes(id));
  }

  if (r.maxByGroupText) {
    const byGroup: Record<string, number> = {};
    for (const part of r.maxByGroupText
      .split(/;|\n/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const m = /^(.+?)\s*[:=]\s*(.+)$/.exec(part);
      const value = m ? readNumber(m[2]) : null;
      const groups = m ? matchGroups(m[1], meta.groups) : null;
      if (!m || value === null || !groups || 'unknown' in groups || groups.ids.length !== 1) {
        fail(
          r.row,
          `mục ${r.code}: không đọc được điểm tối đa theo nhóm "${part}" (ghi dạng "Sở: 1,5; Huyện: 1").`,
          r.code,
          cols.maxByGroup,
        );
        continue;
      }
      byGroup[groups.ids[0]] = value;
    }
    if (Object.keys(byGroup).length) node.maxByGroup = byGroup;
  }
  return node;
}
