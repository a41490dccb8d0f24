import { notANumber } from '../../../src/scoring/rules/not-a-number';
import { runRule } from './run-rule';

describe('value.notANumber', () => {
  it('accepts numbers, numeric text and empty cells', () => {
    expect(
      runRule(notANumber, {
        '1.1': { self: 1, appraisal: '0,5' },
        '1.3': { self: null },
        '2.2': { survey: 3 },
      }),
    ).toEqual([]);
  });

  it('reports words, Excel errors and booleans with the cell address', () => {
    const problems = runRule(notANumber, {
      '1.1': { self: 'hai' },
      '1.3': { appraisal: { error: '#VALUE!' } },
      '1.7': { self: true },
      '2.2': { survey: 'n/a' },
    });
    expect(problems.map((p) => [p.code, p.field, p.severity, p.cell])).toEqual([
      ['1.1', 'self', 'error', 'Chấm điểm!E10'],
      ['1.3', 'appraisal', 'error', 'Chấm điểm!H12'],
      ['1.7', 'self', 'error', 'Chấm điểm!E16'],
      ['2.2', 'survey', 'error', 'Chấm điểm!E18'],
    ]);
    expect(problems[0].message).toBe('Tiêu chí 1.1, điểm tự đánh giá: "hai" không phải là số.');
    expect(problems[1].message).toContain('#VALUE!');
    expect(problems[0].value).toBe('hai');
  });
});
