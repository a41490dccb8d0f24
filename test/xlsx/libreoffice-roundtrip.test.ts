/**
 * Real LibreOffice opens every generated template, recalculates it and saves it again: the
 * recalculated totals must equal the engine's, a filled file must read back with the same scores,
 * `_meta` and the defined names must survive, and the validation, protection and `Kiểm tra`
 * formulas must really work in a spreadsheet engine we did not write.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBuiltinFramework } from '../../src/framework/builtins';
import type { Framework } from '../../src/framework/schema';
import { appliesTo, isSurveyLeaf, leafMaxFor, leaves, walk } from '../../src/framework/tree';
import { computeTotals, toHundredths } from '../../src/scoring';
import type { UnitRef } from '../../src/scoring/types';
import { DEFINED_NAMES, SHEET_SCORE } from '../../src/workbook/layout';
import { cellAddress } from '../../src/common/a1';
import type { WorkbookPlan } from '../../src/workbook/plan-types';
import { scoreCellRule } from '../../src/workbook/score-rule';
import { readTemplate } from '../../src/xlsx/read-template';
import { renderPlan } from '../../src/xlsx/render';
import { describeWithEngine, libreOffice } from '../helpers/engines';
import { convertManyWithLibreOffice, recalcXlsxMany } from '../helpers/libreoffice';
import {
  UNIT_HUYEN,
  UNIT_SO,
  cachedValues,
  fillTemplateXml,
  sampleFramework,
  samplePlan,
  sheetXml,
  workbookXml,
  type Fills,
} from '../helpers/template-fixtures';

/** Valid values for every input of every applicable leaf, with decimals that expose float sums. */
function validFills(framework: Framework, unit: UnitRef): Fills {
  const fills: Fills = {};
  for (const leaf of leaves(framework)) {
    if (!appliesTo(leaf, unit.group)) continue;
    if (isSurveyLeaf(leaf)) {
      fills[leaf.code] = { survey: Math.round(leafMaxFor(leaf, unit.group) * 91.17) / 100 };
      continue;
    }
    const pick = (field: 'self' | 'appraisal') => {
      const r = scoreCellRule(leaf, unit.group, field);
      if (r.allowed) return field === 'self' ? r.allowed[0] : r.allowed[Math.min(1, r.allowed.length - 1)];
      const step = r.step ?? 0.01;
      return field === 'self' ? (r.max === 0 ? r.min : r.max - step) : r.min === r.max ? r.min : r.min + step;
    };
    fills[leaf.code] = {
      self: pick('self'),
      appraisal: pick('appraisal'),
      evidence: `Văn bản số ${leaf.code}/KH`,
    };
  }
  return fills;
}

async function numberAt(bytes: Uint8Array, row: number, col: number): Promise<number> {
  const v = (await cachedValues(bytes, SHEET_SCORE)).get(cellAddress(row, col));
  if (typeof v !== 'number') throw new Error(`no number cached at ${cellAddress(row, col)}: ${String(v)}`);
  return v;
}

async function textAt(bytes: Uint8Array, row: number, col: number): Promise<string> {
  const v = (await cachedValues(bytes, SHEET_SCORE)).get(cellAddress(row, col));
  return v === undefined ? '' : String(v);
}

interface Case {
  framework: Framework;
  unit: UnitRef;
  plan: WorkbookPlan;
  ours: Uint8Array;
  lo: Uint8Array;
}

describeWithEngine(libreOffice, 'template round trip through LibreOffice', () => {
  const anGiang = getBuiltinFramework('an-giang-2022')!;
  const sample = sampleFramework();
  const cases: Record<string, Case> = {};

  beforeAll(async () => {
    const specs: [string, Framework, UnitRef, 'valid' | 'invalid' | 'empty'][] = [
      ['ag-so', anGiang, UNIT_SO, 'valid'],
      ['ag-huyen', anGiang, UNIT_HUYEN, 'valid'],
      ['mau-huyen', sample, UNIT_HUYEN, 'valid'],
      ['mau-so-empty', sample, UNIT_SO, 'empty'],
      ['mau-so-invalid', sample, UNIT_SO, 'invalid'],
    ];
    const ours: Record<string, Uint8Array> = {};
    for (const [name, framework, unit, kind] of specs) {
      const plan = samplePlan(framework, unit, { deadline: '2026-12-31' });
      let bytes = await renderPlan(plan);
      if (kind === 'valid') bytes = await fillTemplateXml(bytes, plan.score, validFills(framework, unit));
      if (kind === 'invalid') {
        bytes = await fillTemplateXml(bytes, plan.score, {
          '1.1.1': { self: 0.7 }, // not a level, and no evidence although required
          '1.2': { self: 5, appraisal: { formula: '1+1' } }, // above max; a formula in an input
          '1.4': { self: 'hai' }, // text
          '1.1.2': { self: 2, evidence: 'Báo cáo 3/BC' }, // valid
        });
      }
      ours[name] = bytes;
      cases[name] = { framework, unit, plan, ours: bytes, lo: new Uint8Array() };
    }
    const lo = await recalcXlsxMany(ours);
    for (const name of Object.keys(cases)) cases[name].lo = lo[name];
  }, 300_000);

  it.each(['ag-so', 'ag-huyen', 'mau-huyen'])(
    '%s: the totals LibreOffice recalculates equal the engine totals',
    async (name) => {
      const c = cases[name];
      const read = await readTemplate(c.ours, { resolveFramework: () => c.framework });
      if (!read.ok) throw new Error(read.message);
      const engine = computeTotals(c.framework, read.scoresheet);
      const { totalRow, columns, rows } = c.plan.score;
      const sheetTotal = async (key: 'max' | 'self' | 'appraisal' | 'survey', row = totalRow) =>
        toHundredths(await numberAt(c.lo, row, columns[key]));
      expect(await sheetTotal('max')).toBe(toHundredths(engine.max));
      expect(await sheetTotal('self')).toBe(toHundredths(engine.self));
      expect(await sheetTotal('appraisal')).toBe(toHundredths(engine.appraised));
      expect(await sheetTotal('survey')).toBe(toHundredths(engine.survey));
      expect(engine.self).toBeGreaterThan(0);
      for (const { node } of walk(c.framework.tree).filter((v) => v.depth === 1)) {
        expect(await sheetTotal('max', rows[node.code])).toBe(toHundredths(engine.nodes[node.code].max));
        expect(await sheetTotal('self', rows[node.code])).toBe(toHundredths(engine.nodes[node.code].self));
      }
      // Valid entries everywhere: the Kiểm tra column stays empty after recalculation.
      expect(await textAt(c.lo, totalRow, columns.check)).toBe('');
    },
  );

  it('a fresh template recalculates to the applicable maximum with nothing flagged', async () => {
    const c = cases['mau-so-empty'];
    expect(await numberAt(c.lo, c.plan.score.totalRow, c.plan.score.columns.max)).toBe(20);
    expect(await numberAt(c.lo, c.plan.score.totalRow, c.plan.score.columns.self)).toBe(0);
    expect(await textAt(c.lo, c.plan.score.totalRow, c.plan.score.columns.check)).toBe('');
  });

  it.each(['ag-so', 'mau-huyen'])(
    '%s: a filled file re-saved by LibreOffice reads back with the same scores',
    async (name) => {
      const c = cases[name];
      const before = await readTemplate(c.ours, { resolveFramework: () => c.framework });
      const after = await readTemplate(c.lo, { resolveFramework: () => c.framework });
      if (!before.ok || !after.ok) throw new Error('unreadable');
      expect(after.structureProblems).toEqual([]);
      expect(after.meta).toEqual(before.meta);
      expect(after.scoresheet.entries).toEqual(before.scoresheet.entries);
      expect(after.scoresheet.cells).toEqual(before.scoresheet.cells);
      expect(computeTotals(c.framework, after.scoresheet)).toEqual(
        computeTotals(c.framework, before.scoresheet),
      );
    },
  );

  it('keeps _meta (hidden) and every defined name through LibreOffice', async () => {
    const xml = await workbookXml(cases['ag-so'].lo);
    // LibreOffice has no "very hidden": it saves the sheet as hidden, still out of sight.
    expect(xml).toMatch(/<sheet [^>]*name="_meta"[^>]*state="(hidden|veryHidden)"/);
    for (const name of Object.values(DEFINED_NAMES))
      expect(xml).toMatch(new RegExp(`<definedName [^>]*name="${name}"`));
    expect(xml).toContain('_xlnm.Print_Titles');
  });

  it('keeps data validation, protection and conditional formats in the sheet XML', async () => {
    for (const bytes of [cases['ag-so'].ours, cases['ag-so'].lo]) {
      const xml = await sheetXml(bytes, SHEET_SCORE);
      expect(xml).toMatch(/<sheetProtection [^>]*sheet="(1|true)"/);
      expect(xml).toMatch(/<dataValidation [^>]*type="list"/);
      expect(xml).toMatch(/<dataValidation [^>]*type="custom"/);
      expect(xml).toMatch(/<dataValidation [^>]*type="decimal"/);
      expect(xml).toContain('<conditionalFormatting');
      expect(xml).toMatch(/<pageSetup [^>]*orientation="landscape"/);
    }
  });

  it('flags pasted invalid values in the Kiểm tra column, computed by LibreOffice', async () => {
    const c = cases['mau-so-invalid'];
    const { rows, columns, totalRow } = c.plan.score;
    expect(await textAt(c.lo, rows['1.1.1'], columns.check)).toBe(
      'Điểm tự đánh giá không hợp lệ; Thiếu tài liệu kiểm chứng;',
    );
    expect(await textAt(c.lo, rows['1.2'], columns.check)).toContain('Điểm tự đánh giá không hợp lệ');
    expect(await textAt(c.lo, rows['1.4'], columns.check)).toBe('Điểm tự đánh giá không hợp lệ;');
    expect(await textAt(c.lo, rows['1.1.2'], columns.check)).toBe('');
    expect(await textAt(c.lo, totalRow, columns.check)).toBe('Còn 3 dòng cần sửa');
  });

  it('still names the formula in an input cell after LibreOffice saved the file', async () => {
    const c = cases['mau-so-invalid'];
    const r = await readTemplate(c.lo, { resolveFramework: () => c.framework });
    if (!r.ok) throw new Error(r.message);
    expect(r.structureProblems.map((p) => `${p.rule}@${p.cell}`)).toEqual([
      `structure.formulaInInput@Chấm điểm!H${c.plan.score.rows['1.2']}`,
    ]);
    expect(r.scoresheet.entries['1.4'].self).toBe('hai');
    expect(r.scoresheet.entries['1.2'].self).toBe(5);
  });

  it('prints on A4, the guide portrait and the score sheet landscape, fitted to the page width', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-pdf-'));
    try {
      const plan = samplePlan(anGiang, UNIT_SO);
      const unfitted = samplePlan(anGiang, UNIT_SO);
      for (const sheet of unfitted.sheets) if (sheet.print) sheet.print.fitToWidth = false;
      writeFileSync(join(dir, 'fitted.xlsx'), await renderPlan(plan));
      writeFileSync(join(dir, 'unfitted.xlsx'), await renderPlan(unfitted));
      const [fitted, loose] = await convertManyWithLibreOffice(
        [join(dir, 'fitted.xlsx'), join(dir, 'unfitted.xlsx')],
        'pdf',
        join(dir, 'pdf'),
      );
      const pages = (file: string) =>
        [
          ...readFileSync(file)
            .toString('latin1')
            .matchAll(/\/Type\s*\/Page\b[\s\S]*?\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/g),
        ].map((m) => (Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait'));
      const fittedPages = pages(fitted);
      // Hidden sheets are not printed: the guide (portrait), then the score sheet (landscape).
      expect(fittedPages[0]).toBe('portrait');
      expect(fittedPages.slice(1).every((p) => p === 'landscape')).toBe(true);
      expect(fittedPages.length).toBeGreaterThan(1);
      // Without fitting to the width the 13 columns spill onto extra pages.
      expect(pages(loose).length).toBeGreaterThan(fittedPages.length);
      for (const box of readFileSync(fitted)
        .toString('latin1')
        .matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/g)) {
        const [w, h] = [Number(box[1]), Number(box[2])].sort((a, b) => a - b);
        if (w !== h) expect([Math.round(w), Math.round(h)]).toEqual([595, 842]); // A4 in points
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
