/**
 * How the CLI reads one returned workbook, on the main thread and in the workers of `--jobs`.
 *
 * Synchronously: a returned workbook is ~40 KB, read in tens of microseconds, while the promise
 * API's open, stat, read and close through the thread pool cost ~0.15 ms of CPU per file
 * (measured side by side on 1,000 bench files: 0.12-0.20 ms against 0.03 ms), a twentieth of a
 * whole consolidation. Nothing else waits on the event loop meanwhile: files are inspected one
 * after the other, and a signal is handled between two of them.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../errors';
import { ioFailure } from '../io-errors';

/** The bytes of one returned workbook; an operating-system failure as the reason the file is unreadable. */
export function returnedFileBytes(path: string, name: string): () => Promise<Uint8Array> {
  return async () => {
    try {
      return new Uint8Array(readFileSync(path));
    } catch (e) {
      const failure = ioFailure(e, name, 'read');
      throw failure instanceof UserError ? new Error(failure.message) : failure;
    }
  };
}
