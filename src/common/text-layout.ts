/**
 * How wide a text is in Times New Roman and how many lines it takes in a cell or a column, from
 * the font's real glyph advances (./font-metrics/times-new-roman.ts). Row heights of the sheets we
 * write come from here, so wrapped Vietnamese text neither overprints the next row nor is clipped.
 */
import { ADVANCE, ASCENT, CHARS, DESCENT, UNITS_PER_EM } from './font-metrics/times-new-roman';

export interface FontStyle {
  bold?: boolean;
  italic?: boolean;
}

type StyleKey = keyof typeof ADVANCE;

const INDEX = new Map<string, number>([...CHARS].map((c, i) => [c, i]));
/** Width of a character the table lacks: the widest lowercase letter ("m"), so we over- not under-estimate. */
const FALLBACK_INDEX = INDEX.get('m') as number;

function styleKey(style: FontStyle): StyleKey {
  if (style.bold) return style.italic ? 'boldItalic' : 'bold';
  return style.italic ? 'italic' : 'regular';
}

/** Advance of one character in em units (combining marks count zero: they sit on their base). */
function advanceEm(ch: string, key: StyleKey): number {
  const i = INDEX.get(ch);
  if (i !== undefined) return ADVANCE[key][i] / UNITS_PER_EM;
  if (/\p{M}/u.test(ch)) return 0;
  const base = ch.normalize('NFD')[0];
  const j = INDEX.get(base) ?? FALLBACK_INDEX;
  return ADVANCE[key][j] / UNITS_PER_EM;
}

/**
 * The table's index of each UTF-16 code below the table's last character (-1: not in the table),
 * looked up by charCodeAt: a string iterator and a Map lookup per character made measuring ~30 µs
 * of each unit's rows in the ranking workbook (CPU profile, 3,000 units).
 */
const CODE_INDEX = (() => {
  const codes = [...CHARS].map((c) => c.charCodeAt(0));
  const index = new Int16Array(Math.max(...codes) + 1).fill(-1);
  codes.forEach((code, i) => (index[code] = i));
  return index;
})();

/** Width in points of a single line of `text` at `sizePt`. */
export function textWidthPt(text: string, sizePt: number, style: FontStyle = {}): number {
  return normalizedWidthPt(text.normalize('NFC'), sizePt, styleKey(style));
}

/**
 * textWidthPt of a text already in NFC. The advances are summed in the same order and with the
 * same values as advanceEm gives them, so the width is the same to the last bit.
 */
function normalizedWidthPt(text: string, sizePt: number, key: StyleKey): number {
  const advance = ADVANCE[key];
  let em = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    const i = code < CODE_INDEX.length ? CODE_INDEX[code] : -1;
    if (i >= 0) {
      em += advance[i] / UNITS_PER_EM;
      continue;
    }
    const point = text.codePointAt(k) as number;
    if (point > 0xffff) k++;
    em += advanceEm(String.fromCodePoint(point), key);
  }
  return em * sizePt;
}

/**
 * Lines `text` takes when wrapped greedily at spaces into `widthPt` (as Excel, LibreOffice and Word
 * wrap), hard line breaks kept; a word longer than the line is broken between characters.
 */
export function wrappedLineCount(
  text: string,
  widthPt: number,
  sizePt: number,
  style: FontStyle = {},
): number {
  const key = styleKey(style);
  const space = normalizedWidthPt(' ', sizePt, key);
  let lines = 0;
  // Normalised once, not word by word: NFC never changes a space or a line end, nor composes
  // across one, so each word comes out as it would alone.
  for (const paragraph of text.normalize('NFC').split(/\r?\n/)) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      let w = normalizedWidthPt(word, sizePt, key);
      const needed = used === 0 ? w : used + space + w;
      if (needed <= widthPt) {
        used = needed;
        continue;
      }
      if (used > 0) {
        lines += 1;
        used = 0;
      }
      // A word wider than the line: it fills whole lines and leaves its remainder.
      while (w > widthPt && widthPt > 0) {
        lines += 1;
        w -= widthPt;
      }
      used = w;
    }
  }
  return lines;
}

/** Height of one line of text: the font's ascent + descent with the leading Excel adds (15.75 pt at 12 pt). */
export function lineHeightPt(sizePt: number): number {
  const em = (ASCENT + DESCENT) / UNITS_PER_EM;
  // Excel's default row for 12 pt Times New Roman is 15.75 pt = 1.18 × (ascent + descent); rounded
  // up to whole pixels (0.75 pt) as Excel does.
  return Math.ceil((sizePt * em * 1.18) / 0.75) * 0.75;
}

/**
 * Points available to text in a column `widthChars` wide. Excel and LibreOffice measure columns in
 * widths of the digit "0" of the workbook's default font; ours is Times New Roman 11 pt, whose digit
 * is 7 px = 5.25 pt in Excel (5.5 pt in LibreOffice, which does not round to pixels): the smaller
 * one is used so no line is counted short. Five pixels go to the cell's margins.
 */
export function columnTextWidthPt(widthChars: number): number {
  return Math.max(1, widthChars * 5.25 - 3.75);
}

/** A row height (points) fitting `lines` lines at `sizePt`, within Excel's 409 pt limit. */
export function rowHeightForLines(lines: number, sizePt: number): number {
  return Math.min(409, lines * lineHeightPt(sizePt) + 3);
}

/** The height a row needs for its wrapped cells: each cell's text, column width and font. */
export function fittedRowHeight(
  cells: { text: string; widthChars: number; sizePt: number; style?: FontStyle; indent?: number }[],
): number {
  let height = 0;
  for (const c of cells) {
    // An indent level is 3 digit widths in Excel.
    const width = columnTextWidthPt(c.widthChars - 3 * (c.indent ?? 0));
    const lines = wrappedLineCount(c.text, width, c.sizePt, c.style);
    height = Math.max(height, rowHeightForLines(lines, c.sizePt));
  }
  return height;
}

/**
 * The narrowest column width (characters, as Excel counts them) in which every one of `texts`
 * fits on one line at `sizePt`, never below `min`. Never exactly 9 (exceljs writes no width for 9).
 */
export function widthCharsFor(
  texts: readonly string[],
  sizePt: number,
  min: number,
  style: FontStyle = {},
): number {
  let widest = 0;
  for (const t of texts) widest = Math.max(widest, textWidthPt(t, sizePt, style));
  // The inverse of columnTextWidthPt, with half a character to spare, to the next half character.
  const chars = Math.max(min, Math.ceil(((widest + 3.75) / 5.25 + 0.5) * 2) / 2);
  return chars === 9 ? 9.5 : chars;
}
