import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { getBuiltinFramework } from '../../src/framework/builtins';
import { renderTemplate } from '../../src/xlsx/render';
import {
  UNIT_SO,
  cellOf,
  fillTemplateXml,
  sampleFrameworkInput,
  sampleTemplate,
  type Fills,
} from '../helpers/template-fixtures';
import { capture } from '../helpers/cli';

const GOOD: Fills = {
  '1.1.1': { self: 1, evidence: 'Kế hoạch 05/KH-STP ngày 10/01/2026' },
  '1.1.2': { self: 2, evidence: 'Báo cáo 20/BC-STP' },
  '1.2': { self: 2.75, evidence: 'Kế hoạch tuyên truyền 7/KH' },
  '1.4': { self: 3.5, evidence: 'Quyết định công nhận sáng kiến 3/QĐ' },
  '1.5': { self: 0 },
  '2.1.1': { survey: 8.5 },
};

describe('cchc validate', () => {
  let dir: string;
  let layout: Awaited<ReturnType<typeof sampleTemplate>>['plan']['score'];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cchc-validate-'));
    const fw = sampleFrameworkInput();
    writeFileSync(join(dir, 'fw.json'), JSON.stringify(fw));
    const { plan, bytes } = await sampleTemplate();
    layout = plan.score;
    writeFileSync(join(dir, 'empty.xlsx'), bytes);
    writeFileSync(join(dir, 'good.xlsx'), await fillTemplateXml(bytes, layout, GOOD));
    writeFileSync(
      join(dir, 'bad.xlsx'),
      await fillTemplateXml(bytes, layout, {
        ...GOOD,
        '1.2': { self: 5 },
        '1.1.2': { self: '1,0' },
        '1.4': { self: { formula: '2+1' } },
      }),
    );
    writeFileSync(join(dir, 'not-xlsx.xlsx'), 'day khong phai excel');
    const ag = await renderTemplate(getBuiltinFramework('an-giang-2022')!, UNIT_SO);
    writeFileSync(join(dir, 'an-giang.xlsx'), ag);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[]) {
    const io = capture(dir);
    const code = await main(['validate', ...args], io);
    return { code, io, json: args.includes('--json') ? JSON.parse(io.out) : null };
  }

  it('exits 0 on a correct file, with the JSON of DESIGN.md and totals recomputed', async () => {
    const { code, json } = await run(['good.xlsx', '--json', '--framework', 'fw.json']);
    expect(code).toBe(0);
    expect(Object.keys(json)).toEqual(['file', 'frameworkId', 'unit', 'errors', 'warnings', 'totals']);
    expect(json.file).toBe('good.xlsx');
    expect(json.frameworkId).toBe('mau-thu');
    expect(json.unit).toEqual({ code: 'STP', name: 'Sở Tư pháp', group: 'so' });
    expect(json.errors).toEqual([]);
    // 1 + 2 + 2.75 + 3.5 + 0 = 9.25 self; survey 8.5; max 20 (1.3 is not for sở).
    expect(json.totals).toEqual({
      self: 9.25,
      appraisal: 9.25,
      survey: 8.5,
      total: 17.75,
      max: 20,
      index: 88.75,
    });
  });

  it('exits 1 and names each broken rule with its cell', async () => {
    const { code, json } = await run(['bad.xlsx', '--json', '--framework', 'fw.json']);
    expect(code).toBe(1);
    const got = json.errors.map((e: { rule: string; cell: string }) => `${e.rule}@${e.cell}`);
    expect(got).toEqual(
      expect.arrayContaining([
        `score.aboveMax@${cellOf(layout, '1.2', 'self')}`,
        `structure.formulaInInput@${cellOf(layout, '1.4', 'self')}`,
      ]),
    );
    expect(json.warnings.map((w: { rule: string; cell: string }) => `${w.rule}@${w.cell}`)).toContain(
      `value.numericText@${cellOf(layout, '1.1.2', 'self')}`,
    );
    for (const e of json.errors) expect(Object.keys(e)).toEqual(['code', 'cell', 'rule', 'message']);
  });

  it('prints a readable Vietnamese report without --json', async () => {
    const { code, io } = await run(['bad.xlsx', '--framework', 'fw.json']);
    expect(code).toBe(1);
    expect(io.out).toContain('Đơn vị: Sở Tư pháp (mã STP)');
    expect(io.out).toContain(`${cellOf(layout, '1.2', 'self')}: Tiêu chí 1.2`);
    expect(io.out).toContain('Kết quả: CHƯA ĐẠT');
  });

  it('treats missing scores as errors on submission and as warnings in draft mode', async () => {
    const submission = await run(['empty.xlsx', '--json', '--framework', 'fw.json']);
    expect(submission.code).toBe(1);
    expect(submission.json.errors.some((e: { rule: string }) => e.rule === 'score.missing')).toBe(true);
    const draft = await run(['empty.xlsx', '--json', '--framework', 'fw.json', '--mode', 'draft']);
    expect(draft.code).toBe(0);
    expect(draft.json.warnings.some((e: { rule: string }) => e.rule === 'score.missing')).toBe(true);
  });

  it('finds the built-in framework from _meta and names a file checked against another framework', async () => {
    const own = await run(['an-giang.xlsx', '--json', '--mode', 'draft']);
    expect(own.code).toBe(0);
    expect(own.io.err).toContain('MINH HỌA');
    const other = await run(['an-giang.xlsx', '--json', '--framework', 'fw.json', '--mode', 'draft']);
    expect(other.code).toBe(1);
    expect(other.json.errors[0]).toMatchObject({ rule: 'structure.otherFramework', cell: '_meta!B2' });
  });

  it('exits 2 on a file that is not xlsx, not a template, or missing — in JSON too', async () => {
    const junk = await run(['not-xlsx.xlsx', '--json']);
    expect(junk.code).toBe(2);
    expect(junk.json).toMatchObject({ file: 'not-xlsx.xlsx', frameworkId: null, unit: null, totals: null });
    expect(junk.json.errors[0].message).toContain('"not-xlsx.xlsx"');
    // fw.json, used with --framework by the tests above, is remembered in the framework library
    // (test/cli/framework-library.test.ts): with an empty library it is a framework the tool lacks.
    const library = process.env.CCHC_LIBRARY;
    process.env.CCHC_LIBRARY = mkdtempSync(join(tmpdir(), 'cchc-lib-empty-'));
    const unknown = await run(['good.xlsx']);
    process.env.CCHC_LIBRARY = library;
    expect(unknown.code).toBe(2);
    expect(unknown.io.err).toContain('bộ tiêu chí "mau-thu" mà công cụ không có');
    const missing = await run(['khong-co.xlsx']);
    expect(missing.code).toBe(2);
    expect(missing.io.err).toContain('Không tìm thấy tệp "khong-co.xlsx"');
  });

  it('never modifies the file it checks', async () => {
    const hash = () =>
      createHash('sha256')
        .update(readFileSync(join(dir, 'bad.xlsx')))
        .digest('hex');
    const before = hash();
    await run(['bad.xlsx', '--framework', 'fw.json']);
    expect(hash()).toBe(before);
  });
});
