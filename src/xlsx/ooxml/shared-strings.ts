/** xl/sharedStrings.xml as exceljs keeps it. */
import { DEFAULT_READ_LIMITS, ReadLimitExceeded, limitMessages, type ReadLimits } from '../read-limits';
import { decodeOoxmlEscapes, decodeXml } from './xml-entities';
import { scanXml } from './xml-scan';
import { OoxmlUnsupported } from './unsupported';
import { FNV_BASIS, FNV_PRIME, RememberedByBytes } from './remember-last';
import { asciiBytes, bytesAt } from './byte-search';

/** A shared string as exceljs keeps it: plain text, or rich-text runs (joined when read). */
export type SharedString = string;

/** A `<t>` element's text as the reader keeps it (entities, then `_x000D_` escapes). */
function tText(raw: string): string {
  const text = decodeXml(raw);
  return text.indexOf('_x') < 0 ? text : decodeOoxmlEscapes(text);
}

/**
 * xl/sharedStrings.xml → the shared strings: the common shape read by `plainSharedStrings`, the
 * rest (and any part it gives up on, or would refuse) by the tokenizer, which alone decides.
 */
export function parseSharedStrings(xml: string, limits: ReadLimits = DEFAULT_READ_LIMITS): SharedString[] {
  return sharedStringsOf(utf8Encoder.encode(xml), limits, () => xml);
}

/**
 * The part as bytes, read as parseSharedStrings reads the text they decode to (UTF-8, as exceljs
 * decodes a part: a leading BOM dropped, bad bytes as U+FFFD). The plain shape is read from the
 * bytes, each string decoded only when its bytes are not remembered (rememberedText).
 */
export function parseSharedStringsBytes(
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): SharedString[] {
  return sharedStringsOf(bytes, limits, () => partDecoder.decode(bytes));
}

function sharedStringsOf(bytes: Uint8Array, limits: ReadLimits, text: () => string): SharedString[] {
  try {
    const plain = plainSharedStringsBytes(bytes, limits);
    if (plain) return plain;
  } catch {
    // A limit or an entity the tokenizer refuses: it says so itself, with its own message.
  }
  return tokenizedSharedStrings(text(), limits);
}

const PROLOGUE = /^(?:<\?xml[^<>]*\?>)?[^<]*<sst\b[^<>]*>$/;
const EPILOGUE = /^[^<]*<\/sst>[^<]*$/;

const utf8Encoder = new TextEncoder();
/** A whole part, as exceljs decodes it (a leading BOM dropped). */
const partDecoder = new TextDecoder();
/** A piece of a part after its start: a U+FEFF there is text, kept as the whole decode keeps it. */
const pieceDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

const SI = asciiBytes('<si');
const SI_T = asciiBytes('<si><t');
const T_PLAIN = asciiBytes('<t>');
const T_PRESERVE = asciiBytes('<t xml:space="preserve">');
const T_CLOSE = asciiBytes('</t></si>');
const LT = 0x3c;

/**
 * `<t>` texts by their bytes. The returned workbooks of a consolidation come from one framework's
 * templates, so the same ~350 strings come file after file: hashing a string's bytes while
 * looking for its end, and comparing them with the remembered ones, costs less than decoding the
 * 22 KB part whole and slicing it (measured below). A text is used only for the very same bytes;
 * one tText refuses is not kept.
 */
const remembered = new RememberedByBytes<string>(2048);

function rememberedText(bytes: Uint8Array, start: number, end: number, key: number): string {
  const known = remembered.get(key, bytes, start, end);
  if (known !== undefined) return known;
  const text = tText(pieceDecoder.decode(bytes.subarray(start, end)));
  remembered.set(key, bytes, start, end, text);
  return text;
}

/**
 * The shape every writer we meet produces — `<sst …>`, then `<si><t>text</t></si>` (the `<t>`
 * perhaps with xml:space="preserve") separated by nothing but text, then `</sst>` — read without
 * the tokenizer (which was ~10 % of a consolidation: 22 KB of Vietnamese per file). Null for
 * anything else (rich text, phonetic runs, comments, other attributes or elements): the
 * tokenizer reads it. Same strings, same limits (tested against the tokenizer).
 */
export function plainSharedStrings(
  xml: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): SharedString[] | null {
  return plainSharedStringsBytes(utf8Encoder.encode(xml), limits);
}

/**
 * plainSharedStrings on the part's bytes. Every mark it looks for is ASCII, and UTF-8 never uses
 * an ASCII byte inside a multi-byte character, so the marks fall where they fall in the decoded
 * text and each piece between them decodes to that text's piece (the prologue decoded as the
 * whole part is, its BOM dropped).
 */
export function plainSharedStringsBytes(
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): SharedString[] | null {
  let first = bytes.indexOf(LT);
  while (first >= 0 && !bytesAt(bytes, SI, first)) first = bytes.indexOf(LT, first + 1);
  // No comment or CDATA can hide anywhere: every "<" is the prologue's, an entry's or </sst>.
  if (first < 0 || !PROLOGUE.test(partDecoder.decode(bytes.subarray(0, first)))) return null;
  const out: SharedString[] = [];
  const n = bytes.length;
  let pos = first;
  let repeated = 0;
  knownParts.begin();
  for (;;) {
    let lt = pos;
    while (lt < n && bytes[lt] !== LT) lt++;
    if (lt === n) return null;
    const k = out.length;
    const known = knownParts.textAt(bytes, lt);
    if (known !== undefined) {
      checkedPush(out, known, limits);
      pos = lt + knownParts.matchedLength;
      bounds.note(k, lt, pos);
      repeated++;
      continue;
    }
    if (!bytesAt(bytes, SI_T, lt)) {
      if (!EPILOGUE.test(pieceDecoder.decode(bytes.subarray(lt)))) return null;
      if (2 * repeated < out.length) knownParts.remember(bytes, bounds, out);
      return out;
    }
    const open = bytesAt(bytes, T_PLAIN, lt + 4)
      ? T_PLAIN
      : bytesAt(bytes, T_PRESERVE, lt + 4)
        ? T_PRESERVE
        : null;
    if (!open) return null;
    const start = lt + 4 + open.length;
    // To the next "<", hashing the text's bytes on the way (rememberedText's key).
    let end = start;
    let h = FNV_BASIS;
    while (end < n && bytes[end] !== LT) h = Math.imul(h ^ bytes[end++], FNV_PRIME);
    if (end === n || !bytesAt(bytes, T_CLOSE, end)) return null;
    checkedPush(out, rememberedText(bytes, start, end, h ^ (end - start)), limits);
    pos = end + T_CLOSE.length;
    bounds.note(k, lt, pos);
  }
}

function checkedPush(out: SharedString[], text: string, limits: ReadLimits): void {
  if (text.length > limits.maxCellTextChars)
    throw new ReadLimitExceeded(limitMessages.sharedString(out.length, text.length, limits));
  if (out.length >= limits.maxSharedStrings)
    throw new ReadLimitExceeded(limitMessages.sharedStrings(out.length + 1, limits));
  out.push(text);
}

/** Where each `<si>` element of the part being read starts and ends (reused from part to part). */
class ElementBounds {
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);

  note(k: number, start: number, end: number): void {
    if (k >= this.starts.length) {
      const grown = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
    }
    this.starts[k] = start;
    this.ends[k] = end;
  }
}

const bounds = new ElementBounds();

/**
 * Shared-strings parts read before, as patterns the next parts repeat. The returns of one
 * template list the same strings in the same order, with the unit's own (its name, the evidence
 * and explanations it typed) among them where they first appear, and Excel keeps that order when
 * it saves. So each element is looked for in a part read before just after the last element found
 * there (LOOKAHEAD places on: a string the return lacks is passed over; one it added is read as
 * new, and the next is found again). An element whose bytes are, byte for byte, those of an
 * element read before is that element and reads as its text: one comparison, where rememberedText
 * hashes, looks up and compares. Element bytes include `<si><t…>` and `</t></si>`, and the text
 * between holds no "<", so equal bytes are the whole element. A few parts are kept (a framework's
 * groups have templates of their own); a part is kept when less than half of it was found in the
 * kept ones, as a copy (a view would keep its whole return alive), and not beyond KNOWN_PART_BYTES.
 */
const KNOWN_PARTS = 4;
const KNOWN_PART_BYTES = 1 << 20;
const LOOKAHEAD = 3;

interface KnownPart {
  bytes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  texts: readonly string[];
  /** The index after the element last found in this part, in the part being read. */
  next: number;
}

class KnownParts {
  private parts: KnownPart[] = [];
  /** The length of the element textAt last found. */
  matchedLength = 0;

  /** Before each part: every kept part is looked into from its start. */
  begin(): void {
    for (const p of this.parts) p.next = 0;
  }

  textAt(bytes: Uint8Array, at: number): string | undefined {
    const parts = this.parts;
    for (let t = 0; t < parts.length; t++) {
      const p = parts[t];
      const last = Math.min(p.next + LOOKAHEAD, p.texts.length);
      for (let k = p.next; k < last; k++) {
        const s = p.starts[k];
        const length = p.ends[k] - s;
        if (at + length > bytes.length) continue;
        const kept = p.bytes;
        let j = 0;
        while (j < length && kept[s + j] === bytes[at + j]) j++;
        if (j < length) continue;
        p.next = k + 1;
        this.matchedLength = length;
        if (t > 0) {
          // The part that answers is asked first next time.
          parts.splice(t, 1);
          parts.unshift(p);
        }
        return p.texts[k];
      }
    }
    return undefined;
  }

  remember(bytes: Uint8Array, at: ElementBounds, texts: readonly string[]): void {
    if (bytes.length > KNOWN_PART_BYTES || texts.length === 0) return;
    this.parts.unshift({
      bytes: new Uint8Array(bytes),
      starts: at.starts.slice(0, texts.length),
      ends: at.ends.slice(0, texts.length),
      texts: texts.slice(),
      next: 0,
    });
    if (this.parts.length > KNOWN_PARTS) this.parts.pop();
  }
}

const knownParts = new KnownParts();

/** The tokenizer's reading of xl/sharedStrings.xml, as exceljs keeps it. */
export function tokenizedSharedStrings(
  xml: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): SharedString[] {
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
        const text = tText(textParts.join(''));
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
        const text = plain ?? (runs ?? []).join('');
        if (text.length > limits.maxCellTextChars)
          throw new ReadLimitExceeded(limitMessages.sharedString(out.length, text.length, limits));
        if (out.length >= limits.maxSharedStrings)
          throw new ReadLimitExceeded(limitMessages.sharedStrings(out.length + 1, limits));
        out.push(text);
      }
    },
  });
  return out;
}
