/**
 * One worksheet written row by row into its zip entry: the sheet's head (fit flag, frozen panes,
 * column widths) first, then each row as XML text the moment it is given, then what the schema
 * puts after the rows (merges, print options, margins, page setup, footer, page breaks). Only the
 * merges and break rows are kept until the end (a few per group); rows are never held.
 */
import { columnLetters, quoteSheetName } from '../../common/a1';
import { SharedStrings, textElement } from './shared-strings';
import { XmlBytes } from './xml-bytes';
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
  private readonly out = new XmlBytes();
  private readonly letters: string[] = [];
  /** ` s="N"` per style id, made once. */
  private readonly styleAttrs: string[] = [];
  private readonly merges: string[] = [];
  private readonly breaks: number[] = [];
  private lastRow = 0;

  constructor(
    private readonly entry: ZipEntry,
    private readonly strings: SharedStrings,
    readonly index: number,
    readonly layout: SheetLayout,
  ) {
    this.out.text(`${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${this.head()}<sheetData>`);
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

  /** Hands the text so far to the zip entry once it reaches CHUNK characters. */
  private flush(): void | Promise<void> {
    if (this.out.chars < CHUNK) return;
    return this.entry.writeBytes(this.out.take());
  }

  private styleAttr(s: number): string {
    return (this.styleAttrs[s] ??= ` s="${s}"`);
  }

  /**
   * Row `r` (1-based, increasing): `values[i]` in column i + 1 with style `styles[i]`; a cell with
   * no value is written only when it has a style (borders of an empty cell). A string is always a
   * shared or an inline string (shared-strings.ts), never a formula. `height` in points, or none
   * for the default. Written piece by piece into the sheet's bytes (xml-bytes.ts).
   */
  row(
    r: number,
    values: readonly CellValue[],
    styles: readonly number[],
    height?: number,
  ): void | Promise<void> {
    if (r <= this.lastRow) throw new Error(`Dòng ${r} của trang tính ${this.layout.name} đã được ghi.`);
    this.lastRow = r;
    const out = this.out;
    out.text('<row r="');
    out.number(r);
    if (height !== undefined) {
      out.text('" ht="');
      out.number(height);
      out.text('" customHeight="1');
    }
    out.text('">');
    const n = Math.max(values.length, styles.length);
    for (let i = 0; i < n; i++) {
      const v = values[i] ?? null;
      const s = styles[i];
      if (v === null && s === undefined) continue;
      out.text('<c r="');
      out.text(this.letter(i + 1));
      out.number(r);
      out.text('"');
      if (s) out.text(this.styleAttr(s));
      if (typeof v === 'string') {
        if (SharedStrings.shares(v)) {
          out.text(' t="s"><v>');
          out.number(this.strings.id(v));
          out.text('</v></c>');
        } else {
          out.text(' t="inlineStr"><is>');
          out.text(textElement(v));
          out.text('</is></c>');
        }
      } else if (typeof v === 'number' && Number.isFinite(v)) {
        out.text('><v>');
        out.number(v);
        out.text('</v></c>');
      } else out.text('/>');
    }
    out.text('</row>');
    return this.flush();
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
    this.out.text(xml);
    await this.entry.writeBytes(this.out.take());
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
