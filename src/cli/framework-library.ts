/**
 * The per-user framework library: every framework imported or used by a campaign is remembered by
 * id + fingerprint, so a template made from it validates later without `--framework`. Files live in
 * $CCHC_LIBRARY, else $XDG_DATA_HOME/cchc/frameworks, else ~/.local/share/cchc/frameworks; one JSON
 * per framework version, named ID@FINGERPRINT.json. Remembering is best effort: a read-only home
 * never stops a command (a note says so).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { frameworkFingerprint } from '../framework/fingerprint';
import { parseFrameworkText } from '../framework/parse';
import type { Framework } from '../framework/schema';
import { writeFileDurably } from './campaign/node-folder';
import type { CliIO } from './command';

export function libraryDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CCHC_LIBRARY) return env.CCHC_LIBRARY;
  const data = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(data, 'cchc', 'frameworks');
}

function fileName(id: string, fingerprint: string): string {
  return `${id.replace(/[^A-Za-z0-9._-]/g, '_')}@${fingerprint.replace(/[^A-Za-z0-9]/g, '')}.json`;
}

export async function rememberFramework(
  framework: Framework,
  io: Pick<CliIO, 'stderr'>,
): Promise<string | null> {
  const dir = libraryDir();
  const target = join(dir, fileName(framework.id, frameworkFingerprint(framework)));
  if (existsSync(target)) return target;
  try {
    mkdirSync(dir, { recursive: true });
    await writeFileDurably(target, `${JSON.stringify(framework, null, 2)}\n`);
    return target;
  } catch (e) {
    io.stderr(`Ghi chú: không ghi được bộ tiêu chí vào thư viện ${dir} (${(e as Error).message}).\n`);
    return null;
  }
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
