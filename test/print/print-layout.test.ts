/**
 * Every workbook we write, printed by real LibreOffice to PDF and read back with poppler-utils:
 * A4, the smallest text ≥ 9 pt as printed, the header titles of a table on every page, page
 * numbers "Trang x / y", no two words printed over each other, and a bound on the page count.
 * The demo's own outputs are used (the same files a new user prints). Page 1 of each PDF is kept
 * as a PNG under test-artifacts/print/ for a person to look at.
 */
import { mkdirSync, promises as fs, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { describeWithEngine, libreOffice } from '../helpers/engines';
import { convertManyWithLibreOffice } from '../helpers/libreoffice';
import { overlappingWords, readPdf, renderFirstPage, smallestWords, type PdfPage } from '../helpers/pdf';

jest.setTimeout(600_000);

const A4 = { w: 595.3, h: 841.9 };
const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'print');

function isA4(p: PdfPage): boolean {
  const [a, b] = [Math.min(p.width, p.height), Math.max(p.width, p.height)];
  return Math.abs(a - A4.w) < 2 && Math.abs(b - A4.h) < 2;
}

/** Pages whose text starts with a table header row of these titles (as the words of lines). */
function pagesShowing(pages: PdfPage[], titles: string[]): number {
  return pages.filter((p) => titles.every((t) => p.text.includes(t))).length;
}

/**
 * Each workbook copied under its short name, printed by LibreOffice in one run, read back; page 1
 * kept as a PNG under test-artifacts/print/ for a person to look at.
 */
async function printAll(inputs: Record<string, string>, root: string): Promise<Record<string, PdfPage[]>> {
  const dir = join(root, 'named');
  await fs.mkdir(dir);
  const named = await Promise.all(
    Object.entries(inputs).map(async ([name, path]) => {
      const p = join(dir, `${name}.xlsx`);
      await fs.copyFile(path, p);
      return p;
    }),
  );
  const outs = await convertManyWithLibreOffice(named, 'pdf', join(root, 'pdf'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const pdf: Record<string, PdfPage[]> = {};
  Object.keys(inputs).forEach((name, i) => {
    pdf[name] = readPdf(outs[i]);
    renderFirstPage(outs[i], join(ARTIFACTS, name));
  });
  return pdf;
}

describeWithEngine(libreOffice, 'print layouts (LibreOffice → PDF → pdftotext)', () => {
  let root: string;
  const pdf: Record<string, PdfPage[]> = {};

  beforeAll(async () => {
    root = await fs.mkdtemp(join(tmpdir(), 'cchc-print-'));
    const io: CliIO = { stdout: () => undefined, stderr: () => undefined, isTTY: false, cwd: root };
    expect(await main(['demo', '--an-giang', '--out', 'demo'], io)).toBe(0);
    await fs.writeFile(
      join(root, 'rank.csv'),
      'unit,group,appraisal,survey\nSở Giao thông Vận tải,so,"68,5","26,39"\nSở Tư pháp,so,66,"25,1"\n' +
        'Thành phố Châu Đốc,huyen,"66,5","25,56"\nHuyện An Phú,huyen,60,24\n',
    );
    expect(
      await main(['rank', 'rank.csv', '--framework', 'an-giang-2021', '-o', 'xep-hang-rank.xlsx'], io),
    ).toBe(0);
    const inputs = {
      'mau-trong': join(root, 'demo', 'mau-trong', 'SGTVT - Sở Giao thông Vận tải.xlsx'),
      // The same template filled in by a second writer (exceljs), as the demo's units return it.
      'da-dien': join(root, 'demo', 'nop', 'SGTVT - Sở Giao thông Vận tải.xlsx'),
      'xep-hang': join(root, 'demo', 'xep-hang.xlsx'),
      'xep-hang-rank': join(root, 'xep-hang-rank.xlsx'),
    };
    Object.assign(pdf, await printAll(inputs, root));
  });

  afterAll(async () => {
    if (root) await fs.rm(root, { recursive: true, force: true });
  });

  /** Words printed under 9 pt (the size measured from the PDF, with the box of its fonts). */
  const under9 = (pages: PdfPage[]) => smallestWords(pages, Infinity).filter((w) => w.pt < 9);

  it.each(['mau-trong', 'da-dien', 'xep-hang', 'xep-hang-rank'])(
    '%s: A4, text ≥ 9 pt, page numbers, nothing overprinted',
    (name) => {
      const pages = pdf[name];
      expect(pages.every(isA4)).toBe(true);
      expect(under9(pages)).toEqual([]);
      pages.forEach((p, i) => expect(p.text).toContain(`Trang ${i + 1} / ${pages.length}`));
      expect(overlappingWords(pages)).toEqual([]);
    },
  );

  it.each(['mau-trong', 'da-dien'])(
    '%s: Chấm điểm prints its nine columns in a few legible pages with its header on every page',
    (name) => {
      const pages = pdf[name];
      expect(pages.length).toBeLessThanOrEqual(10);
      const header = [
        'Mã',
        'Nội dung',
        'Điểm tối đa',
        'Cách chấm',
        'Điểm tự đánh giá',
        'Tài liệu kiểm chứng',
        'Giải trình',
        'Điểm thẩm định',
        'Ý kiến thẩm định',
      ];
      const scorePages = pages.filter((p) => p.text.includes('Cách chấm') || /\d+\.\d+\.\d+/.test(p.text));
      expect(scorePages.length).toBeGreaterThanOrEqual(5);
      expect(pagesShowing(scorePages, header)).toBe(scorePages.length);
      // Only the print area: the working columns right of it (lần 2, điều tra, Kiểm tra) stay on
      // screen. Printing all of them is what shrank the filled sheet to 5 pt.
      for (const p of scorePages) expect(p.text).not.toMatch(/Điểm thẩm định lần 2|Ý kiến thẩm định lần 2/);
      // The cells' 12 pt and the footer both print at 9.5 pt (fitted to A4 landscape, ~79 %).
      for (const p of scorePages) expect(Math.min(...p.words.map((w) => w.pt))).toBeGreaterThanOrEqual(9.4);
      expect(pages[0].text).not.toMatch(/Quyết định số Đề án|chưa có trong tài liệu|\d{4}-\d{2}-\d{2}T/);
    },
  );

  it('the ranking workbook: the ranking in one page per group, every table page with its header titles', () => {
    const pages = pdf['xep-hang'];
    const ranking = pages.filter(
      (p) => p.text.includes('Lĩnh vực') && p.text.includes('Chỉ số (%)') && p.text.includes('Xếp loại'),
    );
    expect(ranking.length).toBeLessThanOrEqual(3);
    // Chi tiết: units × leaves, the leaf columns running on across pages, each page with the
    // title, the header row and every unit's code and name (print titles), never bare numbers.
    const detail = pages.filter((p) => p.text.includes('Điểm tính theo tiêu chí'));
    expect(detail.length).toBeGreaterThanOrEqual(2);
    expect(pagesShowing(detail, ['Mã đơn vị', 'Đơn vị', 'Tối đa', 'Sở Nội vụ', 'SNV', 'Châu Đốc'])).toBe(
      detail.length,
    );
    const leafCodes = new Set(
      detail.flatMap((p) => p.words.map((w) => w.text).filter((t) => /^\d+\.\d+(\.\d+)?$/.test(t))),
    );
    for (const code of ['1.1.1', '5.1.1', '9.5']) expect(leafCodes).toContain(code);
    // Group and status names, never their codes.
    const files = pages.filter((p) => p.text.includes('Lý do / ghi chú'));
    expect(files.length).toBeGreaterThan(0);
    for (const p of files) expect(p.words.map((w) => w.text)).not.toContain('accepted');
    expect(pages.map((p) => p.text).join(' ')).toContain('Sở, ban, ngành');
    // 29 units × 51 leaves: 2 pages of ranking, 3 of detail, 4 of Điểm còn thiếu, 2–3 of files
    // (their paths wrap by where the demo runs), 1 of chart data, 1 of notes (it printed 109, then 67).
    expect(pages.length).toBeLessThanOrEqual(14);
    const lost = pages.filter((p) => p.text.includes('tiêu chí mất nhiều điểm nhất'));
    expect(lost.length).toBeGreaterThanOrEqual(1);
    expect(pagesShowing(lost, ['Mã', 'Đơn vị', 'Điểm còn thiếu', 'Lĩnh vực dưới trung bình (TB) nhóm'])).toBe(
      lost.length,
    );
  });

  it('cchc rank -o prints its 6 columns on one page width with the title whole', () => {
    const pages = pdf['xep-hang-rank'];
    expect(pages.length).toBeLessThanOrEqual(2);
    expect(pages[0].text).toContain('Điểm thẩm định');
    expect(pages[0].text).toContain('Chỉ số');
    expect(readFileSync(join(ARTIFACTS, 'xep-hang-rank.png')).length).toBeGreaterThan(1000);
  });
});

describeWithEngine(libreOffice, 'campaign workbooks in print (LibreOffice → PDF → pdftotext)', () => {
  let root: string;
  const pdf: Record<string, PdfPage[]> = {};

  beforeAll(async () => {
    root = await fs.mkdtemp(join(tmpdir(), 'cchc-print-campaign-'));
    const io: CliIO = { stdout: () => undefined, stderr: () => undefined, isTTY: false, cwd: root };
    expect(await main(['demo', '--out', 'demo'], io)).toBe(0);
    const campaign = join(root, 'demo', 'dot-2025');
    const first = async (dir: string) =>
      join(campaign, dir, (await fs.readdir(join(campaign, dir))).sort()[0]);
    // The minh-hoa framework's long title wraps in Hướng dẫn: the row must grow with it.
    const inputs = {
      'so-theo-doi': join(campaign, 'so-theo-doi.xlsx'),
      'tu-cham': await first('phat-hanh/tu-cham'),
      'tham-dinh-1': await first('phat-hanh/tham-dinh-1'),
      'giai-trinh': await first('phat-hanh/giai-trinh'),
      'cong-tru': await first('phat-hanh/cong-tru'),
    };
    Object.assign(pdf, await printAll(inputs, root));
  });

  afterAll(async () => {
    if (root) await fs.rm(root, { recursive: true, force: true });
  });

  it.each(['so-theo-doi', 'tu-cham', 'tham-dinh-1', 'giai-trinh', 'cong-tru'])(
    '%s: A4, text ≥ 9 pt, page numbers, nothing overprinted',
    (name) => {
      const pages = pdf[name];
      expect(pages.every(isA4)).toBe(true);
      expect(smallestWords(pages, Infinity).filter((w) => w.pt < 9)).toEqual([]);
      pages.forEach((p, i) => expect(p.text).toContain(`Trang ${i + 1} / ${pages.length}`));
      expect(overlappingWords(pages)).toEqual([]);
    },
  );

  it('Sổ theo dõi: every page with its header row, times in Vietnam, group names in words, no hashes', () => {
    const pages = pdf['so-theo-doi'];
    // 12 units, 60-odd receipts, 40-odd changes, 50-odd issued files, deadlines: 26 pages before.
    expect(pages.length).toBeLessThanOrEqual(14);
    const receipts = pages.filter((p) => p.text.includes('Nhận lúc'));
    expect(receipts.length).toBeGreaterThanOrEqual(2);
    expect(pagesShowing(receipts, ['Số', 'Tệp', 'Nhận lúc', 'Giai đoạn', 'Trạng thái', 'Lý do'])).toBe(
      receipts.length,
    );
    const text = pages.map((p) => p.text).join(' ');
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4}, \d{2} giờ \d{2}/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(text).toContain('Sở, ban, ngành');
    expect(pages[0].words.map((w) => w.text)).not.toContain('so');
    // The SHA-256 columns stay in the file, after the print area.
    expect(text).not.toMatch(/\b[0-9a-f]{64}\b/);
  });
});
