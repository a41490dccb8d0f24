/**
 * The tests' own hygiene: every temp folder a test file makes lands in that file's root, which
 * is removed after it (test/helpers/temp-root.ts), so a run leaves nothing in the machine's temp.
 */
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

describe('test temp root', () => {
  it('puts every mkdtemp of this file under its root, inside the machine’s temp folder', () => {
    const root = process.env.CCHC_TEST_TEMP_ROOT as string;
    const made = mkdtempSync(join(tmpdir(), 'cchc-fw-'));
    expect(dirname(made)).toBe(root);
    expect(dirname(root)).toBe(process.env.CCHC_TEST_OS_TMPDIR);
    expect(existsSync(made)).toBe(true);
    // Other users (a child run as nobody) reach the folders a test opens to them.
    expect(statSync(root).mode & 0o777).toBe(0o755);
  });
});
