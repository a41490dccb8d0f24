/**
 * Inputs are sacred: every command refuses an output that is, or resolves to, one of its inputs
 * (same path, symbolic link, hard link, case, NFC/NFD), and the bytes of every input are unchanged.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../helpers/cli';
import { expectNoStack } from '../helpers/no-stack';

const ROOT = join(__dirname, '..', '..');
const APPENDIX = join(ROOT, 'templates', 'appendix');

function sha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The output spelled as each kind of alias of `input` (created in `dir` where needed). */
function aliases(dir: string, input: string): [string, string][] {
  symlinkSync(join(dir, input), join(dir, `lien-ket-${input}`));
  linkSync(join(dir, input), join(dir, `cung-inode-${input}`));
  return [
    ['same path', input],
    ['./ prefix', `./${input}`],
    ['symbolic link', `lien-ket-${input}`],
    ['hard link', `cung-inode-${input}`],
    ['other case', input.toUpperCase()],
    ['NFD form', input.normalize('NFD')],
  ];
}

describe('inputs are never written', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cchc-sacred-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('framework import -o naming the --meta file or the table, by any alias, is refused (exit 2)', async () => {
    copyFileSync(join(APPENDIX, 'an-giang-2022.meta.json'), join(dir, 'thông-tin.json'));
    copyFileSync(join(APPENDIX, 'an-giang-2022.csv'), join(dir, 'bảng.csv'));
    const before = { meta: sha(join(dir, 'thông-tin.json')), table: sha(join(dir, 'bảng.csv')) };
    const cases = [...aliases(dir, 'thông-tin.json'), ...aliases(dir, 'bảng.csv')];
    for (const [how, out] of cases) {
      const r = await run(['framework', 'import', 'bảng.csv', '--meta', 'thông-tin.json', '-o', out], dir);
      expect({ how, code: r.code }).toEqual({ how, code: 2 });
      expect(r.stderr).toMatch(/Tệp kết quả trùng tệp đầu vào/);
      expectNoStack(r.stderr);
    }
    expect(sha(join(dir, 'thông-tin.json'))).toBe(before.meta);
    expect(sha(join(dir, 'bảng.csv'))).toBe(before.table);
  });

  it('rank -o naming its input (or the --framework file) is refused, the input unchanged', async () => {
    copyFileSync(join(ROOT, 'test', 'fixtures', 'an-giang-2016.csv'), join(dir, 'diem.csv'));
    const before = sha(join(dir, 'diem.csv'));
    for (const [how, out] of aliases(dir, 'diem.csv')) {
      const r = await run(['rank', 'diem.csv', '-o', out], dir);
      expect({ how, code: r.code }).toEqual({ how, code: 2 });
    }
    expect(sha(join(dir, 'diem.csv'))).toBe(before);
  });

  it('template -o naming the --units list is refused; the list unchanged', async () => {
    writeFileSync(join(dir, 'don-vi.csv'), 'code,name,group\nSTP,Sở Tư pháp,so\n');
    const before = sha(join(dir, 'don-vi.csv'));
    const r = await run(
      ['template', '--framework', 'an-giang-2022', '--units', 'don-vi.csv', '-o', 'DON-VI.csv'],
      dir,
    );
    expect(r.code).toBe(2);
    expect(sha(join(dir, 'don-vi.csv'))).toBe(before);
  });

  it('template --units never overwrites an existing file unless --overwrite, and lists what it kept', async () => {
    writeFileSync(join(dir, 'don-vi.csv'), 'code,name,group\nSTP,Sở Tư pháp,so\nSYT,Sở Y tế,so\n');
    mkdirSync(join(dir, 'mau'));
    const filled = join(dir, 'mau', 'STP - Sở Tư pháp.xlsx');
    writeFileSync(filled, 'the unit’s filled return');
    const before = sha(filled);
    const r = await run(
      ['template', '--framework', 'an-giang-2022', '--units', 'don-vi.csv', '-o', 'mau', '--json'],
      dir,
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.skipped.map((s: { file: string }) => s.file)).toEqual([join('mau', 'STP - Sở Tư pháp.xlsx')]);
    expect(json.files.map((s: { file: string }) => s.file)).toEqual([join('mau', 'SYT - Sở Y tế.xlsx')]);
    expect(sha(filled)).toBe(before);
    const text = await run(
      ['template', '--framework', 'an-giang-2022', '--units', 'don-vi.csv', '-o', 'mau'],
      dir,
    );
    expect(text.stderr).toMatch(/Bỏ qua: mau\/STP - Sở Tư pháp\.xlsx đã có/);
    expect(text.stderr).toMatch(/giữ nguyên 2 tệp đã có/);
    const forced = await run(
      ['template', '--framework', 'an-giang-2022', '--units', 'don-vi.csv', '-o', 'mau', '--overwrite'],
      dir,
    );
    expect(forced.code).toBe(0);
    expect(sha(filled)).not.toBe(before);
    expect(readdirSync(join(dir, 'mau')).sort()).toEqual(['STP - Sở Tư pháp.xlsx', 'SYT - Sở Y tế.xlsx']);
  });

  it('template --units: a name longer than 255 bytes and device names do not stop the batch', async () => {
    const long = 'Ủy ban nhân dân phường Đông Hưng Thuận '.repeat(12);
    writeFileSync(
      join(dir, 'don-vi.csv'),
      `code,name,group\n,${long},so\n,CON,so\n,COM¹,so\n,CONIN$,so\n,😀${'😀'.repeat(80)},so\n`,
    );
    const r = await run(
      ['template', '--framework', 'an-giang-2022', '--units', 'don-vi.csv', '-o', 'mau', '--json'],
      dir,
    );
    expect(JSON.parse(r.stdout).errors).toEqual([]);
    expect(r.code).toBe(0);
    const names = readdirSync(join(dir, 'mau'));
    expect(names).toHaveLength(5);
    for (const n of names) {
      expect(Buffer.byteLength(n)).toBeLessThanOrEqual(255);
      expect(n).not.toContain('\uFFFD');
    }
    expect(names).toEqual(expect.arrayContaining(['_CON.xlsx', '_COM¹.xlsx', '_CONIN$.xlsx']));
  });
});
