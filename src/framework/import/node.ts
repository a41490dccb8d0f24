/**
 * From a row node to a framework node: parents keep code, name, maximum and guide; a leaf also
 * gets its method (self or survey, with the survey source), its scoring rule from the guide text,
 * whether evidence is required, the groups it applies to and its maxima per group. A cell left
 * empty on a leaf takes the nearest ancestor's (method, "Áp dụng"), as merged cells mean.
 */
import type { FrameworkNode, Group, SurveySource } from '../schema';
import { formatPoints } from '../../common/vi-number';
import { parseGuide } from './guide';
import type { Columns } from './header';
import type { ImportMeta } from './meta';
import type { RowNode } from './rows';
import { ascii, folded, readNumber } from './text';
import type { IssueLists } from './types';

const EVIDENCE_YES = /^(x|có|bắt buộc|yêu cầu|cần|✓|✔|v)$/;
const EVIDENCE_NO = /^(không|-|–|0)$/;
const ALL_GROUPS = /^(tất cả|chung|cả hai|mọi nhóm|tất cả các nhóm)$/;

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

/** What a leaf is read with: the table's meta, its columns (for the cell of an issue), the lists. */
interface LeafContext {
  meta: ImportMeta;
  cols: Columns;
  report: IssueLists;
}

/** Turns a row node into a framework node: parents keep name/max/guide; leaves get their scoring. */
export function toNode(r: RowNode, meta: ImportMeta, cols: Columns, report: IssueLists): FrameworkNode {
  const guide = r.guideLines.join('\n');
  if (r.children.length) {
    const node: FrameworkNode = { code: r.code, name: r.name, max: r.max };
    if (guide) node.guide = guide;
    node.children = r.children.map((c) => toNode(c, meta, cols, report));
    return node;
  }
  const node: FrameworkNode = { code: r.code, name: r.name, max: r.max < 0 ? 0 : r.max };
  if (guide) node.guide = guide;
  const ctx: LeafContext = { meta, cols, report };
  if (!leafMethod(r, node, guide, ctx)) return node;
  leafEvidence(r, node, ctx);
  leafAppliesTo(r, node, ctx);
  leafMaxByGroup(r, node, ctx);
  return node;
}

/** The nearest non-empty text of a column on this row or an ancestor's. */
function inherited(r: RowNode, text: (n: RowNode) => string): string {
  let value = text(r);
  for (let p = r.parent; !value && p; p = p.parent) value = text(p);
  return value;
}

/**
 * Method: this row's cell, else the nearest ancestor's, else meta.surveyCodes, else self. A survey
 * leaf gets its source; a self leaf its rule. False when the method cell is not understood (the
 * rest of the leaf is then not read, so one bad cell gives one error).
 */
function leafMethod(r: RowNode, node: FrameworkNode, guide: string, ctx: LeafContext): boolean {
  const { meta, cols } = ctx;
  let method = readMethod(inherited(r, (n) => n.methodText));
  if (!method && meta.surveyCodes) {
    const prefix = Object.keys(meta.surveyCodes)
      .filter((c) => r.code === c || r.code.startsWith(`${c}.`))
      .sort((a, b) => b.length - a.length)[0];
    if (prefix) method = { method: 'survey', surveyText: meta.surveyCodes[prefix] };
  }
  if (method && 'error' in method) {
    ctx.report.fail(r.row, method.error, r.code, cols.method);
    return false;
  }
  if (method?.method === 'survey') surveyLeaf(r, node, method.surveyText, ctx);
  else selfLeaf(r, node, guide, ctx);
  return true;
}

function surveyLeaf(
  r: RowNode,
  node: FrameworkNode,
  surveyText: string,
  { meta, cols, report }: LeafContext,
): void {
  const { fail } = report;
  const sources = meta.surveySources;
  node.method = 'survey';
  const source = matchSource(surveyText, sources);
  if (source === 'ambiguous')
    fail(
      r.row,
      `"${surveyText}" khớp nhiều nguồn điều tra; ghi rõ mã nguồn (${sources.map((s) => s.id).join(', ')}).`,
      r.code,
      cols.method,
    );
  else if (source) node.source = source.id;
  else if (sources.length === 1) node.source = sources[0].id;
  else if (!sources.length)
    fail(
      r.row,
      'tiêu chí điều tra xã hội học nhưng bộ tiêu chí chưa khai báo nguồn điều tra ("surveySources" hoặc --sources).',
      r.code,
      cols.method,
    );
  else
    fail(
      r.row,
      `không rõ nguồn điều tra của "${surveyText}": ghi một trong ${sources.map((s) => s.id).join(', ')} trong ngoặc, ví dụ "Điều tra XHH (${sources[0].id})".`,
      r.code,
      cols.method,
    );
  if (r.max < 0) fail(r.row, 'tiêu chí điều tra xã hội học không có điểm tối đa âm.', r.code, cols.max);
}

/** A self-assessed leaf: its rule read from the guide; a negative maximum only for deductions. */
function selfLeaf(r: RowNode, node: FrameworkNode, guide: string, { cols, report }: LeafContext): void {
  const { fail, note } = report;
  node.method = 'self';
  const parsed = parseGuide(guide, r.max);
  if (!parsed.ok) {
    fail(r.row, `mục ${r.code}: ${parsed.message}.`, r.code, cols.guide);
    return;
  }
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

/** Any mark in the evidence column but "không", "-", "0" means evidence is required. */
function leafEvidence(r: RowNode, node: FrameworkNode, { cols, report }: LeafContext): void {
  const ev = folded(r.evidenceText);
  if (!ev || EVIDENCE_NO.test(ev)) return;
  node.evidenceRequired = true;
  if (!EVIDENCE_YES.test(ev))
    report.note(
      r.row,
      `mục ${r.code}: cột tài liệu kiểm chứng ghi "${r.evidenceText.slice(0, 60)}", được hiểu là bắt buộc có tài liệu kiểm chứng.`,
      r.code,
      cols.evidence,
    );
}

/** Applies to: this row's cell, else the nearest ancestor's; listing every group = no restriction. */
function leafAppliesTo(r: RowNode, node: FrameworkNode, { meta, cols, report }: LeafContext): void {
  const appliesText = inherited(r, (n) => n.appliesText);
  if (!appliesText) return;
  const m = matchGroups(appliesText, meta.groups);
  if ('unknown' in m)
    report.fail(
      r.row,
      `mục ${r.code}: không có nhóm đơn vị "${m.unknown}" (các nhóm: ${meta.groups.map((g) => `${g.id} = ${g.name}`).join('; ')}).`,
      r.code,
      cols.appliesTo,
    );
  else if (m.ids.length < meta.groups.length)
    node.appliesTo = meta.groups.map((g) => g.id).filter((id) => m.ids.includes(id));
}

/** "Sở: 1,5; Huyện: 1": one maximum per group, each part naming exactly one group. */
function leafMaxByGroup(r: RowNode, node: FrameworkNode, { meta, cols, report }: LeafContext): void {
  if (!r.maxByGroupText) return;
  const byGroup: Record<string, number> = {};
  for (const part of r.maxByGroupText
    .split(/;|\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(.+?)\s*[:=]\s*(.+)$/.exec(part);
    const value = m ? readNumber(m[2]) : null;
    const groups = m ? matchGroups(m[1], meta.groups) : null;
    if (!m || value === null || !groups || 'unknown' in groups || groups.ids.length !== 1) {
      report.fail(
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
