import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { getBuiltinFramework } from '../../src/framework/builtins';
import type { Framework } from '../../src/framework/schema';
import { computeTotals, validateScoresheet } from '../../src/scoring';
import { DEFINED_NAMES, SHEET_META, SHEET_SCORE } from '../../src/workbook/layout';
import { readTemplate, type TemplateReadResult } from '../../src/xlsx/read-template';
import { renderPlan } from '../../src/xlsx/render';
import {
  UNIT_HUYEN,
  UNIT_SO,
  cellOf,
  fillTemplateXml,
  sampleFramework,
  samplePlan,
  sampleTemplate,
  sheetXml,
  tamper,
  workbookXml,
} from '../helpers/template-fixtures';

const framework = sampleFramework();
const resolve = (fw: Framework) => (id: string) => (id === fw.id ? fw : undefined);

async function readOk(bytes: Uint8Array, fw: Framework = framework) {
  const r: TemplateReadResult = await readTemplate(bytes, {
    fileName: 'don-vi.xlsx',
    resolveFramework: resolve(fw),
  });
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('renderPlan / readTemplate with exceljs', () => {
  let bytes: Uint8Array;
  let plan: ReturnType<typeof samplePlan>;
  beforeAll(async () => {
    ({ plan, bytes } = await sampleTemplate(framework, UNIT_SO, { deadline: '2026-12-31' }));
  });

  it('reads its own template back with the same meta and no problem', async () => {
    const r = await readOk(bytes);
    expect(r.meta).toEqual(plan.meta);
    expect(r.structureProblems).toEqual([]);
    expect(r.scoresheet.unit).toEqual(UNIT_SO);
    expect(r.layout?.rows).toEqual(plan.score.rows);
  });

  it('writes _meta very hidden, the defined names, and the sheets in order', async () => {
    const xml = await workbookXml(bytes);
    expect(xml).toMatch(/<sheet [^>]*name="_meta"[^>]*state="veryHidden"/);
    expect(xml).toMatch(/<sheet [^>]*name="_lists"[^>]*state="hidden"/);
    expect([...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'Hướng dẫn',
      'Chấm điểm',
      '_meta',
      '_lists',
    ]);
    for (const name of Object.values(DEFINED_NAMES)) expect(xml).toContain(`name="${name}"`);
    expect(xml).toContain('_xlnm.Print_Titles');
    expect(xml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('puts validation, protection without password, conditional formats and print setup in the sheet XML', async () => {
    const xml = await sheetXml(bytes, SHEET_SCORE);
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(xml).not.toMatch(/hashValue|password=/);
    expect(xml).toMatch(
      /<dataValidation [^>]*type="list"[^>]*>[\s\S]*?<formula1>_lists!\$[A-Z]\$1:\$[A-Z]\$3<\/formula1>/,
    );
    expect(xml).toMatch(/<dataValidation [^>]*type="custom"/);
    expect(xml).toContain('promptTitle="Điểm tự đánh giá"');
    expect(xml).toContain('<conditionalFormatting');
    expect(xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"/);
    expect(xml).toMatch(/<pageSetup [^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    expect(xml).toMatch(/<pane [^>]*ySplit="4"[^>]*state="frozen"/);
    // Input cells unlocked through their style; a max cell is a number with format 0.00.
    const r = plan.score.rows['1.2'];
    expect(xml).toMatch(new RegExp(`<c r="C${r}" s="\\d+"( t="n")?><v>3</v></c>`));
  });

  it('writes text that starts with = + - @ as text, never as a formula', async () => {
    const { bytes: odd } = await sampleTemplate(framework, { code: '@x', name: '=1+2', group: 'so' });
    const zip = await JSZip.loadAsync(odd);
    const xmls = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => f.startsWith('xl/worksheets/') && f.endsWith('.xml'))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(xmls.join('')).not.toMatch(/<f>1\+2<\/f>/);
    const r = await readOk(odd);
    expect(r.meta.unitName).toBe('=1+2');
    expect(r.scoresheet.unit.code).toBe('@x');
  });

  it('reads values written by another program into the input cells', async () => {
    const filled = await fillTemplateXml(bytes, plan.score, {
      '1.1.1': {
        self: 1,
        evidence: 'Kế hoạch 05/KH-STP ngày 10/01/2026',
        appraisal: 0.5,
        appraisalComment: 'Ban hành trễ',
      },
      '1.2': { self: 2.75, explanation: 'Thiếu một đợt' },
      '1.4': { self: '1,5' },
      '2.1.1': { survey: 8.25 },
    });
    const r = await readOk(filled);
    expect(r.structureProblems).toEqual([]);
    expect(r.scoresheet.entries).toMatchObject({
      '1.1.1': {
        self: 1,
        evidence: 'Kế hoạch 05/KH-STP ngày 10/01/2026',
        appraisal: 0.5,
        appraisalComment: 'Ban hành trễ',
      },
      '1.2': { self: 2.75, explanation: 'Thiếu một đợt' },
      '1.4': { self: '1,5' },
      '2.1.1': { survey: 8.25 },
    });
    const totals = computeTotals(framework, r.scoresheet);
    expect(totals.max).toBe(20);
    expect(totals.self).toBe(5.25);
  });

  it('names text, formulas and values above the maximum in score cells, with their cells', async () => {
    const filled = await fillTemplateXml(bytes, plan.score, {
      '1.1.1': { self: 'hai' },
      '1.2': { self: { formula: '1+1' } },
      '1.4': { self: 7 },
      '1.1.2': { self: 1.5 },
    });
    const r = await readOk(filled);
    const problems = [
      ...r.structureProblems,
      ...validateScoresheet(r.framework, r.scoresheet, { mode: 'draft' }),
    ].filter((p) => p.severity === 'error');
    const got = problems.map((p) => `${p.rule}@${p.cell}`);
    expect(got).toEqual(
      expect.arrayContaining([
        `value.notANumber@${cellOf(plan.score, '1.1.1', 'self')}`,
        `structure.formulaInInput@${cellOf(plan.score, '1.2', 'self')}`,
        `score.aboveMax@${cellOf(plan.score, '1.4', 'self')}`,
        `score.notATierPoint@${cellOf(plan.score, '1.1.2', 'self')}`,
      ]),
    );
  });

  it('names a formula filled down into input cells (a shared formula) with each cell and its own text', async () => {
    const { rows } = plan.score;
    const e = (code: string) => `E${rows[code]}`;
    // 1.1.1 and 1.1.2 are consecutive rows: Excel writes a fill-down as one shared formula.
    expect(rows['1.1.2']).toBe(rows['1.1.1'] + 1);
    const filled = await fillTemplateXml(bytes, plan.score, {
      '1.1.1': {
        self: { formula: `C${rows['1.1.1']}`, shared: { si: 0, ref: `${e('1.1.1')}:${e('1.1.2')}` } },
      },
      '1.1.2': { self: { formula: '', shared: { si: 0 } } },
    });
    const r = await readOk(filled);
    expect(r.structureProblems.map((p) => `${p.rule}@${p.cell}`)).toEqual([
      `structure.formulaInInput@${cellOf(plan.score, '1.1.1', 'self')}`,
      `structure.formulaInInput@${cellOf(plan.score, '1.1.2', 'self')}`,
    ]);
    expect(r.structureProblems[1].message).toContain(`=C${rows['1.1.2']}`);
  });

  it('names a maximum edited, a row deleted, a code changed in an exceljs-edited file', async () => {
    const { rows, columns } = plan.score;
    const edited = await tamper(bytes, (ws) => {
      ws.getCell(rows['1.2'], columns.max).value = 5;
      ws.getCell(rows['1.1.2'], columns.code).value = '1.1.3';
      ws.spliceRows(rows['1.4'], 1);
    });
    const r = await readOk(edited);
    const got = r.structureProblems.map((p) => `${p.rule}:${p.code}@${p.cell}`).sort();
    expect(got).toEqual(
      [
        `structure.maxChanged:1.2@Chấm điểm!C${rows['1.2']}`,
        `structure.codeUnknown:1.1.3@Chấm điểm!A${rows['1.1.2']}`,
        `structure.rowMissing:1.1.2@Chấm điểm!A${plan.score.headerRow}`,
        `structure.rowMissing:1.4@Chấm điểm!A${plan.score.headerRow}`,
      ].sort(),
    );
  });

  it('names a file made from another version of the framework', async () => {
    const changed = sampleFramework();
    changed.tree[0].children![1].max = 3; // same shape, then change a maximum below
    changed.tree[0].children![1].rule = { kind: 'range', step: 0.5 };
    const { bytes: oldFile } = await sampleTemplate(framework, UNIT_SO);
    const r = await readOk(oldFile, changed);
    expect(r.structureProblems.map((p) => `${p.rule}@${p.cell}`)).toEqual([
      'structure.otherFramework@_meta!B4',
    ]);
    expect(r.structureProblems[0].message).toContain('phiên bản khác');
  });

  it('rejects bytes that are not xlsx, xlsx without _meta, and unknown frameworks, naming the file', async () => {
    const junk = await readTemplate(new TextEncoder().encode('PK not really a zip'), {
      fileName: 'hong.xlsx',
      resolveFramework: resolve(framework),
    });
    expect(junk).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(!junk.ok && junk.message).toContain('"hong.xlsx"');

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(SHEET_SCORE).getCell('A1').value = 'Mã';
    const plain = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const notTemplate = await readTemplate(plain, {
      fileName: 'khac.xlsx',
      resolveFramework: resolve(framework),
    });
    expect(notTemplate).toMatchObject({ ok: false, reason: 'notTemplate' });
    expect(!notTemplate.ok && notTemplate.message).toContain(`thiếu trang "${SHEET_META}"`);

    const unknown = await readTemplate(bytes, { fileName: 'x.xlsx', resolveFramework: () => undefined });
    expect(unknown).toMatchObject({ ok: false, reason: 'unknownFramework' });
    expect(!unknown.ok && unknown.message).toContain('"mau-thu"');
  });

  it('renders the An Giang 2022 template for both groups and reads it back clean', async () => {
    const fw = getBuiltinFramework('an-giang-2022')!;
    for (const unit of [UNIT_SO, UNIT_HUYEN]) {
      const out = await renderPlan(samplePlan(fw, unit));
      const r = await readOk(out, fw);
      expect(r.structureProblems).toEqual([]);
      expect(computeTotals(fw, r.scoresheet).max).toBeGreaterThan(0);
    }
  });
});

describe('the report texts below the table (Khó khăn, vướng mắc; Kiến nghị, đề xuất)', () => {
  it('are open input rows of the unit workbook and read back into the scoresheet', async () => {
    const { fillReturnedWorkbook } = await import('../../src/xlsx/sample-returns');
    const { REPORT_TEXTS } = await import('../../src/workbook/layout');
    const { plan, bytes } = await sampleTemplate(framework, UNIT_SO);
    const score = plan.sheets.find((s) => s.name === SHEET_SCORE)!;
    for (const t of REPORT_TEXTS) {
      const label = score.cells.find((c) => c.value === t.label)!;
      expect(label.row).toBeGreaterThan(plan.score.totalRow);
      const input = score.cells.find((c) => c.row === label.row && c.col === label.col + 1)!;
      expect(input.locked).toBe(false);
      expect(score.merges).toContain(`${input.address}:I${label.row}`);
      expect(score.print?.area).toMatch(new RegExp(`:I(\\d+)$`));
      expect(Number(/:I(\d+)$/.exec(score.print!.area!)![1])).toBeGreaterThan(label.row);
    }
    expect((await readOk(bytes)).scoresheet.report).toBeUndefined();
    const filled = await fillReturnedWorkbook(
      bytes,
      {},
      {
        report: { difficulties: 'Thiếu công chức  \nchuyên trách.', recommendations: '=Đề nghị tập huấn' },
      },
    );
    expect((await readOk(filled)).scoresheet.report).toEqual({
      difficulties: 'Thiếu công chức  \nchuyên trách.',
      recommendations: '=Đề nghị tập huấn',
    });
  });
});
