/**
 * `npm run bench`: runs every test/bench/*.bench.ts in its own Node process (so peak-memory figures
 * do not mix) and passes their JSON lines through: { "bench": NAME, "value": NUMBER, "unit": TEXT }.
 * `npm run bench -- NAME` runs only the bench files whose name contains NAME.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const filter = process.argv[2] ?? '';
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
let failed = 0;
for (const f of files) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(__dirname, f)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`bench ${f} thất bại (mã ${r.status})\n`);
  }
}
process.exitCode = failed ? 1 : 0;
