/**
 * Every failure is a sentence: bad output paths, a full disk and signals, through the real
 * commands (in-process) and a real child process (signals). No stack line in any stderr.
 */
import { spawn } from 'node:child_process';
import { promises as fs, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAtomicallyWith } from '../../src/cli/atomic-write';
import { UserError } from '../../src/cli/errors';
import { ioErrorMessage } from '../../src/cli/io-errors';
import { liveTemps } from '../../src/cli/temp-files';
import { run } from '../helpers/cli';
import { expectNoStack } from '../helpers/no-stack';

const ROOT = join(__dirname, '..', '..');
const APPENDIX = join(ROOT, 'templates', 'appendix');

describe('I/O failures are sentences with exit 3', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cchc-io-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('template into a path under a file (ENOTDIR/EEXIST) names the path', async () => {
    writeFileSync(join(dir, 'afile'), 'x');
    const r = await run(
      [
        'template',
        '--framework',
        'an-giang-2022',
        '--unit',
        'Sở A',
        '--group',
        'so',
        '-o',
        'afile/sub/x.xlsx',
      ],
      dir,
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/afile/);
    expectNoStack(r.stderr);
  });

  it('template onto the full disk (/dev/full) is exit 3, no stack', async () => {
    const r = await run(
      ['template', '--framework', 'an-giang-2022', '--unit', 'Sở A', '--group', 'so', '-o', '/dev/full'],
      dir,
    );
    expect(r.code).not.toBe(0);
    expectNoStack(r.stderr);
  });

  it('framework import into a missing folder says so, exit 3, nothing left behind', async () => {
    const r = await run(
      [
        'framework',
        'import',
        join(APPENDIX, 'an-giang-2022.csv'),
        '--meta',
        join(APPENDIX, 'an-giang-2022.meta.json'),
        '-o',
        'khong-co/ag.json',
      ],
      dir,
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Không ghi được ".*khong-co\/ag\.json": thư mục chứa nó không tồn tại/);
    expectNoStack(r.stderr);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('framework import of a folder as table (EISDIR) is a sentence', async () => {
    await fs.mkdir(join(dir, 'bang.csv'));
    const r = await run(
      [
        'framework',
        'import',
        'bang.csv',
        '--meta',
        join(APPENDIX, 'an-giang-2022.meta.json'),
        '-o',
        'x.json',
      ],
      dir,
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/"bang\.csv".*thư mục/);
    expectNoStack(r.stderr);
  });

  it('rank into a missing folder: exit 3, the sentence names the output', async () => {
    const r = await run(
      ['rank', join(ROOT, 'test', 'fixtures', 'an-giang-2016.csv'), '-o', 'khong/x.xlsx'],
      dir,
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/khong\/x\.xlsx/);
    expectNoStack(r.stderr);
  });

  it.each([
    ['ENOENT', 'open', 'write', /thư mục chứa nó không tồn tại/],
    ['EACCES', 'open', 'write', /Không có quyền ghi/],
    ['ENOSPC', 'write', 'write', /ổ đĩa đã đầy/],
    ['EISDIR', 'open', 'read', /là một thư mục/],
    ['EMFILE', 'open', 'read', /quá nhiều tệp/],
    ['ENOTDIR', 'scandir', 'read', /không phải thư mục/],
    ['EROFS', 'open', 'write', /chỉ cho đọc/],
  ] as const)('%s becomes a Vietnamese sentence naming the path', (code, syscall, action, pattern) => {
    const e = Object.assign(new Error(`${code}: raw`), { code, syscall, path: '/tmp/x' });
    const text = ioErrorMessage(e, 'ra/xep-hang.xlsx', action);
    expect(text).toMatch(pattern);
    expect(text).toContain('"ra/xep-hang.xlsx"');
  });
});

describe('temporary files', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cchc-tmp-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a full disk (a real ENOSPC from /dev/full) leaves no temp file and the old target intact', async () => {
    const target = join(dir, 'xep-hang.xlsx');
    writeFileSync(target, 'last year');
    const failure = writeAtomicallyWith(target, async (temp) => {
      await fs.writeFile(temp, 'half a ranking');
      await fs.writeFile('/dev/full', 'the rest');
    });
    await expect(failure).rejects.toThrow(UserError);
    await expect(failure).rejects.toThrow(/"[^"]*xep-hang\.xlsx": ổ đĩa đã đầy/);
    expect(readdirSync(dir)).toEqual(['xep-hang.xlsx']);
    expect(await fs.readFile(target, 'utf8')).toBe('last year');
    expect(liveTemps()).toEqual([]);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s during a write removes the temp file and ends the process by that signal',
    async (signal) => {
      const target = join(dir, 'out.xlsx');
      writeFileSync(target, 'old');
      const script = `
        const { writeAtomicallyWith } = require(${JSON.stringify(join(ROOT, 'src', 'cli', 'atomic-write.ts'))});
        const fs = require('node:fs/promises');
        writeAtomicallyWith(${JSON.stringify(target)}, async (temp) => {
          await fs.writeFile(temp, 'partial');
          process.stdout.write('ready\\n');
          await new Promise(() => setInterval(() => {}, 1000));
        });`;
      const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      await new Promise<void>((ready, fail) => {
        child.stdout.on('data', (d) => String(d).includes('ready') && ready());
        child.on('exit', () => fail(new Error(`child ended early: ${stderr}`)));
      });
      expect(readdirSync(dir).some((n) => n.endsWith('.tmp'))).toBe(true);
      const ended = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_c, s) => done(s)));
      child.kill(signal);
      expect(await ended).toBe(signal);
      expect(readdirSync(dir)).toEqual(['out.xlsx']);
      expect(await fs.readFile(target, 'utf8')).toBe('old');
    },
    30_000,
  );
});
