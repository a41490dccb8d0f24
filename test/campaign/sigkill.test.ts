/**
 * The register survives SIGKILL during `cchc campaign receive` (issue 11): a real child process
 * receiving 24 files is killed at many points — before anything, after 1, 6 and 18 files were
 * judged, the instant a temporary file appears in the campaign folder (a copy or the register
 * being written) — and each time the register is either the previous one, byte for byte, or the
 * complete new one; every stored copy holds the bytes its name's hash says; and finishing the
 * receive afterwards gives exactly the register of an uninterrupted run.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, promises as fs, readFileSync, readdirSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRegister } from '../../src/campaign';
import { fillReturnedWorkbook } from '../../src/xlsx/sample-returns';
import { run, tempDir } from '../helpers/cli';
import { campaignFramework } from './fixtures';

const ROOT = join(__dirname, '..', '..');
const NOW = '2026-03-05T02:00:00.000Z';
const UNITS = Array.from({ length: 20 }, (_, i) => ({
  code: `DV${String(i + 1).padStart(2, '0')}`,
  group: i % 2 ? 'huyen' : 'so',
}));

const root = tempDir();
const base = join(root, 'goc');
let previous: string;
let reference: string;

function receiveChild(cwd: string) {
  const script = `
    process.env.CCHC_NOW = ${JSON.stringify(NOW)};
    process.env.CCHC_LIBRARY = ${JSON.stringify(join(root, 'thu-vien'))};
    const { main } = require(${JSON.stringify(join(ROOT, 'src', 'cli', 'main.ts'))});
    main(['campaign', 'receive', 'hop-thu', '--dir', 'dot']).then((c) => process.exit(c));`;
  return spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Every stored copy is whole: its bytes hash to the prefix in its name. */
function storedCopiesWhole(dir: string): void {
  const stored = join(dir, 'dot', 'da-nhan');
  for (const stage of safeList(stored))
    for (const name of safeList(join(stored, stage)).filter((n) => n.endsWith('.xlsx'))) {
      const hash = createHash('sha256')
        .update(readFileSync(join(stored, stage, name)))
        .digest('hex');
      expect(name).toMatch(new RegExp(`-${hash.slice(0, 12)}\\.xlsx$`));
    }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

beforeAll(async () => {
  process.env.CCHC_LIBRARY = join(root, 'thu-vien');
  process.env.CCHC_NOW = '2026-03-01T02:00:00.000Z';
  await fs.mkdir(base);
  writeFileSync(join(base, 'fw.json'), JSON.stringify(campaignFramework));
  writeFileSync(
    join(base, 'units.csv'),
    `code,name,group\n${UNITS.map((u) => `${u.code},Đơn vị ${u.code},${u.group}`).join('\n')}\n`,
  );
  expect(
    (await run(['campaign', 'init', 'dot', '--framework', 'fw.json', '--units', 'units.csv'], base)).code,
  ).toBe(0);
  expect((await run(['campaign', 'issue', '--dir', 'dot'], base)).code).toBe(0);
  delete process.env.CCHC_NOW;
  const inbox = join(base, 'hop-thu');
  await fs.mkdir(inbox);
  const issued = join(base, 'dot', 'phat-hanh', 'tu-cham');
  for (const file of readdirSync(issued)) {
    const code = file.split(/[ -]/)[0];
    const huyen = UNITS.find((u) => u.code === code)?.group === 'huyen';
    const bytes = await fillReturnedWorkbook(readFileSync(join(issued, file)), {
      '1.1': { self: 8, evidence: 'KH 1' },
      '1.2.1': { self: 10, evidence: 'BC' },
      '1.2.2': { self: 9, evidence: 'BC' },
      '2.1': { self: 18, evidence: 'Cổng' },
      ...(huyen ? { '2.2': { self: 10, evidence: 'Một cửa' } } : {}),
    });
    writeFileSync(join(inbox, `${code}.xlsx`), bytes);
    if (code === 'DV01') writeFileSync(join(inbox, `${code}-ban-sao.xlsx`), bytes);
    if (code === 'DV03')
      writeFileSync(
        join(inbox, `${code}-moi.xlsx`),
        await fillReturnedWorkbook(readFileSync(join(issued, file)), {
          '1.1': { self: 9, evidence: 'KH 1 (bổ sung)' },
          '1.2.1': { self: 10, evidence: 'BC' },
          '1.2.2': { self: 9, evidence: 'BC' },
          '2.1': { self: 18, evidence: 'Cổng' },
        }),
      );
  }
  writeFileSync(join(inbox, 'hong.xlsx'), readFileSync(join(inbox, 'DV02.xlsx')).subarray(0, 2000));
  writeFileSync(join(inbox, 'khong-phai.xlsx'), 'không phải tệp Excel');
  const t = new Date('2026-03-04T02:00:00.000Z');
  for (const f of readdirSync(inbox)) utimesSync(join(inbox, f), t, t);
  const later = new Date('2026-03-04T05:00:00.000Z');
  utimesSync(join(inbox, 'DV03-moi.xlsx'), later, later);
  expect(readdirSync(inbox)).toHaveLength(24);
  previous = readFileSync(join(base, 'dot', 'so-theo-doi.json'), 'utf8');
  // The uninterrupted run, in a child process like the killed ones.
  const whole = join(root, 'tron-ven');
  cpSync(base, whole, { recursive: true, preserveTimestamps: true });
  const child = receiveChild(whole);
  const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
  expect(code).toBe(1); // two files unreadable
  reference = readFileSync(join(whole, 'dot', 'so-theo-doi.json'), 'utf8');
  const statuses = (JSON.parse(reference).receipts as { status: string }[]).map((r) => r.status);
  expect(statuses.filter((s) => s === 'accepted')).toHaveLength(20);
  expect(statuses.filter((s) => s !== 'accepted').sort()).toEqual([
    'duplicate',
    'superseded',
    'unreadable',
    'unreadable',
  ]);
}, 120_000);

afterAll(async () => {
  delete process.env.CCHC_LIBRARY;
  await fs.rm(root, { recursive: true, force: true });
});

type KillPoint = { after: number } | { onTemp: true };
const POINTS: Array<[string, KillPoint]> = [
  ['at once', { after: 0 }],
  ['after 1 file', { after: 1 }],
  ['after 6 files', { after: 6 }],
  ['after 18 files', { after: 18 }],
  ['after the last file was judged (register being written)', { after: 24 }],
  ['the instant a temporary file appears', { onTemp: true }],
];

describe('SIGKILL during cchc campaign receive', () => {
  it.each(POINTS)(
    'killed %s: previous register intact or the whole new one, no half record, no half copy',
    async (_label, point) => {
      const dir = join(root, `lan-${Math.random().toString(36).slice(2)}`);
      cpSync(base, dir, { recursive: true, preserveTimestamps: true });
      const child = receiveChild(dir);
      const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_c, s) => done(s)));
      const kill = () => child.kill('SIGKILL');
      let lines = 0;
      if ('onTemp' in point) {
        // The register's and the copies' temporary files are made in the campaign folder tree.
        const watcher = watch(join(dir, 'dot'), { recursive: true }, (_e, name) => {
          if (name && String(name).endsWith('.tmp')) kill();
        });
        await exited;
        watcher.close();
      } else {
        if (point.after === 0) setTimeout(kill, 300);
        child.stdout.on('data', (d) => {
          lines += (String(d).match(/^#\d+ /gm) ?? []).length;
          if (lines >= point.after) kill();
        });
        await exited;
      }
      const text = readFileSync(join(dir, 'dot', 'so-theo-doi.json'), 'utf8');
      const parsed = parseRegister(text, 'so-theo-doi.json');
      expect(parsed.ok).toBe(true);
      if (text !== reference) expect(text).toBe(previous);
      storedCopiesWhole(dir);

      // Receiving again finishes the job: the same register as one uninterrupted run (an
      // already written new register is not received twice: its files would all be duplicates).
      if (text === previous) {
        const again = receiveChild(dir);
        expect(await new Promise((done) => again.on('exit', (c) => done(c)))).toBe(1);
        expect(readFileSync(join(dir, 'dot', 'so-theo-doi.json'), 'utf8')).toBe(reference);
      }
      storedCopiesWhole(dir);
    },
    60_000,
  );
});
