/**
 * Bulk template generation as Sở Nội vụ runs it: `cchc template --units UNITS.csv -o DIR` for 200
 * units of the An Giang 2022 framework (90 rows each), files written to disk. Also one template
 * and reading one back (the per-file cost of consolidation before validation).
 * Prints {"bench":"template.bulk200.seconds",…}, template.single.ms, template.read.ms,
 * template.bulk200.peakRss.mb; and, from jobs interleaved in this process (CPU time, the best of
 * three rounds, 100 units each), template.msPerTemplate (the bulk path: one render per group,
 * each unit patched, zlib) and template.ratioToExceljs (to rendering each unit with exceljs).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { getBuiltinFramework } from '../../src/framework/builtins';
import { readTemplate } from '../../src/xlsx/read-template';
import { zlibCompressor } from '../../src/cli/native-deflate';
import { renderTemplate } from '../../src/xlsx/render';
import { templateMaker } from '../../src/xlsx/template-patch';
import { loadavg } from 'node:os';
import { emit } from './emit';

const UNITS = 200;

function silentIO(cwd: string): CliIO {
  return { stdout: () => undefined, stderr: () => undefined, isTTY: false, cwd };
}

async function median(runs: number, fn: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function run(): Promise<void> {
  const framework = getBuiltinFramework('an-giang-2022');
  if (!framework) throw new Error('an-giang-2022 missing');
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-template-'));
  try {
    const rows = ['code,name,group'];
    for (let i = 1; i <= UNITS; i++) rows.push(`DV${i},Đơn vị thử số ${i},${i % 3 === 0 ? 'huyen' : 'so'}`);
    writeFileSync(join(dir, 'units.csv'), rows.join('\n'));

    // Warm up module loading and the JIT with one unit, outside the measure.
    await renderTemplate(framework, { code: 'W', name: 'Khởi động', group: 'so' });

    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const code = await main(
      ['template', '--framework', 'an-giang-2022', '--units', 'units.csv', '-o', 'out'],
      silentIO(dir),
    );
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const made = readdirSync(join(dir, 'out')).length;
    if (code !== 0 || made !== UNITS) throw new Error(`bulk run made ${made} files, exit ${code}`);
    emit('template.bulk200.seconds', seconds, 's');
    emit('template.bulk200.peakRss.mb', peak / (1024 * 1024), 'MB');

    await interleaved(framework);

    const unit = { code: 'STP', name: 'Sở Tư pháp', group: 'so' };
    emit(
      'template.single.ms',
      await median(9, async () => void (await renderTemplate(framework, unit))),
      'ms',
    );
    const bytes = new Uint8Array(readFileSync(join(dir, 'out', readdirSync(join(dir, 'out'))[0])));
    emit(
      'template.read.ms',
      await median(9, async () => {
        const r = await readTemplate(bytes, { resolveFramework: () => framework });
        if (!r.ok) throw new Error(r.message);
      }),
      'ms',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Bulk patching vs exceljs rendering, side by side in rounds, CPU time (the machine is shared). */
async function interleaved(framework: NonNullable<ReturnType<typeof getBuiltinFramework>>): Promise<void> {
  const n = 100;
  const units = Array.from({ length: n }, (_, i) => ({
    code: `DV${i + 1}`,
    name: `Đơn vị thử số ${i + 1}`,
    group: i % 3 === 0 ? 'huyen' : 'so',
  }));
  const options = { generatedAt: new Date().toISOString() };
  const best = { patched: Infinity, exceljs: Infinity };
  const loads: number[] = [];
  for (let round = 0; round < 3; round++) {
    let t = cpuMs();
    // A fresh maker each round: its two prototype renders are part of the bulk cost.
    const maker = templateMaker(framework, options, zlibCompressor);
    for (const u of units) await maker.make(u);
    if (maker.counts.patched !== n) throw new Error(`only ${maker.counts.patched} of ${n} patched`);
    best.patched = Math.min(best.patched, cpuMs() - t);
    t = cpuMs();
    for (const u of units) await renderTemplate(framework, u, options);
    best.exceljs = Math.min(best.exceljs, cpuMs() - t);
    loads.push(loadavg()[0]);
  }
  const load = Math.max(...loads);
  emit('template.msPerTemplate', best.patched / n, 'ms', load);
  emit('template.ratioToExceljs', best.patched / best.exceljs, 'ratio', load);
  emit('template.exceljsMsPerTemplate', best.exceljs / n, 'ms', load);
}

run().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
