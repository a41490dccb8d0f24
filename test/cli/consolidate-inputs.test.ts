/**
 * `cchc consolidate` and its inputs (issue 13): an output that is a returned workbook, the survey
 * or last year's ranking — by the same path or any alias — is refused with exit 2 and every input
 * keeps its bytes; output folders that are missing or under a file are exit 3 sentences; a
 * read-only output folder or a write refused mid-stream is exit 3 with nothing left behind; a
 * sub-folder that cannot be listed is reported and skipped, the other files still consolidate; a
 * folder tree of any depth is walked without recursion.
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
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
import { writeTableXlsx } from '../../src/xlsx/table';
import { run } from '../helpers/cli';
import { goodReturns, writeGoodSurvey } from '../helpers/good-returns';
import { expectNoStack } from '../helpers/no-stack';
import { runAsUser } from '../helpers/run-as-user';

let returns: Uint8Array[];
let dir: string;
/** The survey these returns need: without it (and no --allow-missing-survey) no unit is ranked. */
let survey: string[];

beforeAll(async () => {
  returns = await goodReturns();
}, 60_000);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-consolidate-inputs-'));
  mkdirSync(join(dir, 'nop'));
  returns.forEach((bytes, i) => writeFileSync(join(dir, 'nop', `Đơn vị ${i}.xlsx`), bytes));
  survey = writeGoodSurvey(dir);
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

/** SHA-256 of every file under `root` (links followed), by relative path. */
function hashes(root: string, base = root): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(root, { withFileTypes: true })) {
    const full = join(root, e.name);
    if (e.isDirectory()) Object.assign(out, hashes(full, base));
    else out[full.slice(base.length + 1)] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return out;
}

describe('consolidate never writes over one of its inputs', () => {
  it('-o naming a returned workbook, by path, ./, link, hard link, case or NFD: exit 2, inputs unchanged', async () => {
    const input = join('nop', 'Đơn vị 1.xlsx');
    symlinkSync(join(dir, input), join(dir, 'lien-ket.xlsx'));
    linkSync(join(dir, input), join(dir, 'cung-inode.xlsx'));
    const before = hashes(dir);
    const aliases = [
      input,
      `./${input}`,
      'lien-ket.xlsx',
      'cung-inode.xlsx',
      input.toUpperCase(),
      input.normalize('NFD'),
    ];
    for (const out of aliases) {
      const r = await run(['consolidate', 'nop', '-o', out], dir);
      expect({ out, code: r.code }).toEqual({ out, code: 2 });
      expect(r.stderr).toMatch(/Tệp kết quả trùng tệp đầu vào: bảng xếp hạng \(-o\)/);
      expect(r.stderr).toContain('bảng chấm điểm đã nộp');
      expectNoStack(r.stderr);
    }
    expect(hashes(dir)).toEqual(before);
  });

  it('-o naming the --survey file or the --previous ranking, --report linked to an input: exit 2, nothing written', async () => {
    const made = await run(['consolidate', 'nop', ...survey, '-o', 'xep-hang-2025.xlsx'], dir);
    expect(made.code).toBe(0);
    writeFileSync(
      join(dir, 'dieu-tra.xlsx'),
      await writeTableXlsx([
        ['Mã', 'Đơn vị', 'SIPAS (%)'],
        ['U0', 'Đơn vị số 1', 80],
      ]),
    );
    symlinkSync(join(dir, 'nop', 'Đơn vị 0.xlsx'), join(dir, 'bao-cao.html'));
    const before = hashes(dir);
    const cases: [string[], RegExp][] = [
      [
        ['--survey', 'dieu-tra.xlsx', '-o', 'dieu-tra.xlsx'],
        /tệp điều tra XHH \(--survey\) "dieu-tra\.xlsx"/,
      ],
      [['--survey', 'dieu-tra.xlsx', '-o', 'DIEU-TRA.xlsx'], /tệp điều tra XHH/],
      [
        ['--previous', 'xep-hang-2025.xlsx', '-o', 'xep-hang-2025.xlsx'],
        /bảng xếp hạng kỳ trước \(--previous\)/,
      ],
      [
        ['-o', 'moi.xlsx', '--report', 'bao-cao.html'],
        /báo cáo \(--report\) "bao-cao\.html" chính là bảng chấm điểm đã nộp/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = await run(['consolidate', 'nop', ...args], dir);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toMatch(message);
      expectNoStack(r.stderr);
    }
    expect(hashes(dir)).toEqual(before);
  }, 60_000);
});

describe('consolidate output paths that cannot be written', () => {
  it('a missing output folder is exit 3 naming it, nothing left behind', async () => {
    const before = readdirSync(dir);
    const r = await run(
      ['consolidate', 'nop', ...survey, '-o', 'khong-co/xep-hang.xlsx', '--report', 'bc.html'],
      dir,
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Không ghi được "[^"]*khong-co\/xep-hang\.xlsx": thư mục chứa nó không tồn tại/);
    expectNoStack(r.stderr);
    expect(readdirSync(dir)).toEqual(before);
  });

  it('an output under a file is exit 3, no stack', async () => {
    writeFileSync(join(dir, 'tep'), 'x');
    const r = await run(['consolidate', 'nop', ...survey, '-o', 'tep/xep-hang.xlsx'], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/tep\/xep-hang\.xlsx/);
    expectNoStack(r.stderr);
  });

  // In a real child process: a read-only folder (as nobody, since root writes anywhere) and a write
  // the kernel refuses mid-stream (a file-size limit gives EFBIG, the same path as a full disk's
  // ENOSPC). Exit 3, a sentence naming the output, no temp file, last year's ranking intact.
  afterEach(() => {
    if (existsSync(join(dir, 'ra'))) chmodSync(join(dir, 'ra'), 0o755);
  });

  it('a read-only output folder: exit 3, "Không có quyền ghi", nothing written, inputs unchanged', () => {
    chmodSync(dir, 0o777);
    mkdirSync(join(dir, 'ra'));
    writeFileSync(join(dir, 'ra', 'xep-hang.xlsx'), 'năm trước');
    chmodSync(join(dir, 'ra', 'xep-hang.xlsx'), 0o644);
    chmodSync(join(dir, 'ra'), 0o555);
    const before = hashes(join(dir, 'nop'));
    const r = runAsUser(['consolidate', 'nop', ...survey, '-o', 'ra/xep-hang.xlsx'], dir);
    chmodSync(join(dir, 'ra'), 0o755);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Không có quyền ghi "[^"]*ra\/xep-hang\.xlsx"/);
    expectNoStack(r.stderr);
    expect(readdirSync(join(dir, 'ra'))).toEqual(['xep-hang.xlsx']);
    expect(readFileSync(join(dir, 'ra', 'xep-hang.xlsx'), 'utf8')).toBe('năm trước');
    expect(hashes(join(dir, 'nop'))).toEqual(before);
  }, 150_000);

  it('a write refused mid-stream (file-size limit): exit 3, the sentence names the output, no .tmp left', () => {
    chmodSync(dir, 0o777);
    mkdirSync(join(dir, 'ra'));
    chmodSync(join(dir, 'ra'), 0o777);
    writeFileSync(join(dir, 'ra', 'xep-hang.xlsx'), 'năm trước');
    chmodSync(join(dir, 'ra', 'xep-hang.xlsx'), 0o666);
    const before = hashes(join(dir, 'nop'));
    // 12 KB: the ranking workbook of three units is several times that, so the limit is met while
    // its parts are being streamed, after the temp file was created.
    const r = runAsUser(['consolidate', 'nop', ...survey, '-o', 'ra/xep-hang.xlsx'], dir, {
      fileSizeLimitKB: 12,
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Không ghi được "[^"]*ra\/xep-hang\.xlsx": tệp vượt giới hạn kích thước tệp/);
    expectNoStack(r.stderr);
    expect(readdirSync(join(dir, 'ra'))).toEqual(['xep-hang.xlsx']);
    expect(readFileSync(join(dir, 'ra', 'xep-hang.xlsx'), 'utf8')).toBe('năm trước');
    expect(hashes(join(dir, 'nop'))).toEqual(before);
  }, 150_000);
});

describe('consolidate walks folders without stopping', () => {
  it('an unreadable sub-folder is reported and skipped; the other files are consolidated', () => {
    mkdirSync(join(dir, 'nop', 'khoa'));
    writeFileSync(join(dir, 'nop', 'khoa', 'an.xlsx'), returns[0]);
    chmodSync(join(dir, 'nop', 'khoa'), 0o000);
    chmodSync(dir, 0o777);
    const r = runAsUser(['consolidate', 'nop', ...survey, '-o', 'xep-hang.xlsx', '--json'], dir);
    chmodSync(join(dir, 'nop', 'khoa'), 0o755);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Cảnh báo: Không có quyền đọc "nop\/khoa"\. Thư mục này bị bỏ qua\./);
    expectNoStack(r.stderr);
    const json = JSON.parse(r.stdout) as { files: { status: string }[]; warnings: string[] };
    expect(json.files.map((f) => f.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(json.warnings[0]).toMatch(/"nop\/khoa".*bị bỏ qua/);
  }, 150_000);

  it('a returned workbook 1,500 folders deep is found by the iterative walk', async () => {
    const deep = join(dir, 'nop', ...Array.from({ length: 1500 }, () => 'a'));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'sau.xlsx'), returns[0]);
    rmSync(join(dir, 'nop', 'Đơn vị 0.xlsx'));
    const r = await run(['consolidate', 'nop', ...survey, '-o', 'xep-hang.xlsx', '--json'], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { files: { file: string; status: string }[] };
    expect(json.files.map((f) => f.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(json.files.some((f) => f.file.endsWith(join('a', 'a', 'sau.xlsx')))).toBe(true);
  }, 60_000);
});
