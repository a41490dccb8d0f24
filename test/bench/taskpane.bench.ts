/**
 * Task pane bundle sizes (issue 7). Builds the production bundle with webpack's Node API into a temp
 * folder and prints, gzip-compressed (level 9, what a static host serves):
 * - taskpane.initialJsGzipKB: the JS needed before the app paints — the `taskpane` entry's files
 *   (runtime, vendors, shell). The services (Excel adapter, frameworks, zod) and every panel are
 *   async chunks loaded on first use (issue 15 item 4); their chunk groups must exist, or the
 *   figure would be measuring a build that bundled them elsewhere. Target ≤ 170 KB.
 * - taskpane.lazyJsGzipKB: everything else the pane can load later on demand (exceljs, the importer,
 *   consolidation), for the record.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import webpack from 'webpack';
import { emit } from './emit';

const ROOT = resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'cchc-bench-taskpane-'));
  process.env.CCHC_DIST = out;
  // The production build as deployed: without the browser-test host page.
  delete process.env.CCHC_TEST_HOST;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(ROOT, 'webpack.config.js')) as (
    env: unknown,
    argv: unknown,
  ) => Promise<webpack.Configuration>;
  const config = await makeConfig({}, { mode: 'production' });
  const stats = await new Promise<webpack.Stats>((ok, fail) =>
    webpack({ ...config, context: ROOT }).run((err, s) => (err || !s ? fail(err) : ok(s))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  const json = stats.toJson({
    all: false,
    assets: true,
    entrypoints: true,
    chunkGroups: true,
    chunkGroupMaxAssets: Infinity,
  });
  const groups = { ...(json.namedChunkGroups ?? {}), ...(json.entrypoints ?? {}) };
  const jsOf = (name: string) =>
    (groups[name]?.assets ?? []).map((a) => a.name).filter((n) => n.endsWith('.js'));
  const initial = new Set(jsOf('taskpane'));
  const gz = (file: string) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length;
  const allJs = (json.assets ?? []).map((a) => a.name).filter((n) => n.endsWith('.js'));
  // A figure of 0 would mean the chunk groups were not found, not a small bundle: refuse it.
  const lazyGroups = ['services', 'panel-check', 'panel-template'];
  if (!jsOf('taskpane').length || lazyGroups.some((g) => !jsOf(g).length))
    throw new Error(`chunk groups not found: ${Object.keys(groups).join(', ')}`);
  const initialBytes = [...initial].reduce((s, f) => s + gz(f), 0);
  const lazyBytes = allJs.filter((f) => !initial.has(f)).reduce((s, f) => s + gz(f), 0);
  emit('taskpane.initialJsGzipKB', initialBytes / 1024, 'KB');
  emit('taskpane.lazyJsGzipKB', lazyBytes / 1024, 'KB');
  // What the Kiểm tra panel (a unit's first panel) adds when first shown, for the record.
  const checkOnly = jsOf('panel-check').filter((f) => !initial.has(f));
  emit('taskpane.checkPanelJsGzipKB', checkOnly.reduce((s, f) => s + gz(f), 0) / 1024, 'KB');
  rmSync(out, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
