import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** A CliIO rooted at `cwd` that keeps what `cchc` printed: `out` (stdout) and `err` (stderr). */
export type CapturedIO = CliIO & { out: string; err: string };

/** The one CLI harness of the tests: a captured CliIO rooted at `cwd`. */
export function capture(cwd: string, isTTY = false): CapturedIO {
  const io: CapturedIO = {
    out: '',
    err: '',
    isTTY,
    cwd,
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}

/** Runs `cchc ARGS` in-process. */
export async function run(args: string[], cwd: string): Promise<Captured> {
  const io = capture(cwd);
  const code = await main(args, io);
  return { code, stdout: io.out, stderr: io.err };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cchc-fw-'));
}
