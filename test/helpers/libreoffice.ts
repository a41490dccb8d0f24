/**
 * Real LibreOffice, headless, for round-trip tests (TRAPS.md):
 * - a throwaway profile whose registrymodifications.xcu sets OOXML (and ODF) recalc mode to
 *   "always", because LibreOffice otherwise keeps the cached formula results of an .xlsx;
 * - always --outdir (convert-to never overwrites its input);
 * - one soffice at a time, across jest workers too (a lock directory), because two instances
 *   fight over the machine's two cores and sometimes over the profile.
 *
 * Use with describeWithEngine(libreOffice, ...) from ./engines.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { libreOffice } from './engines';

const RECALC_ALWAYS_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`;

let profileDir: string | null = null;

/** A fresh LibreOffice profile for this process, recalculating every formula on load. */
export function libreOfficeProfile(): string {
  if (profileDir) return profileDir;
  const dir = mkdtempSync(join(tmpdir(), 'cchc-lo-profile-'));
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(join(dir, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS_XCU);
  profileDir = dir;
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// One lock for every jest worker: in the machine's temp folder, not the test file's (temp-root.ts).
const LOCK_DIR = join(process.env.CCHC_TEST_OS_TMPDIR ?? tmpdir(), 'cchc-soffice.lock');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function lockIsStale(): boolean {
  try {
    const pid = Number(readFileSync(join(LOCK_DIR, 'pid'), 'utf8'));
    if (pid) {
      try {
        process.kill(pid, 0);
        return false; // the holder is alive
      } catch {
        return true;
      }
    }
    // No pid written yet: stale only when old.
    return Date.now() - statSync(LOCK_DIR).mtimeMs > 60_000;
  } catch {
    return false;
  }
}

/** Cross-process mutex: mkdir is atomic. */
async function withSofficeLock<T>(fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(join(LOCK_DIR, 'pid'), String(process.pid));
      break;
    } catch {
      if (lockIsStale()) rmSync(LOCK_DIR, { recursive: true, force: true });
      else await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/** In-process queue on top of the lock, so one worker never races itself. */
let queue: Promise<unknown> = Promise.resolve();

function run(args: string[]): Promise<void> {
  const soffice = libreOffice.path;
  if (!soffice) return Promise.reject(new Error('LibreOffice (soffice) is not installed'));
  return new Promise((resolve, reject) => {
    execFile(soffice, args, { timeout: 180_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`soffice failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve();
    });
  });
}

/**
 * Converts several files in ONE soffice start (start-up is most of the cost), into `outDir`;
 * returns the output paths in the order of `inputPaths`. Input base names must differ.
 */
export function convertManyWithLibreOffice(
  inputPaths: string[],
  toExt: string,
  outDir: string,
): Promise<string[]> {
  const job = async () => {
    mkdirSync(outDir, { recursive: true });
    const ext = toExt.split(':')[0];
    const outs = inputPaths.map((p) => join(outDir, `${basename(p, extname(p))}.${ext}`));
    if (new Set(outs).size !== outs.length)
      throw new Error('convertManyWithLibreOffice: input base names must differ');
    outs.forEach((o) => rmSync(o, { force: true }));
    await withSofficeLock(() =>
      run([
        `-env:UserInstallation=file://${libreOfficeProfile()}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--nodefault',
        '--convert-to',
        toExt,
        '--outdir',
        outDir,
        ...inputPaths,
      ]),
    );
    for (const o of outs) if (!existsSync(o)) throw new Error(`LibreOffice produced no ${o}`);
    return outs;
  };
  const result = queue.then(job, job);
  queue = result.catch(() => undefined);
  return result;
}

/**
 * Converts `inputPath` with LibreOffice to `toExt` ("xlsx", "ods", "csv", or a full filter spec
 * such as 'csv:"Text - txt - csv (StarCalc)":44,34,76,1,,0,false,true,false,false,false,2')
 * into `outDir`, and returns the output path.
 */
export function convertWithLibreOffice(inputPath: string, toExt: string, outDir: string): Promise<string> {
  const job = async () => {
    mkdirSync(outDir, { recursive: true });
    const ext = toExt.split(':')[0];
    const out = join(outDir, `${basename(inputPath, extname(inputPath))}.${ext}`);
    rmSync(out, { force: true });
    await withSofficeLock(() =>
      run([
        `-env:UserInstallation=file://${libreOfficeProfile()}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--nodefault',
        '--convert-to',
        toExt,
        '--outdir',
        outDir,
        inputPath,
      ]),
    );
    if (!existsSync(out)) throw new Error(`LibreOffice produced no ${out}`);
    return out;
  };
  const result = queue.then(job, job);
  queue = result.catch(() => undefined);
  return result;
}

/** Several workbooks recalculated and re-saved by LibreOffice in one start, keyed by name. */
export async function recalcXlsxMany(files: Record<string, Uint8Array>): Promise<Record<string, Uint8Array>> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-lo-'));
  try {
    const names = Object.keys(files);
    const inputs = names.map((n) => {
      const p = join(dir, `${n}.xlsx`);
      writeFileSync(p, files[n]);
      return p;
    });
    const outs = await convertManyWithLibreOffice(inputs, 'xlsx:Calc MS Excel 2007 XML', join(dir, 'out'));
    return Object.fromEntries(names.map((n, i) => [n, new Uint8Array(readFileSync(outs[i]))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens .xlsx bytes in LibreOffice, recalculates every formula, and saves them again as .xlsx. */
export async function recalcXlsx(bytes: Uint8Array, name = 'workbook'): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-lo-'));
  try {
    const input = join(dir, `${name}.xlsx`);
    writeFileSync(input, bytes);
    const out = await convertWithLibreOffice(input, 'xlsx:Calc MS Excel 2007 XML', join(dir, 'out'));
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
