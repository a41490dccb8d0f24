import { parseCsv } from '../../src/common/csv';
import { buildUnitIndex, matchUnit } from '../../src/consolidation/match';
import { importSurveyRows, type SurveyUnit } from '../../src/consolidation/survey';
import { smallFramework } from '../helpers/small-framework';

const units: SurveyUnit[] = [
  { code: 'S01', name: 'Sở Giao thông Vận tải', group: 'so' },
  { code: 'S02', name: 'Sở Kế hoạch và Đầu tư', group: 'so' },
  { code: 'S03', name: 'Sở Tư pháp', group: 'so' },
  { code: 'H01', name: 'Châu Phú', group: 'huyen' },
  { code: 'H02', name: 'Tân Châu', group: 'huyen' },
  { code: 'H03', name: 'Châu Thành', group: 'huyen' },
];

describe('matchUnit', () => {
  const index = buildUnitIndex(units);
  it.each([
    [{ code: 's02', name: 'whatever' }, 'S02', 'code'],
    [{ name: 'Sở GTVT' }, 'S01', 'name'],
    [{ name: 'Sở KH&ĐT' }, 'S02', 'name'],
    [{ name: 'UBND huyện Châu Phú' }, 'H01', 'shortName'],
    [{ name: 'Tư pháp' }, 'S03', 'shortName'],
    [{ name: 'Sở Tư pháp'.normalize('NFD') }, 'S03', 'name'],
  ])('matches %j to %s by %s', (row, code, by) => {
    const m = matchUnit(row, index);
    expect(m.unit?.code).toBe(code);
    if (m.unit) expect(m.by).toBe(by);
  });

  it('does not match on letters without diacritics, but names the look-alike', () => {
    const m = matchUnit({ name: 'Tấn Châu' }, index);
    expect(m.unit).toBeNull();
    if (!m.unit) {
      expect(m.reason).toMatch(/bỏ dấu/);
      expect(m.candidates).toEqual(['Tân Châu (H02)']);
    }
  });

  it('refuses a name that fits two units', () => {
    const twice = buildUnitIndex([...units, { code: 'X9', name: 'Thị xã Tân Châu', group: 'huyen' }]);
    const m = matchUnit({ name: 'UBND Tân Châu' }, twice);
    expect(m.unit).toBeNull();
  });

  it('falls back to the name when the code is unknown, with a warning', () => {
    const m = matchUnit({ code: 'ZZ', name: 'Sở Tư pháp' }, index);
    expect(m.unit?.code).toBe('S03');
    expect(m.warning).toMatch(/ZZ/);
  });
});

describe('importSurveyRows', () => {
  it('reads rates with decimal commas, NFD names and abbreviations, and converts them per leaf', () => {
    const csv = [
      'STT;Đơn vị;SIPAS (%)',
      '1;Sở GTVT;91,17',
      `2;${'Sở Tư pháp'.normalize('NFD')};80`,
      '3;UBND huyện Châu Phú;75,5%',
      '4;Sở Không Tồn Tại;90',
      '5;Tổng cộng;;',
    ].join('\r\n');
    const r = importSurveyRows(parseCsv(csv), smallFramework, units, { fileName: 'dtxhh.csv' });
    // 91.17 % of 24 = 21.8808 → 21.88; of 16 = 14.5872 → 14.59.
    expect(r.points.S01).toEqual({ '3.1': 21.88, '3.2': 14.59 });
    expect(r.points.S03).toEqual({ '3.1': 19.2, '3.2': 12.8 });
    expect(r.points.H01).toEqual({ '3.1': 18.12, '3.2': 12.08 });
    expect(r.unmatchedRows.map((u) => [u.row, u.name])).toEqual([[5, 'Sở Không Tồn Tại']]);
    expect(r.unitsWithoutSurvey.sort()).toEqual(['H02', 'H03', 'S02']);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('takes per-leaf columns in points, codes first, and reports bad values with their cell', () => {
    const rows = [
      ['Mã', 'Tên đơn vị', 'TC 3.1 (điểm)', 'TC 3.2 (điểm)'],
      ['S02', 'x', '20,5', 15],
      ['H03', 'Châu Thành', 'hai', 17],
    ];
    const r = importSurveyRows(rows, smallFramework, units, { sheetName: 'Sheet1' });
    expect(r.points.S02).toEqual({ '3.1': 20.5, '3.2': 15 });
    expect(r.points.H03).toBeUndefined();
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((e) => e.cell)).toEqual(['Sheet1!C3', 'Sheet1!D3']);
    expect(errors[0].message).toMatch(/"hai" không phải là số/);
    expect(errors[1].message).toMatch(/vượt điểm tối đa/);
  });

  it('reads fractions from "%"-formatted cells as rates, with a warning', () => {
    const rows = [
      ['Đơn vị', 'Tỷ lệ hài lòng SIPAS'],
      ['Sở Tư pháp', 0.8],
      ['Châu Phú', 0.755],
    ];
    const r = importSurveyRows(rows, smallFramework, units);
    expect(r.points.S03).toEqual({ '3.1': 19.2, '3.2': 12.8 });
    expect(r.issues.some((i) => i.severity === 'warning' && /0,9117/.test(i.message))).toBe(true);
  });

  it('uses neither row when two rows claim one unit', () => {
    const rows = [
      ['Đơn vị', 'SIPAS'],
      ['Sở Tư pháp', 80],
      ['Sở Tư Pháp', 85],
    ];
    const r = importSurveyRows(rows, smallFramework, units);
    expect(r.points.S03).toBeUndefined();
    expect(r.unmatchedRows.map((u) => u.row).sort()).toEqual([2, 3]);
    expect(r.unitsWithoutSurvey).toContain('S03');
  });

  it('refuses points for a source spread over several leaves, and says how to send it', () => {
    const rows = [
      ['Đơn vị', 'Điểm SIPAS'],
      ['Sở Tư pháp', 30],
    ];
    const r = importSurveyRows(rows, smallFramework, units);
    expect(r.points.S03).toBeUndefined();
    expect(r.issues[0].message).toMatch(/gồm 2 tiêu chí/);
  });

  it('reports a file without a unit column', () => {
    const r = importSurveyRows(
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      smallFramework,
      units,
      { fileName: 's.csv' },
    );
    expect(r.issues[0]).toMatchObject({ severity: 'error' });
    expect(r.issues[0].message).toMatch(/s\.csv/);
    expect(r.unitsWithoutSurvey).toHaveLength(units.length);
  });
});
