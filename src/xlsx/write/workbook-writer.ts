/**
 * An .xlsx written as a stream: sheets one after another (each row XML text the moment it is
 * made), then the parts that are only known at the end — the shared strings, the styles, the
 * workbook with its print names, the package's content types and relationships, core.xml.
 * Bytes go to a sink (a file stream in Node, a list of chunks for bytes in memory); what stays in
 * memory is the shared-string and style tables.
 */
import { SharedStrings } from './shared-strings';
import { SheetWriter, type DefinedName, type SheetLayout } from './sheet-writer';
import { StyleRegistry } from './styles';
import { escapeXml, NS_MAIN, NS_REL, XML_HEAD } from './xml-text';
import { ZipStream, type ByteSink, type ZipCompression } from './zip-stream';

export interface WorkbookProperties {
  creator: string;
  /** ISO time: core.xml's created and modified, and every zip entry's time stamp. */
  created: string;
  /** Font 0 ("Normal"): column widths are counted in its digits. */
  defaultFont: { name: string; size: number };
}

const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** An ISO time as W3CDTF without fractions ("2026-11-22T09:00:00Z"), as Excel writes it. */
function w3cdtf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export class XlsxStreamWriter {
  readonly styles: StyleRegistry;
  readonly strings = new SharedStrings();
  private readonly zip: ZipStream;
  private readonly sheets: string[] = [];
  private readonly names: DefinedName[] = [];
  private open: SheetWriter | null = null;

  constructor(
    sink: ByteSink,
    compression: ZipCompression,
    private readonly props: WorkbookProperties,
  ) {
    this.zip = new ZipStream(sink, compression, props.created);
    this.styles = new StyleRegistry(props.defaultFont);
  }

  /** Starts the next sheet (the one before must be ended with its print setup). */
  sheet(layout: SheetLayout): SheetWriter {
    if (this.open) throw new Error(`Trang tính ${this.open.layout.name} chưa ghi xong.`);
    const index = this.sheets.length;
    this.sheets.push(layout.name);
    const entry = this.zip.entry(`xl/worksheets/sheet${index + 1}.xml`);
    const sheet = new SheetWriter(entry, this.strings, index, layout);
    this.open = sheet;
    return sheet;
  }

  /** Ends the open sheet with its print setup (print area and titles become workbook names). */
  async endSheet(print: Parameters<SheetWriter['end']>[0]): Promise<void> {
    if (!this.open) throw new Error('Không có trang tính nào đang ghi.');
    this.names.push(...(await this.open.end(print)));
    this.open = null;
  }

  async finish(): Promise<void> {
    if (this.open) throw new Error(`Trang tính ${this.open.layout.name} chưa ghi xong.`);
    const strings = this.zip.entry('xl/sharedStrings.xml');
    for (const part of this.strings.xml()) await strings.write(part);
    await strings.end();
    await this.zip.file('xl/styles.xml', this.styles.xml());
    await this.zip.file('xl/workbook.xml', this.workbookXml());
    await this.zip.file('xl/_rels/workbook.xml.rels', this.workbookRels());
    await this.zip.file('[Content_Types].xml', this.contentTypes());
    await this.zip.file(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '</Relationships>',
    );
    await this.zip.file('docProps/core.xml', this.coreXml());
    await this.zip.finish();
  }

  private workbookXml(): string {
    const sheets = this.sheets
      .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`)
      .join('');
    const names = this.names
      .map(
        (n) =>
          `<definedName name="${n.name}" localSheetId="${n.sheetIndex}">${escapeXml(n.ref)}</definedName>`,
      )
      .join('');
    return (
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/>` +
      '<bookViews><workbookView/></bookViews>' +
      `<sheets>${sheets}</sheets>${names ? `<definedNames>${names}</definedNames>` : ''}<calcPr calcId="171027"/></workbook>`
    );
  }

  private workbookRels(): string {
    const rel = (id: number, type: string, target: string) =>
      `<Relationship Id="rId${id}" Type="${REL}/${type}" Target="${target}"/>`;
    return (
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      rel(1, 'styles', 'styles.xml') +
      rel(2, 'sharedStrings', 'sharedStrings.xml') +
      this.sheets.map((_, i) => rel(i + 3, 'worksheet', `worksheets/sheet${i + 1}.xml`)).join('') +
      '</Relationships>'
    );
  }

  private contentTypes(): string {
    const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
    const sml = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
    return (
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      override('/xl/workbook.xml', `${sml}.sheet.main+xml`) +
      this.sheets.map((_, i) => override(`/xl/worksheets/sheet${i + 1}.xml`, SHEET_TYPE)).join('') +
      override('/xl/styles.xml', `${sml}.styles+xml`) +
      override('/xl/sharedStrings.xml', `${sml}.sharedStrings+xml`) +
      override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
      '</Types>'
    );
  }

  private coreXml(): string {
    const at = w3cdtf(this.props.created);
    return (
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>${escapeXml(this.props.creator)}</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
      '</cp:coreProperties>'
    );
  }
}
