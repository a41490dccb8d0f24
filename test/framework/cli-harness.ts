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

/** A captured CliIO rooted at `cwd`. */
export function captureIO(cwd: string): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, cwd, out, err };
}

/** Runs `cchc ARGS` in-process. */
export async function run(args: string[], cwd: string): Promise<Captured> {
  const io = captureIO(cwd);
  const code = await main(args, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cchc-fw-'));
}
