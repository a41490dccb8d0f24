/**
 * The built-ins are shipped also as appendix tables (templates/appendix/ID.csv, ID.xlsx) with
 * their meta (ID.meta.json). This test keeps those files in step with the JSON and proves that
 * importing them gives back exactly the built-in framework.
 * Regenerate after changing a built-in: UPDATE_APPENDIX=1 npx jest test/framework/appendix-files
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../src/common/csv';
import { listBuiltinFrameworks } from '../../src/framework/builtins';
import {
  APPENDIX_WIDTHS,
  appendixBoldRows,
  appendixCsv,
  frameworkMeta,
  frameworkToTable,
} from '../../src/framework/import/export-table';
import { importFrameworkTable } from '../../src/framework/import/import-table';
import { importMetaSchema } from '../../src/framework/import/meta';
import { readTableRows, writeTableXlsx } from '../../src/xlsx/table';

const DIR = join(__dirname, '../../templates/appendix');
const update = process.env.UPDATE_APPENDIX === '1';

describe.each(listBuiltinFrameworks().map((f) => [f.id, f] as const))('appendix of %s', (id, framework) => {
  const csvPath = join(DIR, `${id}.csv`);
  const xlsxPath = join(DIR, `${id}.xlsx`);
  const metaPath = join(DIR, `${id}.meta.json`);
  const rows = frameworkToTable(framework);

  beforeAll(async () => {
    if (!update) return;
    writeFileSync(csvPath, appendixCsv(rows));
    writeFileSync(metaPath, `${JSON.stringify(frameworkMeta(framework), null, 2)}\n`);
    const width = rows[3].length;
    const last = String.fromCharCode(64 + width);
    const xlsx = await writeTableXlsx(rows, {
      sheet: 'Phụ lục',
      merges: [`A1:${last}1`, `A2:${last}2`],
      widths: APPENDIX_WIDTHS,
      boldRows: appendixBoldRows(rows),
    });
    writeFileSync(xlsxPath, xlsx);
  });

  const meta = () => importMetaSchema.parse(JSON.parse(readFileSync(metaPath, 'utf8')));

  it('the shipped CSV and meta are up to date with the built-in JSON', () => {
    expect(existsSync(csvPath)).toBe(true);
    expect(readFileSync(csvPath, 'utf8')).toBe(appendixCsv(rows));
    expect(JSON.parse(readFileSync(metaPath, 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(frameworkMeta(framework))),
    );
  });

  it('importing the shipped CSV with its meta gives back exactly the built-in framework', () => {
    const result = importFrameworkTable(parseCsv(readFileSync(csvPath, 'utf8')), meta());
    expect(result.errors).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.framework).toEqual(framework);
    // Stronger than toEqual (which ignores undefined keys): byte-identical JSON up to key order.
    expect(JSON.stringify(sortKeys(result.framework))).toBe(JSON.stringify(sortKeys(framework)));
  });

  it('importing the shipped XLSX (merged title, numbers as numbers) gives back the same framework', async () => {
    const table = await readTableRows(new Uint8Array(readFileSync(xlsxPath)));
    expect(table.sheet).toBe('Phụ lục');
    // The merged title is expanded over the whole first row.
    expect(new Set(table.rows[0])).toEqual(new Set([framework.title.toUpperCase()]));
    const result = importFrameworkTable(table.rows, meta());
    expect(result.errors).toEqual([]);
    expect(JSON.stringify(sortKeys(result.framework))).toBe(JSON.stringify(sortKeys(framework)));
  });
});

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
