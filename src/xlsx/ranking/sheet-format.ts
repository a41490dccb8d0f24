/**
 * What every sheet of the ranking workbook shares: the font, the grey box border, the header
 * fill, the page footer and the print setup (A4, fitted to the page width or at 100 %, centred,
 * the header rows repeated, a fully absolute print area over the printed columns).
 */
import type { CellStyle } from '../write/styles';
import type { SheetPrint } from '../write/sheet-writer';

export const SHEET_DETAIL = 'Chi tiết';
export const SHEET_FILES = 'Hồ sơ';
export const SHEET_CHART = 'Biểu đồ';
export const SHEET_NOTES = 'Ghi chú';
export const SHEET_LOST = 'Điểm còn thiếu';

export const FONT = 'Times New Roman';
export const SIZE = 12;
/** Thin grey lines round each cell of a table. */
export const GREY = 'FF808080';
export const HEADER_FILL = 'FFDDEBF7';
/** Every page: "Trang 3 / 12", in the sheets' font (a footer without a font prints in the default one). */
const FOOTER = `&C&"${FONT},Regular"&12Trang &P / &N`;

export type TableCell = string | number | null;

/** A table's header cell: bold on the header fill, boxed, wrapped and centred. */
export function headerStyle(size: number): CellStyle {
  return {
    font: { name: FONT, size, bold: true },
    fill: HEADER_FILL,
    border: GREY,
    alignment: { wrap: true, vertical: 'middle', horizontal: 'center' },
  };
}

export function printSetup(options: {
  lastPrintedColumn: number;
  lastRow: number;
  titleRows?: [number, number];
  /** Columns repeated on every page across ("A:B"). */
  titleColumns?: string;
}): SheetPrint {
  return {
    lastColumn: options.lastPrintedColumn,
    lastRow: options.lastRow,
    titleRows: options.titleRows,
    titleColumns: options.titleColumns,
    margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    horizontalCentered: true,
    footer: FOOTER,
  };
}
