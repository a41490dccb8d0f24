/**
 * A ranking in the PUBLISHED style (as in the decisions, e.g. An Giang QĐ 1590/QĐ-UBND 2017): one
 * block per group with the columns Hạng · Đơn vị · Điểm thẩm định · Điểm điều tra XHH · Chỉ số ·
 * Xếp loại. Pure: the blocks as data, plus renderings as aligned text (terminal) and as CSV for a
 * Vietnamese Excel. The .xlsx rendering of the same blocks is src/xlsx/rank-table.ts.
 */
import { toCsv } from '../common/csv';
import { formatVi } from '../common/vi-number';
import type { RankedUnit } from './types';

export const RANK_TABLE_HEADERS = [
  'Hạng',
  'Đơn vị',
  'Điểm thẩm định',
  'Điểm điều tra XHH',
  'Chỉ số',
  'Xếp loại',
] as const;

/** Marks units assessed but not ranked; explained by NOT_RANKED_NOTE under the block. */
export const NOT_RANKED_MARK = '(*)';
export const NOT_RANKED_NOTE = '(*) Đơn vị được đánh giá nhưng không xếp hạng.';

export interface RankTableRow {
  rank: number | null;
  unit: string;
  appraisal: number;
  survey: number;
  index: number;
  band: string | null;
  ranked: boolean;
}

export interface RankTableBlock {
  group: string;
  /** Display name of the group ("Sở, ban, ngành"), or the group id when none is known. */
  groupName: string;
  title: string;
  rows: RankTableRow[];
  hasNotRanked: boolean;
}

export interface RankTableOptions {
  /** Group id → display name. */
  groupNames?: Record<string, string>;
  /** Title prefix; the group name in capitals follows. */
  title?: string;
  places?: number;
}

/** Blocks in the order of `units` (rankUnits already orders by group, then rank, unranked last). */
export function rankTableBlocks(
  units: readonly RankedUnit[],
  options: RankTableOptions = {},
): RankTableBlock[] {
  const blocks: RankTableBlock[] = [];
  const prefix = options.title ?? 'XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH';
  for (const u of units) {
    let block = blocks.find((b) => b.group === u.group);
    if (!block) {
      const groupName = options.groupNames?.[u.group] ?? u.group;
      block = {
        group: u.group,
        groupName,
        title: `${prefix} — ${groupName.toLocaleUpperCase('vi')}`,
        rows: [],
        hasNotRanked: false,
      };
      blocks.push(block);
    }
    block.rows.push({
      rank: u.rank,
      unit: u.unit,
      appraisal: u.appraisal,
      survey: u.survey,
      index: u.index,
      band: u.band,
      ranked: u.ranked,
    });
    if (!u.ranked) block.hasNotRanked = true;
  }
  return blocks;
}

function textCells(row: RankTableRow, places: number): string[] {
  return [
    row.rank === null ? '—' : String(row.rank),
    row.ranked ? row.unit : `${row.unit} ${NOT_RANKED_MARK}`,
    formatVi(row.appraisal, places),
    formatVi(row.survey, places),
    formatVi(row.index, places),
    row.band ?? '',
  ];
}

/** Display width: NFC code points, so a Vietnamese letter with two marks counts as one. */
function width(s: string): number {
  return [...s.normalize('NFC')].length;
}

/** Aligned text for a terminal: numbers right-aligned, decimal commas. */
export function rankTableText(blocks: readonly RankTableBlock[], places = 2): string {
  const out: string[] = [];
  const numeric = [true, false, true, true, true, false];
  for (const block of blocks) {
    const rows = [RANK_TABLE_HEADERS.slice(), ...block.rows.map((r) => textCells(r, places))];
    // reduce, not Math.max(...rows): a spread over an input-sized list overflows the stack.
    const widths = RANK_TABLE_HEADERS.map((_, c) => rows.reduce((w, r) => Math.max(w, width(r[c])), 0));
    const line = (cells: string[]) =>
      cells
        .map((cell, c) => {
          const pad = ' '.repeat(widths[c] - width(cell));
          return numeric[c] ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd();
    out.push(block.title, line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows.slice(1)) out.push(line(r));
    if (block.hasNotRanked) out.push(NOT_RANKED_NOTE);
    out.push('');
  }
  return out.join('\n');
}

/**
 * Text that a spreadsheet would run as a formula (= + - @, also after a tab or CR) gets a leading
 * apostrophe: the OWASP advice for CSV, since a CSV cell cannot be typed as text otherwise.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * CSV as a Vietnamese-locale Excel opens it: UTF-8 with BOM, ";" separated, decimal commas, CRLF;
 * per group a title line, the header line, the units, the note when needed, a blank line.
 */
export function rankTableCsv(blocks: readonly RankTableBlock[], places = 2): string {
  const rows: string[][] = [];
  for (const block of blocks) {
    rows.push([neutralizeFormula(block.title)]);
    rows.push(RANK_TABLE_HEADERS.slice());
    for (const r of block.rows) {
      const cells = textCells(r, places);
      cells[0] = r.rank === null ? '' : cells[0];
      rows.push(cells.map((c, i) => (i === 1 || i === 5 ? neutralizeFormula(c) : c)));
    }
    if (block.hasNotRanked) rows.push([NOT_RANKED_NOTE]);
    rows.push([]);
  }
  // Every line gets all six cells, so a reader guessing the separator from the first line (a title
  // with commas in it) still sees ";".
  const width = RANK_TABLE_HEADERS.length;
  const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
  return `\uFEFF${toCsv(padded, ';')}`;
}
