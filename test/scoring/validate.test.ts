import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../src/scoring/rules';
import { hasErrors, validateScoresheet } from '../../src/scoring/validate';
import { completeEntries, sampleFramework, sheetOf } from './framework-fixture';

describe('validateScoresheet', () => {
  const framework = sampleFramework();

  it('finds nothing wrong in a complete, valid sheet', () => {
    const sheet = sheetOf({
      ...completeEntries(),
      '1.3': { self: 2.75, appraisal: 2.5, appraisalComment: 'Thiếu báo cáo quý IV' },
      '1.5': { appraisal: -0.5, appraisalComment: 'Chậm báo cáo' },
      '2.2': { survey: 3.25 },
    });
    expect(validateScoresheet(framework, sheet)).toEqual([]);
  });

  it('reports each mistake once, with its rule key, severity and cell', () => {
    const sheet = sheetOf({
      '1.1': { self: 0.75 },
      '1.2': { self: 'hai' },
      '1.3': { self: '1,5' },
      '1.4': { self: 1 },
      '1.7': { self: 2 },
      '2.1': { self: 3 },
    });
    const found = validateScoresheet(framework, sheet).map(
      (p) => `${p.rule} ${p.code} ${p.severity} ${p.cell ?? ''}`,
    );
    // Leaf by leaf, in tree order; within a leaf, in the order of the rule list.
    expect(found).toEqual([
      'score.notALevel 1.1 error Chấm điểm!E10',
      'evidence.missing 1.1 error Chấm điểm!F10',
      'value.notANumber 1.2 error Chấm điểm!E11',
      'value.numericText 1.3 warning Chấm điểm!E12',
      'score.notApplicable 1.4 error Chấm điểm!E13',
      'score.aboveMax 1.7 error Chấm điểm!E16',
      'score.selfOnSurveyLeaf 2.1 error Chấm điểm!E17',
    ]);
  });

  it('defaults to submission mode and honours draft mode', () => {
    const sheet = sheetOf({});
    expect(hasErrors(validateScoresheet(framework, sheet))).toBe(true);
    const draft = validateScoresheet(framework, sheet, { mode: 'draft' });
    expect(draft.length).toBeGreaterThan(0);
    expect(hasErrors(draft)).toBe(false);
  });

  it('leaves `cell` out when the sheet has no addresses', () => {
    const sheet = { ...sheetOf({ '1.3': { self: 9 } }), cells: undefined };
    const [p] = validateScoresheet(framework, sheet, { mode: 'draft' }).filter(
      (x) => x.rule === 'score.aboveMax',
    );
    expect(p.cell).toBeUndefined();
  });

  it('has unique rule keys, and every rule module has its own test file', () => {
    const keys = rules.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    const tests = new Set(readdirSync(join(__dirname, 'rules')).filter((f) => f.endsWith('.test.ts')));
    const modules = readdirSync(join(__dirname, '../../src/scoring/rules')).filter(
      (f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'context.ts',
    );
    expect(modules).toHaveLength(rules.length);
    for (const m of modules) expect(tests).toContain(m.replace(/\.ts$/, '.test.ts'));
    for (const r of rules) expect(r.description).toMatch(/\S/);
  });
});
