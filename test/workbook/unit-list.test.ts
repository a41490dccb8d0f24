import { parseUnitList, unitListProblemText } from '../../src/workbook/unit-list';

const groups = [
  { id: 'so', name: 'Sở, ban, ngành' },
  { id: 'xa', name: 'UBND cấp xã' },
];

describe('the one unit-list reader (template --units, campaign init, the pane)', () => {
  it('reads a CSV file by its header titles, in any order and either language', () => {
    const r = parseUnitList(
      '\ufeffnhóm;tên;mã;ghi chú\r\nso;Sở Tư pháp;STP;x\r\nUBND CẤP XÃ;Xã Mỹ Hòa;X01;\r\n',
      groups,
    );
    expect(r.header).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.units).toEqual([
      { line: 2, unit: { code: 'STP', name: 'Sở Tư pháp', group: 'so' } },
      { line: 3, unit: { code: 'X01', name: 'Xã Mỹ Hòa', group: 'xa' } },
    ]);
    const en = parseUnitList('code,name,group\nSTP,"Sở Văn hóa, Thể thao và Du lịch",so\n', groups);
    expect(en.units[0].unit.name).toBe('Sở Văn hóa, Thể thao và Du lịch');
  });

  it('keeps the commas of a name in a headerless comma line, but reads a known group after one', () => {
    const r = parseUnitList('Sở Văn hóa, Thể thao và Du lịch\nXã Mỹ Hòa, xa', groups, { defaultGroup: 'so' });
    expect(r.units.map((u) => u.unit)).toEqual([
      { code: '', name: 'Sở Văn hóa, Thể thao và Du lịch', group: 'so' },
      { code: '', name: 'Xã Mỹ Hòa', group: 'xa' },
    ]);
  });

  it('refuses a unit listed twice (same code, or same name without a code) and says where it first was', () => {
    const r = parseUnitList(
      'mã;tên;nhóm\nSTP;Sở Tư pháp;so\nstp;Sở Tư pháp (bản 2);so\n;Xã A;xa\n;XÃ  A;xa\n',
      groups,
    );
    expect(r.units.map((u) => u.line)).toEqual([2, 4]);
    expect(r.problems.map((p) => [p.line, p.key, p.firstLine])).toEqual([
      [3, 'unitList.duplicate', 2],
      [5, 'unitList.duplicate', 4],
    ]);
    expect(unitListProblemText('dv.csv', r.problems[0])).toBe(
      'dv.csv dòng 3 (Sở Tư pháp (bản 2)): mã đơn vị "stp" đã có ở dòng 2; mỗi đơn vị chỉ ghi một lần.',
    );
  });

  it('asks for the group when the framework has several and none is given, naming the accepted ones', () => {
    const r = parseUnitList('mã;tên\nSTP;Sở Tư pháp\n', groups);
    expect(r.units).toEqual([]);
    expect(r.problems[0]).toMatchObject({ line: 2, key: 'unitList.groupRequired' });
    expect(r.problems[0].message).toContain('so = Sở, ban, ngành; xa = UBND cấp xã');
    const one = parseUnitList('mã;tên\nSTP;Sở Tư pháp\n', [groups[0]]);
    expect(one.units[0].unit.group).toBe('so');
  });

  it('reports an unknown group and a missing name with their line, and still reads the other rows', () => {
    const r = parseUnitList('mã;tên;nhóm\nX1;;so\nX2;Sở A;huyen\nX3;Sở B;so\n', groups);
    expect(r.units.map((u) => u.unit.code)).toEqual(['X3']);
    expect(r.problems.map((p) => [p.line, p.key, p.group])).toEqual([
      [2, 'unitList.missingName', undefined],
      [3, 'unitList.unknownGroup', 'huyen'],
    ]);
  });
});
