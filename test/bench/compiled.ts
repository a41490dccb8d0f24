/**
 * The compiled CLI, as users run it (`npx cchc`, bin/cchc.js → build/): benches of a CLI job load
 * it from there, not the TypeScript sources through tsx, whose module wrapper turns every
 * imported binding into a getter call and names closures at run time — measured 1.0 ms per
 * returned file more on consolidation (3.84 against 2.81, one process, 1,000 files), a cost no
 * user pays. `buildCompiledCli` compiles it first, so a bench never measures a stale build.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const PROJECT_ROOT = join(__dirname, '..', '..');

/** Path of a compiled module, e.g. compiledModule('src/cli/main'). */
export function compiledModule(path: string): string {
  return join(PROJECT_ROOT, 'build', `${path}.js`);
}

/** `npm run build:cli`, in the project; throws with tsc's output when it fails. */
export function buildCompiledCli(): void {
  const tsc = join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(PROJECT_ROOT, 'tsconfig.build.json')], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`build:cli failed:\n${r.stdout}${r.stderr}`);
}
