import { frameworkFingerprint } from '../../src/framework/fingerprint';
import { getBuiltinFramework } from '../../src/framework/builtins';
import { walk } from '../../src/framework/tree';
import {
  CONTRACT_TITLES,
  DEFINED_NAMES,
  META_KEYS,
  NOT_APPLICABLE_MARK,
  SHEET_GUIDE,
  SHEET_LISTS,
  SHEET_META,
  SHEET_SCORE,
  SURVEY_MARK,
  TITLE_TO_FIELD,
} from '../../src/workbook/layout';
import { cellAddress } from '../../src/common/a1';
import { TemplateInputError, buildTemplatePlan } from '../../src/workbook/plan';
import type { PlanCell, PlanSheet, WorkbookPlan } from '../../src/workbook/plan-types';
import { ILLUSTRATIVE_WARNING } from '../../src/workbook/guide-sheet';
import {
  FIXED_TIME,
  UNIT_HUYEN,
  UNIT_SO,
  sampleFramework,
  samplePlan,
  scoreSheetOf,
} from '../helpers/template-fixtures';

function sheet(plan: WorkbookPlan, name: string): PlanSheet {
  const s = plan.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** The rule kind of a node of the sample framework ("deduction", "range", …). */
function leafRuleKind(code: string): string | undefined {
  return walk(sampleFramework().tree).find((v) => v.node.code === code)?.node.rule?.kind;
}

function cellAt(s: PlanSheet, row: number, col: number): PlanCell | undefined {
  return s.cells.find((c) => c.row === row && c.col === col);
}

describe('buildTemplatePlan: the Chấm điểm sheet', () => {
  const plan = samplePlan();
  const s = scoreSheetOf(plan);
  const { columns, rows, headerRow, totalRow } = plan.score;

  it('starts the header with the nine contract titles, in order', () => {
    expect(CONTRACT_TITLES).toEqual([
      'Mã',
      'Nội dung',
      'Điểm tối đa',
      'Cách chấm',
      'Điểm tự đánh giá',
      'Tài liệu kiểm chứng',
      'Giải trình',
      'Điểm thẩm định',
      'Ý kiến thẩm định',
    ]);
    const header = s.cells.filter((c) => c.row === headerRow).sort((a, b) => a.col - b.col);
    expect(header.slice(0, 9).map((c) => c.value)).toEqual(CONTRACT_TITLES);
    expect(TITLE_TO_FIELD['Điểm tự đánh giá']).toBe('self');
    expect(TITLE_TO_FIELD['Điểm điều tra XHH']).toBe('survey');
  });

  it('has one row per node in tree order, with the code as text in Mã, and a total row last', () => {
    const codes = walk(sampleFramework().tree).map((v) => v.node.code);
    const found = s.cells
      .filter((c) => c.col === columns.code && c.row > headerRow && c.row < totalRow)
      .sort((a, b) => a.row - b.row)
      .map((c) => c.value);
    expect(found).toEqual(codes);
    expect(codes.map((c) => rows[c])).toEqual(codes.map((_, i) => headerRow + 1 + i));
    expect(cellAt(s, totalRow, columns.name)?.value).toBe('TỔNG CỘNG');
  });

  it('sums parents from their children and the total from the fields, with formulas', () => {
    expect(cellAt(s, rows['1.1'], columns.max)?.formula).toBe(`SUM(C${rows['1.1.1']},C${rows['1.1.2']})`);
    expect(cellAt(s, rows['1'], columns.self)?.formula).toBe(
      `SUM(${['1.1', '1.2', '1.3', '1.4', '1.5'].map((c) => `E${rows[c]}`).join(',')})`,
    );
    expect(cellAt(s, totalRow, columns.max)?.formula).toBe(`SUM(C${rows['1']},C${rows['2']})`);
    expect(cellAt(s, totalRow, columns.survey)?.formula).toBe(`SUM(L${rows['1']},L${rows['2']})`);
  });

  it('takes leaves not applying to the group out of the maximum and marks them', () => {
    // so: 1.3 (huyện only) is out; 1.4 keeps 4. Total 1+2+3+0+4+0+10 = 20.
    expect(cellAt(s, totalRow, columns.max)?.result).toBe(20);
    expect(cellAt(s, rows['1.3'], columns.max)?.value).toBe(0);
    expect(cellAt(s, rows['1.3'], columns.self)?.value).toBe(NOT_APPLICABLE_MARK);
    expect(cellAt(s, rows['1.3'], columns.self)?.locked).not.toBe(false);
    const huyen = samplePlan(sampleFramework(), UNIT_HUYEN);
    const hs = scoreSheetOf(huyen);
    // huyện: 1.3 applies (2) and 1.4 is 3: 1+2+3+2+3+0+10 = 21.
    expect(cellAt(hs, huyen.score.totalRow, columns.max)?.result).toBe(21);
    expect(cellAt(hs, huyen.score.rows['1.4'], columns.max)?.value).toBe(3);
    expect(cellAt(hs, huyen.score.rows['1.3'], columns.self)?.locked).toBe(false);
  });

  it('gives survey leaves no self-score input, only the survey cell', () => {
    const r = rows['2.1.1'];
    expect(cellAt(s, r, columns.self)?.value).toBe(SURVEY_MARK);
    expect(cellAt(s, r, columns.self)?.locked).not.toBe(false);
    expect(cellAt(s, r, columns.survey)?.locked).toBe(false);
    expect(s.validations.find((v) => v.ref === cellAddress(r, columns.self))).toBeUndefined();
  });

  it("unlocks exactly the unit's input cells of applicable leaves: never the council's", () => {
    const unlocked = s.cells.filter((c) => c.locked === false).map((c) => c.address);
    const selfLeaves = ['1.1.1', '1.1.2', '1.2', '1.4', '1.5'];
    const expected = [
      ...selfLeaves.flatMap((code) =>
        (['self', 'evidence', 'explanation'] as const)
          // Bonus and deduction are the council's to give: the unit writes only evidence there.
          .filter((k) => k !== 'self' || !['deduction', 'bonus'].includes(String(leafRuleKind(code))))
          .map((k) => cellAddress(rows[code], columns[k])),
      ),
      cellAddress(rows['2.1.1'], columns.survey),
      // The report texts below the table (Khó khăn, vướng mắc; Kiến nghị, đề xuất).
      cellAddress(plan.score.totalRow + 2, columns.max),
      cellAddress(plan.score.totalRow + 3, columns.max),
    ];
    expect(unlocked.sort()).toEqual(expected.sort());
    expect(s.protection).toEqual({ password: '', allowFormatColumns: true, allowFormatRows: true });
  });

  it('validates levels with a list kept on the hidden lists sheet, as real numbers', () => {
    const v = s.validations.find((x) => x.ref === cellAddress(rows['1.1.1'], columns.self));
    expect(v?.type).toBe('list');
    expect(v?.formula).toMatch(/^_lists!\$[A-Z]+\$1:\$[A-Z]+\$3$/);
    const lists = sheet(plan, SHEET_LISTS);
    expect(lists.state).toBe('hidden');
    const col = /\$([A-Z]+)\$1/.exec(v!.formula!)![1];
    const values = lists.cells
      .filter((c) => c.address.startsWith(col) && /^\D+\d+$/.test(c.address))
      .map((c) => c.value);
    expect(values).toEqual([1, 0.5, 0]);
  });

  it('never writes a literal list: a 60-level rule (far over 255 characters) is a range on _lists', () => {
    const options = Array.from({ length: 60 }, (_, i) => ({
      label: `Mức đánh giá số ${i + 1}`,
      points: (60 - i) / 20,
    }));
    const fw = sampleFramework();
    const leaf = fw.tree[0].children![0].children![0];
    leaf.rule = { kind: 'levels', options };
    leaf.max = 3;
    const p = samplePlan(fw);
    const lists = scoreSheetOf(p).validations.filter((v) => v.type === 'list');
    expect(lists.length).toBeGreaterThan(0);
    for (const v of lists) {
      expect(v.formula).not.toContain('"');
      expect(v.formula!.length).toBeLessThan(255);
    }
    const ref = lists.find(
      (v) => v.ref === cellAddress(p.score.rows['1.1.1'], p.score.columns.self),
    )!.formula;
    expect(ref).toMatch(/\$1:\$[A-Z]+\$60$/);
  });

  it('validates ranges with a step through a custom formula, deductions below zero', () => {
    const range = s.validations.find((x) => x.ref === cellAddress(rows['1.2'], columns.self));
    expect(range?.type).toBe('custom');
    const ref = cellAddress(rows['1.2'], columns.self);
    expect(range?.formula).toBe(
      `IF(ISNUMBER(${ref}),AND(${ref}>=0,${ref}<=3,ABS(${ref}/0.25-ROUND(${ref}/0.25,0))<0.000001),FALSE)`,
    );
    // Deductions are the council's (stage "điểm cộng, điểm trừ"): validated in its workbook.
    expect(s.validations.find((x) => x.ref === cellAddress(rows['1.5'], columns.self))).toBeUndefined();
    const council = scoreSheetOf(
      buildTemplatePlan(sampleFramework(), UNIT_SO, {
        generatedAt: FIXED_TIME,
        form: { kind: 'appraisal', column: 'appraisal2', leaves: 'bonusDeduction' },
      }),
    );
    const ded = council.validations.find((x) => x.ref === cellAddress(rows['1.5'], columns.appraisal2));
    expect(ded?.formula).toContain('>=-1');
    expect(ded?.formula).toContain('<=0,');
    const survey = s.validations.find((x) => x.ref === cellAddress(rows['2.1.1'], columns.survey));
    expect(survey).toMatchObject({ type: 'decimal', formula: '0', formula2: '10' });
  });

  it('keeps every prompt and error within Excel limits, in Vietnamese', () => {
    const big = getBuiltinFramework('an-giang-2022')!;
    for (const p of [plan, samplePlan(big, UNIT_SO), samplePlan(big, { ...UNIT_HUYEN })]) {
      for (const v of scoreSheetOf(p).validations) {
        expect((v.promptTitle ?? '').length).toBeLessThanOrEqual(32);
        expect((v.prompt ?? '').length).toBeLessThanOrEqual(255);
        expect((v.errorTitle ?? '').length).toBeLessThanOrEqual(32);
        expect((v.error ?? '').length).toBeLessThanOrEqual(225);
      }
    }
    const v = s.validations.find((x) => x.ref === cellAddress(rows['1.1.1'], columns.self));
    expect(v?.error).toBe('Tiêu chí 1.1.1: chỉ được chọn một trong các mức 1; 0,5; 0.');
  });

  it('flags invalid scores with conditional formats and a Kiểm tra formula', () => {
    const ref = cellAddress(rows['1.2'], columns.self);
    expect(s.conditionalFormats).toContainEqual(expect.objectContaining({ ref, style: 'invalid' }));
    const check = cellAt(s, rows['1.1.1'], columns.check);
    expect(check?.formula).toContain('Điểm tự đánh giá không hợp lệ');
    expect(check?.formula).toContain('Thiếu tài liệu kiểm chứng'); // evidenceRequired
  });

  it('formats every number cell 0.00 and never stores numbers as text', () => {
    for (const r of Object.values(rows)) {
      const max = cellAt(s, r, columns.max)!;
      expect(max.numFmt).toBe('0.00');
      if (max.formula === undefined) expect(typeof max.value).toBe('number');
    }
  });

  it('freezes the header, repeats it on printed pages, A4 landscape fit to width', () => {
    expect(s.freeze).toEqual({ rows: headerRow, cols: 2 });
    expect(s.print).toMatchObject({
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: true,
      titleRows: [headerRow, headerRow],
    });
  });
});

describe('buildTemplatePlan: Hướng dẫn, _meta and names', () => {
  it('writes _meta very hidden with the framework fingerprint and the unit', () => {
    const fw = sampleFramework();
    const plan = samplePlan(fw, UNIT_HUYEN, { deadline: '2026-12-31' });
    const meta = sheet(plan, SHEET_META);
    expect(meta.state).toBe('veryHidden');
    const kv = Object.fromEntries(
      meta.cells.filter((c) => c.col === 1).map((c) => [c.value, cellAt(meta, c.row, 2)?.value]),
    );
    expect(kv).toMatchObject({
      [META_KEYS.formatVersion]: '1',
      [META_KEYS.frameworkId]: 'mau-thu',
      [META_KEYS.frameworkVersion]: '1.0.0',
      [META_KEYS.frameworkFingerprint]: frameworkFingerprint(fw),
      [META_KEYS.unitCode]: 'HCT',
      [META_KEYS.unitName]: 'UBND huyện Châu Thành',
      [META_KEYS.unitGroup]: 'huyen',
      [META_KEYS.generatedAt]: '2026-11-22T08:00:00.000Z',
      [META_KEYS.deadline]: '2026-12-31',
    });
    expect(kv).toEqual(plan.meta);
  });

  it('defines workbook names for the key ranges', () => {
    const plan = samplePlan();
    const names = Object.fromEntries(plan.definedNames.map((n) => [n.name, n.ref]));
    const { headerRow, totalRow } = plan.score;
    expect(names[DEFINED_NAMES.header]).toBe(`'Chấm điểm'!$A$${headerRow}:$M$${headerRow}`);
    expect(names[DEFINED_NAMES.total]).toBe(`'Chấm điểm'!$A$${totalRow}:$M$${totalRow}`);
    expect(names[DEFINED_NAMES.codes]).toBe(`'Chấm điểm'!$A$${headerRow + 1}:$A$${totalRow - 1}`);
    expect(names[DEFINED_NAMES.meta]).toMatch(/^_meta!\$A\$1:\$B\$\d+$/);
    expect(names[DEFINED_NAMES.deadline]).toMatch(/^'Hướng dẫn'!\$B\$\d+$/);
  });

  it('puts the deadline as a real date and the legal basis on Hướng dẫn', () => {
    const plan = samplePlan(sampleFramework(), UNIT_SO, { deadline: '2026-12-31' });
    const guide = sheet(plan, SHEET_GUIDE);
    const row = Number(
      /\$(\d+)$/.exec(plan.definedNames.find((n) => n.name === DEFINED_NAMES.deadline)!.ref)![1],
    );
    const deadline = cellAt(guide, row, 2)!;
    expect(deadline.value).toBe(46387); // 31/12/2026 as an Excel date serial
    expect(deadline.numFmt).toBe('dd/mm/yyyy');
    const texts = guide.cells.map((c) => String(c.value ?? ''));
    expect(texts).toContain('Quyết định số 99/QĐ-UBND ngày 15/01/2026 của UBND tỉnh Thử');
    expect(texts).not.toContain(ILLUSTRATIVE_WARNING);
  });

  it('warns visibly on both sheets when the framework is illustrative', () => {
    const plan = samplePlan(sampleFramework({ status: 'illustrative' }));
    const guide = sheet(plan, SHEET_GUIDE);
    const warning = guide.cells.find((c) => c.value === ILLUSTRATIVE_WARNING);
    expect(warning?.style).toBe('warning');
    expect(String(scoreSheetOf(plan).cells[0].value)).toContain('MINH HỌA');
  });

  it('keeps text that looks like a formula as text', () => {
    const plan = samplePlan(sampleFramework(), { code: '=1+1', name: '=HYPERLINK("x")', group: 'so' });
    const cells = plan.sheets.flatMap((s) => s.cells);
    const unitCell = cells.find((c) => c.value === '=HYPERLINK("x")');
    expect(unitCell).toBeDefined();
    expect(unitCell?.formula).toBeUndefined();
    expect(plan.meta.unitCode).toBe('=1+1');
  });

  it('refuses a group the framework does not have, in Vietnamese', () => {
    expect(() => samplePlan(sampleFramework(), { code: 'X', name: 'Xã A', group: 'xa' })).toThrow(
      TemplateInputError,
    );
    expect(() => samplePlan(sampleFramework(), { code: 'X', name: 'Xã A', group: 'xa' })).toThrow(
      /Nhóm "xa" không có/,
    );
  });

  it('builds the An Giang 2022 template: 90 node rows and the declared 100 points for sở', () => {
    const fw = getBuiltinFramework('an-giang-2022')!;
    const plan = samplePlan(fw, UNIT_SO);
    expect(Object.keys(plan.score.rows)).toHaveLength(walk(fw.tree).length);
    const s = scoreSheetOf(plan);
    expect(cellAt(s, plan.score.totalRow, plan.score.columns.max)?.result).toBe(100);
    expect(sheet(plan, SHEET_SCORE).state).toBe('visible');
  });
});
