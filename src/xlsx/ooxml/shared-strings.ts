/** xl/sharedStrings.xml as exceljs keeps it. */
import { DEFAULT_READ_LIMITS, ReadLimitExceeded, limitMessages, type ReadLimits } from '../read-limits';
import { decodeOoxmlEscapes, decodeXml } from './xml-entities';
import { scanXml } from './xml-scan';
import { OoxmlUnsupported } from './unsupported';

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
  try {
    const plain = plainSharedStrings(xml, limits);
    if (plain) return plain;
  } catch {
    // A limit or an entity the tokenizer refuses: it says so itself, with its own message.
  }
  return tokenizedSharedStrings(xml, limits);
}

const PROLOGUE = /^(?:<\?xml[^<>]*\?>)?[^<]*<sst\b[^<>]*>$/;
const EPILOGUE = /^[^<]*<\/sst>[^<]*$/;
const T_OPEN = ['<t>', '<t xml:space="preserve">'];

/**
 * The shape every writer we meet produces — `<sst …>`, then `<si><t>text</t></si>` (the `<t>`
 * perhaps with xml:space="preserve") separated by nothing but text, then `</sst>` — read with
 * indexOf instead of the tokenizer (which was ~10 % of a consolidation: 22 KB of Vietnamese per
 * file). Null for anything else (rich text, phonetic runs, comments, other attributes or
 * elements): the tokenizer reads it. Same strings, same limits (tested against the tokenizer).
 */
export function plainSharedStrings(
  xml: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): SharedString[] | null {
  const first = xml.indexOf('<si');
  // No comment or CDATA can hide anywhere: every "<" is the prologue's, an entry's or </sst>.
  if (first < 0 || !PROLOGUE.test(xml.slice(0, first))) return null;
  const out: SharedString[] = [];
  let pos = first;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) return null;
    if (!xml.startsWith('<si><t', lt)) return EPILOGUE.test(xml.slice(lt)) ? out : null;
    const open = T_OPEN.find((t) => xml.startsWith(t, lt + 4));
    if (!open) return null;
    const start = lt + 4 + open.length;
    const end = xml.indexOf('<', start);
    if (end < 0 || !xml.startsWith('</t></si>', end)) return null;
    const text = tText(xml.slice(start, end));
    if (text.length > limits.maxCellTextChars)
      throw new ReadLimitExceeded(limitMessages.sharedString(out.length, text.length, limits));
    if (out.length >= limits.maxSharedStrings)
      throw new ReadLimitExceeded(limitMessages.sharedStrings(out.length + 1, limits));
    out.push(text);
    pos = end + '</t></si>'.length;
  }
}

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
