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

/** Width in points of a single line of `text` at `sizePt`. */
export function textWidthPt(text: string, sizePt: number, style: FontStyle = {}): number {
  const key = styleKey(style);
  let em = 0;
  for (const ch of text.normalize('NFC')) em += advanceEm(ch, key);
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
  const space = textWidthPt(' ', sizePt, style);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      let w = textWidthPt(word, sizePt, style);
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
