/**
 * The returned workbooks under the files and folders named on the command line. The walk is
 * iterative (a folder tree of any depth costs no stack), and a sub-folder that cannot be listed
 * (no permission, removed meanwhile) is reported and skipped: one bad folder never stops the
 * others. Excel's "~$" lock files and hidden entries are left out.
 */
import { promises as fs, readdirSync, type Dirent } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { UserError } from '../errors';
import { ioErrorMessage, ioFailure, isErrnoException } from '../io-errors';

/** Extensions picked up when a folder is given; other files in it (reports, PDFs) are ignored. */
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.ods']);

/** A folder that could not be listed, as it appears in messages (relative to the user's folder). */
export interface SkippedFolder {
  folder: string;
  message: string;
}

export interface CollectedWorkbooks {
  /** Full paths, in walk order (each folder's entries sorted), each once. */
  files: string[];
  skipped: SkippedFolder[];
}

function skippable(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

/**
 * Every workbook under `paths`; `exclude` holds full paths that are inputs of another kind (the
 * survey table, the previous ranking) and so are not returned workbooks. A named path that does
 * not exist is a bad argument (exit 2); a named path that cannot be read is exit 3.
 */
export async function collectWorkbooks(
  paths: readonly string[],
  cwd: string,
  exclude: ReadonlySet<string> = new Set(),
): Promise<CollectedWorkbooks> {
  const files: string[] = [];
  const skipped: SkippedFolder[] = [];
  const shown = (full: string) => relative(cwd, full) || full;
  for (const p of paths) {
    const full = resolve(cwd, p);
    let stat;
    try {
      stat = await fs.stat(full);
    } catch (e) {
      if (isErrnoException(e) && e.code === 'ENOENT') throw new UserError(`Không tìm thấy "${p}".`);
      throw ioFailure(e, p, 'read');
    }
    if (!stat.isDirectory()) {
      files.push(full);
      continue;
    }
    // Depth first in name order, as a recursive walk would go, but with an explicit stack of
    // folders being listed: a tree of any depth costs no call stack.
    const frames: { entries: Dirent[]; next: number; dir: string }[] = [];
    // Listed synchronously, as the files themselves are read (returned-file-bytes.ts): the promise
    // API's listing stayed reachable from a native handle scope for the rest of the run (heap
    // snapshots while the ranking was written: every Dirent of the folder still held, 3,000 of
    // them at 3,000 returns, ~0.3 MB).
    const open = (dir: string): boolean => {
      try {
        const entries = readdirSync(dir, { withFileTypes: true });
        entries.sort((a, b) => a.name.localeCompare(b.name));
        frames.push({ entries, next: 0, dir });
        return true;
      } catch (e) {
        if (dir === full) throw ioFailure(e, p, 'read');
        const message = isErrnoException(e)
          ? ioErrorMessage(e, shown(dir), 'read')
          : `Không đọc được thư mục "${shown(dir)}".`;
        skipped.push({ folder: shown(dir), message: `${message} Thư mục này bị bỏ qua.` });
        return false;
      }
    };
    open(full);
    while (frames.length) {
      const frame = frames[frames.length - 1];
      if (frame.next >= frame.entries.length) {
        frames.pop();
        continue;
      }
      const e = frame.entries[frame.next++];
      if (skippable(e.name)) continue;
      const path = join(frame.dir, e.name);
      if (e.isDirectory()) open(path);
      else if (e.isFile() && WORKBOOK_EXTENSIONS.has(extname(e.name).toLowerCase()) && !exclude.has(path))
        files.push(path);
    }
  }
  return { files: [...new Set(files)], skipped };
}

/** Only the files (callers that report skipped folders themselves, or have none to report). */
export async function collectFiles(paths: string[], cwd: string, exclude: Set<string>): Promise<string[]> {
  const { files, skipped } = await collectWorkbooks(paths, cwd, exclude);
  if (skipped.length) throw new UserError(skipped.map((s) => s.message).join('\n'), 3);
  return files;
}
