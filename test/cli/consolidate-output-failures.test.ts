/**
 * `cchc consolidate` when the output cannot be written, in a real child process: a read-only output
 * folder (as an unprivileged user, since root writes anywhere) and a write refused by the kernel in
 * the middle of the streamed ranking workbook (a file-size limit, EFBIG — the same path as a full
 * disk's ENOSPC). Each is exit 3 with a sentence naming the output, no stack, no temporary file
 * left, last year's ranking untouched and every input unchanged.
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goodReturns } from '../helpers/good-returns';
import { expectNoStack } from '../helpers/no-stack';
import { runAsUser } from '../helpers/run-as-user';

let returns: Uint8Array[];
let dir: string;

beforeAll(async () => {
  returns = await goodReturns();
}, 60_000);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-consolidate-output-'));
  chmodSync(dir, 0o777);
  mkdirSync(join(dir, 'nop'));
  returns.forEach((bytes, i) => writeFileSync(join(dir, 'nop', `Đơn vị ${i}.xlsx`), bytes));
});
afterEach(() => {
  if (existsSync(join(dir, 'ra'))) chmodSync(join(dir, 'ra'), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

function inputHashes(): string[] {
  return readdirSync(join(dir, 'nop')).map((n) =>
    createHash('sha256')
      .update(readFileSync(join(dir, 'nop', n)))
      .digest('hex'),
  );
}

it('a read-only output folder: exit 3, "Không có quyền ghi", nothing written, inputs unchanged', () => {
  mkdirSync(join(dir, 'ra'));
  writeFileSync(join(dir, 'ra', 'xep-hang.xlsx'), 'năm trước');
  chmodSync(join(dir, 'ra', 'xep-hang.xlsx'), 0o644);
  chmodSync(join(dir, 'ra'), 0o555);
  const before = inputHashes();
  const r = runAsUser(['consolidate', 'nop', '-o', 'ra/xep-hang.xlsx'], dir);
  chmodSync(join(dir, 'ra'), 0o755);
  expect(r.code).toBe(3);
  expect(r.stderr).toMatch(/Không có quyền ghi "[^"]*ra\/xep-hang\.xlsx"/);
  expectNoStack(r.stderr);
  expect(readdirSync(join(dir, 'ra'))).toEqual(['xep-hang.xlsx']);
  expect(readFileSync(join(dir, 'ra', 'xep-hang.xlsx'), 'utf8')).toBe('năm trước');
  expect(inputHashes()).toEqual(before);
}, 150_000);

it('a write refused mid-stream (file-size limit): exit 3, the sentence names the output, no .tmp left', () => {
  mkdirSync(join(dir, 'ra'));
  chmodSync(join(dir, 'ra'), 0o777);
  writeFileSync(join(dir, 'ra', 'xep-hang.xlsx'), 'năm trước');
  chmodSync(join(dir, 'ra', 'xep-hang.xlsx'), 0o666);
  const before = inputHashes();
  // 12 KB: the ranking workbook of three units is several times that, so the limit is met while
  // its parts are being streamed, after the temp file was created.
  const r = runAsUser(['consolidate', 'nop', '-o', 'ra/xep-hang.xlsx'], dir, { fileSizeLimitKB: 12 });
  expect(r.code).toBe(3);
  expect(r.stderr).toMatch(/Không ghi được "[^"]*ra\/xep-hang\.xlsx": tệp vượt giới hạn kích thước tệp/);
  expectNoStack(r.stderr);
  expect(readdirSync(join(dir, 'ra'))).toEqual(['xep-hang.xlsx']);
  expect(readFileSync(join(dir, 'ra', 'xep-hang.xlsx'), 'utf8')).toBe('năm trước');
  expect(inputHashes()).toEqual(before);
}, 150_000);
