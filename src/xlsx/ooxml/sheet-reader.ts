/**
 * A worksheet part → the grid exceljs + `gridOfWorksheet` give for it (read-template.ts), in four
 * steps: collect the cells of `<sheetData>` (a tokenizer handler mirroring exceljs' cell parser),
 * read the merged ranges, apply them, build the grid.
 *
 * Bounded: only cells holding a value are kept, the grid is clipped to the rectangle they use, and
 * every limit of `ReadLimits` is checked while reading, so memory follows what the sheet holds, not
 * the addresses it claims (a styled empty cell at XFD1048576 costs nothing; a value there, a merge
 * over the whole sheet or a row numbered 0 is refused with `ReadLimitExceeded`).
 */
import type { CellValue } from '../../scoring/types';
import type { CellGrid } from '../../workbook/read-grid';
import {
  DEFAULT_READ_LIMITS,
  EXCEL_MAX_COL,
  EXCEL_MAX_ROW,
  ReadLimitExceeded,
  limitMessages,
  mergedAreaCounter,
  type ReadLimits,
} from '../read-limits';
import { columnLetters, decodeAddress, parseAddress } from './cell-address';
import { slideFormula } from './shared-formula';
import type { SharedString } from './shared-strings';
import { scanSheetCells, type ScannedCell, type ScannedCellSink } from './cell-scan';
import { serialAsDateText } from './styles';
import { OoxmlUnsupported } from './unsupported';
import { asciiBytes, bytesAt, FarMark } from './byte-search';
import { decodeOoxmlEscapes, decodeXml, exceljsXmlDecode } from './xml-entities';
import { scanXml, xmlAttribute, type XmlHandler } from './xml-scan';

export interface SheetParseContext {
  sharedStrings: () => SharedString[];
  dateStyles: () => readonly boolean[];
  date1904: boolean;
  /** Default DEFAULT_READ_LIMITS. */
  limits?: ReadLimits;
}

/** A cell that holds something ('merge': a value hidden by a merged range, as exceljs hides it). */
interface ValueCell {
  kind: 'value' | 'merge';
  value: CellValue;
  /** Own formula text, '' for a shared-formula follower (resolved when the grid is built). */
  formula: string | null;
  /** For a shared-formula follower: the master's address, to translate the master's text. */
  sharedFrom?: string;
  row: number;
  col: number;
}

/** Row number → its value cells by column - 1 (sparse). */
type SheetCells = Map<number, ValueCell[]>;

interface MergedRange {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A worksheet part cut for reading: what follows the cells (protection, conditional formats, data
 * validations with their Vietnamese prompts: more than half of a template's sheet XML) is neither
 * decoded nor tokenized; only its merged ranges are kept, and whether it has hyperlinks.
 */
export interface SheetParts {
  /** The XML up to and including `</sheetData>` (all of it when there is none). */
  cells: string;
  /** The `<mergeCell …>` elements after the cells, as text. */
  merges: string;
  hasHyperlinks: boolean;
}

const END_OF_CELLS = '</sheetData>';

/**
 * exceljs reads `<conditionalFormatting>` and `<dataValidations>` elements with parsers of their
 * own, which ignore whatever else is nested there (a `<mergeCell>` or `<hyperlink>` inside one is
 * not the sheet's). Both cuts leave them out (each as one space), and the byte cut jumps over them
 * (a template's check rules and its ~37 KB of Vietnamese prompts) instead of walking their tags.
 * Whitespace is XML's, not `\s` (which would take U+00A0).
 */
const LEFT_OUT = ['conditionalFormatting', 'dataValidations'];
const LEFT_OUT_ELEMENTS = new RegExp(
  `<(${LEFT_OUT.join('|')})(?:[ \\t\\r\\n][^>]*)?(?<!/)>[\\s\\S]*?</\\1>`,
  'g',
);

/** Cuts a part given as text (tests, hand-written XML). */
export function sheetPartsOfText(xml: string): SheetParts {
  const end = xml.indexOf(END_OF_CELLS);
  const tail = end < 0 ? '' : xml.slice(end + END_OF_CELLS.length).replace(LEFT_OUT_ELEMENTS, ' ');
  return {
    cells: end < 0 ? xml : xml.slice(0, end + END_OF_CELLS.length),
    merges: tail,
    hasHyperlinks: /<hyperlink\b/.test(tail),
  };
}

const utf8 = new TextDecoder();
const END_OF_CELLS_MARK = new FarMark(END_OF_CELLS);
const END_OF_CELLS_BYTES = END_OF_CELLS_MARK.bytes;
const MERGE_CELL_BYTES = asciiBytes('<mergeCell');
const HYPERLINK_BYTES = asciiBytes('<hyperlink');
const END_OF_MERGES_BYTES = asciiBytes('</mergeCells>');
const LEFT_OUT_MARKS = LEFT_OUT.map((name) => ({
  first: name.charCodeAt(0),
  open: asciiBytes(`<${name}`),
  close: new FarMark(`</${name}>`),
}));

/**
 * The end (after its closing tag) of the element LEFT_OUT_ELEMENTS takes at `at`, a "<"; -1 when
 * it takes none there (another name, self-closing, never closed).
 */
function endOfLeftOut(bytes: Uint8Array, at: number): number {
  const next = bytes[at + 1];
  for (const mark of LEFT_OUT_MARKS) {
    if (next !== mark.first || !bytesAt(bytes, mark.open, at)) continue;
    let gt = at + mark.open.length;
    const after = bytes[gt];
    if (after === 0x20 || after === 0x09 || after === 0x0d || after === 0x0a) {
      gt = bytes.indexOf(0x3e /* > */, gt);
      if (gt < 0 || bytes[gt - 1] === 0x2f /* / */) return -1;
    } else if (after !== 0x3e) return -1;
    const close = mark.close.indexIn(bytes, gt + 1);
    return close < 0 ? -1 : close + mark.close.bytes.length;
  }
  return -1;
}

/** bytes [start, end) decoded, each left-out span in it read as one space (as LEFT_OUT_ELEMENTS). */
function decodeWithout(bytes: Uint8Array, start: number, end: number, leftOut: readonly number[]): string {
  let text = '';
  let from = start;
  for (let k = 0; k < leftOut.length; k += 2) {
    if (leftOut[k] < start || leftOut[k + 1] > end) continue;
    text += `${utf8.decode(bytes.subarray(from, leftOut[k]))} `;
    from = leftOut[k + 1];
  }
  return text + utf8.decode(bytes.subarray(from, end));
}

/** Cuts a part given as bytes, decoding only the cells and the merged ranges. */
export function sheetPartsOf(bytes: Uint8Array): SheetParts {
  const end = END_OF_CELLS_MARK.indexIn(bytes, 0);
  if (end < 0) return { cells: utf8.decode(bytes), merges: '', hasHyperlinks: false };
  return { cells: utf8.decode(bytes.subarray(0, end + END_OF_CELLS_BYTES.length)), ...tailOf(bytes, end) };
}

/**
 * What a part holds after its `</sheetData>` (at `end`) that the reader needs. One walk over the
 * tail's "<" (each pattern starts with one), not a search per pattern: the tail is ~50 KB, mostly
 * data validations, whose Vietnamese prompts are full of any anchor letter (three searches took
 * 43-66 µs, this walk 28-52 µs), and which the walk jumps over (see LEFT_OUT_ELEMENTS).
 */
function tailOf(bytes: Uint8Array, end: number): Omit<SheetParts, 'cells'> {
  const tailStart = end + END_OF_CELLS_BYTES.length;
  let firstMerge = -1;
  let lastMerge = -1;
  let endOfMerges = -1;
  let hasHyperlinks = false;
  /** Start and end of each element left out (LEFT_OUT_ELEMENTS). */
  const leftOut: number[] = [];
  for (let i = bytes.indexOf(0x3c /* < */, tailStart); i >= 0; i = bytes.indexOf(0x3c, i + 1)) {
    const next = bytes[i + 1];
    if (next === 0x6d /* m */ && bytesAt(bytes, MERGE_CELL_BYTES, i)) {
      if (firstMerge < 0) firstMerge = i;
      lastMerge = i;
    } else if (next === 0x2f /* / */ && firstMerge >= 0 && endOfMerges < 0) {
      if (bytesAt(bytes, END_OF_MERGES_BYTES, i)) endOfMerges = i;
    } else if (next === 0x68 /* h */ && !hasHyperlinks) hasHyperlinks = bytesAt(bytes, HYPERLINK_BYTES, i);
    else if (next === 0x63 /* c */ || next === 0x64 /* d */) {
      const after = endOfLeftOut(bytes, i);
      if (after < 0) continue;
      leftOut.push(i, after);
      i = after - 1;
    }
  }
  let merges = '';
  if (firstMerge >= 0) {
    // Up to the end of the last <mergeCell> (normally that of </mergeCells>).
    const last = endOfMerges < 0 || lastMerge > endOfMerges ? lastMerge : endOfMerges;
    let close = bytes.indexOf(0x3e /* > */, last);
    for (let k = 0; k < leftOut.length && close >= 0; k += 2) {
      // A ">" inside a left-out element is not there for the text cut either.
      if (leftOut[k] < close && close < leftOut[k + 1]) close = bytes.indexOf(0x3e, leftOut[k + 1]);
    }
    merges = decodeWithout(bytes, firstMerge, close < 0 ? bytes.length : close + 1, leftOut);
  }
  return { merges, hasHyperlinks };
}

/**
 * A worksheet part given as bytes → its grid. The cells are read by the byte scanner
 * (cell-scan.ts) into the same collector the tokenizer feeds; when the part is outside the
 * scanner's shape, or anything at all goes wrong on that path, the part is read again by the
 * tokenizer, which alone decides errors and refusals. Both paths give the same grid (tested).
 */
export function parseSheetBytes(bytes: Uint8Array, ctx: SheetParseContext, sheetName = 'Sheet1'): CellGrid {
  return scannedGrid(bytes, ctx, sheetName) ?? parseSheetParts(sheetPartsOf(bytes), ctx, sheetName);
}

/** The byte scanner's grid; null when the tokenizer must read the part. */
export function scannedGrid(
  bytes: Uint8Array,
  ctx: SheetParseContext,
  sheetName = 'Sheet1',
): CellGrid | null {
  try {
    const limits = ctx.limits ?? DEFAULT_READ_LIMITS;
    const merges = new MergeReader(sheetName, limits);
    const collector = new CellCollector(ctx, sheetName, limits, merges);
    const end = scanSheetCells(bytes, collector);
    if (end < 0) return null;
    const tail = tailOf(bytes, end);
    // exceljs turns a linked cell into { text, hyperlink }: the tokenizer path refuses it.
    if (tail.hasHyperlinks) return null;
    return gridOf(collector, merges, tail.merges);
  } catch {
    return null;
  }
}

/** Parses a worksheet part into the grid exceljs + gridOfWorksheet would produce. */
export function parseSheetGrid(xml: string, ctx: SheetParseContext, sheetName = 'Sheet1'): CellGrid {
  return parseSheetParts(sheetPartsOfText(xml), ctx, sheetName);
}

export function parseSheetParts(parts: SheetParts, ctx: SheetParseContext, sheetName = 'Sheet1'): CellGrid {
  const limits = ctx.limits ?? DEFAULT_READ_LIMITS;
  // exceljs turns a linked cell into { text, hyperlink }: not read here.
  if (parts.hasHyperlinks) throw new OoxmlUnsupported('hyperlinks');
  const merges = new MergeReader(sheetName, limits);
  const collector = new CellCollector(ctx, sheetName, limits, merges);
  scanXml(parts.cells, collector);
  return gridOf(collector, merges, parts.merges);
}

/** Steps 2 to 4, once the cells are collected by either path. */
function gridOf(collector: CellCollector, merges: MergeReader, mergesAfterCells: string): CellGrid {
  for (const m of mergesAfterCells.matchAll(/<mergeCell\b([^>]*)>/g)) merges.add(m[1]);
  hideMergedCells(collector.rows, merges.ranges);
  return buildGrid(collector.rows);
}

// ---------------------------------------------------------------------------------------------
// Step 1: the cells

/**
 * The tokenizer handler for `<sheetData>`: the state of the current row and cell, mirroring
 * exceljs' cell parser, and `finishCell` turning that state into a value. The byte scanner
 * feeds it too (as a ScannedCellSink), whole cells at a time.
 */
class CellCollector implements XmlHandler, ScannedCellSink {
  readonly rows: SheetCells = new Map();
  /** Shared formula index → master address, in document order (a later master replaces). */
  private readonly sharedMasters = new Map<string, string>();
  private inSheetData = false;
  private rowNum = 0;
  private row: ValueCell[] | null = null;
  /** Column of the previous cell of the row (cells without `r` follow it). */
  private lastCol = 0;
  private cellCount = 0;

  // The current <c>.
  private inCell = false;
  private cellRef: string | undefined;
  /** Whether the current cell has its own address (`r`), whichever path read it. */
  private addressed = false;
  private cellType: string | undefined;
  private styleId = NaN;
  private formulaText: string | undefined;
  private shareType: string | undefined;
  private sharedIndex: string | undefined;
  private sharedRef: string | undefined;
  private valueText: string | undefined;
  private runs: string[] | undefined;
  private current: 'f' | 'v' | 't' | undefined;
  private currentParts: string[] = [];
  // The current rich-text run <r> of an inline string.
  private inRun = false;
  private inRunProps = false;
  private runText: string | undefined;
  private runTextParts: string[] | null = null;

  constructor(
    private readonly ctx: SheetParseContext,
    private readonly sheet: string,
    private readonly limits: ReadLimits,
    private readonly merges: MergeReader,
  ) {}

  open(name: string, attrs: string): void {
    if (this.inRun) this.openInRun(name);
    else if (this.inCell) this.openInCell(name, attrs);
    else this.openOutsideCell(name, attrs);
  }

  text(src: string, start: number, end: number): void {
    if (this.inRun) {
      if (this.runTextParts) this.runTextParts.push(src.slice(start, end));
    } else if (this.current !== undefined) this.currentParts.push(src.slice(start, end));
  }

  close(name: string): void {
    if (this.inRun) this.closeInRun(name);
    else if (this.inCell) {
      if (name === 'f' || name === 'v' || name === 't' || name === 'is') this.flushCurrent();
      else if (name === 'c') {
        this.flushCurrent();
        this.inCell = false;
        this.finishCell(this.placeCell());
      }
    } else if (name === 'sheetData') this.inSheetData = false;
    else if (name === 'row') this.row = null;
  }

  private openOutsideCell(name: string, attrs: string): void {
    switch (name) {
      case 'sheetData':
        this.inSheetData = true;
        return;
      case 'row':
        if (this.inSheetData) this.startRow(xmlAttribute(attrs, 'r'));
        return;
      case 'c':
        this.startCell(attrs);
        return;
      case 'mergeCell':
        this.merges.add(attrs);
        return;
      case 'hyperlink':
        throw new OoxmlUnsupported('hyperlinks');
      default:
        if (name.includes(':') && /:(worksheet|sheetData|row|c)$/.test(name))
          throw new OoxmlUnsupported(`prefixed element ${name}`);
    }
  }

  private startRow(r: string | undefined): void {
    if (r === undefined) this.startRowAt(this.rowNum + 1);
    else if (/^[1-9][0-9]{0,6}$/.test(r)) this.startRowAt(Number(r));
    else if (/^\s*[+-]?[0-9]+\s*$/.test(r) && !(Number(r) >= 1 && Number(r) <= EXCEL_MAX_ROW))
      throw new ReadLimitExceeded(limitMessages.rowNumber(this.sheet, r.trim()));
    else throw new OoxmlUnsupported(`row number "${r}"`); // leading zeros, spaces: left to exceljs
  }

  private startRowAt(rowNum: number): void {
    this.rowNum = rowNum;
    if (this.rowNum > EXCEL_MAX_ROW)
      throw new ReadLimitExceeded(limitMessages.rowNumber(this.sheet, String(this.rowNum)));
    // A repeated row number replaces the earlier row, as in exceljs.
    this.row = [];
    this.rows.delete(this.rowNum);
    this.lastCol = 0;
  }

  // The byte scanner's way in: the same steps as the tokenizer's events for a row and a cell.
  scannedSheetData(): void {
    this.inSheetData = true;
  }

  scannedRow(r: number): void {
    this.startRowAt(r);
  }

  scannedCell(c: ScannedCell): void {
    this.startCellWith(undefined, c.t, c.styleId);
    this.addressed = true;
    this.inCell = false;
    // The scanner read a canonical address: placeCell's checks, without making its text.
    if (c.row !== this.rowNum)
      throw new OoxmlUnsupported(`cell ${columnLetters(c.col)}${c.row} in row ${this.rowNum}`);
    if (c.formula === undefined && c.shareType === undefined && c.value === undefined) {
      // Most cells of a template: styled and empty. They hold nothing (see finishCell).
      if (this.styleId) this.lastCol = c.col;
      return;
    }
    // As flushCurrent leaves them: text entity-decoded, undefined when there was none.
    if (c.formula !== undefined) this.formulaText = c.formula;
    this.shareType = c.shareType;
    this.sharedIndex = c.sharedIndex;
    this.sharedRef = c.sharedRef;
    if (c.value !== undefined) this.valueText = decodeXml(c.value);
    this.finishCell(c.col);
  }

  private startCell(attrs: string): void {
    const s = xmlAttribute(attrs, 's');
    this.startCellWith(
      xmlAttribute(attrs, 'r'),
      xmlAttribute(attrs, 't'),
      s === undefined ? NaN : parseInt(s, 10),
    );
  }

  private startCellWith(r: string | undefined, t: string | undefined, styleId: number): void {
    if (!this.row) throw new OoxmlUnsupported('cell outside a row');
    if (++this.cellCount > this.limits.maxCells)
      throw new ReadLimitExceeded(limitMessages.cells(this.sheet, this.limits));
    this.inCell = true;
    this.cellRef = r;
    this.addressed = r !== undefined;
    this.cellType = t;
    this.styleId = styleId;
    this.formulaText = undefined;
    this.shareType = undefined;
    this.sharedIndex = undefined;
    this.sharedRef = undefined;
    this.valueText = undefined;
    this.runs = undefined;
    this.current = undefined;
    this.currentParts = [];
  }

  private openInCell(name: string, attrs: string): void {
    switch (name) {
      case 'f':
        this.flushCurrent();
        this.current = 'f';
        this.sharedIndex = xmlAttribute(attrs, 'si');
        this.shareType = xmlAttribute(attrs, 't');
        this.sharedRef = xmlAttribute(attrs, 'ref');
        return;
      case 'v':
      case 't':
        this.flushCurrent();
        this.current = name;
        return;
      case 'r':
        this.flushCurrent();
        if (this.valueText !== undefined) throw new OoxmlUnsupported('rich-text runs after cell text');
        this.inRun = true;
        this.runText = undefined;
        return;
      default:
        if (name.includes(':')) throw new OoxmlUnsupported(`prefixed element ${name}`);
    }
  }

  private openInRun(name: string): void {
    if (this.inRunProps) return;
    if (name === 'rPr') this.inRunProps = true;
    else if (name === 't') this.runTextParts = [];
  }

  private closeInRun(name: string): void {
    if (this.inRunProps) {
      if (name === 'rPr') this.inRunProps = false;
      return;
    }
    if (name === 't' && this.runTextParts) {
      this.runText = decodeOoxmlEscapes(decodeXml(this.runTextParts.join('')));
      this.runTextParts = null;
    } else if (name === 'r') {
      this.inRun = false;
      (this.runs ??= []).push(this.runText ?? '');
    }
  }

  private flushCurrent(): void {
    if (this.current === undefined) return;
    if (this.currentParts.length) {
      const text = decodeXml(this.currentParts.join(''));
      if (this.current === 'f') this.formulaText = (this.formulaText ?? '') + text;
      else {
        if (this.runs) throw new OoxmlUnsupported('cell text after rich-text runs');
        this.valueText = (this.valueText ?? '') + text;
      }
    }
    this.current = undefined;
    this.currentParts = [];
  }

  /**
   * The column of the current cell: its own address, or the next column after the previous cell.
   * Every address accepted is canonical, so `columnLetters(col) + row` is its text.
   */
  private placeCell(): number {
    if (this.cellRef === undefined) {
      const col = this.lastCol + 1;
      if (col > EXCEL_MAX_COL)
        throw new ReadLimitExceeded(limitMessages.cellAddress(this.sheet, `${this.rowNum}:${col}`));
      return col;
    }
    const a = parseAddress(this.cellRef);
    if (a === 'outside') throw new ReadLimitExceeded(limitMessages.cellAddress(this.sheet, this.cellRef));
    if (a === null) throw new OoxmlUnsupported(`cell address "${this.cellRef}"`);
    if (a.row !== this.rowNum) throw new OoxmlUnsupported(`cell ${this.cellRef} in row ${this.rowNum}`);
    return a.col;
  }

  private finishCell(col: number): void {
    const cell = this.cellContent(col);
    const styled = !!this.styleId; // exceljs ignores style 0 (and a missing or unreadable s)
    // exceljs drops a cell with neither value nor style entirely (and does not advance by it);
    // an empty styled cell advances but holds nothing, so the grid need not reach it.
    if (cell || styled) this.lastCol = col;
    if (!cell) return;
    if (this.rowNum > this.limits.maxRows)
      throw new ReadLimitExceeded(limitMessages.row(this.sheet, addressOf(cell), this.rowNum, this.limits));
    if (col > this.limits.maxColumns)
      throw new ReadLimitExceeded(limitMessages.column(this.sheet, addressOf(cell), col, this.limits));
    const textLength = Math.max(
      typeof cell.value === 'string' ? cell.value.length : 0,
      cell.formula?.length ?? 0,
    );
    if (textLength > this.limits.maxCellTextChars)
      throw new ReadLimitExceeded(
        limitMessages.cellText(this.sheet, addressOf(cell), textLength, this.limits),
      );
    const row = this.row as ValueCell[];
    if (!row.length) this.rows.set(this.rowNum, row);
    row[col - 1] = cell;
  }

  /** The current cell's content as exceljs reads it; null for a cell without value or formula. */
  private cellContent(col: number): ValueCell | null {
    const row = this.rowNum;
    const isFormula = !!this.formulaText || !!this.shareType;
    if (this.runs && (isFormula || this.cellType !== 'inlineStr'))
      throw new OoxmlUnsupported('rich text outside an inline string');
    if (isFormula) return this.formulaCell(row, col);
    if (this.runs) return { kind: 'value', value: this.runs.join(''), formula: null, row, col };
    if (this.valueText === undefined) return null;
    return { kind: 'value', value: this.plainValue(this.valueText, row, col), formula: null, row, col };
  }

  private formulaCell(row: number, col: number): ValueCell {
    // The address is made only where it is kept or said (a shared formula's master, an error):
    // made for every formula cell, it was 6 of the 456 MB a 1,000-file consolidation allocated.
    if (!this.addressed && this.shareType === 'shared')
      throw new OoxmlUnsupported('shared formula in a cell without an address');
    let result: CellValue | undefined;
    const v = this.valueText;
    if (v) {
      if (this.cellType === 'str') result = exceljsXmlDecode(v);
      else if (this.cellType === 'b') result = parseInt(v, 10) !== 0;
      else if (this.cellType === 'e') result = { error: v };
      else result = parseFloat(v);
    }
    if (result !== undefined && this.isDateStyle()) result = serialAsDateText(result, this.ctx.date1904);
    let sharedFrom: string | undefined;
    if (this.shareType === 'shared') {
      if (this.sharedRef) this.sharedMasters.set(String(this.sharedIndex), columnLetters(col) + row);
      else sharedFrom = this.sharedMasters.get(String(this.sharedIndex));
    }
    // exceljs keeps only truthy parts of a formula value: a cached 0, false or NaN reads as empty.
    const shown = result ? (typeof result === 'number' && isNaN(result) ? null : result) : null;
    if (!this.formulaText && !sharedFrom)
      throw new OoxmlUnsupported(`formula without text at ${columnLetters(col)}${row}`); // "[object Object]" in exceljs
    return { kind: 'value', value: shown, formula: this.formulaText ?? '', sharedFrom, row, col };
  }

  private plainValue(text: string, row: number, col: number): CellValue {
    switch (this.cellType) {
      case 's': {
        const index = parseInt(text, 10);
        const strings = this.ctx.sharedStrings();
        if (!(index >= 0 && index < strings.length))
          throw new OoxmlUnsupported(`shared string ${text} at ${columnLetters(col)}${row}`);
        return strings[index];
      }
      case 'str':
        return exceljsXmlDecode(text);
      case 'inlineStr':
        return text;
      case 'b':
        return parseInt(text, 10) !== 0;
      case 'e':
        return { error: text };
      default: {
        const n = parseFloat(text);
        return this.isDateStyle() ? serialAsDateText(n, this.ctx.date1904) : n;
      }
    }
  }

  private isDateStyle(): boolean {
    return !!this.styleId && this.ctx.dateStyles()[this.styleId] === true;
  }
}

// ---------------------------------------------------------------------------------------------
// Steps 2 and 3: merged ranges

/** The merged ranges of a sheet, with their total area bounded and overlaps refused as exceljs does. */
class MergeReader {
  readonly ranges: MergedRange[] = [];
  /** Every cell covered so far (bounded by maxMergedCells), to find overlaps in linear time. */
  private readonly covered = new Set<number>();
  private readonly count: (range: string, area: number) => void;

  constructor(
    private readonly sheet: string,
    limits: ReadLimits,
  ) {
    this.count = mergedAreaCounter(sheet, limits);
  }

  add(attrs: string): void {
    const ref = xmlAttribute(attrs, 'ref') ?? '';
    const [a, b = a] = ref.split(':');
    const p = this.corner(a, ref);
    const q = this.corner(b, ref);
    const m = {
      ref,
      top: Math.min(p.row, q.row),
      left: Math.min(p.col, q.col),
      bottom: Math.max(p.row, q.row),
      right: Math.max(p.col, q.col),
    };
    this.count(ref, (m.bottom - m.top + 1) * (m.right - m.left + 1));
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        const key = r * (EXCEL_MAX_COL + 1) + c;
        if (this.covered.has(key)) throw new OoxmlUnsupported('overlapping merged ranges'); // exceljs throws
        this.covered.add(key);
      }
    }
    this.ranges.push(m);
  }

  private corner(address: string, ref: string): { row: number; col: number } {
    const a = parseAddress(address);
    if (a === 'outside') throw new ReadLimitExceeded(limitMessages.cellAddress(this.sheet, ref));
    if (a === null) throw new OoxmlUnsupported(`merged range "${ref}"`);
    return a;
  }
}

/** exceljs keeps a merged range's value in its top-left cell only: the others read as empty. */
function hideMergedCells(rows: SheetCells, merges: MergedRange[]): void {
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = rows.get(r);
      if (!row) continue;
      for (let c = m.left; c <= m.right; c++) {
        const cell = row[c - 1];
        if (!cell || (r === m.top && c === m.left)) continue;
        cell.kind = 'merge';
        cell.value = null;
        cell.formula = null;
        cell.sharedFrom = undefined;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Step 4: the grid

/** The rectangle of the cells that hold a value, from A1; shared formulas translated per cell. */
function buildGrid(rows: SheetCells): CellGrid {
  let rowCount = 0;
  let colCount = 0;
  for (const [r, cells] of rows) {
    for (let c = cells.length - 1; c >= 0; c--) {
      if (cells[c]?.kind !== 'value') continue;
      rowCount = Math.max(rowCount, r);
      colCount = Math.max(colCount, c + 1);
      break;
    }
  }
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const rowValues: CellValue[] = new Array(colCount).fill(null);
    const rowFormulas: (string | null)[] = new Array(colCount).fill(null);
    rows.get(r)?.forEach((cell, i) => {
      if (cell.kind !== 'value') return;
      rowValues[i] = cell.value;
      if (cell.formula !== null) rowFormulas[i] = formulaText(cell, rows);
    });
    values.push(rowValues);
    formulas.push(rowFormulas);
  }
  return { values, formulas, firstRow: 1, firstCol: 1 };
}

/** A kept cell's address as the sheet writes it (canonical: see placeCell). */
function addressOf(cell: ValueCell): string {
  return columnLetters(cell.col) + cell.row;
}

function formulaText(cell: ValueCell, rows: SheetCells): string | null {
  if (cell.formula || !cell.sharedFrom) return cell.formula || cell.sharedFrom || null;
  const at = decodeAddress(cell.sharedFrom);
  const master = rows.get(at.row)?.[at.col - 1];
  if (!master || master.kind !== 'value' || !master.formula)
    throw new OoxmlUnsupported(`shared formula master ${cell.sharedFrom}`);
  return slideFormula(master.formula, addressOf(master), addressOf(cell)) || null;
}
