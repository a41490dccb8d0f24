import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../src/common/csv';
import { main } from '../../src/cli/main';
import { describeWithEngine, libreOffice } from '../helpers/engines';
import { convertWithLibreOffice } from '../helpers/libreoffice';
import { buildFixtureFolder, hashFolder, type FixtureFolder } from '../consolidation/fixture-folder';
import { capture } from '../helpers/cli';
import { printNameProblems } from '../helpers/print-names';

let root: string;
let fixture: FixtureFolder;

beforeAll(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'cchc-cli-consolidate-'));
  fixture = await buildFixtureFolder(root);
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('cchc consolidate', () => {
  let json: {
    units: Array<Record<string, unknown>>;
    files: Array<{
      file: string;
      status: string;
      unit: string | null;
      errors: Array<{ code: string; cell: string | null; rule: string; message: string }>;
    }>;
  };
  let code: number;
  let before: Record<string, string>;

  beforeAll(async () => {
    before = await hashFolder(fixture.dir);
    const io = capture(root, true);
    code = await main(
      [
        'consolidate',
        'nop',
        '--survey',
        'dieu-tra-xhh.csv',
        '--framework',
        'test-small.json',
        '-o',
        'xep-hang.xlsx',
        '--report',
        'bao-cao.html',
        // H02 has no survey row: counted as 0 by choice, as the fixture's expected indices assume
        // (without the flag its file is rejected: test/cli/survey-no-silent-zero.test.ts).
        '--allow-missing-survey',
        '--json',
      ],
      io,
    );
    json = JSON.parse(io.out);
    // --json: no progress and nothing but JSON on stdout.
    expect(io.err).not.toMatch(/Đã đọc/);
  });

  it('exits 0 and prints the JSON of DESIGN.md', () => {
    expect(code).toBe(0);
    expect(Object.keys(json.units[0]).slice(0, 12)).toEqual([
      'unit',
      'code',
      'group',
      'self',
      'appraisal',
      'survey',
      'total',
      'max',
      'index',
      'rank',
      'band',
      'ranked',
    ]);
    expect(json.units.find((u) => u.code === 'S01')).toMatchObject({
      unit: 'Sở Giao thông Vận tải',
      group: 'so',
      index: 90.52,
      rank: 1,
      ranked: true,
    });
    expect(json.units.find((u) => u.code === 'S99')).toMatchObject({ rank: null, ranked: false });
    for (const f of json.files) {
      expect(Object.keys(f).slice(0, 4)).toEqual(['file', 'status', 'unit', 'errors']);
      expect(['accepted', 'rejected', 'duplicate', 'unreadable']).toContain(f.status);
      for (const e of f.errors) expect(Object.keys(e)).toEqual(['code', 'cell', 'rule', 'message']);
    }
    const status = Object.fromEntries(json.files.map((f) => [f.file.replace(/^nop\//, ''), f.status]));
    for (const expected of fixture.files)
      expect([expected.name, status[expected.name]]).toEqual([expected.name, expected.status]);
  });

  it('never writes to the input files and leaves no temporary file behind', async () => {
    expect(await hashFolder(fixture.dir)).toEqual(before);
    const names = await fs.readdir(root);
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['xep-hang.xlsx', 'bao-cao.html']));
  });

  it('writes the ranking workbook with its five sheets, numbers as numbers and formula-like names as text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(root, 'xep-hang.xlsx'));
    // Excel fidelity (streaming writer): fully absolute print areas, no filter without its name.
    expect(printNameProblems(await fs.readFile(join(root, 'xep-hang.xlsx')))).toEqual([]);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Xếp hạng',
      'Chi tiết',
      'Điểm còn thiếu',
      'Hồ sơ',
      'Biểu đồ',
      'Ghi chú',
    ]);
    const ranking = wb.getWorksheet('Xếp hạng') as ExcelJS.Worksheet;
    let s01Row: ExcelJS.Row | undefined;
    ranking.eachRow((row) => {
      if (row.getCell(2).value === 'S01') s01Row = row;
    });
    expect(s01Row).toBeDefined();
    const values = (s01Row as ExcelJS.Row).values as unknown[];
    expect(values.slice(1, 4)).toEqual([1, 'S01', 'Sở Giao thông Vận tải']);
    expect(values).toContain(90.52);
    const formulaName = wb
      .getWorksheet('Biểu đồ')
      ?.getColumn(3)
      .values.find((v) => typeof v === 'string' && v.startsWith('='));
    expect(formulaName).toBe('=Sở Nội vụ');
    const files = wb.getWorksheet('Hồ sơ') as ExcelJS.Worksheet;
    const s01File = files.getColumn(1).values.indexOf('nop/S01-gtvt.xlsx');
    expect(files.getRow(s01File).getCell(8).value).toMatch(/^[0-9a-f]{64}$/);
    expect(files.getRow(s01File).getCell(10).value).toBe('2026-11-22T08:00:00.000Z');
  });

  it('prints the ranking table and every file status in text mode, with progress on a terminal', async () => {
    const io = capture(root, true);
    const c = await main(
      [
        'consolidate',
        'nop',
        '--survey',
        'dieu-tra-xhh.csv',
        '--framework',
        'test-small.json',
        '-o',
        'xep-hang-2.xlsx',
      ],
      io,
    );
    expect(c).toBe(0);
    expect(io.out).toMatch(/SỞ, BAN, NGÀNH/);
    expect(io.out).toMatch(/90,52/);
    expect(io.out).toMatch(/\[Trùng đơn vị\] nop\/H03-chau-thanh-a\.xlsx/);
    expect(io.out).toMatch(/\[Không đọc được\] nop\/password\.xlsx/);
    expect(io.err).toMatch(/Đã đọc \d+\/\d+ tệp/);
    const quiet = capture(root, false);
    await main(['consolidate', 'nop', '--framework', 'test-small.json', '-o', 'xep-hang-3.xlsx'], quiet);
    expect(quiet.err).not.toMatch(/Đã đọc/);
  });

  it('shows the change against a previous ranking of ours, matched by code then name', async () => {
    const io = capture(root);
    const c = await main(
      [
        'consolidate',
        'nop',
        '--previous',
        'xep-hang.xlsx',
        '--framework',
        'test-small.json',
        '-o',
        'xep-hang-4.xlsx',
        '--json',
        // This run is the one without the survey, on purpose: the change is then unmistakable.
        '--allow-missing-survey',
      ],
      io,
    );
    expect(c).toBe(0);
    const units = JSON.parse(io.out).units as Array<{
      code: string;
      index: number;
      previous?: { rank: number; indexChange: number };
    }>;
    const s01 = units.find((u) => u.code === 'S01');
    // Without the survey this time: index 45 / 90 = 50 %, against 90.52 % before.
    expect(s01?.index).toBe(50);
    expect(s01?.previous).toMatchObject({ rank: 1, index: 90.52, indexChange: -40.52 });
  });

  it('exits 1 and writes nothing when no unit can be ranked, and 2 on bad arguments', async () => {
    const dir = join(root, 'only-bad');
    await fs.mkdir(dir);
    await fs.copyFile(join(fixture.dir, 'password.xlsx'), join(dir, 'password.xlsx'));
    const io = capture(root);
    expect(await main(['consolidate', 'only-bad', '-o', 'none.xlsx'], io)).toBe(1);
    expect(io.err).toMatch(/Không có đơn vị nào được xếp hạng/);
    await expect(fs.stat(join(root, 'none.xlsx'))).rejects.toThrow();
    const bad = capture(root);
    expect(await main(['consolidate', 'nop'], bad)).toBe(2);
    expect(bad.err).toMatch(/Thiếu -o/);
    expect(await main(['consolidate', 'khong-co', '-o', 'x.xlsx'], bad)).toBe(2);
    expect(bad.err).toMatch(/Không tìm thấy "khong-co"/);
  });
});

// The worker threads need compiled code: this runs the built `cchc` (CI builds before testing).
const compiledCli = join(__dirname, '..', '..', 'build', 'src', 'cli', 'commands', 'consolidate.js');
(existsSync(compiledCli) ? describe : describe.skip)(
  'cchc consolidate --jobs 2 (compiled, worker threads)',
  () => {
    it('gives the same statuses and ranking as one thread, in the same order', async () => {
      const run = (jobs: string) =>
        new Promise<string>((resolveRun, reject) =>
          execFile(
            process.execPath,
            [
              join(__dirname, '..', '..', 'bin', 'cchc.js'),
              'consolidate',
              'nop',
              '--survey',
              'dieu-tra-xhh.csv',
              '--framework',
              'test-small.json',
              '-o',
              `jobs-${jobs}.xlsx`,
              '--jobs',
              jobs,
              '--json',
            ],
            { cwd: root, maxBuffer: 1 << 24 },
            (error, stdout) => (error ? reject(error) : resolveRun(stdout)),
          ),
        );
      const one = JSON.parse(await run('1'));
      const two = JSON.parse(await run('2'));
      expect(two.units).toEqual(one.units);
      expect(
        two.files.map((f: { file: string; status: string; errors: unknown[] }) => [
          f.file,
          f.status,
          f.errors,
        ]),
      ).toEqual(
        one.files.map((f: { file: string; status: string; errors: unknown[] }) => [
          f.file,
          f.status,
          f.errors,
        ]),
      );
      expect(two.units.find((u: { code: string }) => u.code === 'S01').index).toBe(90.52);
    });
  },
);

describeWithEngine(libreOffice, 'the ranking workbook in LibreOffice', () => {
  it('opens with the expected values on Xếp hạng', async () => {
    const io = capture(root);
    const out = join(root, 'lo-input.xlsx');
    expect(
      await main(
        ['consolidate', 'nop', '--survey', 'dieu-tra-xhh.csv', '--framework', 'test-small.json', '-o', out],
        io,
      ),
    ).toBe(0);
    const csvPath = await convertWithLibreOffice(
      out,
      'csv:Text - txt - csv (StarCalc):44,34,76,1',
      join(root, 'lo'),
    );
    const rows = parseCsv(await fs.readFile(csvPath, 'utf8'));
    const s01 = rows.find((r) => r[1] === 'S01');
    expect(s01?.slice(0, 3)).toEqual(['1', 'S01', 'Sở Giao thông Vận tải']);
    expect(s01).toContain('90.52');
    const s03 = rows.find((r) => r[1] === 'S03');
    expect(s03?.[2]).toBe('=Sở Nội vụ');
    const h01 = rows.find((r) => r[1] === 'H01');
    expect(h01).toContain('85.10');
  });
});
