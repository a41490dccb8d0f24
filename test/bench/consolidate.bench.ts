/**
 * Consolidation benchmark (issue 5): 1,000 returned workbooks of the An Giang 2022 framework are
 * generated in a temp folder, then consolidated by `cchc consolidate` in a CHILD process (so its
 * peak memory is its own), for the first 100 files and for all 1,000; a third child merely loads
 * the same 1,000 files with exceljs, the floor any exceljs-based reader stands on.
 *
 * Prints: consolidate.1000.seconds, consolidate.1000.peakRssMB, consolidate.100.peakRssMB,
 * consolidate.1000.ratioToExceljsLoad (our time ÷ exceljs' load time), plus the per-file cost;
 * and, when the CLI is compiled (build/), the same run on two worker threads (--jobs 2).
 * Streaming means peakRssMB for 1,000 files stays close to the figure for 100.
 *
 * Generation: ten filled workbooks (templates rendered, then filled by the second writer) serve
 * as bodies; each of the 1,000 files is one of them with its unit code and name rewritten in the
 * shared strings (JSZip), so every file is a distinct unit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { emit } from './emit';

const CHILD_FLAG = '--bench-child';

async function generate(dir: string, count: number): Promise<void> {
  const { getBuiltinFramework } = await import('../../src/framework/builtins');
  const { renderTemplate } = await import('../../src/xlsx/render');
  const { fillReturnedWorkbook } = await import('../../src/xlsx/sample-returns');
  const { sampleScores, seedOf } = await import('../../src/consolidation/sample-scores');
  const framework = getBuiltinFramework('an-giang-2022');
  if (!framework) throw new Error('an-giang-2022 missing');
  const bodies: Array<{ group: string; zip: JSZip }> = [];
  for (let i = 0; i < 10; i++) {
    const group = i % 2 ? 'huyen' : 'so';
    const unit = { code: 'BENCHCODE', name: 'BENCHNAME', group };
    const template = await renderTemplate(framework, unit, { generatedAt: '2026-11-22T08:00:00.000Z' });
    const filled = await fillReturnedWorkbook(
      template,
      sampleScores(framework, group, seedOf(`bench${i}`)) as never,
    );
    bodies.push({ group, zip: await JSZip.loadAsync(filled) });
  }
  for (let n = 0; n < count; n++) {
    const { zip } = bodies[n % bodies.length];
    const code = `U${String(n).padStart(4, '0')}`;
    const copy = new JSZip();
    for (const [name, entry] of Object.entries(zip.files)) {
      if (entry.dir) continue;
      let content: string | Uint8Array = await entry.async(
        name.endsWith('.xml') || name.endsWith('.rels') ? 'string' : 'uint8array',
      );
      if (typeof content === 'string' && content.includes('BENCH')) {
        content = content.replace(/BENCHCODE/g, code).replace(/BENCHNAME/g, `Đơn vị số ${n + 1}`);
      }
      copy.file(name, content);
    }
    const bytes = await copy.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    await fs.writeFile(join(dir, `${code}.xlsx`), bytes);
  }
}

/** Runs inside the child: one measured job, one JSON line on stdout. */
async function child(kind: string, dir: string, limit: number): Promise<void> {
  const files = (await fs.readdir(dir))
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .slice(0, limit);
  const started = performance.now();
  if (kind === 'exceljs') {
    const ExcelJS = (await import('exceljs')).default;
    for (const f of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await fs.readFile(join(dir, f))) as never);
    }
  } else {
    // kind "consolidate": the TypeScript source, one file at a time; "consolidate-jobs2": the
    // compiled command (build/), whose worker threads need compiled code, on two threads.
    const compiled = join(__dirname, '..', '..', 'build', 'src', 'cli', 'main.js');
    const { main } =
      kind === 'consolidate-jobs2' ? await import(compiled) : await import('../../src/cli/main');
    const sub = join(dir, '..', `subset-${limit}`);
    await fs.mkdir(sub, { recursive: true });
    // A folder holding exactly the first `limit` files (hard links: no copies).
    for (const f of files) await fs.link(join(dir, f), join(sub, f)).catch(() => undefined);
    const io = { stdout: () => undefined, stderr: () => undefined, isTTY: false, cwd: sub };
    const jobs = kind === 'consolidate-jobs2' ? '2' : '1';
    const out = join(dir, '..', `out-${kind}-${limit}.xlsx`);
    const code = await main(
      ['consolidate', '.', '--framework', 'an-giang-2022', '--jobs', jobs, '-o', out, '--json'],
      io,
    );
    if (code !== 0) throw new Error(`consolidate exited ${code}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ seconds, peakRssMB, files: files.length })}\n`);
}

function runChild(
  kind: string,
  dir: string,
  limit: number,
): { seconds: number; peakRssMB: number; files: number } {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', __filename, CHILD_FLAG, kind, dir, String(limit)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (r.status !== 0) throw new Error(`bench child ${kind} ${limit} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string);
}

async function parent(): Promise<void> {
  const count = Number(process.env.CCHC_BENCH_FILES ?? 1000);
  const root = await fs.mkdtemp(join(tmpdir(), 'cchc-bench-consolidate-'));
  const dir = join(root, 'returned');
  await fs.mkdir(dir);
  try {
    const t = performance.now();
    await generate(dir, count);
    process.stderr.write(
      `generated ${count} workbooks in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
    );
    const small = runChild('consolidate', dir, Math.min(100, count));
    const full = runChild('consolidate', dir, count);
    const load = runChild('exceljs', dir, count);
    emit(`consolidate.${count}.seconds`, full.seconds, 's');
    emit(`consolidate.${count}.peakRssMB`, full.peakRssMB, 'MB');
    emit(`consolidate.${Math.min(100, count)}.peakRssMB`, small.peakRssMB, 'MB');
    emit(`consolidate.${count}.ratioToExceljsLoad`, full.seconds / load.seconds, 'ratio');
    emit(`consolidate.${count}.msPerFile`, (full.seconds * 1000) / count, 'ms');
    emit(`exceljs.load.${count}.seconds`, load.seconds, 's');
    if (existsSync(join(__dirname, '..', '..', 'build', 'src', 'cli', 'main.js'))) {
      const parallel = runChild('consolidate-jobs2', dir, count);
      emit(`consolidate.${count}.jobs2.seconds`, parallel.seconds, 's');
      emit(`consolidate.${count}.jobs2.peakRssMB`, parallel.peakRssMB, 'MB');
    } else {
      process.stderr.write('build/ missing (npm run build:cli): the two-thread figure is skipped\n');
    }
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === CHILD_FLAG) {
  child(process.argv[3], process.argv[4], Number(process.argv[5])).catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
} else {
  parent().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
}
