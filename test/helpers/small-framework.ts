/**
 * A small framework for the consolidation tests: 3 fields, 2 groups, one survey source with two
 * leaves, one leaf only for districts, a unit assessed but not ranked. Small enough to reason
 * about totals by hand.
 */
import { frameworkSchema, type Framework } from '../../src/framework/schema';
import { frameworkHead } from './framework-parts';

export const smallFramework: Framework = frameworkSchema.parse({
  ...frameworkHead({
    id: 'test-small',
    title: 'Bộ tiêu chí thử nghiệm',
    year: 2024,
    legalBasis: { number: '1/QĐ-TEST', date: '2024-01-15' },
    status: 'illustrative',
    groups: [
      { id: 'so', name: 'Sở, ban, ngành' },
      { id: 'huyen', name: 'Huyện, thị xã, thành phố' },
    ],
  }),
  declared: {
    counts: { fields: 3, criteria: 6, subCriteria: 2 },
    points: { self: 60, survey: 40, total: 100 },
  },
  bands: [
    { name: 'Tốt', min: 90 },
    { name: 'Khá', min: 80 },
    { name: 'Trung bình', min: 65 },
    { name: 'Yếu', min: 0 },
  ],
  surveySources: [{ id: 'sipas', name: 'SIPAS', conversion: 'rateTimesMax' }],
  notRanked: ['Thanh tra tỉnh'],
  tree: [
    {
      code: '1',
      name: 'Công tác chỉ đạo, điều hành CCHC',
      max: 30,
      children: [
        { code: '1.1', name: 'Kế hoạch CCHC', max: 10, method: 'self', rule: { kind: 'range', step: 0.25 } },
        {
          code: '1.2',
          name: 'Báo cáo CCHC',
          max: 20,
          children: [
            {
              code: '1.2.1',
              name: 'Báo cáo đúng hạn',
              max: 10,
              method: 'self',
              rule: {
                kind: 'levels',
                options: [
                  { label: 'Đúng hạn', points: 10 },
                  { label: 'Trễ', points: 5 },
                  { label: 'Không', points: 0 },
                ],
              },
            },
            {
              code: '1.2.2',
              name: 'Báo cáo đủ nội dung',
              max: 10,
              method: 'self',
              rule: { kind: 'range', step: 0.5 },
            },
          ],
        },
      ],
    },
    {
      code: '2',
      name: 'Cải cách thủ tục hành chính',
      max: 30,
      children: [
        { code: '2.1', name: 'Công khai TTHC', max: 20, method: 'self', rule: { kind: 'range', step: 0.25 } },
        {
          code: '2.2',
          name: 'Một cửa cấp huyện',
          max: 10,
          method: 'self',
          rule: { kind: 'range', step: 0.25 },
          appliesTo: ['huyen'],
        },
      ],
    },
    {
      code: '3',
      name: 'Mức độ hài lòng (SIPAS)',
      max: 40,
      children: [
        { code: '3.1', name: 'Hài lòng về TTHC', max: 24, method: 'survey', source: 'sipas' },
        { code: '3.2', name: 'Hài lòng về công chức', max: 16, method: 'survey', source: 'sipas' },
      ],
    },
  ],
});
