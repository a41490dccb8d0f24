/**
 * Every file `cchc` writes goes through here: written next to its target under a hidden temporary
 * name, then renamed, so a reader never sees half a file and a failure (full disk, signal) leaves
 * the previous target untouched and no temporary file behind. Failures become the Vietnamese
 * sentence of io-errors naming the target (exit 3), never the temporary name.
 */
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { ioFailure } from './io-errors';
import { releaseTemp, trackTemp } from './temp-files';

let counter = 0;

/** Short whatever the target's name (a 250-byte target plus a suffix would pass the 255-byte limit). */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.cchc-${process.pid}-${Date.now().toString(36)}-${counter++}.tmp`);
}

/** Writes `target` through `write(tempPath)` and a rename. */
export async function writeAtomicallyWith(
  target: string,
  write: (tempPath: string) => Promise<void>,
): Promise<void> {
  const temp = tempPathFor(target);
  trackTemp(temp);
  try {
    await write(temp);
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw ioFailure(e, target, 'write');
  } finally {
    releaseTemp(temp);
  }
}

export function writeAtomically(target: string, data: Uint8Array | string): Promise<void> {
  return writeAtomicallyWith(target, (temp) => fs.writeFile(temp, data));
}

/** Creates a folder for outputs (and its parents), failures as sentences naming it. */
export async function makeOutputDir(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    throw ioFailure(e, dir, 'write');
  }
}
