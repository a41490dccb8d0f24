/**
 * The per-user framework library: every framework imported (cchc framework import), used from a
 * file (--framework FILE.json) or by a campaign is remembered by id + fingerprint, so a template made from it validates later without `--framework`. Files live in
 * $CCHC_LIBRARY, else $XDG_DATA_HOME/cchc/frameworks, else ~/.local/share/cchc/frameworks; one JSON
 * per framework version, named ID@FINGERPRINT.json. Remembering is best effort: a read-only home
 * never stops a command (a note says so).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { frameworkFingerprint } from '../framework/fingerprint';
import { parseFrameworkText } from '../framework/parse';
import type { Framework } from '../framework/schema';
import { getBuiltinFramework } from '../framework/builtins';
import type { CliIO } from './command';

export function libraryDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CCHC_LIBRARY) return env.CCHC_LIBRARY;
  const data = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(data, 'cchc', 'frameworks');
}

function fileName(id: string, fingerprint: string): string {
  return `${id.replace(/[^A-Za-z0-9._-]/g, '_')}@${fingerprint.replace(/[^A-Za-z0-9]/g, '')}.json`;
}

/**
 * Remembers a framework imported or used (synchronously: it runs inside `--framework` resolution).
 * Built-ins are not copied. Written to a temp file and renamed, so a reader never sees half a file.
 */
export function rememberFramework(framework: Framework, io: Pick<CliIO, 'stderr'>): string | null {
  const fingerprint = frameworkFingerprint(framework);
  const builtin = getBuiltinFramework(framework.id);
  if (builtin && frameworkFingerprint(builtin) === fingerprint) return null;
  const dir = libraryDir();
  const target = join(dir, fileName(framework.id, fingerprint));
  if (existsSync(target)) return target;
  const temp = `${target}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, `${JSON.stringify(framework, null, 2)}\n`);
    renameSync(temp, target);
    return target;
  } catch (e) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The folder itself is what failed: there is no temp file to remove.
    }
    io.stderr(`Ghi chú: không ghi được bộ tiêu chí vào thư viện ${dir} (${(e as Error).message}).\n`);
    return null;
  }
}

/**
 * The framework a workbook's `_meta` names: a built-in with that id and fingerprint, else the
 * library's entry of that id and fingerprint, else (so the difference is reported, not hidden)
 * the built-in or the library's latest of that id.
 */
export function knownFramework(id: string, fingerprint?: string): Framework | undefined {
  const builtin = getBuiltinFramework(id);
  if (builtin && (!fingerprint || frameworkFingerprint(builtin) === fingerprint)) return builtin;
  return (fingerprint ? findInLibrary(id, fingerprint) : undefined) ?? builtin ?? findInLibrary(id);
}

/** Every framework in the library (unreadable entries skipped), in file-name order. */
export function libraryFrameworks(): Framework[] {
  let names: string[];
  try {
    names = readdirSync(libraryDir());
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json') && n.includes('@'))
    .sort()
    .map((n) => parseSafely(join(libraryDir(), n)))
    .filter((f): f is Framework => f !== undefined);
}

/** A remembered framework by id (and fingerprint when given; else the most recently written). */
export function findInLibrary(id: string, fingerprint?: string): Framework | undefined {
  const dir = libraryDir();
  if (fingerprint) {
    const exact = join(dir, fileName(id, fingerprint));
    if (existsSync(exact)) return parseSafely(exact);
  }
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  const prefix = `${id.replace(/[^A-Za-z0-9._-]/g, '_')}@`;
  for (const n of names
    .filter((x) => x.startsWith(prefix) && x.endsWith('.json'))
    .sort()
    .reverse()) {
    const f = parseSafely(join(dir, n));
    if (f && f.id === id && (!fingerprint || frameworkFingerprint(f) === fingerprint)) return f;
  }
  return undefined;
}

function parseSafely(path: string): Framework | undefined {
  try {
    return parseFrameworkText(readFileSync(path, 'utf8'), path);
  } catch {
    return undefined;
  }
}
