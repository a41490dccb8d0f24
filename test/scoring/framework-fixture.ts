/**
 * Small frameworks for scoring tests, built inline and parsed with the real `frameworkSchema` so
 * defaults (places, tieRule, steps) are the ones production sees.
 */
import {
  frameworkSchema,
  type Framework,
  type FrameworkInput,
  type FrameworkNode,
} from '../../src/framework/schema';
import type { LeafEntry, Scoresheet } from '../../src/scoring/types';
import { frameworkHead, percentTiersRule, planLevelsRule } from '../helpers/framework-parts';

/**
 * A framework with two groups (so = sở, huyen = huyện) and one field of each rule kind:
 * 1 Chỉ đạo điều hành (10,5): 1.1 levels (1 / 0,5 / 0, evidence required), 1.2 tiers (2 / 1 / 0),
 *   1.3 range max 3 step 0,25, 1.4 huyện-only range max 2, 1.5 deduction cap 2, 1.6 bonus cap 1,
 *   1.7 plain leaf max 2.5 without rule (sở max 1,5);
 * 2 Điều tra XHH (10): 2.1 SIPAS rate leaf max 6, 2.2 points leaf max 4.
 */
export function sampleFrameworkInput(overrides: Partial<FrameworkInput> = {}): FrameworkInput {
  const tree: FrameworkNode[] = [
    {
      code: '1',
      name: 'Công tác chỉ đạo, điều hành CCHC',
      max: 10.5,
      children: [
        {
          code: '1.1',
          name: 'Ban hành kế hoạch CCHC năm',
          max: 1,
          method: 'self',
          evidenceRequired: true,
          rule: planLevelsRule(),
        },
        {
          code: '1.2',
          name: 'Mức độ thực hiện kế hoạch CCHC',
          max: 2,
          method: 'self',
          rule: percentTiersRule([2, 1, 0], 'Tỷ lệ hoàn thành kế hoạch'),
        },
        {
          code: '1.3',
          name: 'Công tác tuyên truyền CCHC',
          max: 3,
          method: 'self',
          rule: { kind: 'range', step: 0.25 },
        },
        {
          code: '1.4',
          name: 'Chỉ đạo UBND cấp xã',
          max: 2,
          method: 'self',
          appliesTo: ['huyen'],
          rule: { kind: 'range', step: 0.5 },
        },
        {
          code: '1.5',
          name: 'Vi phạm kỷ luật hành chính',
          max: 0,
          method: 'self',
          rule: { kind: 'deduction', cap: 2, step: 0.5 },
        },
        {
          code: '1.6',
          name: 'Sáng kiến CCHC',
          max: 0,
          method: 'self',
          rule: { kind: 'bonus', cap: 1, step: 0.25 },
        },
        { code: '1.7', name: 'Kiểm tra CCHC', max: 2.5, method: 'self', maxByGroup: { so: 1.5 } },
      ],
    },
    {
      code: '2',
      name: 'Mức độ hài lòng (điều tra XHH)',
      max: 10,
      children: [
        { code: '2.1', name: 'Hài lòng của người dân (SIPAS)', max: 6, method: 'survey', source: 'sipas' },
        { code: '2.2', name: 'Đánh giá của lãnh đạo', max: 4, method: 'survey', source: 'leaders' },
      ],
    },
  ];
  return {
    ...frameworkHead({
      id: 'test-2024',
      title: 'Bộ tiêu chí thử nghiệm',
      year: 2024,
      legalBasis: { number: '1/QĐ-TEST', date: '2024-01-02' },
      status: 'illustrative',
    }),
    declared: {
      counts: { fields: 2, criteria: 9, subCriteria: 0 },
      points: { self: 10.5, survey: 10, total: 20.5 },
    },
    bands: [
      { name: 'Tốt', min: 90 },
      { name: 'Khá', min: 80 },
      { name: 'Trung bình', min: 50 },
      { name: 'Yếu', min: 0 },
    ],
    surveySources: [
      { id: 'sipas', name: 'SIPAS', conversion: 'rateTimesMax' },
      { id: 'leaders', name: 'Khảo sát lãnh đạo', conversion: 'points' },
    ],
    tree,
    ...overrides,
  };
}

export function sampleFramework(overrides: Partial<FrameworkInput> = {}): Framework {
  return frameworkSchema.parse(sampleFrameworkInput(overrides));
}

/** A scoresheet for the sample framework; `cells` gives every leaf field an address on row 10+i. */
export function sheetOf(
  entries: Record<string, LeafEntry>,
  group = 'so',
  frameworkId = 'test-2024',
): Scoresheet {
  const columns = {
    self: 'E',
    evidence: 'F',
    explanation: 'G',
    appraisal: 'H',
    appraisalComment: 'I',
    survey: 'E',
  } as const;
  const codes = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '2.1', '2.2'];
  const cells: Scoresheet['cells'] = {};
  codes.forEach((code, i) => {
    cells[code] = Object.fromEntries(
      Object.entries(columns).map(([f, col]) => [f, `Chấm điểm!${col}${10 + i}`]),
    );
  });
  return { frameworkId, unit: { code: 'U1', name: 'Sở Thử nghiệm', group }, entries, cells };
}

/** A sheet where every applicable self leaf of the sample framework is validly filled. */
export function completeEntries(): Record<string, LeafEntry> {
  return {
    '1.1': { self: 1, evidence: 'QĐ 12/QĐ-STN ngày 05/01/2024' },
    '1.2': { self: 2 },
    '1.3': { self: 2.75 },
    '1.7': { self: 1.5 },
  };
}
