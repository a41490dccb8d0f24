import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../src/common/csv';
import { consolidate } from '../../src/usecases/consolidate-returns';
import { sha256Hex } from '../../src/common/sha256';
import { renderReportHtml } from '../../src/consolidation/report-html';
import type { ConsolidationResult, IncomingFile } from '../../src/consolidation/types';
import { returnedWorkbookReader } from '../../src/xlsx/returned-workbook';
import { writeRankingWorkbook } from '../../src/xlsx/ranking-workbook';
import ExcelJS from 'exceljs';
import { getBuiltinFramework } from '../../src/framework/builtins';
import { buildFixtureFolder, hashFolder, type FixtureFolder } from './fixture-folder';
import { smallFramework } from '../helpers/small-framework';
import { printNameProblems, printNames } from '../helpers/print-names';
import { appliesTo, leaves } from '../../src/framework/tree';
import { renderTemplate } from '../../src/xlsx/render';
import { fillReturnedWorkbook } from '../../src/xlsx/sample-returns';

const reader = returnedWorkbookReader({
  resolveFramework: (id) => (id === smallFramework.id ? smallFramework : getBuiltinFramework(id)),
});

let root: string;
let fixture: FixtureFolder;
let result: ConsolidationResult;
let hashesBefore: Record<string, string>;
const progress: number[] = [];

async function filesOf(dir: string): Promise<IncomingFile[]> {
  const names = (await fs.readdir(dir)).sort();
  return Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      const { size } = await fs.stat(path);
      return { name, size, bytes: async () => new Uint8Array(await fs.readFile(path)) };
    }),
  );
}

beforeAll(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'cchc-consolidate-'));
  fixture = await buildFixtureFolder(root, { hugeFile: true });
  hashesBefore = await hashFolder(fixture.dir);
  const files = await filesOf(fixture.dir);
  const surveyRows = parseCsv(await fs.readFile(fixture.surveyPath, 'utf8'));
  result = await consolidate(files, {
    reader,
    survey: { rows: surveyRows, options: { fileName: 'dieu-tra-xhh.csv' } },
    total: files.length,
    onProgress: (p) => progress.push(p.done),
  });
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('consolidate (fixture folder)', () => {
  it('gives every file its expected status and reasons', () => {
    for (const expected of fixture.files) {
      const f = result.files.find((x) => x.file === expected.name);
      expect({ file: expected.name, status: f?.status }).toEqual({
        file: expected.name,
        status: expected.status,
      });
      const rules = f?.errors.map((e) => e.rule) ?? [];
      for (const rule of expected.rules)
        expect({ file: expected.name, rules }).toEqual({
          file: expected.name,
          rules: expect.arrayContaining([rule]),
        });
      if (expected.status !== 'accepted') expect(f?.errors.length).toBeGreaterThan(0);
      else expect(f?.errors).toEqual([]);
    }
    expect(result.files).toHaveLength(fixture.files.length);
  });

  it('names the cell of every rule error in a rejected workbook', () => {
    const bad = result.files.find((f) => f.file === 'S06-bad-scores.xlsx');
    const errors = bad?.errors ?? [];
    for (const e of errors) expect(e.cell).toMatch(/^Chấm điểm![A-Z]+\d+$/);
    const selfCells = (rule: string) =>
      errors.filter((e) => e.rule === rule && /!E\d+$/.test(e.cell ?? '')).length;
    expect(selfCells('value.notANumber')).toBe(1);
    expect(selfCells('structure.formulaInInput')).toBe(1);
    expect(selfCells('score.aboveMax')).toBe(1);
    // A unit's own return carries no council score: none is checked (or counted) from it.
    expect(errors.some((e) => /!H\d+$/.test(e.cell ?? ''))).toBe(false);
  });

  it('gives Vietnamese reasons for unreadable files, naming the file', () => {
    const byName = Object.fromEntries(result.files.map((f) => [f.file, f.errors[0]?.message ?? '']));
    expect(byName['password.xlsx']).toMatch(/mật khẩu/);
    expect(byName['password.xlsx']).toMatch(/password\.xlsx/);
    expect(byName['bomb.xlsx']).toMatch(/bom zip/);
    expect(byName['truncated.xlsx']).toMatch(/cắt cụt|hỏng/);
    expect(byName['huge.xlsx']).toMatch(/quá lớn/);
    expect(byName['plain-zip.xlsx']).toMatch(/không phải mẫu|không đọc được/i);
  });

  it('lists both duplicates and ranks neither', () => {
    const dups = result.files.filter((f) => f.status === 'duplicate');
    expect(dups.map((f) => f.file).sort()).toEqual(['H03-chau-thanh-a.xlsx', 'H03-chau-thanh-b.xlsx']);
    expect(dups[0].errors[0].message).toMatch(/H03-chau-thanh-b\.xlsx|H03-chau-thanh-a\.xlsx/);
    expect(result.units.some((u) => u.code === 'H03')).toBe(false);
  });

  it('ranks the good units per group with the index worked out by hand', () => {
    const index = Object.fromEntries(result.units.map((u) => [u.code, u.index]));
    expect(index).toEqual(fixture.expectedIndex);
    const so = result.units.filter((u) => u.group === 'so').map((u) => [u.code, u.rank]);
    expect(so).toEqual([
      ['S01', 1],
      ['S03', 2],
      ['S02', 3],
      ['S99', null],
    ]);
    expect(result.units.filter((u) => u.group === 'huyen').map((u) => [u.code, u.rank])).toEqual([
      ['H01', 1],
      ['H02', 2],
    ]);
    const s01 = result.units.find((u) => u.code === 'S01');
    expect(s01).toMatchObject({
      appraisal: 45,
      survey: 36.47,
      total: 81.47,
      max: 90,
      band: 'Tốt',
      ranked: true,
    });
  });

  it('ranks a unit without survey data with 0 and a visible warning, and lists unmatched survey rows', () => {
    const h02 = result.units.find((u) => u.code === 'H02');
    expect(h02?.survey).toBe(0);
    expect(h02?.warnings.join(' ')).toMatch(/điều tra XHH/);
    expect(result.survey?.unitsWithoutSurvey).toEqual(['H02']);
    expect(result.survey?.unmatchedRows.map((r) => r.name)).toEqual(['Sở Ngoại vụ']);
    expect(result.warnings.join('\n')).toMatch(/Tân Châu/);
  });

  it('keeps per-field totals and leaf details (self, appraisal, final)', () => {
    expect(result.fieldTotals.S01).toEqual({ '1': 27, '2': 18, '3': 36.47 });
    const s01 = result.details.find((d) => d.key === 'S01');
    expect(s01?.leaves.find((l) => l.code === '1.1')).toEqual({
      code: '1.1',
      self: 7.5,
      appraisal: null,
      final: 7.5,
    });
    expect(s01?.leaves.find((l) => l.code === '3.1')).toEqual({
      code: '3.1',
      self: null,
      appraisal: null,
      final: 21.88,
    });
    const s02 = result.files.find((f) => f.file === 'S02-tu-phap.xlsx');
    expect(s02?.warnings.map((w) => w.rule)).toContain('consolidation.notYetAppraised');
  });

  it('records SHA-256, size and generated-at for readable files, and never writes to the inputs', async () => {
    const s01 = result.files.find((f) => f.file === 'S01-gtvt.xlsx');
    const bytes = new Uint8Array(await fs.readFile(join(fixture.dir, 'S01-gtvt.xlsx')));
    expect(s01?.sha256).toBe(await sha256Hex(bytes));
    expect(s01?.size).toBe(bytes.length);
    expect(s01?.generatedAt).toBe('2026-11-22T08:00:00.000Z');
    expect(await hashFolder(fixture.dir)).toEqual(hashesBefore);
  });

  it('reports progress once per file, in order', () => {
    expect(progress).toEqual(fixture.files.map((_, i) => i + 1));
  });

  it('never reads the bytes of a file refused on its size', async () => {
    let read = false;
    const r = await consolidate(
      [{ name: 'big.xlsx', size: 60 * 1024 * 1024, bytes: async () => ((read = true), new Uint8Array(0)) }],
      { reader },
    );
    expect(read).toBe(false);
    expect(r.files[0].status).toBe('unreadable');
    expect(r.units).toEqual([]);
  });

  it('writes the ranking workbook as bytes too (the in-memory writer the browser can use)', async () => {
    const bytes = await writeRankingWorkbook(result, { generatedAt: '2026-11-22T09:00:00.000Z' });
    // Excel fidelity: fully absolute print areas on every sheet; no filter without its name.
    expect(printNames(bytes).map((s) => s.printArea)).toEqual([
      expect.stringMatching(/^'Xếp hạng'!\$A\$1:\$[A-Z]+\$\d+$/),
      expect.stringMatching(/^'Chi tiết'!\$A\$1:\$[A-Z]+\$\d+$/),
      "'Điểm còn thiếu'!$A$1:$J$" + (1 + result.units.length),
      "'Hồ sơ'!$A$1:$G$" + (1 + result.files.length),
      "'Biểu đồ'!$A$1:$E$" + (1 + result.units.length),
      expect.stringMatching(/^'Ghi chú'!\$A\$1:\$C\$\d+$/),
    ]);
    expect(printNameProblems(bytes)).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Xếp hạng',
      'Chi tiết',
      'Điểm còn thiếu',
      'Hồ sơ',
      'Biểu đồ',
      'Ghi chú',
    ]);
    // Chi tiết: one row per accepted unit (6) with one column per leaf (7), under the title, the
    // header and a maximum row per group.
    const detail = wb.getWorksheet('Chi tiết') as ExcelJS.Worksheet;
    const header = detail.getRow(2).values as unknown[];
    expect(header.slice(1, 3)).toEqual(['Mã đơn vị', 'Đơn vị']);
    expect(header.filter((v) => typeof v === 'string' && /^\d+(\.\d+)+$/.test(v))).toHaveLength(7);
    const bodyRows: unknown[][] = [];
    detail.eachRow((row, r) => {
      if (r > 2 && typeof row.getCell(2).value === 'string' && row.getCell(1).value !== 'Tối đa')
        bodyRows.push(row.values as unknown[]);
    });
    expect(bodyRows.filter((v) => v.slice(3, 10).some((x) => typeof x === 'number'))).toHaveLength(6);
    const chart = wb.getWorksheet('Biểu đồ') as ExcelJS.Worksheet;
    expect(chart.getRow(2).values).toEqual([
      undefined,
      'Sở, ban, ngành',
      'S01',
      'Sở Giao thông Vận tải',
      90.52,
      1,
    ]);
  });

  it('writes a self-contained, escaped HTML report', () => {
    const html = renderReportHtml(result, { generatedAt: '2026-11-22T09:00:00.000Z' });
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<svg');
    expect(html).toContain('90,52');
    expect(html).toContain('=Sở Nội vụ');
    expect(html).not.toMatch(/<(script|link|img)\b/i);
    expect(html).not.toMatch(/(src|href)="https?:/i);
    expect(html).toContain('MINH HỌA');
    const evil = {
      ...result,
      units: result.units.map((u, i) => (i === 0 ? { ...u, unit: '<script>alert(1)</script>' } : u)),
    };
    const escaped = renderReportHtml(evil, { generatedAt: '2026-11-22T09:00:00.000Z' });
    expect(escaped).not.toContain('<script>');
    expect(escaped).toContain('&lt;script&gt;');
  });
});

describe('consolidate: a unit cannot appraise itself (issue 11)', () => {
  it('rejects a return with maxima typed into its own Điểm thẩm định, and ranks none of it', async () => {
    const framework = getBuiltinFramework('an-giang-2022')!;
    const unit = { code: 'SXD', name: 'Sở Xây dựng', group: 'so' };
    const entries: Record<string, { self: number; appraisal: number }> = {};
    for (const leaf of leaves(framework))
      if (leaf.method !== 'survey' && leaf.max > 0 && appliesTo(leaf, 'so'))
        entries[leaf.code] = { self: 0, appraisal: leaf.max };
    const bytes = await fillReturnedWorkbook(await renderTemplate(framework, unit), entries);
    const r = await consolidate([{ name: 'sxd.xlsx', bytes }], {
      reader: returnedWorkbookReader({
        resolveFramework: (id) => (id === framework.id ? framework : undefined),
      }),
    });
    expect(r.files[0].status).toBe('rejected');
    expect(r.files[0].errors.filter((e) => e.rule === 'trust.unitWroteCouncilCell').length).toBeGreaterThan(
      40,
    );
    expect(r.files[0].errors.at(-1)?.rule).not.toBe('trust.unitWroteCouncilCell');
    expect(r.units).toEqual([]);
  });
});
