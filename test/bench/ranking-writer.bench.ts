/**
 * Ranking workbook writer benchmark (issue 15 item 3): the workbook `cchc consolidate -o` writes,
 * for 1,000 and 10,000 units, streamed to a file with Node's zlib as the CLI does. The input is
 * the 30 An Giang 2022 units of the writer's equivalence fixture (51 leaves, two groups) repeated
 * under new codes and names (the copies share their scores: the input stays small, so the memory
 * measured is the writer's). Each size runs in its own process:
 * - ranking.write.N.msPerUnit: CPU time of the write per unit;
 * - ranking.write.N.peakRssMB: the process's peak RSS (input included);
 * - ranking.write.N.writerRssMB: that peak above the RSS just before the write (what the writer adds).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, promises as fs } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsolidationResult } from '../../src/consolidation/types';
import { emit } from './emit';

const CHILD_FLAG = '--bench-child';

async function repeated(count: number): Promise<ConsolidationResult> {
  const { getBuiltinFramework } = await import('../../src/framework/builtins');
  const path = join(__dirname, '..', 'fixtures', 'ranking-writer', 'an-giang-30.input.json');
  const base = JSON.parse(await fs.readFile(path, 'utf8'));
  const n = base.units.length;
  const detailOf = new Map(base.details.map((d: { key: string }) => [d.key, d]));
  const fileOf = new Map(base.files.map((f: { file: string }) => [f.file, f]));
  const result: ConsolidationResult = {
    ...base,
    framework: getBuiltinFramework(base.framework),
    units: [],
    details: [],
    files: [],
    fieldTotals: {},
  };
  for (let i = 0; i < count; i++) {
    const u = base.units[i % n];
    const code = `${u.code}-${Math.floor(i / n)}`;
    const unit = `${u.unit} (bản ${Math.floor(i / n) + 1})`;
    result.units.push({ ...u, code, unit });
    const d = detailOf.get(u.code) as ConsolidationResult['details'][number];
    const ref = { ...d.unit, code, name: unit };
    result.details.push({ ...d, key: code, unit: ref, file: `${code}.xlsx` });
    const f = fileOf.get(d.file) as ConsolidationResult['files'][number];
    result.files.push({ ...f, file: `${code}.xlsx`, unit: ref });
    result.fieldTotals[code] = base.fieldTotals[u.code];
  }
  return result;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function child(count: number): Promise<void> {
  const { streamRankingWorkbook } = await import('../../src/xlsx/ranking-workbook');
  const { zlibZipCompression } = await import('../../src/cli/native-deflate');
  const result = await repeated(count);
  const root = await fs.mkdtemp(join(tmpdir(), 'cchc-bench-ranking-'));
  try {
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage().rss;
    const t = cpuMs();
    await streamRankingWorkbook(
      result,
      { generatedAt: '2026-11-22T09:00:00.000Z', compression: zlibZipCompression },
      createWriteStream(join(root, 'xep-hang.xlsx')),
    );
    const ms = cpuMs() - t;
    const peak = process.resourceUsage().maxRSS * 1024;
    const load = loadavg()[0];
    emit(`ranking.write.${count}.msPerUnit`, ms / count, 'ms', load);
    emit(`ranking.write.${count}.peakRssMB`, peak / 2 ** 20, 'MB', load);
    emit(`ranking.write.${count}.writerRssMB`, Math.max(0, peak - before) / 2 ** 20, 'MB', load);
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === CHILD_FLAG) {
  child(Number(process.argv[3])).catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  });
} else {
  for (const count of [1000, 10000]) {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--expose-gc', __filename, CHILD_FLAG, String(count)],
      {
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(`bench ranking ${count} failed: ${r.stderr}`);
    process.stdout.write(r.stdout);
  }
}
