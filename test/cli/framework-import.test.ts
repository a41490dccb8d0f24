import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeTcvn3 } from '../../src/common/names';
import { getBuiltinFramework } from '../../src/framework/builtins';
import { run, tempDir } from '../helpers/cli';

const APPENDIX = join(__dirname, '../../templates/appendix');
const MESSY = join(__dirname, '../framework/fixtures/messy-appendix.csv');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function workdir(): string {
  const dir = tempDir();
  for (const f of [
    'an-giang-2021.xlsx',
    'an-giang-2021.meta.json',
    'an-giang-2022.csv',
    'an-giang-2022.meta.json',
  ]) {
    copyFileSync(join(APPENDIX, f), join(dir, f));
  }
  copyFileSync(MESSY, join(dir, 'messy.csv'));
  return dir;
}

const OPTIONS = [
  '--id',
  'tinh-x-2024',
  '--title',
  'Bộ tiêu chí tỉnh X',
  '--year',
  '2024',
  '--level',
  'so-huyen',
];
const MORE = [
  '--status',
  'official',
  '--decision',
  '99/QĐ-UBND',
  '--date',
  '01/02/2024',
  '--groups',
  'so=Sở, ban, ngành;huyen=UBND cấp huyện',
  '--sources',
  'sipas=SIPAS',
];

describe('cchc framework import', () => {
  it('imports the shipped XLSX appendix with its meta into the built-in framework, input untouched', async () => {
    const dir = workdir();
    const before = sha(join(dir, 'an-giang-2021.xlsx'));
    const r = await run(
      ['framework', 'import', 'an-giang-2021.xlsx', '--meta', 'an-giang-2021.meta.json', '-o', 'out.json'],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã ghi out.json');
    expect(r.stderr).toContain('MINH HỌA');
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))).toEqual(
      getBuiltinFramework('an-giang-2021'),
    );
    expect(sha(join(dir, 'an-giang-2021.xlsx'))).toBe(before);
  });

  it('takes the metadata from options, with dd/mm/yyyy dates', async () => {
    const dir = workdir();
    const r = await run(
      ['framework', 'import', 'messy.csv', ...OPTIONS, ...MORE, '-o', 'x.json', '--json'],
      dir,
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      ok: true,
      output: 'x.json',
      counts: { fields: 2, criteria: 7, subCriteria: 2 },
      errors: [],
      problems: [],
    });
    expect(report.notes.length).toBeGreaterThan(0);
    const f = JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8'));
    expect(f.legalBasis).toEqual({ number: '99/QĐ-UBND', date: '2024-02-01' });
    expect(f.status).toBe('official');
    expect(r.stderr).toBe('');
  });

  it('options override the meta file', async () => {
    const dir = workdir();
    const r = await run(
      [
        'framework',
        'import',
        'an-giang-2022.csv',
        '--meta',
        'an-giang-2022.meta.json',
        '--id',
        'ban-sao',
        '-o',
        'x.json',
      ],
      dir,
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8')).id).toBe('ban-sao');
  });

  it('refuses a table with a bad row: names file and cell, writes nothing', async () => {
    const dir = workdir();
    const text = readFileSync(join(dir, 'messy.csv'), 'utf8').replace(
      '2.;Kiểm tra CCHC tại UBND cấp xã;1,5',
      '2.;Kiểm tra CCHC tại UBND cấp xã;một',
    );
    writeFileSync(join(dir, 'bad.csv'), text);
    const r = await run(['framework', 'import', 'bad.csv', ...OPTIONS, ...MORE, '-o', 'x.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('LỖI — bad.csv, ô C14: điểm tối đa "một" của mục 1.2 không phải là số.');
    expect(r.stdout).toContain('Không ghi tệp');
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });

  it('refuses a table that does not add up to its declared figures, unless --force', async () => {
    const dir = workdir();
    const meta = JSON.parse(readFileSync(join(dir, 'an-giang-2022.meta.json'), 'utf8'));
    meta.declared.counts.subCriteria = 52;
    writeFileSync(join(dir, 'm.json'), JSON.stringify(meta));
    const r = await run(
      ['framework', 'import', 'an-giang-2022.csv', '--meta', 'm.json', '-o', 'x.json'],
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Số tiêu chí thành phần khai báo là 52 nhưng cây tiêu chí có 51.');
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
    const forced = await run(
      ['framework', 'import', 'an-giang-2022.csv', '--meta', 'm.json', '-o', 'x.json', '--force'],
      dir,
    );
    expect(forced.code).toBe(1);
    expect(forced.stdout).toContain('(--force)');
    expect(existsSync(join(dir, 'x.json'))).toBe(true);
  });

  it('asks for what the table does not say, by name, in one sentence (exit 2)', async () => {
    // messy.csv's title names the levels but no year.
    const r = await run(['framework', 'import', 'messy.csv', '-o', 'x.json'], workdir());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'messy.csv: Không xác định được năm của bộ tiêu chí từ tiêu đề "BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP SỞ, CẤP HUYỆN"; hãy thêm --year NĂM.',
    );
    const dir = workdir();
    writeFileSync(
      join(dir, 'bang.csv'),
      readFileSync(join(dir, 'messy.csv'), 'utf8').split('\n').slice(4).join('\n'),
    );
    const bare = await run(['framework', 'import', 'bang.csv', '-o', 'x.json'], dir);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('hãy thêm --title TÊN');
    expect(bare.stderr).toContain('hãy thêm --year NĂM');
    expect(bare.stderr).toContain('hãy thêm --decision SỐ --date NGÀY');
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });

  it('imports a plain appendix with no option, each assumption a note; options override', async () => {
    const dir = workdir();
    const r = await run(['framework', 'import', 'messy.csv', '--year', '2024', '-o', 'x.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'Giả định: mã bộ tiêu chí là "messy" (theo tên tệp messy.csv); dùng --id để đổi.',
    );
    expect(r.stderr).toContain(
      'Giả định: bộ tiêu chí chính thức (official); dùng --status illustrative để đổi.',
    );
    expect(r.stderr).not.toContain('Giả định: năm');
    const f = JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8'));
    expect(f).toMatchObject({
      id: 'messy',
      title: 'BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP SỞ, CẤP HUYỆN',
      year: 2024,
      level: 'so-huyen',
      status: 'official',
      legalBasis: { number: '99/QĐ-UBND', date: '2024-02-01' },
      groups: [
        { id: 'so', name: 'Sở, ban, ngành' },
        { id: 'huyen', name: 'UBND cấp huyện' },
      ],
    });
    const over = await run(
      [
        'framework',
        'import',
        'messy.csv',
        '--year',
        '2024',
        '--id',
        'tinh-x',
        '--level',
        'so',
        '-o',
        'y.json',
      ],
      dir,
    );
    expect(over.code).toBe(0);
    expect(over.stderr).not.toContain('Giả định: mã');
    expect(JSON.parse(readFileSync(join(dir, 'y.json'), 'utf8'))).toMatchObject({
      id: 'tinh-x',
      level: 'so',
    });
  });

  it.each([
    'an-giang-2021.csv',
    'an-giang-2021.xlsx',
    'an-giang-2022.csv',
    'minh-hoa-2025.csv',
    'minh-hoa-2025.xlsx',
  ])(
    "imports the sample %s with no option: the built-in's tree, groups, survey sources and year",
    async (name) => {
      const dir = tempDir();
      copyFileSync(join(APPENDIX, name), join(dir, name));
      const r = await run(['framework', 'import', name, '-o', 'x.json'], dir);
      expect(r.stderr).not.toContain('LỖI');
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('Giả định: năm');
      const f = JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8'));
      const builtin = getBuiltinFramework(name.replace(/\.(csv|xlsx)$/, ''));
      if (!builtin) throw new Error(name);
      expect(f.id).toBe(builtin.id);
      expect(f.year).toBe(builtin.year);
      expect(f.level).toBe(builtin.level);
      expect(f.status).toBe('illustrative'); // the titles say "(MINH HỌA)"
      expect(f.legalBasis.number).toBe(builtin.legalBasis.number);
      expect(f.legalBasis.date).toBe(builtin.legalBasis.date);
      expect(f.groups.map((g: { id: string }) => g.id)).toEqual(builtin.groups.map((g) => g.id));
      expect(f.surveySources.map((s: { id: string }) => s.id).sort()).toEqual(
        builtin.surveySources.map((s) => s.id).sort(),
      );
      expect(f.tree).toEqual(builtin.tree);
    },
  );

  it('refuses to write over its input, a missing -o, an unknown file type and a missing file', async () => {
    const dir = workdir();
    expect(
      (await run(['framework', 'import', 'messy.csv', ...OPTIONS, ...MORE, '-o', 'messy.csv'], dir)).stderr,
    ).toContain('không ghi đè tệp đầu vào');
    expect((await run(['framework', 'import', 'messy.csv', ...OPTIONS, ...MORE], dir)).code).toBe(2);
    writeFileSync(join(dir, 'a.docx'), 'x');
    expect(
      (await run(['framework', 'import', 'a.docx', ...OPTIONS, ...MORE, '-o', 'x.json'], dir)).stderr,
    ).toContain('chỉ đọc được bảng .xlsx hoặc .csv');
    expect(
      (await run(['framework', 'import', 'khong.csv', ...OPTIONS, ...MORE, '-o', 'x.json'], dir)).stderr,
    ).toContain('Không tìm thấy bảng "khong.csv"');
  });

  it('reports a file that is not really an .xlsx in Vietnamese, without a stack trace', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'fake.xlsx'), 'not a zip at all');
    const r = await run(['framework', 'import', 'fake.xlsx', ...OPTIONS, ...MORE, '-o', 'x.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cchc framework import: fake\.xlsx: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads an 8-bit CSV in TCVN3 (old Excel "CSV" save) and refuses other non-UTF-8 CSVs', async () => {
    const dir = workdir();
    const inverse = new Map<string, number>();
    for (let c = 0xa0; c <= 0xff; c++) {
      const letter = decodeTcvn3(String.fromCharCode(c));
      if (letter !== String.fromCharCode(c)) inverse.set(letter, c);
    }
    const encode = (text: string) => Buffer.from([...text].map((ch) => inverse.get(ch) ?? ch.charCodeAt(0)));
    writeFileSync(
      join(dir, 'tcvn3.csv'),
      encode(
        'STT;Nội dung;Điểm tối đa;Cách chấm\r\n1;Công tác chỉ đạo;1;\r\n1.1;Ban hành kế hoạch;1;Ban hành kịp thời: 1; Không ban hành: 0\r\n',
      ),
    );
    const r = await run(['framework', 'import', 'tcvn3.csv', ...OPTIONS, ...MORE, '-o', 'x.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('TCVN3');
    expect(JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8')).tree[0].name).toBe('Công tác chỉ đạo');
    writeFileSync(join(dir, 'ansi.csv'), Buffer.from([0x53, 0x54, 0x54, 0x3b, 0xe9, 0xff, 0x0d, 0x0a]));
    const bad = await run(['framework', 'import', 'ansi.csv', ...OPTIONS, ...MORE, '-o', 'y.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('không ở dạng UTF-8');
  });

  it('documents what it accepts and refuses in --help', async () => {
    const r = await run(['framework', 'import', '--help'], tempDir());
    expect(r.code).toBe(0);
    for (const words of ['La Mã', 'dấu chấm cuối', 'ô gộp', '"0,5"', 'nhiều dòng', 'BỊ TỪ CHỐI', '--meta'])
      expect(r.stdout).toContain(words);
  });
});
