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
