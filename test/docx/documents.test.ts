/**
 * The Word documents of a campaign (cchc campaign documents, run by the demo) printed by real
 * LibreOffice and read back with poppler-utils: A4, text ≥ 9 pt, nothing overprinted, page
 * numbers from page 2 on (Nghị định 30: none on page 1), the table header on every page a table
 * continues on, a bound on the page count; and the .docx XML carries Nghị định 30's elements
 * (Quốc hiệu, Tiêu ngữ, Times New Roman, A4 11906 × 16838 twips, margins 20/20/30/15 mm). Page 1 of
 * each PDF is kept as a PNG under test-artifacts/docx/ for a person to look at.
 */
import { mkdirSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { describeWithEngine, libreOffice } from '../helpers/engines';
import { convertManyWithLibreOffice } from '../helpers/libreoffice';
import { overlappingWords, readPdf, renderFirstPage, smallestTextPt, type PdfPage } from '../helpers/pdf';

jest.setTimeout(600_000);

const DOCS = {
  'bao-cao': ['bao-cao-tu-danh-gia', 'STP - Sở Tư pháp.docx'],
  'tham-dinh-1': ['ket-qua-tham-dinh-lan-1', 'STP - Sở Tư pháp.docx'],
  'tham-dinh-2': ['ket-qua-tham-dinh-lan-2', 'XTL - Xã Tân Lập.docx'],
  'phu-luc': ['phu-luc-xep-hang.docx'],
} as const;
type Name = keyof typeof DOCS;
const NAMES = Object.keys(DOCS) as Name[];

describeWithEngine(libreOffice, 'campaign documents (.docx → LibreOffice PDF → pdftotext)', () => {
  let root: string;
  const pdf = {} as Record<Name, PdfPage[]>;
  const xml = {} as Record<Name, string>;
  const artifacts = join(__dirname, '..', '..', 'test-artifacts', 'docx');

  beforeAll(async () => {
    root = await fs.mkdtemp(join(tmpdir(), 'cchc-docx-'));
    const io: CliIO = { stdout: () => undefined, stderr: () => undefined, isTTY: false, cwd: root };
    expect(await main(['demo', '--out', 'demo'], io)).toBe(0);
    const dir = join(root, 'demo', 'dot-2025', 'ket-qua', 'van-ban');
    const named = join(root, 'named');
    await fs.mkdir(named);
    const inputs = await Promise.all(
      NAMES.map(async (n) => {
        const p = join(named, `${n}.docx`);
        await fs.copyFile(join(dir, ...DOCS[n]), p);
        xml[n] = await (
          await JSZip.loadAsync(await fs.readFile(p))
        )
          .file('word/document.xml')!
          .async('string');
        return p;
      }),
    );
    const outs = await convertManyWithLibreOffice(inputs, 'pdf', join(root, 'pdf'));
    mkdirSync(artifacts, { recursive: true });
    NAMES.forEach((n, i) => {
      pdf[n] = readPdf(outs[i]);
      renderFirstPage(outs[i], join(artifacts, n));
    });
  });

  afterAll(async () => {
    if (root) await fs.rm(root, { recursive: true, force: true });
  });

  it('the demo wrote the three kinds for every unit with an accepted return, and the appendix', async () => {
    const dir = join(root, 'demo', 'dot-2025', 'ket-qua', 'van-ban');
    for (const sub of ['bao-cao-tu-danh-gia', 'ket-qua-tham-dinh-lan-1', 'ket-qua-tham-dinh-lan-2'])
      expect((await fs.readdir(join(dir, sub))).length).toBe(12);
  });

  it.each(NAMES)('%s: A4 portrait, text ≥ 9 pt, nothing overprinted, page numbers from page 2', (n) => {
    const pages = pdf[n];
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThanOrEqual(10);
    for (const p of pages) {
      expect(Math.abs(p.width - 595.3)).toBeLessThan(2);
      expect(Math.abs(p.height - 841.9)).toBeLessThan(2);
    }
    expect(smallestTextPt(pages)).toBeGreaterThanOrEqual(9);
    expect(overlappingWords(pages)).toEqual([]);
    pages.forEach((p, i) => {
      if (i === 0) return;
      // The page number is the topmost line, centred.
      const top = [...p.lines].sort((a, b) => a.words[0].yMin - b.words[0].yMin)[0];
      expect(top.text).toBe(String(i + 1));
    });
    expect(pages[0].text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pages[0].text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(pages[0].text).toMatch(/ngày \d\d tháng (0[12]|[3-9]|1[0-2]) năm \d{4}/);
  });

  it.each(NAMES)('%s: the .docx carries Nghị định 30 elements (fonts, A4, margins)', (n) => {
    const x = xml[n];
    expect(x).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(x).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(x).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // 20 mm top and bottom, 30 mm left, 15 mm right (twips).
    expect(x).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    const fonts = new Set([...x.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    // Quốc hiệu 13 pt bold, Tiêu ngữ 14 pt bold underlined.
    expect(x).toMatch(/<w:b\/>[^]*?<w:sz w:val="26"\/>[^]*?CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(x).toMatch(
      /<w:b\/>[^]*?<w:sz w:val="28"\/>[^]*?<w:u w:val="single"\/>[^]*?Độc lập - Tự do - Hạnh phúc/,
    );
    // Every table's header row repeats on each page.
    expect((x.match(/<w:tblHeader\/>/g) ?? []).length).toBeGreaterThanOrEqual(1);
  });

  it('the report: summary table, items without evidence, difficulties and recommendations from the workbook', () => {
    const text = pdf['bao-cao'].map((p) => p.text).join(' ');
    expect(text).toContain('Điểm tự đánh giá');
    expect(text).toContain('2. Các tiêu chí không có hoặc chưa đủ tài liệu kiểm chứng');
    expect(text).toContain('3. Khó khăn, vướng mắc');
    expect(text).toContain('chưa có công chức chuyên trách');
    expect(text).toContain('4. Kiến nghị, đề xuất');
    expect(text).toContain('tổ chức tập huấn');
    expect(text).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    // The summary table runs over pages: its header titles are on every page it continues on.
    const pages = pdf['bao-cao'];
    const end = pages.findIndex((p) => p.text.includes('TỔNG CỘNG'));
    const tablePages = pages.slice(0, end + 1).filter((p) => /\b\d+\.\d+\.\d+\b/.test(p.text));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const p of tablePages) expect(p.text).toContain('Lĩnh vực, tiêu chí, tiêu chí thành phần');
    expect(text).toContain('Nơi nhận:');
  });

  it('the appraisal result: self against appraised, the giải trình deadline, where points were lost', () => {
    const r1 = pdf['tham-dinh-1'].map((p) => p.text).join(' ');
    expect(r1).toContain('Tự đánh giá');
    expect(r1).toContain('Thẩm định');
    expect(r1).toContain('Tài liệu kiểm chứng chưa chứng minh được mức điểm tự chấm.');
    expect(r1).toContain('hết ngày 09/01/2026');
    const r2 = pdf['tham-dinh-2'].map((p) => p.text).join(' ');
    expect(r2).toContain('Tiêu chí mất nhiều điểm nhất');
    expect(r2).toContain('TM. HỘI ĐỒNG THẨM ĐỊNH');
  });

  it('the appendix: one table per group in the style of seed 002, the header on every page', () => {
    const pages = pdf['phu-luc'];
    const text = pages.map((p) => p.text).join(' ');
    for (const t of ['XẾP HẠNG CHỈ SỐ CCHC NĂM 2025 SỞ, BAN, NGÀNH', 'Điểm thẩm định', 'Điểm điều tra XHH'])
      expect(text).toContain(t);
    for (const p of pages) expect(p.text).toContain('Điểm điều tra XHH');
    // STT centred under its header (seed 002): every number of the column shares the header's centre.
    const centre = (w: { xMin: number; xMax: number }) => (w.xMin + w.xMax) / 2;
    for (const p of pages) {
      const stt = p.words.filter((w) => w.text === 'STT');
      expect(stt.length).toBeGreaterThan(0);
      const numbers = p.words.filter((w) => /^\d+$/.test(w.text) && w.xMax < stt[0].xMax + 20);
      expect(numbers.length).toBeGreaterThanOrEqual(3);
      for (const n of numbers) expect(Math.abs(centre(n) - centre(stt[0]))).toBeLessThan(1.5);
    }
    // The illustrative framework names no province: the place is dotted to be written in.
    expect(pages[0].text).toMatch(/(^| )……, ngày \d\d tháng/);
    expect(pages[0].text).not.toMatch(/minh họa\)?, ngày/);
    // 14 units in three groups, 12 assessed: a page or two.
    expect(pages.length).toBeLessThanOrEqual(2);
  });

  it('each tested document has its page-1 picture', async () => {
    for (const n of NAMES) expect((await fs.stat(join(artifacts, `${n}.png`))).size).toBeGreaterThan(1000);
  });
});
