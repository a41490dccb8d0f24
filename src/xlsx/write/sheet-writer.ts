/**
 * One worksheet written row by row into its zip entry: the sheet's head (fit flag, frozen panes,
 * column widths) first, then each row as XML text the moment it is given, then what the schema
 * puts after the rows (merges, print options, margins, page setup, footer, page breaks). Only the
 * merges and break rows are kept until the end (a few per group); rows are never held.
 */
import { columnLetters, quoteSheetName } from '../../common/a1';
import { SharedStrings, textElement } from './shared-strings';
import { escapeXml, NS_MAIN, NS_REL, XML_HEAD } from './xml-text';
import type { ZipEntry } from './zip-stream';

export type CellValue = string | number | null;

export interface SheetColumn {
  width: number;
  hidden?: boolean;
}

export interface SheetLayout {
  name: string;
  columns: SheetColumn[];
  /** Frozen rows above and columns left of the scrolling part. */
  freeze?: { rows: number; cols: number };
  orientation: 'portrait' | 'landscape';
  /** true: fitted to one page width (as many pages down as needed); false: printed at 100 %. */
  fitToWidth: boolean;
}

export interface SheetPrint {
  /** Print area A1 to (lastRow, lastColumn). */
  lastColumn: number;
  lastRow: number;
  /** Rows repeated at the top of every page. */
  titleRows?: [number, number];
  /** Columns repeated at the left of every page ("A:B"). */
  titleColumns?: string;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  horizontalCentered: boolean;
  /** Header/footer code ("&C…&P / &N"), on odd and even pages. */
  footer: string;
}

/** A defined name of the workbook (print area, print titles), local to its sheet. */
export interface DefinedName {
  name: string;
  sheetIndex: number;
  ref: string;
}

/** Text gathered up to this many characters before it goes to the compressor. */
const CHUNK = 1 << 16;

export class SheetWriter {
  private buffer = '';
  private readonly letters: string[] = [];
  private readonly merges: string[] = [];
  private readonly breaks: number[] = [];
  private lastRow = 0;

  constructor(
    private readonly entry: ZipEntry,
    private readonly strings: SharedStrings,
    readonly index: number,
    readonly layout: SheetLayout,
  ) {
    this.buffer = `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${this.head()}<sheetData>`;
  }

  private letter(col: number): string {
    return (this.letters[col] ??= columnLetters(col));
  }

  private head(): string {
    const { freeze, columns, fitToWidth } = this.layout;
    let xml = fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
    if (freeze && (freeze.rows || freeze.cols)) {
      const pane = freeze.rows && freeze.cols ? 'bottomRight' : freeze.rows ? 'bottomLeft' : 'topRight';
      const split = `${freeze.cols ? ` xSplit="${freeze.cols}"` : ''}${freeze.rows ? ` ySplit="${freeze.rows}"` : ''}`;
      const topLeft = `${this.letter(freeze.cols + 1)}${freeze.rows + 1}`;
      xml +=
        `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}"/></sheetView></sheetViews>`;
    }
    xml += '<sheetFormatPr defaultRowHeight="15"/>';
    if (columns.length) {
      xml += '<cols>';
      columns.forEach((c, i) => {
        xml += `<col min="${i + 1}" max="${i + 1}" width="${c.width}"${c.hidden ? ' hidden="1"' : ''} customWidth="1"/>`;
      });
      xml += '</cols>';
    }
    return xml;
  }

  private push(text: string): void | Promise<void> {
    this.buffer += text;
    if (this.buffer.length < CHUNK) return;
    const out = this.buffer;
    this.buffer = '';
    return this.entry.write(out);
  }

  /**
   * Row `r` (1-based, increasing): `values[i]` in column i + 1 with style `styles[i]`; a cell with
   * no value is written only when it has a style (borders of an empty cell). A string is always a
   * shared or an inline string (shared-strings.ts), never a formula. `height` in points, or none
   * for the default.
   */
  row(
    r: number,
    values: readonly CellValue[],
    styles: readonly number[],
    height?: number,
  ): void | Promise<void> {
    if (r <= this.lastRow) throw new Error(`Dòng ${r} của trang tính ${this.layout.name} đã được ghi.`);
    this.lastRow = r;
    let xml = `<row r="${r}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ''}>`;
    const n = Math.max(values.length, styles.length);
    for (let i = 0; i < n; i++) {
      const v = values[i] ?? null;
      const s = styles[i];
      if (v === null && s === undefined) continue;
      const ref = `${this.letter(i + 1)}${r}`;
      const style = s ? ` s="${s}"` : '';
      if (typeof v === 'string')
        xml += SharedStrings.shares(v)
          ? `<c r="${ref}"${style} t="s"><v>${this.strings.id(v)}</v></c>`
          : `<c r="${ref}"${style} t="inlineStr"><is>${textElement(v)}</is></c>`;
      else if (typeof v === 'number' && Number.isFinite(v)) xml += `<c r="${ref}"${style}><v>${v}</v></c>`;
      else xml += `<c r="${ref}"${style}/>`;
    }
    return this.push(`${xml}</row>`);
  }

  /** Merges columns first..last of row `r`. */
  merge(r: number, first: number, last: number): void {
    this.merges.push(`${this.letter(first)}${r}:${this.letter(last)}${r}`);
  }

  /** A manual page break below row `r`. */
  pageBreakAfter(r: number): void {
    this.breaks.push(r);
  }

  /** The sheet's tail and the entry's end; gives the sheet's print names for workbook.xml. */
  async end(print: SheetPrint): Promise<DefinedName[]> {
    const { layout } = this;
    let xml = '</sheetData>';
    if (this.merges.length)
      xml += `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
    if (print.horizontalCentered) xml += '<printOptions horizontalCentered="1"/>';
    const m = print.margins;
    xml += `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
    xml +=
      `<pageSetup paperSize="9" orientation="${layout.orientation}" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100"` +
      `${layout.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`;
    const footer = escapeXml(print.footer);
    xml += `<headerFooter><oddFooter>${footer}</oddFooter><evenFooter>${footer}</evenFooter></headerFooter>`;
    if (this.breaks.length)
      xml +=
        `<rowBreaks count="${this.breaks.length}" manualBreakCount="${this.breaks.length}">` +
        `${this.breaks.map((b) => `<brk id="${b}" max="16383" man="1"/>`).join('')}</rowBreaks>`;
    xml += '</worksheet>';
    await this.entry.write(this.buffer + xml);
    this.buffer = '';
    await this.entry.end();
    const sheet = quoteSheetName(layout.name);
    const names: DefinedName[] = [
      {
        name: '_xlnm.Print_Area',
        sheetIndex: this.index,
        ref: `${sheet}!$A$1:$${this.letter(print.lastColumn)}$${Math.max(1, print.lastRow)}`,
      },
    ];
    const titles = [
      print.titleColumns ? `${sheet}!$${print.titleColumns.replace(':', ':$')}` : '',
      print.titleRows ? `${sheet}!$${print.titleRows[0]}:$${print.titleRows[1]}` : '',
    ].filter(Boolean);
    if (titles.length)
      names.push({ name: '_xlnm.Print_Titles', sheetIndex: this.index, ref: titles.join(',') });
    return names;
  }
}
