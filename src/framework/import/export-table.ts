/**
 * A framework as the appendix table a decision would carry, and the meta the table lacks. The
 * importer reads this table back to exactly the same framework (tested, also as a property), so
 * the built-ins can be shipped as tables Sở Nội vụ can read, print, edit and re-import.
 *
 * Layout: a title, the legal basis, a blank row, the header, a "(1) (2) …" numbering row, one row
 * per node in tree order — fields with Roman numerals, criteria and sub-criteria numbered
 * relative to their field ("1", "1.2"), as decisions do — and a total row.
 */
import { toCsv } from '../../common/csv';
import type { Framework, FrameworkNode } from '../schema';
import { treePoints } from '../checks';
import { toRoman } from './codes';
import { ruleGuide } from './guide';
import type { ImportMetaInput } from './meta';
import { formatPoints } from '../../common/vi-number';
import type { TableCell } from './types';

export const APPENDIX_HEADER = [
  'STT',
  'Nội dung',
  'Điểm tối đa',
  'Cách chấm',
  'Phương pháp đánh giá',
  'Áp dụng cho',
  'Điểm tối đa theo nhóm',
  'Tài liệu kiểm chứng',
] as const;

export const APPENDIX_WIDTHS = [8, 60, 10, 60, 22, 18, 22, 14];

function displayCode(code: string): string {
  const [field, ...rest] = code.split('.');
  return rest.length ? rest.join('.') : toRoman(Number(field));
}

function groupName(f: Framework, id: string): string {
  return f.groups.find((g) => g.id === id)?.name ?? id;
}

function nodeRow(f: Framework, n: FrameworkNode): TableCell[] {
  const leaf = !n.children?.length;
  const guide = n.guide ?? (leaf && n.rule ? ruleGuide(n.rule) : null);
  let method: string | null = null;
  if (leaf)
    method = n.method === 'survey' ? `Điều tra XHH (${(n.source ?? '').toUpperCase()})` : 'Tự đánh giá';
  const applies = n.appliesTo ? n.appliesTo.map((g) => groupName(f, g)).join('; ') : null;
  const byGroup = n.maxByGroup
    ? Object.entries(n.maxByGroup)
        .map(([g, m]) => `${groupName(f, g)}: ${formatPoints(m)}`)
        .join('; ')
    : null;
  return [
    displayCode(n.code),
    n.name,
    n.max,
    guide || null,
    method,
    applies,
    byGroup,
    n.evidenceRequired ? 'Bắt buộc' : null,
  ];
}

/** The appendix rows of a framework (numbers stay numbers; see appendixCsv for text). */
export function frameworkToTable(f: Framework): TableCell[][] {
  const width = APPENDIX_HEADER.length;
  const pad = (cells: TableCell[]) => [...cells, ...Array<TableCell>(width - cells.length).fill(null)];
  const rows: TableCell[][] = [
    pad([f.title.toUpperCase()]),
    pad([
      `(Kèm theo ${f.legalBasis.number} ngày ${f.legalBasis.date.split('-').reverse().join('/')}${f.legalBasis.issuer ? ` của ${f.legalBasis.issuer}` : ''})`,
    ]),
    pad([]),
    [...APPENDIX_HEADER],
    APPENDIX_HEADER.map((_, i) => `(${i + 1})`),
  ];
  const visit = (nodes: readonly FrameworkNode[]) =>
    nodes.forEach((n) => {
      rows.push(nodeRow(f, n));
      if (n.children?.length) visit(n.children);
    });
  visit(f.tree);
  rows.push(pad([null, 'Tổng cộng', treePoints(f).total]));
  return rows;
}

/** 1-based row numbers of the title, header and total rows (for bold in the .xlsx). */
export function appendixBoldRows(rows: readonly TableCell[][]): number[] {
  return [1, 4, rows.length];
}

/**
 * CSV as a Vietnamese-locale Excel saves it: UTF-8 with BOM, ";" separated, decimal commas.
 */
export function appendixCsv(rows: readonly TableCell[][]): string {
  const text = rows.map((r) => r.map((c) => (typeof c === 'number' ? formatPoints(c) : c)));
  return `\ufeff${toCsv(text, ';')}`;
}

/** What the table does not carry: everything but the tree. */
export function frameworkMeta(f: Framework): ImportMetaInput {
  const { tree: _tree, ...meta } = f;
  return meta;
}
