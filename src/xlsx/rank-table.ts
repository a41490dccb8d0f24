/**
 * The published-style ranking (src/scoring/rank-table.ts blocks) as .xlsx bytes, for
 * `cchc rank -o OUT.xlsx`. Bytes out, no fs, so it also runs in the browser. Numbers are real
 * numbers with a 0.00 format (Excel shows the user's decimal separator: "94,89" in a Vietnamese
 * locale); text is written as text with the "@" format, so a unit named "=Sở X" stays text and is
 * never run as a formula.
 */
import type ExcelJS from 'exceljs';
import { newExcelWorkbook } from './exceljs-workbook';
import { xmlSafe } from '../common/clean-text';
import { fittedRowHeight } from '../common/text-layout';
import {
  NOT_RANKED_MARK,
  NOT_RANKED_NOTE,
  RANK_TABLE_HEADERS,
  type RankTableBlock,
} from '../scoring/rank-table';

export const RANK_TABLE_SHEET = 'Xếp hạng';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WIDTHS = [7, 40, 13, 13, 11, 12];

function text(cell: ExcelJS.Cell, value: string): void {
  cell.value = xmlSafe(value);
  cell.numFmt = '@';
}

export async function renderRankTable(blocks: readonly RankTableBlock[], places = 2): Promise<Uint8Array> {
  const wb = await newExcelWorkbook();
  wb.creator = 'cchc';
  const ws = wb.addWorksheet(RANK_TABLE_SHEET, { views: [{ showGridLines: false }] });
  // Times New Roman everywhere (the default Calibri is missing where LibreOffice prints, and its
  // substitute is wider); A4 portrait fitted to the width, each group on its own page.
  const font = { name: 'Times New Roman', size: 12 };
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const points = places > 0 ? `0.${'0'.repeat(places)}` : '0';
  const last = RANK_TABLE_HEADERS.length;
  let r = 1;
  const headerRows: number[] = [];
  const tableWidth = WIDTHS.reduce((a, b) => a + b, 0);
  for (const block of blocks) {
    if (r > 1) ws.getRow(r - 1).addPageBreak();
    ws.mergeCells(r, 1, r, last);
    const title = ws.getCell(r, 1);
    text(title, block.title);
    title.font = { ...font, bold: true };
    title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getRow(r).height = fittedRowHeight([
      { text: block.title, widthChars: tableWidth, sizePt: 12, style: { bold: true } },
    ]);
    r++;
    headerRows.push(r);
    RANK_TABLE_HEADERS.forEach((h, c) => {
      const cell = ws.getCell(r, c + 1);
      text(cell, h);
      cell.font = { ...font, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    });
    ws.getRow(r).height = fittedRowHeight(
      RANK_TABLE_HEADERS.map((h, c) => ({
        text: h,
        widthChars: WIDTHS[c],
        sizePt: 12,
        style: { bold: true },
      })),
    );
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
      if (row.band) text(cells[5], row.band);
      for (const c of cells) {
        c.border = BORDER;
        c.font = font;
        c.alignment = { ...c.alignment, vertical: 'middle', wrapText: true };
      }
      cells[4].font = { ...font, bold: true };
      const name = String(cells[1].value ?? '');
      const h = fittedRowHeight([{ text: name, widthChars: WIDTHS[1], sizePt: 12 }]);
      if (h > 16) ws.getRow(r).height = h;
      r++;
    }
    if (block.hasNotRanked) {
      ws.mergeCells(r, 1, r, last);
      const note = ws.getCell(r, 1);
      text(note, NOT_RANKED_NOTE);
      note.font = { ...font, italic: true };
      r++;
    }
    r++;
  }
  const footer = '&C&"Times New Roman,Regular"&12Trang &P / &N';
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    // exceljs adds "$" before the column letters: "A$1" is written as "$A$1".
    printArea: `A$1:F$${Math.max(1, r - 1)}`,
    // A group longer than a page repeats the first group's header row (the same titles in every block).
    printTitlesRow: headerRows.length ? `${headerRows[0]}:${headerRows[0]}` : undefined,
  };
  ws.headerFooter = { oddFooter: footer, evenFooter: footer };
  const out: ArrayBuffer | Uint8Array = (await wb.xlsx.writeBuffer()) as ArrayBuffer | Uint8Array;
  return out instanceof Uint8Array
    ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
    : new Uint8Array(out);
}
