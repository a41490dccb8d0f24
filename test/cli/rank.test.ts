import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../src/common/csv';
import { run, tempDir } from '../helpers/cli';

const FIXTURES = join(__dirname, '../fixtures');
const fixture = join(FIXTURES, 'an-giang-2016.csv');

/** The published table of seed 002 (QĐ 1590/QĐ-UBND 2017): rank, unit, group, index. */
function published(): { rank: number; unit: string; group: string; index: number }[] {
  const rows = parseCsv(readFileSync(join(FIXTURES, 'an-giang-2016-published.csv'), 'utf8')).slice(1);
  return rows.map(([rank, unit, group, index]) => ({
    rank: Number(rank),
    unit,
    group,
    index: Number(index.replace(',', '.')),
  }));
}

interface JsonUnit {
  unit: string;
  code: string | null;
  group: string;
  appraisal: number;
  survey: number;
  total: number;
  max: number;
  index: number;
  rank: number | null;
  band: string | null;
  ranked: boolean;
}

function write(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('cchc rank: An Giang 2016 (seed 002)', () => {
  it('reproduces every index and every rank of the published decision, from decimal commas', async () => {
    const r = await run(['rank', fixture, '--json'], tempDir());
    expect(r.code).toBe(0);
    const { units } = JSON.parse(r.stdout) as { units: JsonUnit[] };
    const expected = published();
    expect(expected).toHaveLength(28);
    expect(units).toHaveLength(28);
    for (const e of expected) {
      const u = units.find((x) => x.unit === e.unit);
      expect({ unit: u?.unit, group: u?.group, rank: u?.rank, index: u?.index }).toEqual(e);
      expect(u?.total).toBe(e.index); // max 100: index = appraisal + survey
    }
    // In 2016 Thanh tra tỉnh WAS ranked: 16th.
    expect(units.find((u) => u.unit === 'Thanh tra tỉnh')).toMatchObject({
      rank: 16,
      ranked: true,
      index: 82.5,
    });
    expect(units.find((u) => u.unit === 'Sở Giao thông Vận tải')).toEqual({
      unit: 'Sở Giao thông Vận tải',
      code: null,
      group: 'Sở, ban, ngành',
      appraisal: 68.5,
      survey: 26.39,
      total: 94.89,
      max: 100,
      index: 94.89,
      rank: 1,
      band: null,
      ranked: true,
    });
    // Output order: groups in order of appearance (districts come first in the file), then rank.
    expect(units.map((u) => u.rank)).toEqual([...Array(11).keys(), ...Array(17).keys()].map((i) => i + 1));
  });

  it('prints an aligned Vietnamese table per group with decimal commas', async () => {
    const r = await run(['rank', fixture], tempDir());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('SỞ, BAN, NGÀNH');
    expect(r.stdout).toMatch(/^\s+1 {2}Sở Giao thông Vận tải\s+68,50\s+26,39\s+94,89$/m);
    expect(r.stdout).toMatch(/^\s+16 {2}Thanh tra tỉnh\s+56,50\s+26,00\s+82,50$/m);
    expect(r.stdout).not.toMatch(/\d\.\d/);
  });

  it('writes the published style to .xlsx: one block per group, real numbers formatted 0.00', async () => {
    const dir = tempDir();
    const r = await run(['rank', fixture, '-o', 'xep-hang.xlsx'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Đã ghi xep-hang.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'xep-hang.xlsx'));
    const ws = wb.getWorksheet('Xếp hạng');
    expect(ws).toBeDefined();
    const rows: unknown[][] = [];
    ws!.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
    const headerRows = rows.map((r, i) => (r[0] === 'Hạng' ? i : -1)).filter((i) => i >= 0);
    expect(headerRows).toHaveLength(2);
    expect(rows[headerRows[0]]).toEqual([
      'Hạng',
      'Đơn vị',
      'Điểm thẩm định',
      'Điểm điều tra XHH',
      'Chỉ số',
      'Xếp loại',
    ]);
    const gtvt = rows.find((r) => r[1] === 'Sở Giao thông Vận tải');
    expect(gtvt?.slice(0, 5)).toEqual([1, 'Sở Giao thông Vận tải', 68.5, 26.39, 94.89]);
    const gtvtRow = rows.indexOf(gtvt as unknown[]) + 1;
    expect(ws!.getCell(gtvtRow, 5).numFmt).toBe('0.00');
    expect(ws!.getCell(gtvtRow, 5).type).toBe(ExcelJS.ValueType.Number);
  });

  it('writes a CSV a Vietnamese Excel opens: BOM, ";" and decimal commas', async () => {
    const dir = tempDir();
    const r = await run(['rank', fixture, '-o', 'xep-hang.csv'], dir);
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'xep-hang.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text);
    expect(rows).toContainEqual(['1', 'Châu Đốc', '66,50', '25,56', '92,06', '']);
    expect(rows).toContainEqual(['16', 'Thanh tra tỉnh', '56,50', '26,00', '82,50', '']);
  });

  it('never modifies its input', async () => {
    const dir = tempDir();
    const input = write(dir, 'in.csv', readFileSync(fixture, 'utf8'));
    const before = readFileSync(input);
    await run(['rank', 'in.csv', '-o', 'out.xlsx'], dir);
    expect(readFileSync(input).equals(before)).toBe(true);
    const same = await run(['rank', 'in.csv', '-o', 'in.csv'], dir);
    expect(same.code).toBe(2);
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});

describe('cchc rank: input variants', () => {
  it('reads decimal points, commas as separator, no BOM, optional max and ranked (có/không, yes/no)', async () => {
    const dir = tempDir();
    write(
      dir,
      'in.csv',
      [
        'unit,group,appraisal,survey,max,ranked',
        'Sở A,so,60.5,20.25,90,có',
        'Thanh tra tỉnh,so,70,25,,không',
        'Sở B,so,50,20,,yes',
        'Sở C,so,50,20,,NO',
        '',
      ].join('\n'),
    );
    const r = await run(['rank', 'in.csv', '--json'], dir);
    expect(r.code).toBe(0);
    const units = JSON.parse(r.stdout).units as JsonUnit[];
    expect(units.map((u) => [u.unit, u.rank, u.index, u.max, u.ranked])).toEqual([
      ['Sở A', 1, 89.72, 90, true],
      ['Sở B', 2, 70, 100, true],
      ['Thanh tra tỉnh', null, 95, 100, false],
      ['Sở C', null, 70, 100, false],
    ]);
  });

  it('accepts Vietnamese column titles', async () => {
    const dir = tempDir();
    write(dir, 'in.csv', '\uFEFFĐơn vị;Nhóm;Điểm thẩm định;Điểm điều tra XHH\r\nSở A;so;60;20\r\n');
    const r = await run(['rank', 'in.csv', '--json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).units[0]).toMatchObject({ unit: 'Sở A', index: 80, rank: 1 });
  });

  it('ranks a unit without survey data with 0 and says so', async () => {
    const dir = tempDir();
    write(dir, 'in.csv', 'unit;group;appraisal;survey\nSở A;so;60;\nSở B;so;50;20\n');
    const r = await run(['rank', 'in.csv', '--json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).units.map((u: JsonUnit) => [u.unit, u.survey, u.rank])).toEqual([
      ['Sở B', 20, 1],
      ['Sở A', 0, 2],
    ]);
    expect(r.stderr).toContain('Sở A: chưa có điểm điều tra XHH, tạm tính 0 điểm');
  });

  it('lists every bad row with file, line and column, exits 1 and writes nothing', async () => {
    const dir = tempDir();
    write(
      dir,
      'bad.csv',
      'unit;group;appraisal;survey;ranked\nSở A;so;hai;20;\n;so;60;20;\nSở B;so;80;30;\nSở C;so;-1;20;\nSở D;so;1,234;1;\nSở E;so;1;1;có lẽ\nSở E;so;1;1;\n',
    );
    const r = await run(['rank', 'bad.csv', '-o', 'out.xlsx'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.csv, dòng 2, cột appraisal: "hai" không phải là số.');
    expect(r.stderr).toContain('bad.csv, dòng 3, cột unit: thiếu tên đơn vị.');
    expect(r.stderr).toContain(
      'bad.csv, dòng 4: tổng điểm 110 (thẩm định + điều tra XHH) vượt điểm tối đa 100.',
    );
    expect(r.stderr).toContain('bad.csv, dòng 5, cột appraisal: -1 là số âm.');
    expect(r.stderr).toContain('bad.csv, dòng 6, cột appraisal: 1,234 có quá 2 chữ số thập phân.');
    expect(r.stderr).toContain('bad.csv, dòng 7, cột ranked: "có lẽ" không hiểu');
    expect(r.stderr).toContain('bad.csv, dòng 8, cột unit: "Sở E" đã có ở dòng 7.');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(() => readFileSync(join(dir, 'out.xlsx'))).toThrow();
    const j = await run(['rank', 'bad.csv', '--json'], dir);
    expect(JSON.parse(j.stdout).errors).toHaveLength(7);
  });

  it('refuses a file without the needed columns, a missing file and a non-UTF-8 file (exit 2)', async () => {
    const dir = tempDir();
    write(dir, 'cols.csv', 'STT;Tên;Điểm\n1;Sở A;90\n');
    const cols = await run(['rank', 'cols.csv'], dir);
    expect(cols.code).toBe(2);
    expect(cols.stderr).toContain('thiếu cột unit, group, appraisal, survey');
    const colsJson = await run(['rank', 'cols.csv', '--json'], dir);
    expect(colsJson.code).toBe(2);
    expect(JSON.parse(colsJson.stdout)).toEqual({
      units: [],
      errors: [expect.objectContaining({ line: 0 })],
    });
    const missing = await run(['rank', 'khong-co.csv'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Không tìm thấy tệp "khong-co.csv"');
    // "Sở" in Windows-1258 (S, 0xD5 = ơ, 0xDE = tone): not UTF-8.
    writeFileSync(join(dir, 'ansi.csv'), Buffer.from([0x75, 0x6e, 0x69, 0x74, 0x0a, 0x53, 0xd5, 0xde, 0x0a]));
    const ansi = await run(['rank', 'ansi.csv'], dir);
    expect(ansi.code).toBe(2);
    expect(ansi.stderr).toContain('CSV UTF-8');
    const ext = await run(['rank', 'cols.csv', '-o', 'out.pdf'], dir);
    expect(ext.code).toBe(2);
  });

  it('writes formula-like names as text in .xlsx and neutralised in .csv', async () => {
    const dir = tempDir();
    write(dir, 'in.csv', 'unit;group;appraisal;survey\n=HYPERLINK("http://x");so;60;20\n@Sở B;so;50;20\n');
    expect((await run(['rank', 'in.csv', '-o', 'out.xlsx'], dir)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out.xlsx'));
    const ws = wb.getWorksheet('Xếp hạng')!;
    const names: ExcelJS.Cell[] = [];
    ws.eachRow((row) => {
      const c = row.getCell(2);
      if (typeof c.value === 'string' && /^[=@]/.test(c.value)) names.push(c);
    });
    expect(names.map((c) => [c.value, c.type])).toEqual([
      ['=HYPERLINK("http://x")', ExcelJS.ValueType.String],
      ['@Sở B', ExcelJS.ValueType.String],
    ]);
    expect((await run(['rank', 'in.csv', '-o', 'out.csv'], dir)).code).toBe(0);
    const rows = parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8'));
    expect(rows.map((r) => r[1])).toContain('\'=HYPERLINK("http://x")');
    expect(rows.map((r) => r[1])).toContain("'@Sở B");
  });
});

describe('cchc rank --framework', () => {
  it('maps group names to the framework groups, orders groups as the framework, and gives bands', async () => {
    const dir = tempDir();
    write(
      dir,
      'in.csv',
      'unit;group;appraisal;survey\nUBND huyện Châu Phú;UBND cấp huyện;60;26\nSở A;Sở, ban, ngành;62;30\nSở B;so;50;20\n',
    );
    const r = await run(['rank', 'in.csv', '--json', '--framework', 'an-giang-2022'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('MINH HỌA');
    const units = JSON.parse(r.stdout).units as JsonUnit[];
    expect(units.map((u) => [u.group, u.unit, u.rank, u.index, u.band])).toEqual([
      ['so', 'Sở A', 1, 92, 'Tốt'],
      ['so', 'Sở B', 2, 70, 'Trung bình'],
      ['huyen', 'UBND huyện Châu Phú', 1, 86, 'Tốt'],
    ]);
  });

  it('labels the table of an illustrative framework', async () => {
    const dir = tempDir();
    write(dir, 'in.csv', 'unit;group;appraisal;survey\nSở A;so;62;30\n');
    const r = await run(['rank', 'in.csv', '--framework', 'an-giang-2022'], dir);
    expect(r.stdout).toContain('XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022 (MINH HỌA) — SỞ, BAN, NGÀNH');
  });

  it('refuses a group the framework does not have', async () => {
    const dir = tempDir();
    write(dir, 'in.csv', 'unit;group;appraisal;survey\nXã A;xa;60;26\n');
    const r = await run(['rank', 'in.csv', '--framework', 'an-giang-2022'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nhóm "xa" không có trong bộ tiêu chí an-giang-2022');
  });
});
