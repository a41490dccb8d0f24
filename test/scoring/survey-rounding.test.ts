/**
 * The survey rounding stage (framework setting `survey.rounding`): per criterion (the default,
 * each SIPAS leaf's points rounded before summing) or at the total. An Giang 2022 has five SIPAS
 * leaves of 6,4 points; at 89,64 % the source's total is 89,64 % × 32 = 28,6848 → 28,68, while
 * rounding each leaf gives 5 × 5,74 = 28,70.
 */
import { importSurveyRows } from '../../src/consolidation/survey';
import { frameworkFingerprint } from '../../src/framework/fingerprint';
import { getBuiltinFramework } from '../../src/framework/builtins';
import { parseFramework } from '../../src/framework/parse';
import type { Framework } from '../../src/framework/schema';
import { surveyPoints, surveyRoundingRule } from '../../src/scoring/survey';
import { computeTotals } from '../../src/scoring/totals';
import type { Scoresheet } from '../../src/scoring/types';
import { buildRankingPlan } from '../../src/workbook/ranking-plan';

const perCriterion = getBuiltinFramework('an-giang-2022') as Framework;
const atTotal = parseFramework({ ...perCriterion, survey: { rounding: 'total' } }, 'thử');
const unit = { code: 'STP', name: 'Sở Tư pháp', group: 'so' };
const SIPAS = ['9.1', '9.2', '9.3', '9.4', '9.5'];

function sheetWith(survey: Record<string, number>, surveyIsRate = false): Scoresheet {
  return {
    frameworkId: perCriterion.id,
    unit,
    entries: Object.fromEntries(Object.entries(survey).map(([code, v]) => [code, { survey: v }])),
    surveyIsRate,
  };
}

describe('survey rounding stage', () => {
  it('defaults to per criterion: 5 × 5,74 = 28,70 (what every framework did before the setting)', () => {
    expect(perCriterion.survey).toBeUndefined();
    expect(surveyPoints(perCriterion, '9.1', 89.64, 'rate')).toEqual({ points: 5.74 });
    const t = computeTotals(perCriterion, sheetWith(Object.fromEntries(SIPAS.map((c) => [c, 89.64])), true));
    expect(t.survey).toBe(28.7);
    expect(t.nodes['9'].survey).toBe(28.7);
  });

  it('"total" keeps each leaf exact and rounds the sum once: 89,64 % × 32 = 28,68', () => {
    expect(surveyPoints(atTotal, '9.1', 89.64, 'rate')).toEqual({ points: 5.73696 });
    const t = computeTotals(atTotal, sheetWith(Object.fromEntries(SIPAS.map((c) => [c, 89.64])), true));
    expect(t.survey).toBe(28.68);
    expect(t.nodes['9'].survey).toBe(28.68);
    expect(t.total).toBe(28.68);
    expect(t.max).toBe(100);
    expect(t.index).toBe(28.68);
  });

  it("goes the same way from the organisers' file through the survey import to the totals", () => {
    const rows = [
      ['Tên đơn vị', 'Tỷ lệ hài lòng SIPAS (%)'],
      ['Sở Tư pháp', '89,64'],
    ];
    for (const [framework, leaf, total] of [
      [perCriterion, 5.74, 28.7],
      [atTotal, 5.73696, 28.68],
    ] as const) {
      const imported = importSurveyRows(rows, framework, [unit]);
      expect(imported.issues).toEqual([]);
      const points = Object.values(imported.points)[0];
      expect(SIPAS.map((c) => points[c])).toEqual(SIPAS.map(() => leaf));
      expect(computeTotals(framework, sheetWith(points)).survey).toBe(total);
    }
  });

  it('adds the exact survey points to appraised points before rounding the total and the index', () => {
    // 1.1 self 1 (appraised = self while not appraised); survey 89,64 % on each SIPAS leaf.
    const sheet = sheetWith(Object.fromEntries(SIPAS.map((c) => [c, 89.64])), true);
    sheet.entries['1.1.1'] = { self: 1 };
    const first = perCriterion.tree[0].children?.[0].children?.[0];
    expect(first?.code).toBe('1.1.1');
    expect(computeTotals(perCriterion, sheet).total).toBe(29.7);
    expect(computeTotals(atTotal, sheet).total).toBe(29.68);
  });

  it('is part of the fingerprint, and the default leaves existing fingerprints as they were', () => {
    expect(frameworkFingerprint(atTotal)).not.toBe(frameworkFingerprint(perCriterion));
    const explicitDefault = parseFramework({ ...perCriterion, survey: { rounding: 'perCriterion' } }, 'thử');
    expect(frameworkFingerprint(explicitDefault)).toBe(frameworkFingerprint(perCriterion));
  });

  it('states the rule in words in the ranking workbook (one sentence source)', () => {
    expect(surveyRoundingRule(perCriterion)).toBe(
      'Điểm điều tra XHH: tỷ lệ × điểm tối đa của từng tiêu chí, làm tròn đến 2 chữ số thập phân ở từng tiêu chí rồi mới cộng.',
    );
    expect(surveyRoundingRule(atTotal)).toBe(
      'Điểm điều tra XHH: tỷ lệ × điểm tối đa của từng tiêu chí, giữ nguyên không làm tròn; chỉ tổng điểm điều tra được làm tròn (2 chữ số thập phân).',
    );
    const noSurvey = parseFramework(
      {
        ...perCriterion,
        surveySources: [],
        tree: perCriterion.tree.filter((f) => f.code !== '9'),
        declared: { ...perCriterion.declared, points: { self: 68, survey: 0, total: 68 } },
      },
      'thử',
    );
    expect(surveyRoundingRule(noSurvey)).toBeNull();
    const plan = buildRankingPlan([], atTotal, {});
    const notes = plan.rows.filter((r) => r.kind === 'note').map((r) => r.cells[0]);
    expect(notes).toContain(surveyRoundingRule(atTotal));
  });

  it('refuses an unknown rounding stage', () => {
    expect(() => parseFramework({ ...perCriterion, survey: { rounding: 'perLeaf' } }, 'thử')).toThrow();
  });
});
