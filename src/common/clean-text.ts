/**
 * Text we write that came from a file: one place decides which characters may pass.
 *
 * - XML 1.0 allows only #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
 *   exceljs strips C0 controls but lets U+FFFE, U+FFFF and lone surrogates through, and the part
 *   it writes is then not well-formed (Excel refuses the whole workbook). Every writer (xlsx via
 *   exceljs, docx, HTML) passes its text through `xmlSafe`.
 * - Terminals obey ESC/BEL/C1 sequences (`ESC[2J` clears the screen and can hide rejection lines)
 *   and bidi controls reorder what follows (U+202E makes "gpj.exe" look like "exe.jpg"): text shown
 *   to a person passes through `escapeControls`, which makes them visible as `\u202e`. That form is
 *   also a valid JSON escape, so a `--json` document stays the same document.
 */

/** A character XML 1.0 does not allow (a lone surrogate counts as one). */
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** What replaces a character XML cannot carry: visible, and itself allowed everywhere. */
export const REPLACEMENT = '\uFFFD';

/** `text` with every character XML 1.0 forbids replaced by U+FFFD. */
export function xmlSafe(text: string): string {
  XML_INVALID.lastIndex = 0;
  return XML_INVALID.test(text) ? text.replace(XML_INVALID, REPLACEMENT) : text;
}

/** The characters of `text` that XML 1.0 forbids, as "U+FFFE" labels, each once, in order. */
export function xmlInvalidCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(XML_INVALID)) found.add(codePointLabel(m[0]));
  return [...found];
}

export function codePointLabel(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Controls a terminal or a browser would act on instead of showing: C0 (but tab and line feed),
 * DEL, C1, the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the
 * invisible marks (U+200E, U+200F, U+061C), lone surrogates and the noncharacters (U+FDD0–U+FDEF,
 * U+FFFE/U+FFFF of every plane), which HTML parsers report as errors.
 */
const CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{efffe}\u{effff}\u{ffffe}\u{fffff}\u{10fffe}\u{10ffff}]/gu;

/** `\uXXXX` per UTF-16 unit: the JSON escape of the character. */
function escapeOne(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/** `text` with every control or bidi character shown as `\uXXXX` (line feed and tab kept). */
export function escapeControls(text: string): string {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text) ? text.replace(CONTROL, escapeOne) : text;
}

/**
 * For a chunk written to a terminal: like `escapeControls`, but a carriage return that begins the
 * chunk is kept (progress lines redraw themselves with it); one inside text is escaped, since it
 * would let a name overwrite the line it is on.
 */
export function terminalSafe(chunk: string): string {
  if (chunk.startsWith('\r')) return `\r${escapeControls(chunk.slice(1))}`;
  return escapeControls(chunk);
}
