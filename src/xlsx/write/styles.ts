/**
 * The workbook's cell styles: each distinct style (font, fill, border, alignment, number format)
 * gets one cellXfs index, found by a key, and styles.xml lists them. Font 0 is the workbook's
 * default ("Normal") font, in whose digit width Excel counts column widths, so it is given up
 * front (render.ts keeps the template's the same way: Times New Roman 11).
 */
import { escapeXml, NS_MAIN, XML_HEAD } from './xml-text';

export interface CellFont {
  name: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
}

export interface CellStyle {
  font: CellFont;
  /** Solid fill, ARGB ("FFDDEBF7"). */
  fill?: string;
  /** Thin border on all four sides in this ARGB colour. */
  border?: string;
  alignment?: {
    wrap?: boolean;
    vertical?: 'top' | 'middle' | 'bottom';
    horizontal?: 'left' | 'center' | 'right';
  };
  /** Number format code ("0.00"); none = General. */
  numFmt?: string;
}

/** Excel's built-in number formats that have an id of their own (no <numFmt> needed). */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '@': 49,
};

/** A table of distinct XML fragments, numbered in the order first met. */
class Table {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(initial: string[]) {
    initial.forEach((x) => this.id(x));
  }

  id(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(xml);
      this.index.set(xml, i);
    }
    return i;
  }
}

function fontXml(f: CellFont): string {
  return `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}<sz val="${f.size}"/><name val="${escapeXml(f.name)}"/></font>`;
}

function borderXml(argb: string): string {
  const side = (s: string) => `<${s} style="thin"><color rgb="${argb}"/></${s}>`;
  return `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`;
}

export class StyleRegistry {
  private readonly fonts: Table;
  private readonly fills = new Table([
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ]);
  private readonly borders = new Table(['<border><left/><right/><top/><bottom/><diagonal/></border>']);
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Table(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  private readonly byKey = new Map<string, number>();

  constructor(defaultFont: { name: string; size: number }) {
    this.fonts = new Table([
      `<font><sz val="${defaultFont.size}"/><color theme="1"/><name val="${escapeXml(defaultFont.name)}"/><family val="1"/></font>`,
    ]);
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = 164 + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  /** The cellXfs index of `style`; `key` names it (the same key must always mean the same style). */
  id(key: string, make: () => CellStyle): number {
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.xfOf(make());
      this.byKey.set(key, id);
    }
    return id;
  }

  private xfOf(s: CellStyle): number {
    const numFmtId = s.numFmt ? this.formatId(s.numFmt) : 0;
    const fontId = this.fonts.id(fontXml(s.font));
    const fillId = s.fill
      ? this.fills.id(
          `<fill><patternFill patternType="solid"><fgColor rgb="${s.fill}"/></patternFill></fill>`,
        )
      : 0;
    const borderId = s.border ? this.borders.id(borderXml(s.border)) : 0;
    const a = s.alignment;
    const align = a
      ? `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${
          a.vertical ? ` vertical="${a.vertical === 'middle' ? 'center' : a.vertical}"` : ''
        }${a.wrap ? ' wrapText="1"' : ''}/>`
      : '';
    const apply =
      (numFmtId ? ' applyNumberFormat="1"' : '') +
      ' applyFont="1"' +
      (fillId ? ' applyFill="1"' : '') +
      (borderId ? ' applyBorder="1"' : '') +
      (align ? ' applyAlignment="1"' : '');
    const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${apply}`;
    return this.xfs.id(align ? `${open}>${align}</xf>` : `${open}/>`);
  }

  xml(): string {
    const list = (tag: string, items: string[]) =>
      `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const formats = [...this.formats].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`,
    );
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
      (formats.length ? list('numFmts', formats) : '') +
      list('fonts', this.fonts.items) +
      list('fills', this.fills.items) +
      list('borders', this.borders.items) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs.items) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    );
  }
}
