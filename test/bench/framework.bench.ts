/**
 * Framework figures: checks, fingerprint and the appendix importer on the built-in An Giang 2022
 * (100 rows) and on a large synthetic framework (9 × 10 × 10 = 999 rows).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../src/common/csv';
import { getBuiltinFramework } from '../../src/framework/builtins';
import { checkFramework } from '../../src/framework/checks';
import { frameworkFingerprint } from '../../src/framework/fingerprint';
import { appendixCsv, frameworkMeta, frameworkToTable } from '../../src/framework/import/export-table';
import { importFrameworkTable } from '../../src/framework/import/import-table';
import { importMetaSchema } from '../../src/framework/import/meta';
import type { Framework, FrameworkNode } from '../../src/framework/schema';
import { readTableRows } from '../../src/xlsx/table';
import { emit } from './emit';

function timeMs(runs: number, fn: () => unknown): number {
  fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - t0) / runs;
}

function large(): Framework {
  const base = getBuiltinFramework('an-giang-2022')!;
  const leaf = (code: string): FrameworkNode => ({
    code,
    name: `Tiêu chí thành phần ${code}`,
    max: 0.5,
    method: 'self',
    guide: 'Đạt yêu cầu: 0,5; Không đạt yêu cầu: 0',
    rule: {
      kind: 'levels',
      options: [
        { label: 'Đạt yêu cầu', points: 0.5 },
        { label: 'Không đạt yêu cầu', points: 0 },
      ],
    },
  });
  const tree = Array.from({ length: 9 }, (_, f) => ({
    code: `${f + 1}`,
    name: `Lĩnh vực ${f + 1}`,
    max: 50,
    children: Array.from({ length: 10 }, (_, c) => ({
      code: `${f + 1}.${c + 1}`,
      name: `Tiêu chí ${f + 1}.${c + 1}`,
      max: 5,
      children: Array.from({ length: 10 }, (_, s) => leaf(`${f + 1}.${c + 1}.${s + 1}`)),
    })),
  }));
  return {
    ...base,
    id: 'lon',
    surveySources: [],
    declared: {
      counts: { fields: 9, criteria: 90, subCriteria: 900 },
      points: { self: 450, survey: 0, total: 450 },
    },
    tree,
  };
}

async function main() {
  const ag = getBuiltinFramework('an-giang-2022')!;
  const big = large();
  if (checkFramework(big).length) throw new Error('synthetic framework must be valid');
  emit(
    'framework.check.an-giang-2022',
    timeMs(500, () => checkFramework(ag)),
    'ms',
  );
  emit(
    'framework.check.999-rows',
    timeMs(50, () => checkFramework(big)),
    'ms',
  );
  emit(
    'framework.fingerprint.an-giang-2022',
    timeMs(500, () => frameworkFingerprint(ag)),
    'ms',
  );
  const csv = readFileSync(join(__dirname, '../../templates/appendix/an-giang-2022.csv'), 'utf8');
  const meta = importMetaSchema.parse(
    JSON.parse(readFileSync(join(__dirname, '../../templates/appendix/an-giang-2022.meta.json'), 'utf8')),
  );
  emit(
    'framework.import.csv.an-giang-2022',
    timeMs(100, () => importFrameworkTable(parseCsv(csv), meta)),
    'ms',
  );
  const bigCsv = appendixCsv(frameworkToTable(big));
  const bigMeta = importMetaSchema.parse(frameworkMeta(big));
  emit(
    'framework.import.csv.999-rows',
    timeMs(10, () => importFrameworkTable(parseCsv(bigCsv), bigMeta)),
    'ms',
  );
  const xlsx = new Uint8Array(readFileSync(join(__dirname, '../../templates/appendix/an-giang-2022.xlsx')));
  const t0 = performance.now();
  for (let i = 0; i < 10; i++) importFrameworkTable((await readTableRows(xlsx)).rows, meta);
  emit('framework.import.xlsx.an-giang-2022', (performance.now() - t0) / 10, 'ms');
}

void main();
