/**
 * The per-user framework library (CCHC_LIBRARY points into a temp folder: test/helpers/library-env.ts
 * for every test file, and a folder of this test's own here): a framework imported or used from a
 * file is remembered by id + fingerprint, and a workbook made from it validates without --framework.
 */
import { chmodSync, copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { knownFramework, rememberFramework } from '../../src/cli/framework-library';
import { frameworkFingerprint } from '../../src/framework/fingerprint';
import { parseFramework } from '../../src/framework/parse';
import { getBuiltinFramework } from '../../src/framework/builtins';
import { run, tempDir } from '../helpers/cli';

const MESSY = join(__dirname, '../framework/fixtures/messy-appendix.csv');

describe('framework library', () => {
  let library: string;
  const saved = process.env.CCHC_LIBRARY;
  beforeEach(() => {
    library = join(tempDir(), 'thu-vien');
    process.env.CCHC_LIBRARY = library;
  });
  afterAll(() => {
    process.env.CCHC_LIBRARY = saved;
  });

  it('remembers an imported framework; its template validates later without --framework', async () => {
    const dir = tempDir();
    copyFileSync(MESSY, join(dir, 'tinh-x.csv'));
    const imported = await run(['framework', 'import', 'tinh-x.csv', '--year', '2024', '-o', 'bo.json'], dir);
    expect(imported.code).toBe(0);
    const remembered = readdirSync(library);
    expect(remembered).toHaveLength(1);
    expect(remembered[0]).toMatch(/^tinh-x@[0-9a-f]{16}\.json$/);
    const t = await run(
      ['template', '--framework', 'bo.json', '--unit', 'Sở Tư pháp', '--group', 'so', '-o', 'stp.xlsx'],
      dir,
    );
    expect(t.code).toBe(0);
    rmSync(join(dir, 'bo.json'));
    // Its id now works as --framework, like a built-in's.
    const byId = await run(
      ['template', '--framework', 'tinh-x', '--unit', 'Sở Nội vụ', '--group', 'so', '-o', 'snv.xlsx'],
      dir,
    );
    expect(byId.code).toBe(0);
    const v = await run(['validate', 'stp.xlsx', '--json'], dir);
    expect(v.stderr).not.toContain('mà công cụ không có');
    // Read and checked against the remembered framework: only the blank scores are errors.
    expect(v.code).toBe(1);
    const report = JSON.parse(v.stdout);
    expect(report.frameworkId).toBe('tinh-x');
    expect(report.errors.length).toBeGreaterThan(0);
    expect(report.errors.every((e: { rule: string }) => e.rule === 'score.missing')).toBe(true);

    // Without the library, the same workbook is a framework the tool does not have (exit 2).
    process.env.CCHC_LIBRARY = join(tempDir(), 'trong');
    const lost = await run(['validate', 'stp.xlsx'], dir);
    expect(lost.code).toBe(2);
    expect(lost.stderr).toContain('mà công cụ không có');

    // cchc frameworks lists library entries, marked as such.
    process.env.CCHC_LIBRARY = library;
    const list = await run(['frameworks', '--json'], dir);
    const entries = JSON.parse(list.stdout).frameworks as Array<{ id: string; source: string }>;
    expect(entries.find((f) => f.id === 'tinh-x')?.source).toBe('library');
    expect(entries.find((f) => f.id === 'an-giang-2022')?.source).toBe('builtin');
    expect((await run(['frameworks'], dir)).stdout).toContain('tinh-x (thư viện)');
  });

  it('finds the exact version by fingerprint, built-ins first, and never copies a built-in', () => {
    const builtin = getBuiltinFramework('an-giang-2022');
    if (!builtin) throw new Error('an-giang-2022');
    expect(rememberFramework(builtin, { stderr: () => undefined })).toBeNull();
    const base = { ...builtin, id: 'tinh-y' };
    const two = parseFramework({ ...base, places: 2 }, 'thử');
    const three = parseFramework({ ...base, places: 3 }, 'thử');
    rememberFramework(two, { stderr: () => undefined });
    rememberFramework(three, { stderr: () => undefined });
    expect(knownFramework('tinh-y', frameworkFingerprint(two))?.places).toBe(2);
    expect(knownFramework('tinh-y', frameworkFingerprint(three))?.places).toBe(3);
    expect(knownFramework('an-giang-2022', frameworkFingerprint(builtin))).toEqual(builtin);
    expect(knownFramework('khong-co')).toBeUndefined();
  });

  it('is best effort: a library that cannot be written gives a note, never a failure', async () => {
    if (process.getuid?.() === 0) {
      // root writes through permissions: make the library path a file instead.
      mkdirSync(join(library, '..'), { recursive: true });
      copyFileSync(MESSY, library);
    } else {
      mkdirSync(library, { recursive: true });
      chmodSync(library, 0o500);
    }
    const dir = tempDir();
    copyFileSync(MESSY, join(dir, 'tinh-z.csv'));
    const r = await run(['framework', 'import', 'tinh-z.csv', '--year', '2024', '-o', 'bo.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Ghi chú: không ghi được bộ tiêu chí vào thư viện');
  });
});
