/**
 * What a printed page really looks like, read from a PDF with poppler-utils (Debian package
 * poppler-utils): `pdftotext -bbox-layout` gives every word's box, `pdffonts` the fonts. Used to
 * check print layouts: page count, the smallest text, header titles on every page, page numbers,
 * and that no two words overlap (overprinted wrapped lines, clipped headers).
 */
import { execFileSync } from 'node:child_process';
import type { Engine } from './engines';

export const poppler: Engine = {
  name: 'poppler-utils (pdftotext)',
  path: (() => {
    try {
      return execFileSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' }).trim() || null;
    } catch {
      return null;
    }
  })(),
  aptPackage: 'poppler-utils',
};

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfLine {
  text: string;
  words: PdfWord[];
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
  lines: PdfLine[];
  /** All words of the page joined by spaces, in reading order. */
  text: string;
}

/**
 * A word box is (ascent + descent) × font size high. Times New Roman / Liberation Serif:
 * (1825 + 443) / 2048 = 1.107 em; DejaVu Sans 1.164 em. The smaller factor is used, so a size
 * computed from a height is never overstated.
 */
export const BOX_HEIGHT_PER_POINT = 1.107;

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const num = (attrs: string, name: string): number =>
  Number(new RegExp(`${name}="([\\d.]+)"`).exec(attrs)?.[1]);

export function readPdf(path: string): PdfPage[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', path, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const pages: PdfPage[] = [];
  for (const pm of xml.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    const lines: PdfLine[] = [];
    for (const lm of pm[2].matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)) {
      const words: PdfWord[] = [];
      for (const wm of lm[1].matchAll(/<word ([^>]*)>([\s\S]*?)<\/word>/g)) {
        words.push({
          text: unescapeXml(wm[2]),
          xMin: num(wm[1], 'xMin'),
          yMin: num(wm[1], 'yMin'),
          xMax: num(wm[1], 'xMax'),
          yMax: num(wm[1], 'yMax'),
        });
      }
      lines.push({ text: words.map((w) => w.text).join(' '), words });
    }
    const words = lines.flatMap((l) => l.words);
    pages.push({
      width: num(pm[1], 'width'),
      height: num(pm[1], 'height'),
      words,
      lines,
      text: lines.map((l) => l.text).join(' '),
    });
  }
  return pages;
}

/**
 * What poppler really reports for Liberation Serif (LibreOffice's Times New Roman): a word box
 * 1.299 em high (the font's bounding box), measured on a sheet printed at 100 %: a 10 pt cell's
 * words are 13.0 pt high ("0.50" is 17.5 pt wide, exactly 10 pt Times), 12 pt bold 15.6 pt.
 * BOX_HEIGHT_PER_POINT (1.107) overstates the size of such text by 17 %.
 */
export const LIBERATION_SERIF_BOX_PER_POINT = 1.299;

/** The smallest font size on the pages, in points, from the word boxes. */
export function smallestTextPt(pages: PdfPage[], boxPerPoint = BOX_HEIGHT_PER_POINT): number {
  let min = Infinity;
  for (const p of pages) for (const w of p.words) min = Math.min(min, (w.yMax - w.yMin) / boxPerPoint);
  return min;
}

/**
 * Pairs of words printed over each other on a page. Word boxes are (ascent + descent) high while
 * LibreOffice sets consecutive wrapped lines ~15 % closer than that, so boxes of neighbouring lines
 * always overlap a little: words overprint when their boxes share more than `share` of the smaller
 * box's height (and more than `tolerance` points across).
 */
export function overlappingWords(
  pages: PdfPage[],
  share = 0.3,
  tolerance = 0.6,
): Array<{ page: number; a: string; b: string }> {
  const out: Array<{ page: number; a: string; b: string }> = [];
  pages.forEach((p, i) => {
    const words = [...p.words].sort((a, b) => a.xMin - b.xMin);
    for (let x = 0; x < words.length; x++) {
      const a = words[x];
      for (let y = x + 1; y < words.length; y++) {
        const b = words[y];
        if (b.xMin >= a.xMax - tolerance) break;
        const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        const h = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
        if (dx > tolerance && dy > share * h) out.push({ page: i + 1, a: a.text, b: b.text });
      }
    }
  });
  return out;
}

/** Fonts the PDF uses (pdffonts' name column, subset prefix removed). */
export function pdfFonts(path: string): string[] {
  const out = execFileSync('pdffonts', [path], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .map((l) => l.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, ''))
    .filter((n): n is string => Boolean(n));
}

/** Page 1 as a PNG (pdftoppm), for a person to look at. Returns the PNG path. */
export function renderFirstPage(pdfPath: string, outPrefix: string, dpi = 60): string {
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdfPath,
    outPrefix,
  ]);
  return `${outPrefix}.png`;
}
