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

/** Where the scanner's findings go: the tokenizer path's cell collector. */
export interface ScannedCellSink {
  /** `<sheetData>` has started. */
  scannedSheetData(): void;
  /** A `<row>` with its `r` attribute as written. */
  scannedRow(r: string): void;
  scannedCell(cell: ScannedCell): void;
}

/** One `<c>` element as the tokenizer's events would have left it (undefined: absent or empty). */
export interface ScannedCell {
  r: string;
  t: string | undefined;
  s: string | undefined;
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

/**
 * Bytes [start, end) as the string the tokenizer would have sliced from the decoded part, still
 * entity-encoded. ASCII is copied code by code (no decoder call for "12", "s", "A7"); anything
 * else goes through TextDecoder, as the whole part would have (a value cannot split a UTF-8
 * sequence: it is bounded by ASCII "<" and ">").
 */
function textOf(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > 64) return utf8.decode(bytes.subarray(start, end));
  let s = '';
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b >= 0x80) return utf8.decode(bytes.subarray(start, end));
    s += String.fromCharCode(b);
  }
  return s;
}

/** Whether bytes[at…] spell `name` and the name ends there (as the tokenizer ends a tag name). */
function nameIs(bytes: Uint8Array, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (bytes[at + i] !== name.charCodeAt(i)) return false;
  const next = bytes[at + name.length];
  return next === GT || next === SLASH || isSpace(next);
}

/** The attributes the scanner reads (first occurrence of each, as xmlAttribute finds it). */
interface TagAttributes {
  r: string | undefined;
  t: string | undefined;
  s: string | undefined;
  si: string | undefined;
  ref: string | undefined;
}

function clear(a: TagAttributes): TagAttributes {
  a.r = a.t = a.s = a.si = a.ref = undefined;
  return a;
}

/**
 * The attributes of a start tag whose name ends at `pos`, up to its ">", into `into` (r, t, s, si
 * and ref; others stepped over). Returns the index of the ">" and whether the tag closes itself.
 * Gives up on anything xmlAttribute could read differently from a plain attribute list: an
 * entity, whitespace or "=" inside a value (where its substring search might match), a tab or
 * line end around "=", non-ASCII, attributes not separated by whitespace.
 */
function scanAttributes(
  bytes: Uint8Array,
  pos: number,
  end: number,
  into: TagAttributes,
): { gt: number; selfClosing: boolean } {
  clear(into);
  let i = pos;
  for (;;) {
    while (i < end && isSpace(bytes[i])) i++;
    if (i >= end) giveUp();
    const b = bytes[i];
    if (b === GT) return { gt: i, selfClosing: false };
    if (b === SLASH) {
      if (i + 1 >= end || bytes[i + 1] !== GT) giveUp();
      return { gt: i + 1, selfClosing: true };
    }
    const nameStart = i;
    while (i < end) {
      const c = bytes[i];
      if (c === EQUALS || c === SPACE || c === GT || c === SLASH || c === QUOTE || c === APOS) break;
      if (c < 0x21 || c >= 0x7f || c === LT) giveUp();
      i++;
    }
    const nameEnd = i;
    while (bytes[i] === SPACE) i++;
    if (bytes[i] !== EQUALS) giveUp();
    i++;
    while (bytes[i] === SPACE) i++;
    const quote = bytes[i];
    if (quote !== QUOTE && quote !== APOS) giveUp();
    const valueStart = ++i;
    while (i < end && bytes[i] !== quote) {
      const c = bytes[i];
      // 0x26 "&", "<", "=", quotes of the other kind: left to the tokenizer.
      if (c < 0x21 || c >= 0x7f || c === 0x26 || c === LT || c === EQUALS || c === QUOTE || c === APOS)
        giveUp();
      i++;
    }
    if (i >= end) giveUp();
    take(bytes, nameStart, nameEnd, valueStart, i, into);
    i++;
    if (!isSpace(bytes[i]) && bytes[i] !== GT && bytes[i] !== SLASH) giveUp();
  }
}

function take(bytes: Uint8Array, ns: number, ne: number, vs: number, ve: number, a: TagAttributes): void {
  const length = ne - ns;
  const first = bytes[ns];
  if (length === 1) {
    if (first === 0x72 /* r */) a.r ??= textOf(bytes, vs, ve);
    else if (first === 0x74 /* t */) a.t ??= textOf(bytes, vs, ve);
    else if (first === 0x73 /* s */) a.s ??= textOf(bytes, vs, ve);
  } else if (length === 2 && first === 0x73 && bytes[ns + 1] === 0x69 /* si */)
    a.si ??= textOf(bytes, vs, ve);
  else if (length === 3 && first === 0x72 && bytes[ns + 1] === 0x65 && bytes[ns + 2] === 0x66 /* ref */)
    a.ref ??= textOf(bytes, vs, ve);
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

/** The text of a child element `<name …>text</name>` from `gt` (its start tag's ">"). */
function childText(
  bytes: Uint8Array,
  gt: number,
  end: number,
  name: number,
): { text: string | undefined; after: number } {
  const lt = bytes.indexOf(LT, gt + 1);
  if (lt < 0 || lt >= end) giveUp();
  // Only the end tag itself may follow: a nested tag, comment or CDATA is left to the tokenizer.
  if (bytes[lt + 1] !== SLASH || bytes[lt + 2] !== name || bytes[lt + 3] !== GT) giveUp();
  // Empty text gives no text event to the collector: undefined, not "".
  return { text: lt > gt + 1 ? textOf(bytes, gt + 1, lt) : undefined, after: lt + 4 };
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
  const attrs: TagAttributes = { r: undefined, t: undefined, s: undefined, si: undefined, ref: undefined };
  let inRow = false;
  for (;;) {
    const lt = bytes.indexOf(LT, pos);
    if (lt < 0) giveUp();
    if (bytes[lt + 1] === SLASH) {
      // </row>, or </sheetData> (text before it is ignored, as by the collector); any other end
      // tag is left to the tokenizer.
      if (inRow && isName(bytes, lt + 2, lt + 5, 'row') && bytes[lt + 5] === GT) {
        inRow = false;
        pos = lt + 6;
        continue;
      }
      if (isName(bytes, lt + 2, lt + 11, 'sheetData') && bytes[lt + 11] === GT) return lt;
      giveUp();
    }
    if (nameIs(bytes, lt + 1, 'row')) {
      const tag = scanAttributes(bytes, lt + 4, end, attrs);
      if (attrs.r === undefined) giveUp(); // rows placed by order: the tokenizer's business
      sink.scannedRow(attrs.r);
      inRow = !tag.selfClosing;
      pos = tag.gt + 1;
      continue;
    }
    if (!inRow || !nameIs(bytes, lt + 1, 'c')) giveUp();
    const tag = scanAttributes(bytes, lt + 2, end, attrs);
    if (attrs.r === undefined) giveUp();
    const cell: ScannedCell = {
      r: attrs.r,
      t: attrs.t,
      s: attrs.s,
      formula: undefined,
      shareType: undefined,
      sharedIndex: undefined,
      sharedRef: undefined,
      value: undefined,
    };
    pos = tag.selfClosing ? tag.gt + 1 : scanCellChildren(bytes, tag.gt + 1, end, cell, attrs);
    sink.scannedCell(cell);
  }
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
    const lt = bytes.indexOf(LT, pos);
    if (lt < 0 || lt >= end) giveUp();
    const next = bytes[lt + 1];
    if (next === SLASH) {
      if (bytes[lt + 2] !== C || bytes[lt + 3] !== GT) giveUp();
      return lt + 4;
    }
    if (next === F && nameIs(bytes, lt + 1, 'f')) {
      if (seenF) giveUp();
      seenF = true;
      const tag = scanAttributes(bytes, lt + 2, end, attrs);
      cell.shareType = attrs.t;
      cell.sharedIndex = attrs.si;
      cell.sharedRef = attrs.ref;
      if (tag.selfClosing) pos = tag.gt + 1;
      else {
        const child = childText(bytes, tag.gt, end, F);
        cell.formula = child.text;
        pos = child.after;
      }
    } else if (next === V && nameIs(bytes, lt + 1, 'v')) {
      if (seenValue) giveUp();
      seenValue = true;
      const tag = scanAttributes(bytes, lt + 2, end, attrs);
      if (tag.selfClosing) pos = tag.gt + 1;
      else {
        const child = childText(bytes, tag.gt, end, V);
        cell.value = child.text;
        pos = child.after;
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
  const is = scanAttributes(bytes, lt + 3, end, attrs);
  if (is.selfClosing) return is.gt + 1;
  let pos = is.gt + 1;
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
    const tag = scanAttributes(bytes, at + 2, end, attrs);
    if (tag.selfClosing) pos = tag.gt + 1;
    else {
      const child = childText(bytes, tag.gt, end, T);
      cell.value = child.text;
      pos = child.after;
    }
  }
}
