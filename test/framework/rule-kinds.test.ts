import { parseGuide, ruleGuide } from '../../src/framework/import/guide';
import {
  DEFAULT_STEP,
  RULE_KIND_NAMES,
  acceptedScores,
  ruleKind,
  ruleSchema,
  type Rule,
} from '../../src/framework/rule-kinds';
import type { FrameworkNode } from '../../src/framework/schema';
import { allowedScores } from '../../src/consolidation/sample-scores';
import { acceptableScore, matchesRule, scoreRange } from '../../src/scoring/leaf';
import { scoreCellRule } from '../../src/workbook/score-rule';
import { percentTiersRule, planLevelsRule } from '../helpers/framework-parts';

/** One rule of every registered kind, on a leaf of maximum 2 (0 for deduction and bonus). */
const RULES: Record<Rule['kind'], Rule> = {
  levels: planLevelsRule(2),
  tiers: percentTiersRule(),
  range: { kind: 'range', step: 0.5 },
  deduction: { kind: 'deduction', cap: 1, step: 0.25 },
  bonus: { kind: 'bonus', cap: 1, step: 0.5 },
};

function leafWith(rule: Rule | undefined): FrameworkNode {
  const outside = rule?.kind === 'deduction' || rule?.kind === 'bonus';
  return { code: '1.1', name: 'Tiêu chí', max: outside ? 0 : 2, method: 'self', ...(rule ? { rule } : {}) };
}

/** Scores from -1.5 to 2.5 on a 0.05 grid. */
const PROBES = Array.from({ length: 81 }, (_, i) => Math.round((-1.5 + i * 0.05) * 100) / 100);

describe('the rule-kind registry', () => {
  it('registers every kind of the schema, and the schema refuses an unknown kind', () => {
    expect(RULE_KIND_NAMES.sort()).toEqual(Object.keys(RULES).sort());
    for (const rule of Object.values(RULES)) expect(ruleSchema.parse(rule)).toEqual(rule);
    expect(ruleSchema.safeParse({ kind: 'percent', step: 1 }).success).toBe(false);
  });

  it.each(Object.keys(RULES))(
    '%s: the scores it accepts are the same in scoring, the template and samples',
    (k) => {
      const rule = RULES[k as Rule['kind']];
      const leaf = leafWith(rule);
      const cell = scoreCellRule(leaf, 'so', 'self');
      const samples = allowedScores(leaf, 'so');
      expect(samples.length).toBeGreaterThan(1);
      for (const v of PROBES) {
        const range = scoreRange(leaf, 'so');
        const inCell =
          v >= cell.min - 1e-9 &&
          v <= cell.max + 1e-9 &&
          (cell.allowed
            ? cell.allowed.includes(v)
            : cell.step === null || Math.abs(v / cell.step - Math.round(v / cell.step)) < 1e-6);
        const scored = acceptableScore(leaf, 'so', v);
        expect([v, inCell]).toEqual([v, scored]);
        expect([v, samples.includes(v)]).toEqual([v, scored]);
        expect([v, v >= range.min && v <= range.max && matchesRule(rule, v)]).toEqual([v, scored]);
      }
    },
  );

  it('a leaf without a rule accepts two decimals everywhere (one default step, not 0.01 here and 0.25 there)', () => {
    const leaf = leafWith(undefined);
    expect(DEFAULT_STEP).toBe(0.01);
    expect(scoreCellRule(leaf, 'so', 'self').step).toBe(0.01);
    expect(acceptableScore(leaf, 'so', 1.37)).toBe(true);
    expect(allowedScores(leaf, 'so')).toContain(1.37);
    expect(allowedScores(leaf, 'so')).toHaveLength(201);
  });

  it.each(Object.keys(RULES))('%s: its canonical guide reads back to the same rule', (k) => {
    const rule = RULES[k as Rule['kind']];
    const leaf = leafWith(rule);
    const read = parseGuide(ruleGuide(rule), leaf.max);
    expect(read.ok && read.rule).toEqual(rule);
  });

  it('an unknown kind is an explicit error: no score accepted, the framework refused, the wording says so', () => {
    const rule = { kind: 'percent', step: 1 } as unknown as Rule;
    const leaf = leafWith(rule);
    expect(acceptedScores(rule, 2)).toEqual({ allowed: [], min: 0, max: 0, step: null });
    for (const v of [0, 0.5, 1, 2]) expect(acceptableScore(leaf, 'so', v)).toBe(false);
    const problems: { rule: string; message: string }[] = [];
    ruleKind(rule).check(rule, leaf, { code: '1.1', depth: 3 }, (_code, key, message) =>
      problems.push({ rule: key, message }),
    );
    expect(problems).toEqual([
      {
        rule: 'leaf.ruleKind',
        message: expect.stringContaining('cách chấm loại "percent" không được phiên bản này hỗ trợ'),
      },
    ]);
    expect(ruleKind(rule).text(rule, 2)).toContain('không nhận điểm nào');
  });
});
