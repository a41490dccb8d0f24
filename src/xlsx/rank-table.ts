/**
 * The published-style ranking (src/scoring/rank-table.ts blocks) as .xlsx bytes, for
 * `cchc rank -o OUT.xlsx`. Bytes out, no fs, so it also runs in the browser. Numbers are real
 * numbers with a 0.00 format (Excel shows the user's decimal separator: "94,89" in a Vietnamese
 * locale); text is written as text with the "@" format, so a unit named "=Sở X" stays text and is
 * never run as a formula.
 */
import ExcelJS from 'exceljs';
import { xmlSafe } from '../common/clean-text';
import {
  NOT_RANKED_MARK,
  NOT_RANKED_NOTE,
  RANK_TABLE_HEADERS,
  type RankTableBlock,
} from '../scoring/rank-table';

export const RANK_TABLE_SHEET = 'Xếp hạng';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WIDTHS = [7, 42, 14, 14, 11, 14];

function text(cell: ExcelJS.Cell, value: string): void {
  cell.value = xmlSafe(value);
  cell.numFmt = '@';
}

export async function renderRankTable(blocks: readonly RankTableBlock[], places = 2): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  const ws = wb.addWorksheet(RANK_TABLE_SHEET, { views: [{ showGridLines: false }] });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const points = places > 0 ? `0.${'0'.repeat(places)}` : '0';
  const last = RANK_TABLE_HEADERS.length;
  let r = 1;
  for (const block of blocks) {
    ws.mergeCells(r, 1, r, last);
    const title = ws.getCell(r, 1);
    text(title, block.title);
    title.font = { bold: true, size: 12 };
    title.alignment = { horizontal: 'center' };
    r++;
    RANK_TABLE_HEADERS.forEach((h, c) => {
      const cell = ws.getCell(r, c + 1);
      text(cell, h);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    });
    r++;
    for (const row of block.rows) {
      const cells = [1, 2, 3, 4, 5, 6].map((c) => ws.getCell(r, c));
      if (row.rank === null) text(cells[0], '—');
      else {
        cells[0].value = row.rank;
        cells[0].numFmt = '0';
      }
      cells[0].alignment = { horizontal: 'center' };
      text(cells[1], row.ranked ? row.unit : `${row.unit} ${NOT_RANKED_MARK}`);
      [row.appraisal, row.survey, row.index].forEach((v, i) => {
        cells[i + 2].value = v;
        cells[i + 2].numFmt = points;
      });
      cells[4].font = { bold: true };
      if (row.band) text(cells[5], row.band);
      for (const c of cells) c.border = BORDER;
      r++;
    }
    if (block.hasNotRanked) {
      ws.mergeCells(r, 1, r, last);
      const note = ws.getCell(r, 1);
      text(note, NOT_RANKED_NOTE);
      note.font = { italic: true };
      r++;
    }
    r++;
  }
  const out: ArrayBuffer | Uint8Array = (await wb.xlsx.writeBuffer()) as ArrayBuffer | Uint8Array;
  return out instanceof Uint8Array
    ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
    : new Uint8Array(out);
}
