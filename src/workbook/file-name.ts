/**
 * File names for per-unit files that every office machine can hold. Windows forbids
 * < > : " / \ | ? * and control characters, trailing dots and spaces, and device names with any
 * extension (CON, PRN, AUX, NUL, COM0–9, LPT0–9, the superscript COM¹–COM³ / LPT¹–LPT³, CONIN$,
 * CONOUT$); Linux file systems allow 255 BYTES per name, Windows 255 UTF-16 units. Vietnamese
 * letters are kept (NFC, so the same name never appears twice in two forms). Bidi and C1 controls
 * are replaced too: "‮xslx.exe" must not pass for something else in a folder listing.
 */

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
/** Bytes of one name component on ext4, btrfs, APFS (and UTF-16 units on NTFS, always fewer). */
export const MAX_NAME_BYTES = 255;
/**
 * Characters of the stem: short enough that "C:\Users\…\Documents\mau\" plus the name stays under
 * Windows' classic 260-character path limit.
 */
const MAX_STEM_CHARS = 120;
/** Room kept for the " (9999)" that makes a name unique. */
const UNIQUE_SUFFIX_BYTES = 7;

const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const encoder = new TextEncoder();
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** User-perceived characters: an emoji with its modifiers, a letter with its combining marks. */
function graphemes(text: string): string[] {
  const Segmenter = (Intl as unknown as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (Segmenter)
    return [...new Segmenter('vi', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
  return [...text];
}

/** The longest prefix of whole graphemes within `maxBytes` UTF-8 bytes and `maxChars` UTF-16 units. */
export function truncateGraphemes(text: string, maxBytes: number, maxChars = Infinity): string {
  if (utf8Bytes(text) <= maxBytes && text.length <= maxChars) return text;
  let out = '';
  let bytes = 0;
  for (const g of graphemes(text)) {
    const b = utf8Bytes(g);
    if (bytes + b > maxBytes || out.length + g.length > maxChars) break;
    out += g;
    bytes += b;
  }
  return out;
}

function isReserved(name: string): boolean {
  // Windows ignores the extension and trailing spaces/dots: "nul.txt", "COM1 .xlsx" are devices.
  const base = name.split('.')[0].replace(/[. ]+$/, '');
  return RESERVED.test(base);
}

/** A stem (no extension) that is a valid file name on Windows, macOS and Linux within `maxBytes`. */
export function safeFileStem(text: string, maxBytes = MAX_NAME_BYTES - UNIQUE_SUFFIX_BYTES - 5): string {
  let s = text.normalize('NFC').replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim();
  s = truncateGraphemes(s, maxBytes, MAX_STEM_CHARS).trim();
  s = s.replace(/[. ]+$/, '');
  if (!s) s = 'don-vi';
  if (isReserved(s)) s = `_${s}`;
  return s;
}

/** Whether `name` (with its extension) can be created as is on Windows and within 255 bytes. */
export function isPortableFileName(name: string): boolean {
  FORBIDDEN.lastIndex = 0;
  return (
    name.length > 0 &&
    utf8Bytes(name) <= MAX_NAME_BYTES &&
    !FORBIDDEN.test(name) &&
    !/[. ]$/.test(name) &&
    !isReserved(name) &&
    name === name.normalize('NFC')
  );
}

/** "STP - Sở Tư pháp.xlsx", made unique against `taken` (case-insensitive, as on Windows). */
export function unitFileName(
  unit: { code: string; name: string },
  taken: Set<string>,
  ext = '.xlsx',
): string {
  const stem = safeFileStem(
    unit.code ? `${unit.code} - ${unit.name}` : unit.name,
    MAX_NAME_BYTES - UNIQUE_SUFFIX_BYTES - utf8Bytes(ext),
  );
  let name = `${stem}${ext}`;
  for (let i = 2; taken.has(name.toLocaleLowerCase('vi')); i++) name = `${stem} (${i})${ext}`;
  taken.add(name.toLocaleLowerCase('vi'));
  return name;
}
