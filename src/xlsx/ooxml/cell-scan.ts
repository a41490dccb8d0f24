/**
 * The fast way through a worksheet's `<sheetData>`: a scanner over the part's BYTES for the shape
 * every writer we meet produces (Excel, LibreOffice, exceljs): `<row r="…">` holding `<c r="…">`
 * cells with at most one `<f>`, one `<v>` and one `<is><t>…</t></is>`. It decodes UTF-8 only for
 * the text of those children and the few ASCII attributes that matter (`r`, `t`, `s`, and `t`,
 * `si`, `ref` of a formula); the rest (row heights, spans, whitespace, everything before
 * `<sheetData>`) is stepped over byte by byte, never turned into strings.
 *
 * It is not a second reader: what it reads goes into the same cell collector as the tokenizer's
 * events (sheet-reader.ts), so placement, values, formulas and limits are decided in one place.
 * Anything outside that shape (rich text, a comment, an entity in an attribute, a row or cell
 * without `r`, a prefixed or unknown element, a stray tag before `<sheetData>` the collector
 * would react to…) makes it answer `false`, and the caller reads the part with the tokenizer
 * instead. So it can be faster, never different: the equivalence tests compare both paths.
 */

import { EXCEL_MAX_COL, EXCEL_MAX_ROW } from '../read-limits';
import { FNV_BASIS, FNV_PRIME } from '../../common/fnv';
import { RememberedByBytes, RepeatedElements } from './remember-last';
import { decodeFormulaXml } from './xml-entities';

/** Where the scanner's findings go: the tokenizer path's cell collector. */
export interface ScannedCellSink {
  /** `<sheetData>` has started. */
  scannedSheetData(): void;
  /** A `<row>` whose `r` is a canonical row number (1-9999999, no sign, space or leading zero). */
  scannedRow(r: number): void;
  /** One cell; the object is the scanner's and is reused for the next cell: copy what you keep. */
  scannedCell(cell: ScannedCell): void;
}

/**
 * One `<c>` element as the tokenizer's events would have left it (undefined: absent or empty).
 * Its address is read from the bytes as numbers, and only when canonical (1-3 letters A-Z, a row
 * without leading zero, inside Excel's grid); the style likewise when it is plain digits. Any
 * other spelling makes the scanner give up, so the tokenizer path, which decides such cases
 * (refusals included), reads the part: no string is made for the three attributes every cell has.
 */
export interface ScannedCell {
  row: number;
  col: number;
  t: string | undefined;
  /** `parseInt(s, 10)` of the `s` attribute; NaN when absent. */
  styleId: number;
  /** The `<f>` text entity-decoded (decodeFormulaXml), as the collector keeps it. */
  formula: string | undefined;
  /** The `<f>` element's attributes (undefined when there is no `<f>`, or it lacks them). */
  shareType: string | undefined;
  sharedIndex: string | undefined;
  sharedRef: string | undefined;
  value: string | undefined;
}

/** The scanner met something outside the shape it reads: the tokenizer path decides. */
class NotScanned {}
const NOT_SCANNED = new NotScanned();
function giveUp(): never {
  throw NOT_SCANNED;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOS = 0x27;
const SPACE = 0x20;

const isSpace = (b: number) => b === SPACE || b === 0x09 || b === 0x0a || b === 0x0d;

const utf8 = new TextDecoder();

/** Up to this many bytes a text is copied code by code; longer ones go to TextDecoder. */
const COPIED_UP_TO = 6;

/**
 * Bytes [start, end) as the string the tokenizer would have sliced from the decoded part, still
 * entity-encoded. Short ASCII is copied code by code (no decoder call for "12", "s", "A7");
 * anything else goes through TextDecoder, as the whole part would have (a value cannot split a
 * UTF-8 sequence: it is bounded by ASCII "<" and ">"). Measured: a decoder call costs ~160 ns
 * whatever the length, the copy ~30 ns a character, so a 50-character formula decodes in a third
 * of the time the copy took (the cut was at 64 bytes; a sheet's scan is 2.4 % faster at 6).
 */
function textOf(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > COPIED_UP_TO) return utf8.decode(bytes.subarray(start, end));
  let s = '';
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b >= 0x80) return utf8.decode(bytes.subarray(start, end));
    s += String.fromCharCode(b);
  }
  return s;
}

/**
 * The next "<" at or after `pos`, -1 when none. Between the tags of sheet data it is most often
 * right there: looked at before calling indexOf, whose call costs more than the search (a
 * measured third of the scan on a template's 1,245 cells).
 */
function nextTag(bytes: Uint8Array, pos: number): number {
  return bytes[pos] === LT ? pos : bytes.indexOf(LT, pos);
}

/**
 * What the attribute loops make of each byte, looked up rather than compared (the scan's hottest
 * loops). NAME_BYTE: 1 a byte of an attribute name; 2 one that ends it ("=", space, ">", "/", a
 * quote); 0 one left to the tokenizer (controls, non-ASCII, "<"). VALUE_BYTE: 1 a byte of a
 * plain value; 0 anything else: the closing quote, or what the tokenizer must read ("&", "<",
 * "=", whitespace, quotes of the other kind, non-ASCII).
 */
const NAME_BYTE = new Uint8Array(256);
const VALUE_BYTE = new Uint8Array(256);
for (let c = 0x21; c < 0x7f; c++) {
  NAME_BYTE[c] = 1;
  VALUE_BYTE[c] = 1;
}
for (const c of [EQUALS, SPACE, GT, SLASH, QUOTE, APOS]) NAME_BYTE[c] = 2;
NAME_BYTE[LT] = 0;
for (const c of [0x26, LT, EQUALS, QUOTE, APOS]) VALUE_BYTE[c] = 0;

/** Whether bytes[at…] spell `name` and the name ends there (as the tokenizer ends a tag name). */
function nameIs(bytes: Uint8Array, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (bytes[at + i] !== name.charCodeAt(i)) return false;
  const next = bytes[at + name.length];
  return next === GT || next === SLASH || isSpace(next);
}

/**
 * Where the attributes the scanner reads sit in the bytes (first occurrence of each, as
 * xmlAttribute finds it; -1: absent), and whether the tag closed itself. Positions, not strings:
 * the caller turns the few it needs into numbers or strings. One object, reused tag after tag.
 */
interface TagAttributes {
  rStart: number;
  rEnd: number;
  tStart: number;
  tEnd: number;
  sStart: number;
  sEnd: number;
  siStart: number;
  siEnd: number;
  refStart: number;
  refEnd: number;
  selfClosing: boolean;
}

function newTagAttributes(): TagAttributes {
  return {
    rStart: -1,
    rEnd: -1,
    tStart: -1,
    tEnd: -1,
    sStart: -1,
    sEnd: -1,
    siStart: -1,
    siEnd: -1,
    refStart: -1,
    refEnd: -1,
    selfClosing: false,
  };
}

/**
 * The attributes of a start tag whose name ends at `pos`, up to its ">", into `into` (r, t, s, si
 * and ref; others stepped over). Returns the index of the ">" (`into.selfClosing` tells "/>").
 * Gives up on anything xmlAttribute could read differently from a plain attribute list: an
 * entity, whitespace or "=" inside a value (where its substring search might match), a tab or
 * line end around "=", non-ASCII, attributes not separated by whitespace.
 */
function scanAttributes(bytes: Uint8Array, pos: number, end: number, into: TagAttributes): number {
  into.rStart = into.tStart = into.sStart = into.siStart = into.refStart = -1;
  let i = pos;
  for (;;) {
    while (i < end && isSpace(bytes[i])) i++;
    if (i >= end) giveUp();
    const b = bytes[i];
    if (b === GT) {
      into.selfClosing = false;
      return i;
    }
    if (b === SLASH) {
      if (i + 1 >= end || bytes[i + 1] !== GT) giveUp();
      into.selfClosing = true;
      return i + 1;
    }
    const nameStart = i;
    while (i < end && NAME_BYTE[bytes[i]] === 1) i++;
    if (i < end && NAME_BYTE[bytes[i]] === 0) giveUp();
    const nameEnd = i;
    while (bytes[i] === SPACE) i++;
    if (bytes[i] !== EQUALS) giveUp();
    i++;
    while (bytes[i] === SPACE) i++;
    const quote = bytes[i];
    if (quote !== QUOTE && quote !== APOS) giveUp();
    const valueStart = ++i;
    while (i < end && VALUE_BYTE[bytes[i]] === 1) i++;
    if (i >= end || bytes[i] !== quote) giveUp();
    take(bytes, nameStart, nameEnd, valueStart, i, into);
    i++;
    if (!isSpace(bytes[i]) && bytes[i] !== GT && bytes[i] !== SLASH) giveUp();
  }
}

function take(bytes: Uint8Array, ns: number, ne: number, vs: number, ve: number, a: TagAttributes): void {
  const length = ne - ns;
  const first = bytes[ns];
  if (length === 1) {
    if (first === 0x72 /* r */ && a.rStart < 0) {
      a.rStart = vs;
      a.rEnd = ve;
    } else if (first === 0x74 /* t */ && a.tStart < 0) {
      a.tStart = vs;
      a.tEnd = ve;
    } else if (first === 0x73 /* s */ && a.sStart < 0) {
      a.sStart = vs;
      a.sEnd = ve;
    }
  } else if (length === 2 && first === 0x73 && bytes[ns + 1] === 0x69 /* si */) {
    if (a.siStart < 0) {
      a.siStart = vs;
      a.siEnd = ve;
    }
  } else if (length === 3 && first === 0x72 && bytes[ns + 1] === 0x65 && bytes[ns + 2] === 0x66 /* ref */) {
    if (a.refStart < 0) {
      a.refStart = vs;
      a.refEnd = ve;
    }
  }
}

/** An attribute's value as a string (undefined when absent). */
function attributeText(bytes: Uint8Array, start: number, end: number): string | undefined {
  return start < 0 ? undefined : textOf(bytes, start, end);
}

/** The values of `t` every writer uses, as constants: no string made per cell for them. */
const CELL_TYPES = ['s', 'n', 'b', 'e', 'str', 'inlineStr', 'd'];

function cellType(bytes: Uint8Array, start: number, end: number): string | undefined {
  if (start < 0) return undefined;
  for (const type of CELL_TYPES) if (isName(bytes, start, end, type)) return type;
  return textOf(bytes, start, end);
}

/**
 * Plain decimal digits [start, end) without leading zero as a number, for a row number (up to 7
 * digits) or a style index (up to 9, leading zeros allowed as parseInt reads them); -1 otherwise.
 */
function digitsValue(
  bytes: Uint8Array,
  start: number,
  end: number,
  maxDigits: number,
  leadingZero: boolean,
): number {
  const n = end - start;
  if (n < 1 || n > maxDigits || (!leadingZero && bytes[start] === 0x30)) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = bytes[i] - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Whether bytes [start, end) are exactly `name`. */
function isName(bytes: Uint8Array, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (bytes[start + i] !== name.charCodeAt(i)) return false;
  return true;
}

/**
 * Steps over what precedes `<sheetData>` (sheet properties, views, column widths) tag by tag,
 * giving up on any tag the cell collector would react to there. Returns the index just past
 * the `<sheetData …>` start tag.
 */
function skipToSheetData(bytes: Uint8Array): number {
  const n = bytes.length;
  let pos = 0;
  for (;;) {
    const lt = bytes.indexOf(LT, pos);
    if (lt < 0) giveUp();
    const next = bytes[lt + 1];
    // Comments, CDATA and DOCTYPE are left to the tokenizer.
    if (next === BANG) giveUp();
    if (next === QUESTION || next === SLASH) {
      // A declaration or an end tag: neither means anything to the collector here.
      const gt = bytes.indexOf(GT, lt + 2);
      if (gt < 0 || (next === QUESTION && bytes[gt - 1] !== QUESTION)) giveUp();
      const inner = bytes.indexOf(LT, lt + 1);
      if (inner >= 0 && inner < gt) giveUp();
      // "</sheetData>" before "<sheetData>": the byte search would cut the part there.
      if (next === SLASH && nameIs(bytes, lt + 2, 'sheetData')) giveUp();
      pos = gt + 1;
      continue;
    }
    let i = lt + 1;
    while (i < n) {
      const c = bytes[i];
      if (c === GT || c === SLASH || isSpace(c)) break;
      // A prefixed name (":") may be one the collector refuses: left to the tokenizer.
      if (c === 0x3a || c >= 0x80) giveUp();
      i++;
    }
    const nameEnd = i;
    if (
      nameEnd === lt + 1 ||
      isName(bytes, lt + 1, nameEnd, 'c') ||
      isName(bytes, lt + 1, nameEnd, 'row') ||
      isName(bytes, lt + 1, nameEnd, 'mergeCell') ||
      isName(bytes, lt + 1, nameEnd, 'hyperlink')
    )
      giveUp();
    // The rest of the tag, quotes honoured as the tokenizer honours them; a "<" inside it (where
    // "</sheetData>" might hide from this scan but not from the byte search) is left to it.
    let quote = 0;
    while (i < n) {
      const c = bytes[i];
      if (c === LT) giveUp();
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === QUOTE || c === APOS) quote = c;
      else if (c === GT) break;
      i++;
    }
    if (i >= n) giveUp();
    if (isName(bytes, lt + 1, nameEnd, 'sheetData')) {
      if (bytes[i - 1] === SLASH) giveUp();
      return i + 1;
    }
    pos = i + 1;
  }
}

/** The text childText read last (a module slot, not an object per child: one scan at a time). */
let childTextRead: string | undefined;

/**
 * The text of a child element `<name …>text</name>` from `gt` (its start tag's ">") into
 * `childTextRead`; returns the index after its end tag.
 */
function childText(bytes: Uint8Array, gt: number, end: number, name: number): number {
  let lt = gt + 1;
  while (lt < end && bytes[lt] !== LT) lt++;
  if (lt === end) lt = -1;
  if (lt < 0 || lt >= end) giveUp();
  // Only the end tag itself may follow: a nested tag, comment or CDATA is left to the tokenizer.
  if (bytes[lt + 1] !== SLASH || bytes[lt + 2] !== name || bytes[lt + 3] !== GT) giveUp();
  // Empty text gives no text event to the collector: undefined, not "".
  childTextRead = lt > gt + 1 ? textOf(bytes, gt + 1, lt) : undefined;
  return lt + 4;
}

/**
 * Formula texts by their bytes: the returns of a consolidation come from a few templates, so the
 * same ~200 check formulas of a sheet come file after file, each ~50 bytes of mostly Vietnamese
 * text with entities. Decoding one (TextDecoder, then decodeFormulaXml's lookup) took ~400 ns;
 * hashing its bytes while looking for its end, and comparing them with the remembered ones, ~150
 * (skipping their decoding altogether took a quarter off a sheet's scan: the bound). A text is
 * used only for the very same bytes; one whose decoding throws is not kept (it throws again).
 */
const formulas = new RememberedByBytes<string>(4096);

/**
 * Before that, a formula is looked for where the returns of a template repeat one another (an
 * element here: the text and its `</f>`): one comparison, no hashing (remember-last.ts).
 */
const knownFormulas = new RepeatedElements<string>();

/**
 * The text of an `<f …>text</f>` from `gt` (its start tag's ">") into `cell.formula`, entity-
 * decoded; returns the index after its end tag. As childText, then decodeFormulaXml, would.
 */
function formulaChild(bytes: Uint8Array, gt: number, end: number, cell: ScannedCell): number {
  const repeated = knownFormulas.find(bytes, gt + 1, end);
  if (repeated !== undefined) {
    cell.formula = repeated;
    return gt + 1 + knownFormulas.matchedLength;
  }
  let lt = gt + 1;
  let h = FNV_BASIS;
  while (lt < end && bytes[lt] !== LT) h = Math.imul(h ^ bytes[lt++], FNV_PRIME);
  if (lt >= end) giveUp();
  if (bytes[lt + 1] !== SLASH || bytes[lt + 2] !== F || bytes[lt + 3] !== GT) giveUp();
  const start = gt + 1;
  if (lt === start) {
    cell.formula = undefined; // empty text gives no text event: undefined, not ""
    return lt + 4;
  }
  const key = h ^ (lt - start);
  let text = formulas.get(key, bytes, start, lt);
  if (text === undefined) {
    text = decodeFormulaXml(textOf(bytes, start, lt));
    formulas.set(key, bytes, start, lt, text);
  }
  cell.formula = text;
  knownFormulas.note(start, lt + 4, text);
  return lt + 4;
}

/**
 * Scans a worksheet part through its first `</sheetData>`, handing rows and cells to `sink` in
 * document order; returns that end tag's index (every "<" before it is looked at, so it is the
 * first occurrence of the bytes "</sheetData>", where the tokenizer path cuts the part). -1 when
 * the part is outside the scanned shape: the caller must then read it with the tokenizer (and
 * throw away what the sink received). Errors the sink throws (a limit, something the collector
 * refuses) pass through.
 */
export function scanSheetCells(bytes: Uint8Array, sink: ScannedCellSink): number {
  try {
    return scan(bytes, sink);
  } catch (e) {
    if (e === NOT_SCANNED) return -1;
    throw e;
  }
}

const C = 0x63;
const F = 0x66;
const V = 0x76;
const T = 0x74;
const I = 0x69;

function scan(bytes: Uint8Array, sink: ScannedCellSink): number {
  const end = bytes.length;
  let pos = skipToSheetData(bytes);
  sink.scannedSheetData();
  knownFormulas.begin();
  const attrs = newTagAttributes();
  const cell: ScannedCell = {
    row: 0,
    col: 0,
    t: undefined,
    styleId: NaN,
    formula: undefined,
    shareType: undefined,
    sharedIndex: undefined,
    sharedRef: undefined,
    value: undefined,
  };
  let inRow = false;
  for (;;) {
    const lt = nextTag(bytes, pos);
    if (lt < 0) giveUp();
    if (bytes[lt + 1] === SLASH) {
      // </row>, or </sheetData> (text before it is ignored, as by the collector); any other end
      // tag is left to the tokenizer.
      if (inRow && isName(bytes, lt + 2, lt + 5, 'row') && bytes[lt + 5] === GT) {
        inRow = false;
        pos = lt + 6;
        continue;
      }
      if (isName(bytes, lt + 2, lt + 11, 'sheetData') && bytes[lt + 11] === GT) {
        knownFormulas.end(bytes);
        return lt;
      }
      giveUp();
    }
    if (inRow && nameIs(bytes, lt + 1, 'c')) {
      let gt = plainCellTag(bytes, lt + 2, end, cell, attrs);
      if (gt < 0) {
        gt = scanAttributes(bytes, lt + 2, end, attrs);
        readCellTag(bytes, attrs, cell);
      }
      pos = attrs.selfClosing ? gt + 1 : scanCellChildren(bytes, gt + 1, end, cell, attrs);
      sink.scannedCell(cell);
      continue;
    }
    if (!nameIs(bytes, lt + 1, 'row')) giveUp();
    const gt = scanAttributes(bytes, lt + 4, end, attrs);
    // Rows placed by order, or numbered otherwise than plainly: the tokenizer's business.
    const r = attrs.rStart < 0 ? -1 : digitsValue(bytes, attrs.rStart, attrs.rEnd, 7, false);
    if (r < 0) giveUp();
    sink.scannedRow(r);
    inRow = !attrs.selfClosing;
    pos = gt + 1;
  }
}

/**
 * A canonical address in bytes [start, end) (1-3 letters A-Z, a row without leading zero, inside
 * Excel's grid) into `cell.row` and `cell.col`; false for any other spelling.
 */
function readAddress(bytes: Uint8Array, start: number, end: number, cell: ScannedCell): boolean {
  let i = start;
  let col = 0;
  while (i < end && i - start < 4 && bytes[i] >= 65 && bytes[i] <= 90) col = col * 26 + bytes[i++] - 64;
  const letters = i - start;
  if (letters === 0 || letters > 3 || col > EXCEL_MAX_COL) return false;
  const row = digitsValue(bytes, i, end, 7, false);
  if (row < 0 || row > EXCEL_MAX_ROW) return false;
  cell.row = row;
  cell.col = col;
  return true;
}

/**
 * The `<c>` tag as Excel, LibreOffice and exceljs write it, read in one pass: attributes among
 * r, s and t only, each once, separated by one space, written `name="value"`, the address
 * canonical and the style plain digits. Fills `cell` (children cleared) and `attrs.selfClosing`
 * as scanAttributes + readCellTag would, and returns the index of the ">"; -1 for any other
 * spelling, which those two then read (or give up on) from the start of the tag.
 */
function plainCellTag(
  bytes: Uint8Array,
  at: number,
  end: number,
  cell: ScannedCell,
  attrs: TagAttributes,
): number {
  let i = at;
  let addressed = false;
  let styleId = NaN;
  let typeStart = -1;
  let typeEnd = -1;
  for (;;) {
    if (i + 4 >= end) return -1;
    const b = bytes[i];
    if (b === GT || b === SLASH) break;
    const name = bytes[i + 1];
    if (b !== SPACE || bytes[i + 2] !== EQUALS || bytes[i + 3] !== QUOTE) return -1;
    i += 4;
    const start = i;
    if (name === 0x72 /* r */ && !addressed) {
      while (i < end && bytes[i] !== QUOTE) i++;
      if (!readAddress(bytes, start, i, cell)) return -1;
      addressed = true;
    } else if (name === 0x73 /* s */ && styleId !== styleId /* NaN: not yet */) {
      while (i < end && bytes[i] !== QUOTE) i++;
      styleId = digitsValue(bytes, start, i, 9, true);
      if (styleId < 0) return -1;
    } else if (name === 0x74 /* t */ && typeStart < 0) {
      while (i < end && VALUE_BYTE[bytes[i]] === 1) i++;
      typeStart = start;
      typeEnd = i;
    } else return -1;
    if (i >= end || bytes[i] !== QUOTE) return -1;
    i++;
  }
  if (!addressed) return -1;
  if (bytes[i] === SLASH) {
    if (bytes[i + 1] !== GT) return -1;
    attrs.selfClosing = true;
    i++;
  } else attrs.selfClosing = false;
  cell.styleId = styleId;
  cell.t = cellType(bytes, typeStart, typeEnd);
  cell.formula = cell.shareType = cell.sharedIndex = cell.sharedRef = cell.value = undefined;
  return i;
}

/** A `<c>` tag's attributes into `cell` (its children cleared); gives up on a non-canonical address or style. */
function readCellTag(bytes: Uint8Array, attrs: TagAttributes, cell: ScannedCell): void {
  if (attrs.rStart < 0 || !readAddress(bytes, attrs.rStart, attrs.rEnd, cell)) giveUp();
  cell.t = cellType(bytes, attrs.tStart, attrs.tEnd);
  if (attrs.sStart < 0) cell.styleId = NaN;
  else {
    const style = digitsValue(bytes, attrs.sStart, attrs.sEnd, 9, true);
    if (style < 0) giveUp(); // "", "x", "+1": as parseInt reads them, on the tokenizer path
    cell.styleId = style;
  }
  cell.formula = cell.shareType = cell.sharedIndex = cell.sharedRef = cell.value = undefined;
}

/** The children of a `<c>` from `pos` through its `</c>`; returns the index after it. */
function scanCellChildren(
  bytes: Uint8Array,
  pos: number,
  end: number,
  cell: ScannedCell,
  attrs: TagAttributes,
): number {
  let seenF = false;
  let seenValue = false;
  for (;;) {
    const lt = nextTag(bytes, pos);
    if (lt < 0 || lt >= end) giveUp();
    const next = bytes[lt + 1];
    if (next === SLASH) {
      if (bytes[lt + 2] !== C || bytes[lt + 3] !== GT) giveUp();
      return lt + 4;
    }
    if (next === F && nameIs(bytes, lt + 1, 'f')) {
      if (seenF) giveUp();
      seenF = true;
      const gt = scanAttributes(bytes, lt + 2, end, attrs);
      cell.shareType = attributeText(bytes, attrs.tStart, attrs.tEnd);
      cell.sharedIndex = attributeText(bytes, attrs.siStart, attrs.siEnd);
      cell.sharedRef = attributeText(bytes, attrs.refStart, attrs.refEnd);
      if (attrs.selfClosing) pos = gt + 1;
      else {
        pos = formulaChild(bytes, gt, end, cell);
      }
    } else if (next === V && nameIs(bytes, lt + 1, 'v')) {
      if (seenValue) giveUp();
      seenValue = true;
      const gt = scanAttributes(bytes, lt + 2, end, attrs);
      if (attrs.selfClosing) pos = gt + 1;
      else {
        pos = childText(bytes, gt, end, V);
        cell.value = childTextRead;
      }
    } else if (next === I && nameIs(bytes, lt + 1, 'is')) {
      if (seenValue) giveUp();
      seenValue = true;
      pos = scanInlineString(bytes, lt, end, cell, attrs);
    } else giveUp();
  }
}

/** `<is><t …>text</t></is>` from the "<" of `<is`; rich-text runs and the rest are left to the tokenizer. */
function scanInlineString(
  bytes: Uint8Array,
  lt: number,
  end: number,
  cell: ScannedCell,
  attrs: TagAttributes,
): number {
  const isGt = scanAttributes(bytes, lt + 3, end, attrs);
  if (attrs.selfClosing) return isGt + 1;
  let pos = isGt + 1;
  let seenT = false;
  for (;;) {
    const at = bytes.indexOf(LT, pos);
    if (at < 0 || at >= end) giveUp();
    if (bytes[at + 1] === SLASH) {
      if (!isName(bytes, at + 2, at + 4, 'is') || bytes[at + 4] !== GT) giveUp();
      return at + 5;
    }
    if (seenT || !nameIs(bytes, at + 1, 't')) giveUp();
    seenT = true;
    const gt = scanAttributes(bytes, at + 2, end, attrs);
    if (attrs.selfClosing) pos = gt + 1;
    else {
      pos = childText(bytes, gt, end, T);
      cell.value = childTextRead;
    }
  }
}
