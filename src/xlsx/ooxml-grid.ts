/**
 * A fast reader of the two sheets a returned template needs (`_meta`, `Chấm điểm`), straight from
 * the .xlsx zip with jszip and a small XML tokenizer (no DOM, so it runs in Node and the browser).
 *
 * Why: exceljs parses every part of a workbook (styles, data validations, conditional formats,
 * drawings…) and builds a full object model; consolidating 1,000 files spent most of its time
 * there. This reader touches only workbook.xml, its relationships, sharedStrings.xml, styles.xml
 * (number formats only: exceljs turns date-formatted numbers into dates) and the wanted sheets.
 *
 * Contract: the grid it returns is EXACTLY what `gridOfWorksheet` (read-template.ts) returns for
 * the same sheet after exceljs 4.4 loads the file — same values, formulas, dimensions — including
 * exceljs' quirks (a formula's cached 0 is dropped, a `t="str"` value is entity-decoded twice,
 * a number in a date format becomes "dd/mm/yyyy" text, merged cells keep only the master's value,
 * empty styled cells widen the grid). Anything it does not read the same way for certain throws
 * `OoxmlUnsupported`, and the caller falls back to exceljs: it never silently differs.
 *
 * Deliberate differences, both only on files exceljs cannot load at all: rows or cells without an
 * `r` attribute (allowed by the standard, written by some generators) are placed by order here,
 * where exceljs throws (on a row without `r`, on a first cell without `r`); and parts this reader
 * never opens (drawings, comments, theme…) are not parsed, so a broken one does not stop it.
 */
import JSZip from 'jszip';
import type { CellValue } from '../scoring/types';
import type { CellGrid } from '../workbook/read-grid';

/** The fast path met something it does not read exactly as exceljs does: use exceljs instead. */
export class OoxmlUnsupported extends Error {
  constructor(why: string) {
    super(`ooxml-grid: ${why}`);
    this.name = 'OoxmlUnsupported';
  }
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

export interface XmlHandler {
  /** `attrs` is the raw attribute text of the tag; parse it with `xmlAttributes` when needed. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /**
   * Raw (still entity-encoded) character data between tags, as `xml.slice(start, end)`; never
   * empty. Positions, not a string: most text between tags is indentation nobody reads.
   */
  text(xml: string, start: number, end: number): void;
}

/**
 * Walks an XML document: start tags, end tags (a self-closing tag gives both, as a SAX parser
 * does) and text. Comments, processing instructions and the XML declaration are skipped; CDATA
 * and DOCTYPE (a SAX parser would report or reject them differently) are refused.
 */
export function scanXml(xml: string, handler: XmlHandler): void {
  const n = xml.length;
  let pos = 0;
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      handler.text(xml, pos, n);
      return;
    }
    if (lt > pos) handler.text(xml, pos, lt);
    const next = xml.charCodeAt(lt + 1);
    if (next === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new OoxmlUnsupported('unterminated processing instruction');
      pos = end + 2;
      continue;
    }
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new OoxmlUnsupported('unterminated comment');
        pos = end + 3;
        continue;
      }
      throw new OoxmlUnsupported('CDATA or DOCTYPE');
    }
    if (next === 47 /* / */) {
      const end = xml.indexOf('>', lt + 2);
      if (end < 0) throw new OoxmlUnsupported('unterminated end tag');
      handler.close(xml.slice(lt + 2, end).trim());
      pos = end + 1;
      continue;
    }
    // A start tag: the name, then attributes (quoted values may contain '>').
    let i = lt + 1;
    while (i < n) {
      const c = xml.charCodeAt(i);
      if (c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13) break;
      i++;
    }
    const name = xml.slice(lt + 1, i);
    if (!name) throw new OoxmlUnsupported('empty tag name');
    const attrStart = i;
    let quote = 0;
    while (i < n) {
      const c = xml.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62) break;
      i++;
    }
    if (i >= n) throw new OoxmlUnsupported('unterminated start tag');
    const selfClosing = xml.charCodeAt(i - 1) === 47;
    const attrs = xml.slice(attrStart, selfClosing ? i - 1 : i);
    handler.open(name, attrs, selfClosing);
    if (selfClosing) handler.close(name);
    pos = i + 1;
  }
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag, values decoded (entities, and whitespace normalised as XML says). */
export function xmlAttributes(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of raw.matchAll(ATTRIBUTE)) {
    out[m[1]] = decodeXml((m[2] ?? m[3]).replace(/[\t\n\r]/g, ' '));
  }
  return out;
}

/** One attribute without building the whole record (the hot path: `r`, `t`, `s` of every cell). */
function attribute(raw: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = raw.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = at === 0 ? 32 : raw.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let i = from;
    while (raw.charCodeAt(i) === 32) i++;
    if (raw.charCodeAt(i) !== 61 /* = */) continue;
    i++;
    while (raw.charCodeAt(i) === 32) i++;
    const q = raw[i];
    if (q !== '"' && q !== "'") continue;
    const end = raw.indexOf(q, i + 1);
    if (end < 0) return undefined;
    const value = raw.slice(i + 1, end);
    return /[&\t\n\r]/.test(value) ? decodeXml(value.replace(/[\t\n\r]/g, ' ')) : value;
  }
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Character data or an attribute value as a SAX parser hands it over: the five XML entities and
 * numeric character references decoded, line ends normalised. Anything else (an entity a DTD
 * would define, a stray "&") is refused: exceljs' parser rejects the file there.
 */
export function decodeXml(raw: string): string {
  let s = raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
  if (s.indexOf('&') < 0) return s;
  let out = '';
  let pos = 0;
  for (;;) {
    const amp = s.indexOf('&', pos);
    if (amp < 0) break;
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0) throw new OoxmlUnsupported('stray "&"');
    const ref = s.slice(amp + 1, semi);
    let ch: string | undefined = NAMED_ENTITIES[ref];
    if (ch === undefined && ref.startsWith('#')) {
      const code = /^#x[0-9a-fA-F]+$/.test(ref)
        ? parseInt(ref.slice(2), 16)
        : /^#[0-9]+$/.test(ref)
          ? parseInt(ref.slice(1), 10)
          : NaN;
      const valid =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      if (valid) ch = String.fromCodePoint(code);
    }
    if (ch === undefined) throw new OoxmlUnsupported(`entity &${ref};`);
    out += s.slice(pos, amp) + ch;
    pos = semi + 1;
  }
  s = out + s.slice(pos);
  return s;
}

/** exceljs' `utils.xmlDecode`, which it applies once more to `t="str"` values. */
function exceljsXmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** `_x000D_`-style escapes in shared strings and rich-text runs (exceljs decodes them there only). */
function decodeOoxmlEscapes(text: string): string {
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// ---------------------------------------------------------------------------------------------
// Addresses

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;

function decodeAddress(ref: string): { row: number; col: number } {
  const m = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(ref);
  if (!m) throw new OoxmlUnsupported(`cell address "${ref}"`);
  const col = columnNumber(m[1]);
  const row = Number(m[2]);
  if (col > MAX_COL || row > MAX_ROW) throw new OoxmlUnsupported(`cell address "${ref}"`);
  return { row, col };
}

/**
 * exceljs' `slideFormula`: a shared formula's text as it reads in another cell of its range
 * (relative references moved by the offset, `$` references kept). Ported as is, so the formula
 * text named in messages is the same.
 */
function slideFormula(formula: string, from: string, to: string): string {
  const a = decodeAddress(from);
  const b = decodeAddress(to);
  return formula.replace(
    /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi,
    (
      refMatch: string,
      sheet: string | undefined,
      _s: string,
      addrPart: string,
      paren: string | undefined,
    ) => {
      if (paren) return refMatch;
      const match = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i.exec(addrPart);
      if (!match) return refMatch;
      const [, colDollar, colRaw, rowDollar, rowStr] = match;
      const colStr = colRaw.toUpperCase();
      if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return refMatch;
      let col = columnNumber(colStr);
      let row = parseInt(rowStr, 10);
      if (!colDollar) col += b.col - a.col;
      if (!rowDollar) row += b.row - a.row;
      return (sheet || '') + (colDollar || '') + columnLetters(col) + (rowDollar || '') + row;
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Shared strings and styles

/** A shared string as exceljs keeps it: plain text, or rich-text runs (joined when read). */
type SharedString = string;

export function parseSharedStrings(xml: string): SharedString[] {
  const out: SharedString[] = [];
  let inSi = false;
  let plain: string | undefined;
  let runs: string[] | undefined;
  let depthRun = false;
  let runText: string | undefined;
  let inPhonetic = false;
  let textParts: string[] | null = null;
  scanXml(xml, {
    open(name) {
      if (name === 'si') {
        inSi = true;
        plain = undefined;
        runs = undefined;
        return;
      }
      if (!inSi || inPhonetic) return;
      if (name === 'rPh') inPhonetic = true;
      else if (name === 'r') {
        if (depthRun) throw new OoxmlUnsupported('nested run');
        depthRun = true;
        runText = undefined;
      } else if (name === 't') textParts = [];
      else if (name.includes(':')) throw new OoxmlUnsupported(`prefixed element ${name}`);
    },
    text(src, start, end) {
      if (textParts) textParts.push(src.slice(start, end));
    },
    close(name) {
      if (!inSi) return;
      if (inPhonetic) {
        if (name === 'rPh') inPhonetic = false;
        return;
      }
      if (name === 't' && textParts) {
        const text = decodeOoxmlEscapes(decodeXml(textParts.join('')));
        textParts = null;
        if (depthRun) runText = text;
        else {
          // exceljs lets a direct <t> replace the whole string: mixing it with runs is not ours to guess.
          if (runs) throw new OoxmlUnsupported('shared string mixes <t> and runs');
          plain = text;
        }
      } else if (name === 'r' && depthRun) {
        depthRun = false;
        if (plain !== undefined) throw new OoxmlUnsupported('shared string mixes <t> and runs');
        (runs ??= []).push(runText ?? '');
      } else if (name === 'si') {
        inSi = false;
        // An <si> with neither text nor runs reads as "[object Object]" in exceljs: not ours to copy.
        if (plain === undefined && runs === undefined) throw new OoxmlUnsupported('empty shared string');
        out.push(plain ?? (runs ?? []).join(''));
      }
    },
  });
  return out;
}

/** Built-in number formats exceljs knows (ids without an entry have no format there either). */
const BUILTIN_NUM_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** exceljs' `isDateFmt`. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/** For each cell style index (cellXfs), whether exceljs reads a number in it as a date. */
export function parseDateStyles(xml: string): boolean[] {
  const custom: Record<number, string> = {};
  const xfFormats: number[] = [];
  let inCellXfs = false;
  let inNumFmts = false;
  scanXml(xml, {
    open(name, attrs) {
      // Only <numFmts> counts: the <numFmt> of differential formats (dxfs) is not a cell's format.
      if (name === 'numFmts') inNumFmts = true;
      else if (name === 'numFmt' && inNumFmts) {
        const a = xmlAttributes(attrs);
        if (a.formatCode !== undefined)
          custom[parseInt(a.numFmtId, 10)] = a.formatCode.replace(/[\\](.)/g, '$1');
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(parseInt(attribute(attrs, 'numFmtId') ?? '', 10));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
      else if (name === 'numFmts') inNumFmts = false;
    },
    text() {},
  });
  return xfFormats.map((id) => (id ? isDateFormat(custom[id] || BUILTIN_NUM_FORMATS[id]) : false));
}

// ---------------------------------------------------------------------------------------------
// Worksheet cells

/** exceljs' `excelToDate`, then plainCell's rendering of a date as the text people saw. */
function serialAsDateText(serial: unknown, date1904: boolean): string {
  const ms = Math.round((Number(serial) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const d = new Date(ms);
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** One cell after parsing: 'null' is an empty styled cell (counts for the width, holds nothing). */
interface ParsedCell {
  kind: 'null' | 'value' | 'merge';
  value: CellValue;
  /** Own formula text, '' for a shared-formula follower (resolved later). */
  formula: string | null;
  /** For a shared-formula follower: the master's address, to translate the master's text. */
  sharedFrom?: string;
  address: string;
}

interface ParsedRow {
  cells: (ParsedCell | undefined)[];
}

export interface SheetParseContext {
  sharedStrings: () => SharedString[];
  dateStyles: () => boolean[];
  date1904: boolean;
}

/** Parses a worksheet part into the grid exceljs + gridOfWorksheet would produce. */
export function parseSheetGrid(xml: string, ctx: SheetParseContext): CellGrid {
  const rows = new Map<number, ParsedRow>();
  const merges: { top: number; left: number; bottom: number; right: number }[] = [];
  /** Shared formula index → master address, in document order (a later master replaces). */
  const sharedMasters = new Map<string, string>();

  let rowNum = 0;
  let row: ParsedRow | null = null;
  let lastCol = 0;

  // State of the current <c>, mirroring exceljs' cell parser.
  let inCell = false;
  let cellRef: string | undefined;
  let cellType: string | undefined;
  let styleId = NaN;
  let formulaText: string | undefined;
  let shareType: string | undefined;
  let sharedIndex: string | undefined;
  let sharedRef: string | undefined;
  let valueText: string | undefined;
  let runs: string[] | undefined;
  let inRun = false;
  let runText: string | undefined;
  let runTextParts: string[] | null = null;
  let inRunProps = false;
  let current: 'f' | 'v' | 't' | undefined;
  let currentParts: string[] = [];
  let depthSheetData = false;

  const flushCurrent = () => {
    if (current === undefined) return;
    if (currentParts.length) {
      const text = decodeXml(currentParts.join(''));
      if (current === 'f') formulaText = (formulaText ?? '') + text;
      else {
        if (runs) throw new OoxmlUnsupported('cell text after rich-text runs');
        valueText = (valueText ?? '') + text;
      }
    }
    current = undefined;
    currentParts = [];
  };

  // Styles are parsed on first need only (a plain function, not a closure per cell).
  function isDateStyle(styled: boolean, id: number): boolean {
    return styled && ctx.dateStyles()[id] === true;
  }

  const finishCell = () => {
    if (!row) throw new OoxmlUnsupported('cell outside a row');
    let col: number;
    let address: string;
    if (cellRef !== undefined) {
      const a = decodeAddress(cellRef);
      if (a.row !== rowNum) throw new OoxmlUnsupported(`cell ${cellRef} in row ${rowNum}`);
      col = a.col;
      address = cellRef;
    } else {
      col = lastCol + 1;
      if (col > MAX_COL) throw new OoxmlUnsupported('too many cells in a row');
      address = columnLetters(col) + rowNum;
    }
    const isFormula = !!formulaText || !!shareType;
    const styled = !!styleId; // exceljs ignores style 0 (and a missing or unreadable s)
    let parsed: ParsedCell;
    if (runs && (isFormula || cellType !== 'inlineStr'))
      throw new OoxmlUnsupported('rich text outside an inline string');
    if (isFormula) {
      if (cellRef === undefined && shareType === 'shared')
        throw new OoxmlUnsupported('shared formula in a cell without an address');
      let result: CellValue | undefined;
      if (valueText) {
        if (cellType === 'str') result = exceljsXmlDecode(valueText);
        else if (cellType === 'b') result = parseInt(valueText, 10) !== 0;
        else if (cellType === 'e') result = { error: valueText };
        else result = parseFloat(valueText);
      }
      if (result !== undefined && isDateStyle(styled, styleId))
        result = serialAsDateText(result, ctx.date1904);
      let sharedFrom: string | undefined;
      if (shareType === 'shared') {
        if (sharedRef) sharedMasters.set(String(sharedIndex), address);
        else sharedFrom = sharedMasters.get(String(sharedIndex));
      }
      // exceljs keeps only truthy parts of a formula value: a cached 0, false or NaN reads as empty.
      const shownResult = result ? (typeof result === 'number' && isNaN(result) ? null : result) : null;
      if (!formulaText && !sharedFrom) throw new OoxmlUnsupported(`formula without text at ${address}`); // "[object Object]" in exceljs
      parsed = { kind: 'value', value: shownResult, formula: formulaText ?? '', sharedFrom, address };
    } else if (runs) {
      parsed = { kind: 'value', value: runs.join(''), formula: null, address };
    } else if (valueText !== undefined) {
      let value: CellValue;
      switch (cellType) {
        case 's': {
          const index = parseInt(valueText, 10);
          const strings = ctx.sharedStrings();
          if (!(index >= 0 && index < strings.length))
            throw new OoxmlUnsupported(`shared string ${valueText} at ${address}`);
          value = strings[index];
          break;
        }
        case 'str':
          value = exceljsXmlDecode(valueText);
          break;
        case 'inlineStr':
          value = valueText;
          break;
        case 'b':
          value = parseInt(valueText, 10) !== 0;
          break;
        case 'e':
          value = { error: valueText };
          break;
        default: {
          const n = parseFloat(valueText);
          value = isDateStyle(styled, styleId) ? serialAsDateText(n, ctx.date1904) : n;
        }
      }
      parsed = { kind: 'value', value, formula: null, address };
    } else if (styled) {
      parsed = { kind: 'null', value: null, formula: null, address };
    } else {
      // exceljs drops a cell with neither value nor style entirely (and does not advance by it).
      return;
    }
    row.cells[col - 1] = parsed;
    lastCol = col;
  };

  const addMerge = (attrs: string) => {
    const ref = attribute(attrs, 'ref') ?? '';
    const [a, b = a] = ref.split(':');
    const p = decodeAddress(a);
    const q = decodeAddress(b);
    merges.push({
      top: Math.min(p.row, q.row),
      left: Math.min(p.col, q.col),
      bottom: Math.max(p.row, q.row),
      right: Math.max(p.col, q.col),
    });
  };

  // What follows the cells (protection, conditional formats, data validations: more than half of
  // a template's sheet XML) is not tokenized: only merged ranges and hyperlinks matter there.
  const endOfCells = xml.indexOf('</sheetData>');
  const head = endOfCells < 0 ? xml : xml.slice(0, endOfCells + '</sheetData>'.length);
  const tail = endOfCells < 0 ? '' : xml.slice(endOfCells + '</sheetData>'.length);
  for (const m of tail.matchAll(/<mergeCell\b([^>]*)>/g)) addMerge(m[1]);
  if (/<hyperlink\b/.test(tail)) throw new OoxmlUnsupported('hyperlinks');

  scanXml(head, {
    open(name, attrs) {
      if (inCell) {
        if (inRun) {
          if (inRunProps) return;
          if (name === 'rPr') inRunProps = true;
          else if (name === 't') runTextParts = [];
          return;
        }
        switch (name) {
          case 'f':
            flushCurrent();
            current = 'f';
            sharedIndex = attribute(attrs, 'si');
            shareType = attribute(attrs, 't');
            sharedRef = attribute(attrs, 'ref');
            return;
          case 'v':
          case 't':
            flushCurrent();
            current = name;
            return;
          case 'r':
            flushCurrent();
            if (valueText !== undefined) throw new OoxmlUnsupported('rich-text runs after cell text');
            inRun = true;
            runText = undefined;
            return;
          default:
            if (name.includes(':')) throw new OoxmlUnsupported(`prefixed element ${name}`);
            return;
        }
      }
      switch (name) {
        case 'sheetData':
          depthSheetData = true;
          return;
        case 'row': {
          if (!depthSheetData) return;
          const r = attribute(attrs, 'r');
          if (r === undefined) rowNum += 1;
          else {
            if (!/^[1-9][0-9]{0,6}$/.test(r) || Number(r) > MAX_ROW)
              throw new OoxmlUnsupported(`row number "${r}"`);
            rowNum = Number(r);
          }
          // A repeated row number replaces the earlier row, as in exceljs.
          row = { cells: [] };
          rows.set(rowNum, row);
          lastCol = 0;
          return;
        }
        case 'c': {
          if (!row) throw new OoxmlUnsupported('cell outside a row');
          inCell = true;
          cellRef = attribute(attrs, 'r');
          cellType = attribute(attrs, 't');
          const s = attribute(attrs, 's');
          styleId = s === undefined ? NaN : parseInt(s, 10);
          formulaText = undefined;
          shareType = undefined;
          sharedIndex = undefined;
          sharedRef = undefined;
          valueText = undefined;
          runs = undefined;
          current = undefined;
          currentParts = [];
          return;
        }
        case 'mergeCell':
          addMerge(attrs);
          return;
        case 'hyperlink':
          // exceljs turns a linked cell into { text, hyperlink }: not read here.
          throw new OoxmlUnsupported('hyperlinks');
        default:
          if (name.includes(':') && /:(worksheet|sheetData|row|c)$/.test(name))
            throw new OoxmlUnsupported(`prefixed element ${name}`);
      }
    },
    text(src, start, end) {
      if (inRun) {
        if (runTextParts) runTextParts.push(src.slice(start, end));
      } else if (current !== undefined) currentParts.push(src.slice(start, end));
    },
    close(name) {
      if (inCell) {
        if (inRun) {
          if (inRunProps) {
            if (name === 'rPr') inRunProps = false;
            return;
          }
          if (name === 't' && runTextParts) {
            runText = decodeOoxmlEscapes(decodeXml(runTextParts.join('')));
            runTextParts = null;
          } else if (name === 'r') {
            inRun = false;
            (runs ??= []).push(runText ?? '');
          }
          return;
        }
        if (name === 'f' || name === 'v' || name === 't' || name === 'is') flushCurrent();
        else if (name === 'c') {
          flushCurrent();
          inCell = false;
          finishCell();
        }
        return;
      }
      if (name === 'sheetData') depthSheetData = false;
      else if (name === 'row') row = null;
    },
  });

  // Merged ranges: exceljs creates the master (empty if absent) and turns every other cell into a
  // merge reference, which holds no value of its own but still counts for the sheet's width.
  let mergedCells = 0;
  for (let i = 0; i < merges.length; i++) {
    const m = merges[i];
    mergedCells += (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (mergedCells > 200_000) throw new OoxmlUnsupported('very large merged ranges');
    for (let j = 0; j < i; j++) {
      const o = merges[j];
      if (m.left <= o.right && o.left <= m.right && m.top <= o.bottom && o.top <= m.bottom)
        throw new OoxmlUnsupported('overlapping merged ranges'); // exceljs throws
    }
    const cellAt = (r: number, c: number): ParsedCell => {
      let target = rows.get(r);
      if (!target) rows.set(r, (target = { cells: [] }));
      let cell = target.cells[c - 1];
      if (!cell) {
        cell = { kind: 'null', value: null, formula: null, address: columnLetters(c) + r };
        target.cells[c - 1] = cell;
      }
      return cell;
    };
    cellAt(m.top, m.left);
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const cell = cellAt(r, c);
        cell.kind = 'merge';
        cell.value = null;
        cell.formula = null;
        cell.sharedFrom = undefined;
      }
    }
  }

  // Dimensions as exceljs counts them: the highest row that exists, and the widest row that has
  // anything but empty styled cells.
  let rowCount = 0;
  let colCount = 0;
  for (const [r, data] of rows) {
    rowCount = Math.max(rowCount, r);
    if (data.cells.some((c) => c && c.kind !== 'null')) colCount = Math.max(colCount, data.cells.length);
  }
  const cellAtAddress = (address: string): ParsedCell | undefined => {
    const a = decodeAddress(address);
    return rows.get(a.row)?.cells[a.col - 1];
  };
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const rowValues: CellValue[] = new Array(colCount).fill(null);
    const rowFormulas: (string | null)[] = new Array(colCount).fill(null);
    const data = rows.get(r);
    if (data) {
      data.cells.forEach((cell, i) => {
        if (!cell || cell.kind !== 'value') return;
        rowValues[i] = cell.value;
        if (cell.formula === null) return;
        let text = cell.formula;
        if (!text && cell.sharedFrom) {
          const master = cellAtAddress(cell.sharedFrom);
          if (!master || master.kind !== 'value' || !master.formula)
            throw new OoxmlUnsupported(`shared formula master ${cell.sharedFrom}`);
          text = slideFormula(master.formula, master.address, cell.address);
        }
        rowFormulas[i] = text || cell.sharedFrom || null;
      });
    }
    values.push(rowValues);
    formulas.push(rowFormulas);
  }
  return { values, formulas, firstRow: 1, firstCol: 1 };
}

// ---------------------------------------------------------------------------------------------
// Workbook

export interface OoxmlSheet {
  name: string;
  /** Zip path of the worksheet part. */
  part: string;
}

export interface OoxmlWorkbook {
  /** The worksheets exceljs would load, in workbook order (chart sheets and broken links left out). */
  sheets: OoxmlSheet[];
  grid(sheet: OoxmlSheet): Promise<CellGrid>;
}

/** exceljs refuses or renames sheets with these names; leave such files to it. */
function exceljsAcceptsName(name: string): boolean {
  return (
    name !== '' &&
    name !== 'History' &&
    name.length <= 31 &&
    !/[*?:/\\[\]]/.test(name) &&
    !/(^')|('$)/.test(name)
  );
}

/**
 * Opens an .xlsx: reads workbook.xml and its relationships. Throws when the bytes are not a zip
 * (the caller's exceljs fallback then reports it as unreadable) or OoxmlUnsupported.
 */
export async function openOoxmlWorkbook(bytes: Uint8Array): Promise<OoxmlWorkbook> {
  // jszip decides what is a readable zip and which entries exist, as for exceljs (which loads
  // through jszip too). (DecompressionStream was tried for inflating: slower under Node.)
  const zip = await JSZip.loadAsync(bytes);
  // exceljs decodes parts with TextDecoder as well (a BOM is dropped, bad bytes become U+FFFD).
  const decoder = new TextDecoder();
  const text = async (path: string): Promise<string | undefined> => {
    const entry = zip.file(path);
    return entry ? decoder.decode(await entry.async('uint8array')) : undefined;
  };
  const workbookXml = await text('xl/workbook.xml');
  const relsXml = await text('xl/_rels/workbook.xml.rels');
  if (workbookXml === undefined) throw new OoxmlUnsupported('no xl/workbook.xml');

  const targets = new Map<string, string>();
  if (relsXml !== undefined) {
    scanXml(relsXml, {
      open(name, attrs) {
        if (name !== 'Relationship') return;
        const a = xmlAttributes(attrs);
        if (a.Id !== undefined && a.Target !== undefined) targets.set(a.Id, a.Target);
      },
      close() {},
      text() {},
    });
  }

  let date1904 = false;
  const declared: { name: string | undefined; id: number; rid: string | undefined }[] = [];
  scanXml(workbookXml, {
    open(name, attrs) {
      if (name === 'workbookPr') date1904 = attribute(attrs, 'date1904') === '1';
      else if (name === 'sheet') {
        const a = xmlAttributes(attrs);
        declared.push({ name: a.name, id: parseInt(a.sheetId, 10), rid: a['r:id'] });
      } else if (name.includes(':') && /:(workbook|sheet|sheets)$/.test(name))
        throw new OoxmlUnsupported(`prefixed element ${name}`);
    },
    close() {},
    text() {},
  });

  // exceljs loads every zip entry named like xl/worksheets/sheetN.xml, then binds workbook.xml's
  // sheets to them through the relationships (anything else, e.g. a chart sheet, is left out).
  const sheets: OoxmlSheet[] = [];
  const ids = new Set<number>();
  const lowerNames = new Set<string>();
  for (const s of declared) {
    const target = s.rid === undefined ? undefined : targets.get(s.rid);
    if (target === undefined) continue;
    const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (!/xl\/worksheets\/sheet(\d+)[.]xml/.test(part) || !zip.file(part)) continue;
    if (s.name === undefined || !exceljsAcceptsName(s.name))
      throw new OoxmlUnsupported(`sheet name "${s.name}"`);
    if (!(Number.isInteger(s.id) && s.id >= 1) || ids.has(s.id))
      throw new OoxmlUnsupported(`sheet id ${s.id}`);
    if (lowerNames.has(s.name.toLowerCase())) throw new OoxmlUnsupported(`sheet name "${s.name}" twice`);
    ids.add(s.id);
    lowerNames.add(s.name.toLowerCase());
    sheets.push({ name: s.name, part });
  }

  // Parsed once, on first need, shared by both sheets.
  let sharedStrings: SharedString[] | undefined;
  let dateStyles: boolean[] | undefined;
  let sharedStringsXml: string | undefined;
  let stylesXml: string | undefined;
  const loadSide = async () => {
    sharedStringsXml ??= (await text('xl/sharedStrings.xml')) ?? '';
    stylesXml ??= (await text('xl/styles.xml')) ?? '';
  };
  const ctx: SheetParseContext = {
    sharedStrings: () => (sharedStrings ??= parseSharedStrings(sharedStringsXml ?? '')),
    dateStyles: () => (dateStyles ??= parseDateStyles(stylesXml ?? '')),
    date1904,
  };
  return {
    sheets,
    async grid(sheet: OoxmlSheet): Promise<CellGrid> {
      await loadSide();
      const xml = await text(sheet.part);
      if (xml === undefined) throw new OoxmlUnsupported(`no part ${sheet.part}`);
      return parseSheetGrid(xml, ctx);
    },
  };
}
