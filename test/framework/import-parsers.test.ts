import { parseRowCode, romanValue, toRoman } from '../../src/framework/import/codes';
import { parseGuide, ruleGuide } from '../../src/framework/import/guide';
import { findHeader, isColumnNumbering } from '../../src/framework/import/header';
import { readNumber } from '../../src/framework/import/text';
import { parseTierBounds } from '../../src/framework/import/tiers';

describe('parseRowCode', () => {
  it.each([
    ['1', { kind: 'arabic', segments: [1] }],
    ['1.', { kind: 'arabic', segments: [1] }],
    ['1.1.1.', { kind: 'arabic', segments: [1, 1, 1] }],
    [' 2.10 ', { kind: 'arabic', segments: [2, 10] }],
    ['IX', { kind: 'roman', value: 9 }],
    ['IV.', { kind: 'roman', value: 4 }],
    ['a)', { kind: 'letter', value: 1 }],
    ['đ)', { kind: 'letter', value: 5 }],
    ['e.', { kind: 'letter', value: 6 }],
    [3, { kind: 'arabic', segments: [3] }],
    [1.2, { kind: 'arabic', segments: [1, 2], fromNumber: true }],
  ])('%p', (cell, expected) => {
    expect(parseRowCode(cell)).toEqual(expected);
  });

  it.each(['', 'Tổng cộng', '1..2', '0', '1.0', 'IIII', 'VX', 'f)', '-', 'ii'])('refuses %p', (cell) => {
    expect(parseRowCode(cell)).toBeNull();
  });

  it('Roman numerals round-trip up to 399', () => {
    for (let n = 1; n < 400; n++) expect(romanValue(toRoman(n))).toBe(n);
  });
});

describe('readNumber', () => {
  it.each([
    ['0,5', 0.5],
    ['1.5', 1.5],
    [' 2 ', 2],
    ['1,5 điểm', 1.5],
    ['0,25đ', 0.25],
    ['-1', -1],
    ['(-2)', -2],
    ['−0,5', -0.5],
    [3.25, 3.25],
  ])('%p → %p', (cell, n) => expect(readNumber(cell)).toBe(n));

  it.each(['', 'một', '1 5', '1,5,5', null])('refuses %p', (cell) => expect(readNumber(cell)).toBeNull());
});

describe('parseTierBounds', () => {
  const b = (min: number | null, minInclusive: boolean, max: number | null, maxInclusive: boolean) => ({
    min,
    minInclusive,
    max,
    maxInclusive,
  });
  it.each([
    ['Thực hiện trên 90% kế hoạch', b(90, false, null, false)],
    ['từ 70% - 90%', b(70, true, 90, true)],
    ['Từ 70 - 90%', b(70, true, 90, true)],
    ['dưới 70%', b(null, false, 70, false)],
    ['từ 80% đến dưới 100%', b(80, true, 100, false)],
    ['trên 50% đến 70%', b(50, false, 70, true)],
    ['trên 50% đến dưới 70%', b(50, false, 70, false)],
    ['Đạt từ 98% trở lên', b(98, true, null, false)],
    ['95% trở lên', b(95, true, null, false)],
    ['từ 50% trở xuống', b(null, false, 50, true)],
    ['≥ 90%', b(90, true, null, false)],
    ['< 50%', b(null, false, 50, false)],
    ['đạt 100%', b(100, true, 100, true)],
    ['Tỷ lệ 0%', b(0, true, 0, true)],
    ['từ 90,5% đến 95%', b(90.5, true, 95, true)],
    ['60% - 80%', b(60, true, 80, true)],
  ])('%p', (label, expected) => expect(parseTierBounds(label)).toEqual(expected));

  it('is null without a percentage', () => expect(parseTierBounds('Đạt yêu cầu')).toBeNull());
});

describe('parseGuide', () => {
  const levels = (...o: Array<[string, number]>) => ({
    kind: 'levels',
    options: o.map(([label, points]) => ({ label, points })),
  });

  it.each([
    [
      'Ban hành kịp thời: 1; Ban hành không kịp thời: 0,5; Không ban hành: 0',
      1,
      levels(['Ban hành kịp thời', 1], ['Ban hành không kịp thời', 0.5], ['Không ban hành', 0]),
    ],
    [
      'Đạt yêu cầu: 1 điểm\nKhông đạt yêu cầu: 0 điểm',
      1,
      levels(['Đạt yêu cầu', 1], ['Không đạt yêu cầu', 0]),
    ],
    ['- Đầy đủ = 2\n- Không đầy đủ = 0', 2, levels(['Đầy đủ', 2], ['Không đầy đủ', 0])],
    [
      'Có thực hiện (1 điểm); Không thực hiện (0 điểm)',
      1,
      levels(['Có thực hiện', 1], ['Không thực hiện', 0]),
    ],
    [
      'Có thực hiện – 1 điểm; Không thực hiện – 0 điểm',
      1,
      levels(['Có thực hiện', 1], ['Không thực hiện', 0]),
    ],
    [
      'Thực hiện đúng quy định được 1,5 điểm; Không thực hiện được 0 điểm',
      1.5,
      levels(['Thực hiện đúng quy định', 1.5], ['Không thực hiện', 0]),
    ],
    [
      '1 điểm: Ban hành đúng hạn\n0 điểm: Không ban hành',
      1,
      levels(['Ban hành đúng hạn', 1], ['Không ban hành', 0]),
    ],
    ['Cách tính:\nĐạt: 1; Không đạt: 0', 1, levels(['Đạt', 1], ['Không đạt', 0])],
  ])('levels: %p', (text, max, rule) => {
    const r = parseGuide(text, max);
    expect(r).toMatchObject({ ok: true, rule });
  });

  it('tiers with a preamble keep it as what is measured', () => {
    const r = parseGuide('Tỷ lệ hồ sơ đúng hạn:\n- Trên 95%: 2\n- Từ 80% đến 95%: 1\n- Dưới 80%: 0', 2);
    expect(r).toEqual({
      ok: true,
      notes: [],
      rule: {
        kind: 'tiers',
        measure: 'Tỷ lệ hồ sơ đúng hạn',
        tiers: [
          { label: 'Trên 95%', min: 95, minInclusive: false, max: null, maxInclusive: false, points: 2 },
          { label: 'Từ 80% đến 95%', min: 80, minInclusive: true, max: 95, maxInclusive: true, points: 1 },
          { label: 'Dưới 80%', min: null, minInclusive: false, max: 80, maxInclusive: false, points: 0 },
        ],
      },
    });
  });

  it.each([
    ['Chấm điểm từ 0 đến điểm tối đa, bước 0,25', 2, { kind: 'range', step: 0.25 }, []],
    ['Từ 0 đến 2 điểm, bước chấm 0,5', 2, { kind: 'range', step: 0.5 }, []],
    [
      'Chấm từ 0 - 1 điểm',
      1,
      { kind: 'range', step: 0.25 },
      ['chấm theo bước 0,25 (cách chấm không ghi bước)'],
    ],
    [
      'Mỗi văn bản trái luật trừ 0,5 điểm, trừ tối đa 2 điểm',
      0,
      { kind: 'deduction', cap: 2, step: 0.5 },
      [],
    ],
    [
      'Mỗi lần chậm báo cáo trừ 0,25 điểm; tối đa trừ 1 điểm',
      0,
      { kind: 'deduction', cap: 1, step: 0.25 },
      [],
    ],
    [
      'Bị kiến nghị xử lý',
      -2,
      { kind: 'deduction', cap: 2, step: 0.25 },
      ['trừ điểm theo bước 0,25 (cách chấm không ghi bước)'],
    ],
    ['Mỗi sáng kiến cộng 0,5 điểm, cộng tối đa 1 điểm', 0, { kind: 'bonus', cap: 1, step: 0.5 }, []],
    [
      'Điểm thưởng: mỗi mô hình thưởng 0,25 điểm, thưởng tối đa 0,5 điểm',
      0,
      { kind: 'bonus', cap: 0.5, step: 0.25 },
      [],
    ],
  ])('%p', (text, max, rule, notes) => {
    expect(parseGuide(text, max)).toEqual({ ok: true, rule, notes });
  });

  it.each([
    ['', 1, 'thiếu cách chấm'],
    ['Căn cứ kết quả thực tế', 1, 'không hiểu cách chấm'],
    ['Từ 0 đến 3 điểm', 2, 'khác điểm tối đa 2'],
    ['Mỗi lần trừ 0,5 điểm', 0, 'không ghi mức trừ tối đa'],
    ['Mỗi sáng kiến cộng 0,5 điểm', 0, 'không ghi mức cộng tối đa'],
    ['Đạt: 1\nghi chú thêm', 1, 'không đọc được dòng "ghi chú thêm"'],
  ])('refuses %p', (text, max, message) => {
    const r = parseGuide(text, max);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toContain(message);
  });

  it('reads back what ruleGuide writes', () => {
    const rules = [
      {
        kind: 'levels' as const,
        options: [
          { label: 'Kịp thời', points: 1.5 },
          { label: 'Không', points: 0 },
        ],
      },
      { kind: 'range' as const, step: 0.5 },
      { kind: 'deduction' as const, cap: 2, step: 0.5 },
      { kind: 'bonus' as const, cap: 1, step: 0.25 },
      {
        kind: 'tiers' as const,
        measure: 'Tỷ lệ giải ngân',
        tiers: [
          { label: 'từ 90% trở lên', min: 90, minInclusive: true, max: null, maxInclusive: false, points: 1 },
          { label: 'dưới 90%', min: null, minInclusive: false, max: 90, maxInclusive: false, points: 0 },
        ],
      },
    ];
    for (const rule of rules)
      expect(
        parseGuide(
          ruleGuide(rule),
          rule.kind === 'levels' ? 1.5 : rule.kind === 'range' ? 2 : rule.kind === 'tiers' ? 1 : 0,
        ),
      ).toMatchObject({ ok: true, rule });
  });
});

describe('header', () => {
  it('finds the header under title rows and maps columns by their words', () => {
    const rows = [
      ['PHỤ LỤC', null, null],
      [
        'STT',
        'Nội dung tiêu chí',
        'Điểm tối đa (điểm)',
        'Hướng dẫn chấm điểm',
        'Hình thức đánh giá',
        'Đối tượng áp dụng',
        'Tài liệu kiểm chứng',
        'Điểm tối đa theo nhóm',
      ],
    ];
    expect(findHeader(rows)).toEqual({
      index: 1,
      columns: { code: 0, name: 1, max: 2, guide: 3, method: 4, appliesTo: 5, evidence: 6, maxByGroup: 7 },
    });
    expect(
      findHeader([
        ['Mã', 'Tên'],
        ['1', 'x'],
      ]),
    ).toBeNull();
  });

  it('recognises a column-numbering row', () => {
    expect(isColumnNumbering(['(1)', '(2)', '(3)', null])).toBe(true);
    expect(isColumnNumbering(['1', '2', '3'])).toBe(true);
    expect(isColumnNumbering(['1', 'Tiêu chí', '3'])).toBe(false);
  });
});
