/** xl/sharedStrings.xml as exceljs keeps it. */
import { DEFAULT_READ_LIMITS, ReadLimitExceeded, limitMessages, type ReadLimits } from '../read-limits';
import { decodeOoxmlEscapes, decodeXml } from './xml-entities';
import { scanXml } from './xml-scan';
import { OoxmlUnsupported } from './unsupported';
import { FNV_BASIS, FNV_PRIME } from '../../common/fnv';
import { RememberedByBytes, RepeatedElements } from './remember-last';
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
  knownParts.begin();
  for (;;) {
    let lt = pos;
    while (lt < n && bytes[lt] !== LT) lt++;
    if (lt === n) return null;
    const known = knownParts.find(bytes, lt);
    if (known !== undefined) {
      checkedPush(out, known, limits);
      pos = lt + knownParts.matchedLength;
      continue;
    }
    if (!bytesAt(bytes, SI_T, lt)) {
      if (!EPILOGUE.test(pieceDecoder.decode(bytes.subarray(lt)))) return null;
      knownParts.end(bytes);
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
    const text = rememberedText(bytes, start, end, h ^ (end - start));
    checkedPush(out, text, limits);
    pos = end + T_CLOSE.length;
    knownParts.note(lt, pos, text);
  }
}

function checkedPush(out: SharedString[], text: string, limits: ReadLimits): void {
  if (text.length > limits.maxCellTextChars)
    throw new ReadLimitExceeded(limitMessages.sharedString(out.length, text.length, limits));
  if (out.length >= limits.maxSharedStrings)
    throw new ReadLimitExceeded(limitMessages.sharedStrings(out.length + 1, limits));
  out.push(text);
}

/** Shared-strings elements of parts read before (an element: `<si><t…>` to `</t></si>`). */
const knownParts = new RepeatedElements<string>();

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
