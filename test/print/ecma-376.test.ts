/**
 * Every kind of .xlsx and .docx we write validates against the ECMA-376 transitional schemas
 * (issue 12): `npm run demo`'s whole campaign (unit templates, appraisal, response and bonus/
 * deduction workbooks, the Sổ theo dõi, the ranking workbook, the three Word documents). One file of each folder is checked: files of one folder come from one
 * writer and differ only in data. A broken part must be reported, so the check itself is tested.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import JSZip from 'jszip';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { validatePackage } from '../helpers/ecma-376';
import { describeWithEngine, xmllint } from '../helpers/engines';

async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(root, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && /\.(xlsx|docx)$/.test(e.name)) out.push(join(e.parentPath, e.name));
  }
  return out.sort();
}

/** The first file of each (folder, extension): one per writer. */
function onePerWriter(files: string[]): string[] {
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = `${dirname(f)}|${f.slice(f.lastIndexOf('.'))}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

describeWithEngine(xmllint, 'ECMA-376 validation of what we write', () => {
  let root: string;
  let samples: string[];

  beforeAll(async () => {
    root = await fs.mkdtemp(join(tmpdir(), 'cchc-ecma-'));
    process.env.CCHC_LIBRARY = join(root, 'thu-vien');
    const io: CliIO = { stdout: () => undefined, stderr: () => undefined, isTTY: false, cwd: root };
    expect(await main(['demo', '--out', 'demo'], io)).toBe(0);
    samples = onePerWriter(await filesUnder(join(root, 'demo')));
  }, 300_000);

  afterAll(async () => {
    delete process.env.CCHC_LIBRARY;
    await fs.rm(root, { recursive: true, force: true });
  });

  it('the demo writes workbooks and Word documents of every kind', () => {
    expect(samples.filter((f) => f.endsWith('.docx')).length).toBeGreaterThanOrEqual(3);
    expect(samples.filter((f) => f.endsWith('.xlsx')).length).toBeGreaterThanOrEqual(8);
  });

  it('every sampled file validates, part by part', async () => {
    const failures: string[] = [];
    for (const file of samples) {
      const report = await validatePackage(await fs.readFile(file));
      expect(report.checked).toContain('[Content_Types].xml');
      expect(report.checked.some((p) => /^(xl\/worksheets\/|word\/document\.xml)/.test(p))).toBe(true);
      failures.push(...report.violations.map((v) => `${relative(root, file)}: ${v}`));
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('a part made invalid is reported with its name (the check can fail)', async () => {
    const file = samples.find((f) => f.endsWith('.xlsx'))!;
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const sheet = Object.keys(zip.files).find((p) => p.startsWith('xl/worksheets/sheet'))!;
    const xml = await zip.file(sheet)!.async('string');
    zip.file(sheet, xml.replace('<sheetData', '<khongHopLe/><sheetData'));
    const report = await validatePackage(await zip.generateAsync({ type: 'uint8array' }));
    expect(report.violations.join('\n')).toMatch(new RegExp(`${sheet.replace(/[.]/g, '\\.')}.*khongHopLe`));
  });
});
