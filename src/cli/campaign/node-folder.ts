/**
 * The campaign folder on disk. Every write is atomic and durable: the bytes go to a temporary file
 * in the same folder, are fsync'ed, then renamed over the target, and the folder itself is
 * fsync'ed — so a `receive` killed at any instant (even SIGKILL) leaves either the previous
 * register or the new one, never half of one.
 */
import { promises as fs } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { CampaignFolder } from '../../usecases/campaign/folder';

async function fsyncDir(dir: string): Promise<void> {
  // Not every platform lets a directory be opened for fsync (Windows): the rename is then as
  // durable as the platform makes it.
  try {
    const h = await fs.open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    /* best effort */
  }
}

/** Our temporary files: ".PID.MILLISECONDS.RANDOM.tmp" (writeFileDurably below). */
const OWN_TEMP = /^\.(\d+)\.\d+\.[a-z0-9]+\.tmp$/;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, as another user's process.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a killed command left in the campaign folder tree (a `receive`
 * killed with SIGKILL between writing a temp file and renaming it): only files of our own naming,
 * and only those of a process that no longer runs, so a command running beside this one keeps its
 * own. Called when a campaign command starts. Returns the paths removed (relative to the folder).
 */
export async function removeStaleTemps(root: string, depth = 3): Promise<string[]> {
  const removed: string[] = [];
  const visit = async (dir: string, rel: string, left: number) => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      const m = OWN_TEMP.exec(e.name);
      if (e.isFile() && m && Number(m[1]) !== process.pid && !processAlive(Number(m[1]))) {
        await fs.rm(path, { force: true });
        removed.push(rel ? `${rel}/${e.name}` : e.name);
      } else if (e.isDirectory() && left > 0) await visit(path, rel ? `${rel}/${e.name}` : e.name, left - 1);
    }
  };
  await visit(root, '', depth);
  return removed;
}

export async function writeFileDurably(target: string, data: Uint8Array | string): Promise<void> {
  await fs.mkdir(dirname(target), { recursive: true });
  const temp = join(
    dirname(target),
    `.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  const h = await fs.open(temp, 'w');
  try {
    await h.writeFile(data);
    await h.sync();
  } finally {
    await h.close();
  }
  try {
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
  await fsyncDir(dirname(target));
}

export function nodeCampaignFolder(root: string, cwd: string = process.cwd()): CampaignFolder {
  const base = resolve(cwd, root);
  const full = (p: string) => join(base, ...p.split('/'));
  return {
    async read(path) {
      try {
        return new Uint8Array(await fs.readFile(full(path)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    writeAtomic: (path, data) => writeFileDurably(full(path), data),
    describe: (path) => relative(cwd, full(path)) || '.',
  };
}
