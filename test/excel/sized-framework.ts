/**
 * Frameworks of any number of leaves, built inline so the adapter can be measured at 10 and at 200
 * leaves: fields of up to 10 leaves (two criteria of five sub-criteria), every fifth leaf scored by
 * the SIPAS survey, the others self-scored on a 0.25 step; two unit groups.
 */
import { frameworkSchema, type Framework, type FrameworkNode } from '../../src/framework/schema';
import { rankUnits } from '../../src/scoring';
import type { RankedUnit, UnitRef } from '../../src/scoring/types';
import { frameworkHead } from '../helpers/framework-parts';

const LEAF_MAX = 2;

export function sizedFramework(leafCount: number): Framework {
  const tree: FrameworkNode[] = [];
  let made = 0;
  let survey = 0;
  for (let f = 1; made < leafCount; f++) {
    const criteria: FrameworkNode[] = [];
    for (let c = 1; c <= 2 && made < leafCount; c++) {
      const subs: FrameworkNode[] = [];
      for (let s = 1; s <= 5 && made < leafCount; s++) {
        made++;
        const isSurvey = made % 5 === 0;
        if (isSurvey) survey++;
        subs.push({
          code: `${f}.${c}.${s}`,
          name: `Tiêu chí thành phần ${f}.${c}.${s}`,
          max: LEAF_MAX,
          ...(isSurvey
            ? { method: 'survey' as const, source: 'sipas' }
            : { method: 'self' as const, rule: { kind: 'range' as const, step: 0.25 } }),
        });
      }
      criteria.push({
        code: `${f}.${c}`,
        name: `Tiêu chí ${f}.${c}`,
        max: subs.length * LEAF_MAX,
        children: subs,
      });
    }
    tree.push({
      code: String(f),
      name: `Lĩnh vực ${f}`,
      max: criteria.reduce((n, c) => n + c.max, 0),
      children: criteria,
    });
  }
  const criteriaCount = tree.reduce((n, f) => n + (f.children?.length ?? 0), 0);
  return frameworkSchema.parse({
    ...frameworkHead({
      id: `thu-${leafCount}`,
      title: `Bộ tiêu chí thử ${leafCount} tiêu chí thành phần`,
      year: 2026,
      level: 'so-huyen',
      legalBasis: { number: '1/QĐ-UBND', date: '2026-01-01' },
    }),
    declared: {
      counts: { fields: tree.length, criteria: criteriaCount, subCriteria: leafCount },
      points: {
        self: (leafCount - survey) * LEAF_MAX,
        survey: survey * LEAF_MAX,
        total: leafCount * LEAF_MAX,
      },
    },
    surveySources: [{ id: 'sipas', name: 'SIPAS', conversion: 'points' }],
    tree,
  });
}

export const UNIT: UnitRef = { code: 'STP', name: 'Sở Tư pháp', group: 'so' };

/** `count` ranked units over both groups, with distinct indices. */
export function rankedUnits(count: number): RankedUnit[] {
  return rankUnits(
    Array.from({ length: count }, (_, i) => ({
      unit: `Đơn vị số ${i + 1}`,
      code: `DV${String(i + 1).padStart(3, '0')}`,
      group: i % 2 === 0 ? 'so' : 'huyen',
      appraisal: 50 + ((i * 7) % 18) + 0.25,
      survey: 20 + (i % 10) + 0.5,
      max: 100,
      ranked: i !== 3,
    })),
    { groupOrder: ['so', 'huyen'] },
  );
}
