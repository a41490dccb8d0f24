/**
 * The presentation of administrative documents by Nghị định 30/2020/NĐ-CP (Phụ lục I), once for
 * every document we write: A4 with margins top and bottom 20 mm, left 30 mm, right 15 mm; Times
 * New Roman, body 14 pt; the header block (issuing body top left with a short line under it,
 * số/ký hiệu under that; Quốc hiệu bold 13 pt and Tiêu ngữ bold 14 pt underlined top right, the
 * place and date in italics under them); the signature block (quyền hạn, chức vụ của người ký,
 * room for the signature and seal, the signer's name) beside "Nơi nhận:"; page numbers centred
 * in the top margin from page 2 on. Bytes out, Node and browser alike (no file system).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';

export const FONT = 'Times New Roman';
/** Sizes in points. */
export const SIZE = {
  body: 14,
  quocHieu: 13,
  tieuNgu: 14,
  body13: 13,
  table: 12,
  receivers: 11,
  receiversTitle: 12,
};

/** Twips (1/1440 inch) of a length in millimetres. */
export const mm = (x: number): number => Math.round((x * 1440) / 25.4);

/** A4 in twips, and the margins of Nghị định 30 (within its ranges: 20–25, 30–35, 15–20 mm). */
export const PAGE = { width: 11906, height: 16838 };
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
/** Width of the text area in twips (portrait: every table we print fits it). */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const half = (pt: number) => pt * 2;

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    bold: style.bold,
    italics: style.italics,
    underline: style.underline ? { type: 'single' } : undefined,
    size: half(style.size ?? SIZE.body),
    font: FONT,
  });
}

export interface ParagraphStyle extends RunStyle {
  align?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent in mm (body paragraphs: 10 mm). */
  indent?: number;
  /** Space before / after in points. */
  before?: number;
  after?: number;
  keepNext?: boolean;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

/** One paragraph; "\n" in the text breaks the line. */
export function para(text: string | TextRun[], style: ParagraphStyle = {}): Paragraph {
  const children =
    typeof text === 'string'
      ? text.split('\n').map((line, i) => new TextRun({ ...runOptions(style), text: line, break: i ? 1 : 0 }))
      : text;
  return new Paragraph({
    children,
    alignment: ALIGN[style.align ?? 'left'],
    indent: style.indent ? { firstLine: mm(style.indent) } : undefined,
    spacing: {
      before: (style.before ?? 0) * 20,
      after: (style.after ?? 0) * 20,
      line: 264,
      lineRule: LineRuleType.AUTO,
    },
    keepNext: style.keepNext,
  });
}

function runOptions(style: RunStyle) {
  return {
    bold: style.bold,
    italics: style.italics,
    underline: style.underline ? { type: 'single' as const } : undefined,
    size: half(style.size ?? SIZE.body),
    font: FONT,
  };
}

/** A body paragraph: 14 pt, justified, first line indented 10 mm, 6 pt after. */
export function body(text: string | TextRun[], style: ParagraphStyle = {}): Paragraph {
  return para(text, { align: 'justify', indent: 10, after: 6, ...style });
}

/** A heading inside the body ("1. Kết quả tự đánh giá"), bold, kept with what follows. */
export function heading(text: string): Paragraph {
  return para(text, { bold: true, align: 'justify', indent: 10, before: 6, after: 6, keepNext: true });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const THIN_BORDERS = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
};

function layoutTable(columns: number[], rows: TableRow[], borders: boolean): Table {
  return new Table({
    rows,
    width: { size: columns.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: borders ? THIN_BORDERS : NO_BORDERS,
  });
}

function cell(
  children: Paragraph[],
  width: number,
  options: { shade?: boolean; middle?: boolean } = {},
): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: options.middle ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    margins: { top: 30, bottom: 30, left: 80, right: 80 },
    shading: options.shade ? { fill: 'E7E6E6', type: 'clear', color: 'auto' } : undefined,
  });
}

/** The short line under the issuing body and under the Tiêu ngữ (underlined no-break spaces). */
function rule(length: number): Paragraph {
  return para(
    [
      new TextRun({
        text: '\u00a0'.repeat(length),
        underline: { type: 'single' },
        size: half(SIZE.body),
        font: FONT,
      }),
    ],
    {
      align: 'center',
    },
  );
}

export interface HeaderBlock {
  /** Cơ quan chủ quản ("UBND TỈNH AN GIANG"), printed above the issuing body; optional. */
  parent?: string;
  /** Tên cơ quan ban hành ("SỞ NỘI VỤ"). */
  issuer: string;
  /** "Số:      /BC-STP" (the number left blank for the văn thư to fill in); "" for none (a phụ lục). */
  number: string;
  /** "An Giang, ngày 02 tháng 12 năm 2026". */
  placeDate: string;
}

/**
 * The place of the place-and-date line when the document cannot know it (a framework that names no
 * province): dots to write it in by hand, as on Nghị định 30's blank forms ("……, ngày … tháng …").
 */
export const PLACE_TO_FILL = '……';

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

/** Issuing body and số/ký hiệu top left, Quốc hiệu, Tiêu ngữ and place-date top right. */
export function headerBlock(h: HeaderBlock, textWidth = TEXT_WIDTH): Table {
  const left = Math.round(textWidth * 0.4);
  const right = textWidth - left;
  const leftParas = [
    ...(h.parent ? [para(h.parent.toLocaleUpperCase('vi'), { align: 'center', size: SIZE.quocHieu })] : []),
    para(h.issuer.toLocaleUpperCase('vi'), { align: 'center', bold: true, size: SIZE.quocHieu }),
    rule(14),
    ...(h.number ? [para(h.number, { align: 'center', size: SIZE.body13, before: 6 })] : []),
  ];
  const rightParas = [
    para(QUOC_HIEU, { align: 'center', bold: true, size: SIZE.quocHieu }),
    para([run(TIEU_NGU, { bold: true, underline: true, size: SIZE.tieuNgu })], { align: 'center' }),
    para(h.placeDate, { align: 'center', italics: true, size: SIZE.body, before: 12 }),
  ];
  return layoutTable(
    [left, right],
    [new TableRow({ children: [cell(leftParas, left), cell(rightParas, right)] })],
    false,
  );
}

/** The document's kind and title, centred and bold: "BÁO CÁO" / "Kết quả tự đánh giá…". */
export function titleBlock(kind: string, title: string, subtitle?: string): Paragraph[] {
  return [
    para(kind, { align: 'center', bold: true, size: SIZE.body, before: 18 }),
    para(title, { align: 'center', bold: true, size: SIZE.body }),
    ...(subtitle ? [para(subtitle, { align: 'center', italics: true, size: SIZE.body })] : []),
    rule(20),
    para('', { after: 6 }),
  ];
}

export interface SignatureBlock {
  /** Thẩm quyền ký ("TM. HỘI ĐỒNG THẨM ĐỊNH"), optional. */
  authority?: string;
  /** Chức vụ của người ký ("CHỦ TỊCH", "THỦ TRƯỞNG ĐƠN VỊ"). */
  position: string;
  /** Under the position: "(Ký, ghi rõ họ tên, đóng dấu)". */
  note?: string;
  /** The signer's name, or "" to leave the line for it. */
  name?: string;
  /** "Nơi nhận:" lines ("- Sở Nội vụ;", "- Lưu: VT."). */
  receivers: string[];
}

/** "Nơi nhận:" on the left, the signature on the right, with room for the signature and seal. */
export function signatureBlock(s: SignatureBlock, textWidth = TEXT_WIDTH): Table {
  const left = Math.round(textWidth * 0.45);
  const right = textWidth - left;
  const leftParas = [
    para('Nơi nhận:', { bold: true, italics: true, size: SIZE.receiversTitle, before: 12 }),
    ...s.receivers.map((r) => para(r, { size: SIZE.receivers })),
  ];
  const rightParas = [
    ...(s.authority ? [para(s.authority, { align: 'center', bold: true, size: SIZE.body, before: 12 })] : []),
    para(s.position, { align: 'center', bold: true, size: SIZE.body, before: s.authority ? 0 : 12 }),
    ...(s.note ? [para(s.note, { align: 'center', italics: true, size: SIZE.body13 })] : []),
    // Room for the signature and the seal.
    para('', { after: 60 }),
    para(s.name || '……………………………', { align: 'center', bold: true, size: SIZE.body }),
  ];
  const row = new TableRow({ children: [cell(leftParas, left), cell(rightParas, right)], cantSplit: true });
  return layoutTable([left, right], [row], false);
}

export interface GridColumn {
  title: string;
  /** Share of the text width (the shares of a table add up to 1). */
  share: number;
  align?: 'left' | 'center' | 'right';
}

export interface GridRow {
  cells: string[];
  bold?: boolean;
  shade?: boolean;
}

/**
 * A bordered table whose header row repeats on every printed page and whose rows do not break
 * across pages, 12 pt.
 */
export function gridTable(columns: GridColumn[], rows: GridRow[], textWidth = TEXT_WIDTH): Table {
  const widths = columns.map((c) => Math.floor(textWidth * c.share));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) =>
      cell([para(c.title, { align: 'center', bold: true, size: SIZE.table })], widths[i], {
        shade: true,
        middle: true,
      }),
    ),
  });
  const body = rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.cells.map((text, i) =>
          cell(
            [para(text, { align: columns[i].align ?? 'left', bold: r.bold, size: SIZE.table })],
            widths[i],
            { shade: r.shade },
          ),
        ),
      }),
  );
  return layoutTable(widths, [header, ...body], true);
}

export interface DocumentParts {
  title: string;
  /** Section content, in order. */
  children: (Paragraph | Table)[];
}

/** The page number, centred in the top margin, from page 2 on (page 1 carries none). */
function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: half(SIZE.body), font: FONT })],
      }),
    ],
  });
}

/** An A4 document with Nghị định 30's margins, fonts and page numbers, as .docx bytes. */
export async function nd30Document(parts: DocumentParts): Promise<Uint8Array> {
  const section: ISectionOptions = {
    properties: {
      titlePage: true,
      page: {
        size: {
          width: PAGE.width,
          height: PAGE.height,
          orientation: PageOrientation.PORTRAIT,
        },
        margin: { ...MARGIN, header: mm(10), footer: mm(10) },
      },
    },
    headers: {
      default: pageNumberHeader(),
      first: new Header({ children: [new Paragraph({ children: [] })] }),
    },
    children: parts.children,
  };
  const doc = new Document({
    creator: 'cchc',
    title: parts.title,
    styles: {
      default: { document: { run: { font: FONT, size: half(SIZE.body), language: { value: 'vi-VN' } } } },
    },
    sections: [section],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
