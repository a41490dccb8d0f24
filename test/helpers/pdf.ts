/**
 * What a printed page really looks like, read from a PDF with poppler-utils (Debian package
 * poppler-utils): `pdftotext -bbox-layout` gives every word's box, `pdffonts` the fonts. Used to
 * check print layouts: page count, the smallest text, header titles on every page, page numbers,
 * and that no two words overlap (overprinted wrapped lines, clipped headers).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
  /** Font size as printed, in points: the box height over the document's box factor. */
  pt: number;
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
  /** Word box height per point of font size in this document (see `boxPerPoint`). */
  boxPerPoint: number;
}

/**
 * What poppler makes of a font descriptor's metrics (GfxFont::readFontDescriptor): a word box runs
 * from ascent to descent × font size, taken from the descriptor's /Ascent and /Descent, except that
 * a 0 (or absurd) value is ignored for poppler's defaults 0.95 and −0.35. LibreOffice writes
 * "/Ascent 0 /Descent 0" for every font it embeds (Liberation Serif for Times New Roman, DejaVu Sans
 * in sheet footers, Liberation Sans), so each of them gets a box of 1.3 em; measured on 20 pt text
 * of the three: 26.0 pt boxes (test/print/pdf-measure.test.ts). The metrics of the fonts
 * themselves (Times 1.107 em from ascender + descender, DejaVu Sans 1.164) do not apply.
 */
const POPPLER_DEFAULT = { ascent: 0.95, descent: -0.35 };

/** A font of the PDF and the box height poppler gives its words per point of size. */
export interface PdfFontBox {
  name: string;
  boxPerPoint: number;
}

/** Every embedded font's descriptor, read from the file (LibreOffice writes no object streams). */
export function fontBoxes(path: string): PdfFontBox[] {
  const pdf = readFileSync(path).toString('latin1');
  if (/\/Type\s*\/ObjStm/.test(pdf))
    throw new Error(`${path}: font descriptors in object streams cannot be read by this helper`);
  const out: PdfFontBox[] = [];
  for (const m of pdf.matchAll(/\/Type\s*\/FontDescriptor([\s\S]*?)>>/g)) {
    const dict = m[1];
    const name = /\/FontName\s*\/([^\s/[<>]+)/.exec(dict)?.[1]?.replace(/^[A-Z]{6}\+/, '') ?? '?';
    const metric = (key: string): number | undefined => {
      const v = new RegExp(`/${key}\\s+(-?[\\d.]+)`).exec(dict)?.[1];
      return v === undefined ? undefined : Number(v) / 1000;
    };
    const a = Math.abs(metric('Ascent') ?? 0);
    const d = -Math.abs(metric('Descent') ?? 0);
    const ascent = a !== 0 && a < 3 ? a : POPPLER_DEFAULT.ascent;
    const descent = d !== 0 && d > -3 ? d : POPPLER_DEFAULT.descent;
    out.push({ name, boxPerPoint: ascent - descent });
  }
  return out;
}

/**
 * The box factor of a document's words. pdftotext does not say which font a word is in, so when
 * the fonts' factors differ the largest is taken: a size computed from a height is then never
 * overstated. (For LibreOffice's PDFs all factors are 1.3, so the sizes are exact.)
 */
export function boxPerPoint(path: string): number {
  const boxes = fontBoxes(path);
  const names = pdfFonts(path);
  if (boxes.length < names.length)
    throw new Error(`${path}: ${names.length} fonts but ${boxes.length} font descriptors found`);
  if (!boxes.length) throw new Error(`${path}: no font descriptor found`);
  return Math.max(...boxes.map((b) => b.boxPerPoint));
}

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
  const factor = boxPerPoint(path);
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
          pt: (num(wm[1], 'yMax') - num(wm[1], 'yMin')) / factor,
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
      boxPerPoint: factor,
    });
  }
  return pages;
}

/** The smallest font size on the pages, in points, as printed. */
export function smallestTextPt(pages: PdfPage[]): number {
  let min = Infinity;
  for (const p of pages) for (const w of p.words) min = Math.min(min, w.pt);
  return min;
}

/** The smallest words on the pages (for a failure message that says which text is too small). */
export function smallestWords(pages: PdfPage[], n = 5): Array<{ page: number; text: string; pt: number }> {
  return pages
    .flatMap((p, i) => p.words.map((w) => ({ page: i + 1, text: w.text, pt: Math.round(w.pt * 100) / 100 })))
    .sort((a, b) => a.pt - b.pt)
    .slice(0, n);
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
