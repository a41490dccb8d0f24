import { parseFramework } from '../../src/framework/parse';
import type { Framework, FrameworkInput } from '../../src/framework/schema';
import { frameworkHead, percentTiersRule, planLevelsRule } from '../helpers/framework-parts';

/**
 * A small framework that passes every check, using every feature: 2 fields, criteria as parents
 * and as leaves, all rule kinds, a survey leaf, a group-only leaf and a per-group maximum.
 */
export function smallFrameworkInput(): FrameworkInput {
  return {
    ...frameworkHead({
      id: 'mau-nho',
      title: 'Bộ tiêu chí mẫu',
      year: 2024,
      legalBasis: { number: '1/QĐ-UBND', date: '2024-01-02' },
    }),
    declared: {
      counts: { fields: 2, criteria: 3, subCriteria: 5 },
      points: { self: 6, survey: 4, total: 10 },
    },
    bands: [
      { name: 'Tốt', min: 90 },
      { name: 'Khá', min: 0 },
    ],
    tree: [
      {
        code: '1',
        name: 'Lĩnh vực một',
        max: 6,
        children: [
          {
            code: '1.1',
            name: 'Tiêu chí có con',
            max: 4,
            children: [
              {
                code: '1.1.1',
                name: 'Ban hành kế hoạch',
                max: 1,
                method: 'self',
                rule: planLevelsRule(),
              },
              {
                code: '1.1.2',
                name: 'Thực hiện kế hoạch',
                max: 2,
                method: 'self',
                rule: percentTiersRule(),
              },
              {
                code: '1.1.3',
                name: 'Kiểm tra',
                max: 1,
                method: 'self',
                rule: { kind: 'range', step: 0.25 },
                maxByGroup: { so: 1.5 },
              },
              {
                code: '1.1.4',
                name: 'Cấp xã',
                max: 0,
                method: 'self',
                rule: { kind: 'bonus', cap: 1, step: 0.5 },
                appliesTo: ['huyen'],
              },
            ],
          },
          {
            code: '1.2',
            name: 'Tiêu chí có một con',
            max: 2,
            children: [
              { code: '1.2.1', name: 'Vi phạm', max: 2, method: 'self', rule: { kind: 'range', step: 0.5 } },
            ],
          },
        ],
      },
      {
        code: '2',
        name: 'Mức độ hài lòng',
        max: 4,
        children: [{ code: '2.1', name: 'SIPAS', max: 4, method: 'survey', source: 'sipas' }],
      },
    ],
  };
}

export function smallFramework(): Framework {
  return parseFramework(smallFrameworkInput(), 'fixture');
}
