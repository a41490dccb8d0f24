/**
 * `cchc ARGS` in a real child process (test/helpers/cli-child.ts), as an unprivileged user when the
 * tests run as root (root reads and writes any folder, so permission cases need another user), and
 * optionally with a file-size limit: `ulimit -f` with SIGXFSZ ignored makes the kernel refuse a
 * write past the limit with EFBIG mid-stream, the way a full disk refuses one with ENOSPC.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(__dirname, '..', '..');
const CHILD = join(ROOT, 'test', 'helpers', 'cli-child.ts');
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export interface ChildRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runAsUser(args: string[], cwd: string, options: { fileSizeLimitKB?: number } = {}): ChildRun {
  const asNobody = process.getuid?.() === 0;
  const node = [process.execPath, '--import', TSX, CHILD, ...args];
  const [command, ...argv] =
    options.fileSizeLimitKB === undefined
      ? node
      : ['bash', '-c', `trap '' XFSZ; ulimit -f ${options.fileSizeLimitKB}; exec "$@"`, 'bash', ...node];
  const r = spawnSync(command, argv, {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    // tsx writes its compile cache as it goes; under a size limit it must not be the writer that fails.
    ...(options.fileSizeLimitKB === undefined ? {} : { env: { ...process.env, TSX_DISABLE_CACHE: '1' } }),
    ...(asNobody ? { uid: 65534, gid: 65534 } : {}),
  });
  const line = /CHILD_RESULT (.*)$/m.exec(r.stdout ?? '');
  if (!line) throw new Error(`child died (signal ${r.signal}, status ${r.status}): ${r.stderr}`);
  return {
    code: (JSON.parse(line[1]) as { code: number }).code,
    stdout: r.stdout.slice(0, line.index),
    stderr: r.stderr,
  };
}
