import { parseRankCsv } from '../../src/scoring/rank-csv';
import { sampleFramework } from './framework-fixture';

describe('parseRankCsv', () => {
  it('reads units with defaults: max 100, ranked unless said otherwise', () => {
    const r = parseRankCsv('unit;group;appraisal;survey\nSở A;so;68,5;26,39\n', 'a.csv');
    expect(r.problems).toEqual([]);
    expect(r.inputs).toEqual([
      { unit: 'Sở A', group: 'so', appraisal: 68.5, survey: 26.39, max: 100, ranked: true },
    ]);
    expect(r.lines).toEqual([2]);
  });

  it("takes the framework's total as the default max, its notRanked list, and maps group names to ids", () => {
    const framework = sampleFramework({ notRanked: ['Thanh tra tỉnh'] });
    const r = parseRankCsv(
      'code;unit;group;appraisal;survey;ranked\nTT;THANH TRA TỈNH;Sở, ban, ngành;8;9;\nTT2;Thanh tra tỉnh;huyen;8;9;có\n',
      'a.csv',
      { framework },
    );
    expect(r.problems).toEqual([]);
    expect(r.inputs.map((i) => [i.code, i.group, i.max, i.ranked])).toEqual([
      ['TT', 'so', 20.5, false],
      ['TT2', 'huyen', 20.5, true],
    ]);
  });

  it('warns about unused columns and legacy-encoded names, and reads them anyway', () => {
    const r = parseRankCsv('STT;unit;group;appraisal;survey\n1;Së Giao th«ng VËn t¶i;so;60;20\n', 'a.csv');
    expect(r.inputs[0].unit).toBe('Sở Giao thông Vận tải');
    expect(r.problems.map((p) => p.severity)).toEqual(['warning', 'warning']);
    expect(r.problems[0].message).toContain('STT');
    expect(r.problems[1].message).toContain('TCVN3');
  });

  it('reports an empty file and a file with only a header', () => {
    expect(parseRankCsv('', 'a.csv').problems[0].message).toBe('a.csv: tệp trống.');
    const r = parseRankCsv('unit;group;appraisal;survey\n', 'a.csv');
    expect(r.headerOk).toBe(true);
    expect(r.problems[0].message).toContain('không có dòng đơn vị nào');
  });

  it('refuses a maximum of 0 and a total above a given maximum', () => {
    const r = parseRankCsv('unit;group;appraisal;survey;max\nA;so;1;1;0\nB;so;50;41;90\n', 'a.csv');
    expect(r.inputs).toEqual([]);
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'max'],
      [3, undefined],
    ]);
  });
});

describe('parseRankCsv decimals', () => {
  it('accepts 3 decimals only for a framework published with 3 places', () => {
    const text = 'unit;group;appraisal;survey\nSở A;so;8,125;9\n';
    expect(parseRankCsv(text, 'a.csv').problems[0].message).toContain('có quá 2 chữ số thập phân');
    const r = parseRankCsv(text, 'a.csv', { framework: sampleFramework({ places: 3 }) });
    expect(r.problems).toEqual([]);
    expect(r.inputs[0].appraisal).toBe(8.125);
  });
});
