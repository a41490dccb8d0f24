import type { CellValue } from '../../src/scoring/types';
import { NOT_APPLICABLE_MARK, SURVEY_MARK } from '../../src/workbook/layout';
import { cellAddress } from '../../src/common/a1';
import { metaFromRows, metaWithCells, scoresheetFromGrid, type CellGrid } from '../../src/workbook/read-grid';
import type { WorkbookPlan } from '../../src/workbook/plan-types';
import {
  UNIT_SO,
  planSheetGrid,
  sampleFramework,
  samplePlan,
  scoreSheetOf,
} from '../helpers/template-fixtures';

const framework = sampleFramework();

function fresh(): { plan: WorkbookPlan; grid: CellGrid } {
  const plan = samplePlan(framework, UNIT_SO);
  return { plan, grid: planSheetGrid(scoreSheetOf(plan)) };
}

function put(
  grid: CellGrid,
  row: number,
  col: number,
  value: CellValue,
  formula: string | null = null,
): void {
  const r = row - grid.firstRow;
  const c = col - grid.firstCol;
  while (grid.values.length <= r) grid.values.push([]);
  grid.values[r][c] = value;
  if (grid.formulas) {
    while (grid.formulas.length <= r) grid.formulas.push([]);
    grid.formulas[r][c] = formula;
  }
}

function read(plan: WorkbookPlan, grid: CellGrid) {
  return scoresheetFromGrid(framework, grid, plan.meta);
}

const rules = (r: ReturnType<typeof read>) => r.structureProblems.map((p) => `${p.rule}@${p.cell}`);

describe('scoresheetFromGrid', () => {
  it('reads a fresh template with no problem, every input cell addressed', () => {
    const { plan, grid } = fresh();
    const r = read(plan, grid);
    expect(r.structureProblems).toEqual([]);
    expect(r.scoresheet.unit).toEqual(UNIT_SO);
    expect(r.scoresheet.frameworkId).toBe('mau-thu');
    expect(r.scoresheet.entries['1.2']).toEqual({});
    expect(r.scoresheet.cells?.['1.2']?.self).toBe(`Chấm điểm!E${plan.score.rows['1.2']}`);
    expect(r.scoresheet.cells?.['2.1.1']).toEqual({ survey: `Chấm điểm!L${plan.score.rows['2.1.1']}` });
    expect(r.scoresheet.cells?.['1.3']).toEqual({}); // not applying to sở: nothing to read
  });

  it('reads only leaf inputs, never cached totals', () => {
    const { plan, grid } = fresh();
    const { rows, columns, totalRow } = plan.score;
    put(grid, rows['1.2'], columns.self, 2.75);
    put(grid, rows['1.2'], columns.evidence, 'Kế hoạch 12/KH-UBND');
    put(grid, rows['1.1.1'], columns.appraisal, '0,5');
    put(grid, rows['2.1.1'], columns.survey, 8.5);
    put(grid, totalRow, columns.self, 999, 'SUM(E5)');
    const r = read(plan, grid);
    expect(r.structureProblems).toEqual([]);
    expect(r.scoresheet.entries['1.2']).toEqual({ self: 2.75, evidence: 'Kế hoạch 12/KH-UBND' });
    expect(r.scoresheet.entries['1.1.1']).toEqual({ appraisal: '0,5' });
    expect(r.scoresheet.entries['2.1.1']).toEqual({ survey: 8.5 });
  });

  it('still reads when columns are re-ordered and blank rows inserted', () => {
    const { plan, grid } = fresh();
    const { rows, columns, headerRow } = plan.score;
    put(grid, rows['1.2'], columns.self, 3);
    put(grid, rows['1.2'], columns.explanation, 'đủ');
    // Swap "Điểm tự đánh giá" (E) and "Giải trình" (G) everywhere.
    for (const row of grid.values) {
      const e = row[columns.self - 1];
      row[columns.self - 1] = row[columns.explanation - 1];
      row[columns.explanation - 1] = e;
    }
    for (const row of grid.formulas ?? []) {
      const e = row[columns.self - 1];
      row[columns.self - 1] = row[columns.explanation - 1];
      row[columns.explanation - 1] = e;
    }
    // Three blank rows inserted above the header and two in the middle.
    grid.values.splice(rows['1.2'] - 1, 0, [], []);
    grid.formulas?.splice(rows['1.2'] - 1, 0, [], []);
    grid.values.splice(0, 0, [], [], []);
    grid.formulas?.splice(0, 0, [], [], []);
    const r = read(plan, grid);
    expect(r.structureProblems).toEqual([]);
    expect(r.scoresheet.entries['1.2']).toEqual({ self: 3, explanation: 'đủ' });
    const newRow = rows['1.2'] + 5;
    expect(r.scoresheet.cells?.['1.2']?.self).toBe(`Chấm điểm!${cellAddress(newRow, columns.explanation)}`);
    expect(r.layout?.headerRow).toBe(headerRow + 3);
  });

  it('names an edited maximum with its cell', () => {
    const { plan, grid } = fresh();
    const { rows, columns } = plan.score;
    put(grid, rows['1.2'], columns.max, 5);
    const r = read(plan, grid);
    expect(rules(r)).toEqual([`structure.maxChanged@Chấm điểm!C${rows['1.2']}`]);
    expect(r.structureProblems[0].message).toContain('1.2');
    expect(r.structureProblems[0].message).toContain('quy định 3');
  });

  it('names a deleted row and a changed code', () => {
    const { plan, grid } = fresh();
    const { rows, columns, headerRow } = plan.score;
    put(grid, rows['1.1.2'], columns.code, '1.1.9');
    grid.values.splice(rows['1.2'] - 1, 1);
    grid.formulas?.splice(rows['1.2'] - 1, 1);
    const r = read(plan, grid);
    expect(rules(r).sort()).toEqual(
      [
        `structure.codeUnknown@Chấm điểm!A${rows['1.1.2']}`,
        `structure.rowMissing@Chấm điểm!A${headerRow}`,
        `structure.rowMissing@Chấm điểm!A${headerRow}`,
      ].sort(),
    );
    expect(
      r.structureProblems
        .filter((p) => p.rule === 'structure.rowMissing')
        .map((p) => p.code)
        .sort(),
    ).toEqual(['1.1.2', '1.2']);
  });

  it('names a file of another framework, or of another version of it', () => {
    const { plan, grid } = fresh();
    const other = scoresheetFromGrid(framework, grid, { ...plan.meta, frameworkId: 'an-giang-2022' });
    expect(rules(other)).toContain('structure.otherFramework@_meta!A1');
    const older = scoresheetFromGrid(
      framework,
      grid,
      { ...plan.meta, frameworkFingerprint: '0000000000000000' },
      {
        metaCells: { frameworkFingerprint: '_meta!B4' },
      },
    );
    expect(rules(older)).toEqual(['structure.otherFramework@_meta!B4']);
  });

  it('reports a formula in an input cell and does not take its cached value', () => {
    const { plan, grid } = fresh();
    const { rows, columns } = plan.score;
    put(grid, rows['1.2'], columns.self, 3, '1+2');
    const r = read(plan, grid);
    expect(rules(r)).toEqual([`structure.formulaInInput@Chấm điểm!E${rows['1.2']}`]);
    expect(r.structureProblems[0].message).toContain('=1+2');
    expect(r.scoresheet.entries['1.2'].self).toBeUndefined();
  });

  it('refuses a self score typed over a survey mark or a not-applicable mark', () => {
    const { plan, grid } = fresh();
    const { rows, columns } = plan.score;
    put(grid, rows['2.1.1'], columns.self, 9);
    put(grid, rows['1.3'], columns.self, 2);
    const r = read(plan, grid);
    expect(rules(r).sort()).toEqual(
      [
        `structure.applicabilityChanged@Chấm điểm!E${rows['1.3']}`,
        `structure.surveyMarkChanged@Chấm điểm!E${rows['2.1.1']}`,
      ].sort(),
    );
    expect(r.structureProblems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('only warns when a mark was cleared, and errs when a mark was pasted over a self leaf', () => {
    const { plan, grid } = fresh();
    const { rows, columns } = plan.score;
    put(grid, rows['2.1.1'], columns.self, null);
    put(grid, rows['1.2'], columns.self, SURVEY_MARK);
    put(grid, rows['1.4'], columns.self, NOT_APPLICABLE_MARK);
    const r = read(plan, grid);
    const bySeverity = r.structureProblems.map((p) => `${p.severity}:${p.rule}:${p.code}`).sort();
    expect(bySeverity).toEqual([
      'error:structure.applicabilityChanged:1.4',
      'error:structure.surveyMarkChanged:1.2',
      'warning:structure.surveyMarkChanged:2.1.1',
    ]);
  });

  it('reports duplicate codes, a missing header and a missing column', () => {
    const { plan, grid } = fresh();
    const { rows, columns, headerRow } = plan.score;
    put(grid, rows['1.2'] + 100, columns.code, '1.2');
    expect(rules(read(plan, grid))).toEqual([`structure.codeDuplicate@Chấm điểm!A${rows['1.2'] + 100}`]);

    const noSelf = fresh();
    put(noSelf.grid, headerRow, columns.self, 'Điểm');
    expect(rules(read(noSelf.plan, noSelf.grid))).toEqual([
      `structure.columnMissing@Chấm điểm!A${headerRow}`,
    ]);

    const noHeader = fresh();
    put(noHeader.grid, headerRow, columns.code, 'STT');
    const r = read(noHeader.plan, noHeader.grid);
    expect(rules(r)).toEqual(['structure.headerMissing@Chấm điểm!A1']);
    expect(r.layout).toBeNull();
  });

  it('accepts titles typed with other case, spacing or decomposed Unicode', () => {
    const { plan, grid } = fresh();
    const { headerRow, columns } = plan.score;
    put(grid, headerRow, columns.self, '  ĐIỂM TỰ   đánh giá '.normalize('NFD'));
    put(grid, plan.score.rows['1.2'], columns.self, 1);
    const r = read(plan, grid);
    expect(r.structureProblems).toEqual([]);
    expect(r.scoresheet.entries['1.2'].self).toBe(1);
  });
});

describe('the report texts below the table', () => {
  it('takes a label row without a code, never a node row whose name reads like a label', () => {
    const { plan, grid } = fresh();
    const { rows, columns, totalRow } = plan.score;
    put(grid, rows['1.2'], columns.name, 'Khó khăn, vướng mắc');
    put(grid, rows['1.2'], columns.name + 1, 'không phải báo cáo');
    put(grid, totalRow + 3, columns.name, '  KIẾN NGHỊ,  đề xuất '.normalize('NFD'));
    put(grid, totalRow + 3, columns.name + 2, ' Đề nghị tập huấn ');
    const r = read(plan, grid);
    expect(r.scoresheet.report).toEqual({ recommendations: 'Đề nghị tập huấn' });
  });
});

describe('metaFromRows', () => {
  it('reads key/value rows, skipping blank keys, keeping the first of a duplicate key', () => {
    expect(
      metaFromRows([
        ['frameworkId', 'mau-thu'],
        [null, 'x'],
        ['unitCode', 12],
        ['frameworkId', 'other'],
        ['deadline', null],
      ]),
    ).toEqual({ frameworkId: 'mau-thu', unitCode: '12', deadline: '' });
    expect(metaWithCells([['a', 'b'], [], ['c', 'd']], 3).cells).toEqual({ a: '_meta!B3', c: '_meta!B5' });
  });
});
