import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { getBuiltinFramework } from '../../src/framework/builtins';
import { frameworkSchema, type FrameworkNode } from '../../src/framework/schema';
import { safeFileStem, unitFileName } from '../../src/workbook/file-name';
import { readTemplate } from '../../src/xlsx/read-template';
import { sampleFrameworkInput } from '../helpers/template-fixtures';
import { capture } from '../helpers/cli';

async function read(path: string) {
  const r = await readTemplate(new Uint8Array(readFileSync(path)), {
    fileName: path,
    resolveFramework: (id) => getBuiltinFramework(id),
  });
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('cchc template', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cchc-template-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes one unit’s template with its unit, group and deadline in _meta', async () => {
    const io = capture(dir);
    const code = await main(
      [
        'template',
        '--framework',
        'an-giang-2022',
        '--unit',
        'Sở Tư pháp',
        '--unit-code',
        'STP',
        '--group',
        'so',
        '--deadline',
        '2026-12-31',
        '-o',
        'out/stp.xlsx',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(io.err).toContain('MINH HỌA'); // illustrative framework announced
    const r = await read(join(dir, 'out/stp.xlsx'));
    expect(r.meta).toMatchObject({
      unitName: 'Sở Tư pháp',
      unitCode: 'STP',
      unitGroup: 'so',
      deadline: '2026-12-31',
    });
    expect(r.structureProblems).toEqual([]);
  });

  it('accepts the group by its Vietnamese name and refuses an unknown or missing group', async () => {
    const io = capture(dir);
    expect(
      await main(
        [
          'template',
          '--framework',
          'an-giang-2022',
          '--unit',
          'Châu Đốc',
          '--group',
          'ubnd cấp huyện',
          '-o',
          'cd.xlsx',
        ],
        io,
      ),
    ).toBe(0);
    expect((await read(join(dir, 'cd.xlsx'))).meta.unitGroup).toBe('huyen');

    const bad = capture(dir);
    expect(
      await main(
        ['template', '--framework', 'an-giang-2022', '--unit', 'X', '--group', 'xa', '-o', 'x.xlsx'],
        bad,
      ),
    ).toBe(2);
    expect(bad.err).toContain('Nhóm "xa" không có trong bộ tiêu chí an-giang-2022');
    const none = capture(dir);
    expect(
      await main(['template', '--framework', 'an-giang-2022', '--unit', 'X', '-o', 'x.xlsx'], none),
    ).toBe(2);
    expect(none.err).toContain('cần ghi nhóm');
    expect(readdirSync(dir)).toEqual(['cd.xlsx']);
  });

  it('makes one file per CSV row, keeps Vietnamese names safe for Windows, and reports bad rows', async () => {
    writeFileSync(
      join(dir, 'units.csv'),
      '\ufeffmã;tên;nhóm\r\n' +
        'STP;Sở Tư pháp;so\r\n' +
        'CT;UBND huyện Châu Thành;huyen\r\n' +
        'X1;;so\r\n' +
        'X2;Sở A/B: "mới"?;xa\r\n' +
        'CT;UBND huyện Châu Thành;huyen\r\n' +
        ';CON;so\r\n',
    );
    const io = capture(dir);
    const code = await main(
      ['template', '--framework', 'an-giang-2022', '--units', 'units.csv', '-o', 'mau', '--json'],
      io,
    );
    expect(code).toBe(1);
    const out = JSON.parse(io.out);
    expect(out.files.map((f: { file: string }) => f.file)).toEqual([
      join('mau', 'STP - Sở Tư pháp.xlsx'),
      join('mau', 'CT - UBND huyện Châu Thành.xlsx'),
      join('mau', '_CON.xlsx'),
    ]);
    // One rule with the pane and the campaign: a unit listed twice is refused, not made twice.
    expect(out.errors.map((e: { line: number }) => e.line)).toEqual([4, 5, 6]);
    expect(out.errors[2].message).toContain('mã đơn vị "CT" đã có ở dòng 3');
    expect(out.errors[0].message).toBe('units.csv dòng 4: thiếu tên đơn vị.');
    expect(io.err).toContain('units.csv dòng 5 (Sở A/B: "mới"?): Nhóm "xa" không có');
    expect(readdirSync(join(dir, 'mau')).sort()).toEqual(
      ['CT - UBND huyện Châu Thành.xlsx', 'STP - Sở Tư pháp.xlsx', '_CON.xlsx'].sort(),
    );
    const r = await read(join(dir, 'mau', 'CT - UBND huyện Châu Thành.xlsx'));
    expect(r.scoresheet.unit).toEqual({ code: 'CT', name: 'UBND huyện Châu Thành', group: 'huyen' });
  });

  it('takes a framework JSON path and the only group when there is one', async () => {
    const fw = sampleFrameworkInput({ groups: [{ id: 'so', name: 'Sở, ban, ngành' }] });
    // Without the huyện group, the leaves naming it must not name it any more.
    const criteria = (fw.tree as FrameworkNode[])[0].children as FrameworkNode[];
    delete criteria[2].appliesTo;
    delete criteria[3].maxByGroup;
    writeFileSync(join(dir, 'fw.json'), JSON.stringify(fw));
    const io = capture(dir);
    expect(
      await main(['template', '--framework', 'fw.json', '--unit', 'Sở Y tế', '-o', 'syt.xlsx'], io),
    ).toBe(0);
    const parsed = frameworkSchema.parse(fw);
    const r = await readTemplate(new Uint8Array(readFileSync(join(dir, 'syt.xlsx'))), {
      resolveFramework: (id) => (id === parsed.id ? parsed : undefined),
    });
    if (!r.ok) throw new Error(r.message);
    expect(r.meta).toMatchObject({ frameworkId: 'mau-thu', unitName: 'Sở Y tế', unitGroup: 'so' });
    expect(r.structureProblems).toEqual([]);
    // The file names its framework: without it, the reader says so instead of guessing.
    const unknown = await readTemplate(new Uint8Array(readFileSync(join(dir, 'syt.xlsx'))), {
      resolveFramework: () => undefined,
    });
    expect(unknown).toMatchObject({ ok: false, reason: 'unknownFramework' });
  });

  it('refuses missing or contradictory options in Vietnamese, without a stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [['template', '--framework', 'an-giang-2022', '--unit', 'A', '--group', 'so'], /Thiếu -o/],
      [['template', '--framework', 'an-giang-2022', '-o', 'a.xlsx'], /Thiếu --unit/],
      [
        ['template', '--framework', 'an-giang-2022', '--unit', 'A', '--group', 'so', '-o', 'a.pdf'],
        /phải là tệp \.xlsx/,
      ],
      [
        ['template', '--framework', 'khong-co', '--unit', 'A', '-o', 'a.xlsx'],
        /không phải mã bộ tiêu chí có sẵn/,
      ],
      [
        ['template', '--framework', 'an-giang-2022', '--units', 'nope.csv', '-o', 'd'],
        /Không tìm thấy tệp danh sách "nope.csv"/,
      ],
      [
        [
          'template',
          '--framework',
          'an-giang-2022',
          '--unit',
          'A',
          '--group',
          'so',
          '--deadline',
          '31/12/2026',
          '-o',
          'a.xlsx',
        ],
        /--deadline/,
      ],
    ];
    for (const [argv, message] of cases) {
      const io = capture(dir);
      expect(await main(argv, io)).toBe(2);
      expect(io.err).toMatch(message);
      expect(io.err).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });
});

describe('file names', () => {
  it('replaces what Windows forbids, keeps Vietnamese in NFC, avoids device names', () => {
    expect(safeFileStem('Sở A/B: "mới"?')).toBe('Sở A_B_ _mới__');
    expect(safeFileStem('Phòng Nội vụ. ')).toBe('Phòng Nội vụ');
    expect(safeFileStem('nul')).toBe('_nul');
    expect(safeFileStem('Sở Tư pháp'.normalize('NFD'))).toBe('Sở Tư pháp'.normalize('NFC'));
    expect(safeFileStem('x'.repeat(300)).length).toBeLessThanOrEqual(120);
    const taken = new Set<string>();
    expect(unitFileName({ code: '', name: 'Sở Y tế' }, taken)).toBe('Sở Y tế.xlsx');
    expect(unitFileName({ code: '', name: 'SỞ Y TẾ' }, taken)).toBe('SỞ Y TẾ (2).xlsx');
  });
});
