/**
 * The PDF helper's font sizes are right: text of known sizes in the fonts our documents print in
 * (Times New Roman → Liberation Serif, DejaVu Sans where a sheet footer has no font, Liberation
 * Sans), printed by real LibreOffice and measured back from pdftotext's word boxes.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithEngine, libreOffice } from '../helpers/engines';
import { convertManyWithLibreOffice } from '../helpers/libreoffice';
import { fontBoxes, pdfFonts, readPdf } from '../helpers/pdf';

jest.setTimeout(300_000);

const SAMPLES = [
  { font: 'Times New Roman', pdfFont: 'LiberationSerif', pt: 9, word: 'TimesNine' },
  { font: 'Times New Roman', pdfFont: 'LiberationSerif', pt: 13, word: 'TimesThirteen' },
  { font: 'DejaVu Sans', pdfFont: 'DejaVuSans', pt: 9.5, word: 'DejaVuNineHalf' },
  { font: 'Liberation Sans', pdfFont: 'LiberationSans', pt: 11, word: 'SansEleven' },
];

describeWithEngine(libreOffice, 'measuring printed text sizes (LibreOffice → PDF → pdftotext)', () => {
  let root: string;
  let pdfPath: string;

  beforeAll(async () => {
    root = await fs.mkdtemp(join(tmpdir(), 'cchc-pdf-measure-'));
    const html = join(root, 'sizes.html');
    await fs.writeFile(
      html,
      // Writer's HTML import drops the first paragraph of a body: a heading is given to it.
      `<html><body><h1>Cỡ chữ</h1>${SAMPLES.map(
        (s) => `<p style="font-family:'${s.font}';font-size:${s.pt}pt">${s.word} Đơn vị</p>`,
      ).join('')}</body></html>`,
    );
    [pdfPath] = await convertManyWithLibreOffice([html], 'pdf:writer_pdf_Export', join(root, 'pdf'));
  });

  afterAll(async () => {
    if (root) await fs.rm(root, { recursive: true, force: true });
  });

  it('prints in the fonts the samples name', () => {
    const fonts = pdfFonts(pdfPath);
    for (const s of SAMPLES) expect(fonts).toContain(s.pdfFont);
    // LibreOffice leaves the descriptors' ascent and descent at 0: poppler's 0.95 + 0.35 em apply.
    for (const b of fontBoxes(pdfPath)) expect(b.boxPerPoint).toBeCloseTo(1.3, 6);
  });

  it.each(SAMPLES)('$word: $pt pt measured as $pt pt', ({ word, pt }) => {
    const words = readPdf(pdfPath).flatMap((p) => p.words);
    const w = words.find((x) => x.text === word);
    expect(w).toBeDefined();
    expect(w!.pt).toBeCloseTo(pt, 1);
  });
});
