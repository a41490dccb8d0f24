import { getBuiltinFramework } from '../../src/framework/builtins';
import { walk, isLeaf, isSurveyLeaf, appliesTo } from '../../src/framework/tree';
import { ENTRY_FIELDS, ENTRY_FIELD_KEYS } from '../../src/scoring/entry-fields';
import {
  COLUMN_NUMBER,
  FIELD_COLUMN,
  SCORE_COLUMNS,
  SUM_COLUMNS,
  inputColumns,
} from '../../src/workbook/columns';
import { buildTemplatePlan } from '../../src/workbook/plan';
import { leafInputs } from '../../src/workbook/score-sheet';

describe('the score-sheet column descriptor', () => {
  it('has one column per key and per title, and one column per entry field', () => {
    expect(new Set(SCORE_COLUMNS.map((c) => c.key)).size).toBe(SCORE_COLUMNS.length);
    expect(new Set(SCORE_COLUMNS.map((c) => c.title)).size).toBe(SCORE_COLUMNS.length);
    const fields = SCORE_COLUMNS.flatMap((c) => (c.field ? [c.field] : []));
    expect([...fields].sort()).toEqual([...ENTRY_FIELD_KEYS].sort());
    for (const f of ENTRY_FIELD_KEYS) expect(FIELD_COLUMN[f].field).toBe(f);
  });

  it('names a field in sentences as its column is titled (one wording per field)', () => {
    for (const f of ENTRY_FIELD_KEYS) {
      const title = FIELD_COLUMN[f].title;
      expect(ENTRY_FIELDS[f].label).toBe(title[0].toLocaleLowerCase('vi') + title.slice(1));
    }
  });

  it('gives each input column its kind and writer from the field', () => {
    for (const c of SCORE_COLUMNS.filter((col) => col.field)) {
      const spec = ENTRY_FIELDS[c.field!];
      expect(c.kind).toBe(spec.value);
      expect(c.writer).toBe(spec.writer);
    }
    expect(FIELD_COLUMN.self.writer).toBe('unit');
    expect(FIELD_COLUMN.appraisal.writer).toBe('council');
    expect(FIELD_COLUMN.survey.writer).toBe('so');
  });

  it('drives the plan: header, widths, sums, input cells and their prompts', () => {
    const framework = getBuiltinFramework('an-giang-2022')!;
    const group = framework.groups[0].id;
    const plan = buildTemplatePlan(framework, { code: 'S1', name: 'Sở Tư pháp', group });
    const sheet = plan.sheets.find((s) => s.name === 'Chấm điểm')!;
    const header = sheet.cells.filter((c) => c.row === plan.score.headerRow).map((c) => c.value);
    expect(header).toEqual(SCORE_COLUMNS.map((c) => c.title));
    expect(sheet.columns.map((c) => c.width)).toEqual(SCORE_COLUMNS.map((c) => c.width));

    const total = sheet.cells.filter((c) => c.row === plan.score.totalRow && c.formula?.startsWith('SUM('));
    expect(total.map((c) => c.col)).toEqual(SUM_COLUMNS.map((k) => COLUMN_NUMBER[k]));

    const leaf = walk(framework.tree)
      .map((v) => v.node)
      .find((n) => isLeaf(n) && !isSurveyLeaf(n) && appliesTo(n, group))!;
    const row = plan.score.rows[leaf.code];
    const unlocked = sheet.cells.filter((c) => c.row === row && c.locked === false).map((c) => c.col);
    expect(unlocked.sort((x, y) => x - y)).toEqual(
      inputColumns('self')
        .filter((c) => !c.lockedForUnit)
        .map((c) => COLUMN_NUMBER[c.key]),
    );
    const evidence = sheet.validations.find((v) => v.ref === `F${row}`)!;
    expect(evidence.promptTitle).toBe('Tài liệu kiểm chứng');
    expect(evidence.prompt).toBe(FIELD_COLUMN.evidence.prompt);
  });

  it('locks a column marked lockedForUnit in the unit workbook (the campaign sets it)', () => {
    const columns = inputColumns('self').map((c) =>
      c.writer === 'council' ? { ...c, lockedForUnit: true } : c,
    );
    const { open, locked } = leafInputs('self', columns);
    expect(open.map((c) => c.key)).toEqual(['self', 'evidence', 'explanation']);
    expect(locked.map((c) => c.key)).toEqual([
      'appraisal',
      'appraisalComment',
      'appraisal2',
      'appraisal2Comment',
    ]);
    // And the descriptor does lock them: the unit's file never carries the council's scores.
    expect(leafInputs('self').locked.map((c) => c.key)).toEqual(locked.map((c) => c.key));
    // A survey leaf has no input in the mark column (it holds the survey mark).
    expect(leafInputs('survey').open.map((c) => c.key)).toEqual(['survey']);
  });
});
