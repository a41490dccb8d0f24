import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../src/common/csv';
import { decodeTcvn3 } from '../../src/common/names';
import { importFrameworkTable, matchGroups } from '../../src/framework/import/import-table';
import { importMetaSchema, type ImportMetaInput } from '../../src/framework/import/meta';
import type { TableCell } from '../../src/framework/import/types';
import { nodeIndex } from '../../src/framework/tree';
import { readTableRows, writeTableXlsx } from '../../src/xlsx/table';

const GROUPS = [
  { id: 'so', name: 'Sở, ban, ngành' },
  { id: 'huyen', name: 'UBND cấp huyện' },
];

function meta(extra: Partial<ImportMetaInput> = {}) {
  return importMetaSchema.parse({
    id: 'tinh-x-2024',
    title: 'Bộ tiêu chí tỉnh X',
    year: 2024,
    level: 'so-huyen',
    legalBasis: { number: '99/QĐ-UBND', date: '2024-02-01' },
    status: 'official',
    groups: GROUPS,
    surveySources: [{ id: 'sipas', name: 'Khảo sát SIPAS' }],
    ...extra,
  });
}

const HEADER = ['STT', 'Nội dung', 'Điểm tối đa', 'Cách chấm', 'Phương pháp đánh giá', 'Áp dụng cho'];

/** A minimal valid table to which each error test adds one bad row. */
function baseRows(): TableCell[][] {
  return [
    HEADER,
    ['1', 'Lĩnh vực một', 2, '', '', ''],
    ['1.1', 'Tiêu chí', 2, 'Đạt: 2; Không đạt: 0', 'Tự đánh giá', ''],
  ];
}

describe('importFrameworkTable on a messy appendix (CSV)', () => {
  const rows = parseCsv(readFileSync(join(__dirname, 'fixtures/messy-appendix.csv'), 'utf8'));
  const result = importFrameworkTable(rows, meta());
  const f = result.framework!;
  const node = (code: string) => nodeIndex(f).get(code)!.node;

  it('understands every row and gives a framework passing every check', () => {
    expect(result.errors).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(f.declared).toEqual({
      counts: { fields: 2, criteria: 7, subCriteria: 2 },
      points: { self: 5.5, survey: 4, total: 9.5 },
    });
  });

  it('reads Roman numerals, trailing dots and relative codes', () => {
    expect(f.tree.map((n) => n.code)).toEqual(['1', '2']);
    expect(f.tree[0].children!.map((n) => n.code)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5']);
    expect(node('1.1').children!.map((n) => n.code)).toEqual(['1.1.1', '1.1.2']);
    expect(node('1').name).toBe('CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC');
    expect(node('1').max).toBe(5.5);
  });

  it('reads a multi-line guide in one cell, with the word "điểm"', () => {
    expect(node('1.1.1').rule).toEqual({
      kind: 'levels',
      options: [
        { label: 'Ban hành kịp thời', points: 1 },
        { label: 'Ban hành không kịp thời', points: 0.5 },
        { label: 'Không ban hành', points: 0 },
      ],
    });
    expect(node('1.1.1').guide).toBe(
      'Ban hành kịp thời: 1 điểm\nBan hành không kịp thời: 0,5 điểm\nKhông ban hành: 0 điểm',
    );
  });

  it('joins guide lines continued on the following rows, and reads tiers with %', () => {
    expect(node('1.1.2').guide).toBe('Thực hiện trên 90% kế hoạch: 2\ntừ 70% - 90%: 1\ndưới 70%: 0');
    expect(node('1.1.2').rule).toEqual({
      kind: 'tiers',
      tiers: [
        {
          label: 'Thực hiện trên 90% kế hoạch',
          min: 90,
          minInclusive: false,
          max: null,
          maxInclusive: false,
          points: 2,
        },
        { label: 'từ 70% - 90%', min: 70, minInclusive: true, max: 90, maxInclusive: true, points: 1 },
        { label: 'dưới 70%', min: null, minInclusive: false, max: 70, maxInclusive: false, points: 0 },
      ],
    });
  });

  it('reads bullets, decimal commas and the applies-to column', () => {
    expect(node('1.2').max).toBe(1.5);
    expect(node('1.2').rule).toEqual({
      kind: 'levels',
      options: [
        { label: 'Có kiểm tra theo kế hoạch', points: 1.5 },
        { label: 'Không kiểm tra', points: 0 },
      ],
    });
    expect(node('1.2').appliesTo).toEqual(['huyen']);
  });

  it('reads a negative maximum as a deduction cap, a bonus and a range, and notes the defaults', () => {
    expect(node('1.3')).toMatchObject({
      max: 0,
      method: 'self',
      rule: { kind: 'deduction', cap: 1, step: 0.5 },
    });
    expect(node('1.4')).toMatchObject({ max: 0, rule: { kind: 'bonus', cap: 1, step: 0.5 } });
    expect(node('1.5')).toMatchObject({ max: 1, rule: { kind: 'range', step: 0.25 } });
    const noteText = result.notes.map((n) => `${n.row}: ${n.message}`).join('\n');
    expect(noteText).toContain('16: mục 1.3: điểm tối đa -1 được hiểu là trừ tối đa 1 điểm');
    expect(noteText).toContain('18: mục 1.5: chấm theo bước 0,25 (cách chấm không ghi bước)');
  });

  it('takes the method from the row or the field row above, and the only survey source', () => {
    expect(node('2.1')).toMatchObject({
      method: 'survey',
      source: 'sipas',
      guide: 'Tỷ lệ hài lòng nhân điểm tối đa',
    });
    expect(node('2.2')).toMatchObject({ method: 'survey', source: 'sipas' });
    expect(node('2.1').rule).toBeUndefined();
  });

  // Row numbers are records, as Excel shows the CSV: the 3-line quoted guide is one row.
  it('notes every row it skipped on purpose, with its row number', () => {
    const notes = result.notes.map((n) => `${n.row}: ${n.message}`);
    expect(notes).toContain('0: bỏ qua 4 dòng phía trên dòng tiêu đề cột (dòng 5).');
    expect(notes).toContain('6: bỏ qua dòng đánh số cột.');
    expect(notes).toContain('19: bỏ qua dòng tiêu đề cột lặp lại.');
    expect(notes.some((n) => n.startsWith('0: bộ tiêu chí không khai báo số lượng và điểm'))).toBe(true);
  });

  it('holds the table against the declared figures from the meta', () => {
    const declared = {
      counts: { fields: 2, criteria: 8, subCriteria: 2 },
      points: { self: 5.5, survey: 4, total: 9.5 },
    };
    const r = importFrameworkTable(rows, meta({ declared }));
    expect(r.problems.map((p) => p.rule)).toEqual(['declared.counts']);
  });
});

describe('importFrameworkTable on an .xlsx with merged cells', () => {
  it('expands a merged title and merged code/name/max cells spanning a multi-line guide', async () => {
    const rows: TableCell[][] = [
      ['Bộ tiêu chí có ô gộp', null, null, null],
      [null, null, null, null],
      ['Mã', 'Nội dung', 'Điểm tối đa', 'Cách chấm'],
      ['I', 'Lĩnh vực', 3, null],
      [1, 'Tiêu chí gộp ô', 1, 'Đạt yêu cầu: 1'],
      [null, null, null, 'Không đạt yêu cầu: 0'],
      [2, 'Tiêu chí thứ hai', 2, 'Hoàn thành: 2; Chưa hoàn thành: 0'],
    ];
    const bytes = await writeTableXlsx(rows, { merges: ['A1:D1', 'A5:A6', 'B5:B6', 'C5:C6'] });
    const table = await readTableRows(bytes);
    expect(table.rows[0]).toEqual([
      'Bộ tiêu chí có ô gộp',
      'Bộ tiêu chí có ô gộp',
      'Bộ tiêu chí có ô gộp',
      'Bộ tiêu chí có ô gộp',
    ]);
    expect(table.rows[5]).toEqual([1, 'Tiêu chí gộp ô', 1, 'Không đạt yêu cầu: 0']);
    const r = importFrameworkTable(table.rows, meta({ surveySources: [] }));
    expect(r.errors).toEqual([]);
    expect(r.problems).toEqual([]);
    const n = nodeIndex(r.framework!).get('1.1')!.node;
    expect(n.guide).toBe('Đạt yêu cầu: 1\nKhông đạt yêu cầu: 0');
    expect(n.rule).toEqual({
      kind: 'levels',
      options: [
        { label: 'Đạt yêu cầu', points: 1 },
        { label: 'Không đạt yêu cầu', points: 0 },
      ],
    });
  });

  it('reads codes typed as numbers (1.1 in a number cell) and says so', async () => {
    const rows: TableCell[][] = [
      HEADER,
      [1, 'Lĩnh vực', 2, null, null, null],
      [1.1, 'Tiêu chí', 2, 'Đạt: 2; Không đạt: 0', null, null],
    ];
    const r = importFrameworkTable(rows, meta());
    expect(r.errors).toEqual([]);
    expect(r.notes).toContainEqual({
      row: 3,
      code: '1.1',
      column: 0,
      message: expect.stringContaining('được lưu dạng số'),
    });
  });
});

describe('importFrameworkTable refuses what it cannot understand, with the row number', () => {
  const cases: Array<[string, TableCell[], number, RegExp, number?]> = [
    ['an unreadable code', ['1.a', 'X', 1, 'Đạt: 1', '', ''], 4, /không đọc được mã "1\.a"/, 0],
    ['a row without code', ['', 'Tiêu chí không mã', 1, 'Đạt: 1', '', ''], 4, /thiếu mã/, 0],
    ['a missing maximum', ['1.2', 'X', '', 'Đạt: 1', '', ''], 4, /mục 1\.2 thiếu điểm tối đa/, 2],
    [
      'a maximum that is not a number',
      ['1.2', 'X', 'một', 'Đạt: 1', '', ''],
      4,
      /điểm tối đa "một" của mục 1\.2 không phải là số/,
      2,
    ],
    ['a duplicated code', ['1.1', 'Khác', 1, 'Đạt: 1', '', ''], 4, /mã 1\.1 trùng với dòng 3/, 0],
    ['a child before its parent', ['2.1', 'X', 1, 'Đạt: 1', '', ''], 4, /đứng trước mục cha 2/, 0],
    ['a fourth level', ['1.1.1.1', 'X', 1, 'Đạt: 1', '', ''], 4, /cấp thứ 4/, 0],
    [
      'a guide it cannot read',
      ['1.2', 'X', 1, 'Căn cứ kết quả kiểm tra để chấm', 'Tự đánh giá', ''],
      4,
      /không hiểu cách chấm/,
      3,
    ],
    [
      'a guide line without points',
      ['1.2', 'X', 1, 'Đạt: 1; Không đạt', '', ''],
      4,
      /không đọc được dòng "Không đạt"/,
      3,
    ],
    [
      'a tier without a readable rate',
      ['1.2', 'X', 1, 'Trên 90%: 1; Còn lại: 0', '', ''],
      4,
      /mức "Còn lại" không ghi tỷ lệ/,
      3,
    ],
    ['a self leaf without guide', ['1.2', 'X', 1, '', '', ''], 4, /thiếu cách chấm/, 3],
    [
      'an unknown method',
      ['1.2', 'X', 1, 'Đạt: 1', 'Bốc thăm', ''],
      4,
      /không hiểu phương pháp đánh giá "Bốc thăm"/,
      4,
    ],
    ['an unknown group', ['1.2', 'X', 1, 'Đạt: 1', '', 'Xã'], 4, /không có nhóm đơn vị "Xã"/, 5],
    [
      'a lowercase text-only row',
      ['', 'phần tiếp của nội dung', '', '', '', ''],
      4,
      /không rõ là tiêu đề hay phần tiếp/,
      undefined,
    ],
    [
      'a letter out of order',
      ['c)', 'X', 1, 'Đạt: 1', '', ''],
      4,
      /mục "c\)" không đúng thứ tự chữ cái dưới mục 1\.1/,
      0,
    ],
    [
      'a wrong total row',
      ['', 'Tổng cộng', 5, '', '', ''],
      4,
      /dòng tổng cộng ghi 5 điểm nhưng các lĩnh vực cộng lại 2/,
      2,
    ],
    [
      'a deduction without cap',
      ['1.2', 'X', 0, 'Mỗi lần vi phạm trừ 0,5 điểm', '', ''],
      4,
      /không ghi mức trừ tối đa/,
      3,
    ],
  ];

  it.each(cases)('%s', (_name, bad, row, message, column) => {
    const r = importFrameworkTable([...baseRows(), bad], meta());
    expect(r.framework).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].row).toBe(row);
    expect(r.errors[0].message).toMatch(message);
    if (column !== undefined) expect(r.errors[0].column).toBe(column);
  });

  it('reports every bad row, not only the first', () => {
    const r = importFrameworkTable(
      [
        ...baseRows(),
        ['1..2', 'A', 1, 'Đạt: 1', '', ''],
        ['1.2', 'B', 'hai', 'Đạt: 1', '', ''],
        ['1.3', 'C', 1, '???', '', ''],
      ],
      meta(),
    );
    expect(r.errors.map((e) => e.row)).toEqual([4, 5, 6]);
  });

  it('refuses a repeated code and name with another maximum, and notes an exact repeat', () => {
    const repeat = importFrameworkTable([...baseRows(), ['1.1', 'Tiêu chí', 2, '', '', '']], meta());
    expect(repeat.errors).toEqual([]);
    expect(repeat.notes).toContainEqual({
      row: 4,
      code: '1.1',
      message: 'bỏ qua dòng lặp lại mục 1.1 của dòng 3 (ô gộp hoặc dòng chép trùng).',
    });
    const other = importFrameworkTable([...baseRows(), ['1.1', 'Tiêu chí', 3, '', '', '']], meta());
    expect(other.errors).toEqual([
      { row: 4, code: '1.1', column: 2, message: 'mã 1.1 trùng với dòng 3 nhưng ghi điểm tối đa "3" khác.' },
    ]);
  });

  it('refuses a table without a header row', () => {
    const r = importFrameworkTable(
      [
        ['a', 'b'],
        ['1', 'X'],
      ],
      meta(),
    );
    expect(r.errors[0]).toMatchObject({
      row: 0,
      message: expect.stringMatching(/không tìm thấy dòng tiêu đề cột/),
    });
  });

  it('refuses a survey leaf when several sources exist and none is named', () => {
    const m = meta({
      surveySources: [
        { id: 'sipas', name: 'SIPAS' },
        { id: 'cbccvc', name: 'Khảo sát CBCCVC' },
      ],
    });
    const r = importFrameworkTable([...baseRows(), ['1.2', 'X', 1, '', 'Điều tra XHH', '']], m);
    expect(r.errors[0].message).toMatch(/không rõ nguồn điều tra/);
    const ok = importFrameworkTable(
      [
        HEADER,
        ['1', 'L', 3, '', '', ''],
        ['1.1', 'A', 2, 'Đạt: 2; Không: 0', '', ''],
        ['1.2', 'X', 1, '', 'ĐTXHH (CBCCVC)', ''],
      ],
      m,
    );
    expect(ok.errors).toEqual([]);
    expect(nodeIndex(ok.framework!).get('1.2')!.node).toMatchObject({ method: 'survey', source: 'cbccvc' });
  });

  it('marks survey leaves by meta.surveyCodes when there is no method column', () => {
    const rows: TableCell[][] = [
      ['STT', 'Nội dung', 'Điểm tối đa', 'Cách chấm'],
      ['1', 'A', 1, 'Đạt: 1; Không: 0'],
      ['2', 'SIPAS', 2, null],
      ['2.1', 'B', 2, null],
    ];
    const r = importFrameworkTable(rows, meta({ surveyCodes: { '2': 'sipas' } }));
    expect(r.errors).toEqual([]);
    expect(nodeIndex(r.framework!).get('2.1')!.node).toMatchObject({ method: 'survey', source: 'sipas' });
  });
});

describe('matchGroups', () => {
  it.each([
    ['Sở', ['so']],
    ['Huyện', ['huyen']],
    ['UBND cấp huyện', ['huyen']],
    ['Cấp huyện', ['huyen']],
    ['Sở, ban, ngành', ['so']],
    ['Sở; Huyện', ['so', 'huyen']],
    ['Sở, Huyện', ['so', 'huyen']],
    ['Sở và Huyện', ['so', 'huyen']],
    ['huyen', ['huyen']],
    ['Tất cả', ['so', 'huyen']],
  ])('%s', (text, ids) => {
    expect(matchGroups(text, GROUPS)).toEqual({ ids });
  });

  it('refuses an unknown group', () => {
    expect(matchGroups('Xã', GROUPS)).toEqual({ unknown: 'Xã' });
  });
});

describe('importFrameworkTable on legacy-encoded tables', () => {
  // Inverse of the shared TCVN3 decoder, to write the fixture the way an old Word file holds it.
  const toTcvn3 = (text: string) => {
    const inverse = new Map<string, string>();
    for (let c = 0xa0; c <= 0xff; c++) {
      const ch = String.fromCharCode(c);
      const letter = decodeTcvn3(ch);
      if (letter !== ch) inverse.set(letter, ch);
    }
    return [...text.normalize('NFC')].map((ch) => inverse.get(ch) ?? ch).join('');
  };

  it('decodes TCVN3 cells and says so', () => {
    const rows: TableCell[][] = [
      [toTcvn3('STT'), toTcvn3('Nội dung'), toTcvn3('Điểm tối đa'), toTcvn3('Cách chấm')],
      ['1', toTcvn3('Công tác chỉ đạo'), 1, null],
      ['1.1', toTcvn3('Ban hành kế hoạch'), 1, toTcvn3('Ban hành kịp thời: 1; Không ban hành: 0')],
    ];
    expect(rows[0][1]).not.toBe('Nội dung');
    const r = importFrameworkTable(rows, meta());
    expect(r.errors).toEqual([]);
    expect(r.framework!.tree[0].name).toBe('Công tác chỉ đạo');
    expect(nodeIndex(r.framework!).get('1.1')!.node.rule).toEqual({
      kind: 'levels',
      options: [
        { label: 'Ban hành kịp thời', points: 1 },
        { label: 'Không ban hành', points: 0 },
      ],
    });
    expect(r.notes[0].message).toMatch(
      /bảng mã TCVN3 \(ABC\) đã được chuyển sang Unicode ở 3 dòng \(1, 2, 3\)/,
    );
  });

  it('refuses VNI rows, naming them', () => {
    const r = importFrameworkTable([...baseRows(), ['1.2', 'Sôû Giao thoâng', 1, 'Đạt: 1', '', '']], meta());
    expect(r.framework).toBeNull();
    expect(r.errors).toEqual([{ row: 4, message: expect.stringContaining('bảng mã VNI') }]);
  });
});
