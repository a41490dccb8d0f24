import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { readDemoUnits, sampleDir } from '../../src/cli/commands/demo';
import { parseCsv } from '../../src/common/csv';
import { getBuiltinFramework } from '../../src/framework/builtins';
import { allowedScores, sampleScores, seedOf } from '../../src/consolidation/sample-scores';
import { leaves } from '../../src/framework/tree';

describe('cchc demo --an-giang (stateless consolidate)', () => {
  let root: string;
  let code: number;
  const out = { stdout: '', stderr: '' };

  beforeAll(async () => {
    root = await fs.mkdtemp(join(tmpdir(), 'cchc-demo-'));
    const io: CliIO = {
      stdout: (t) => void (out.stdout += t),
      stderr: (t) => void (out.stderr += t),
      isTTY: false,
      cwd: root,
    };
    code = await main(['demo', '--an-giang', '--out', 'ket-qua'], io);
  });

  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('succeeds, names its folder and writes the ranking workbook and the report', async () => {
    expect(code).toBe(0);
    expect(out.stdout).toContain(join(root, 'ket-qua'));
    const names = await fs.readdir(join(root, 'ket-qua'));
    expect(names).toEqual(
      expect.arrayContaining([
        'xep-hang.xlsx',
        'bao-cao.html',
        'nop',
        'mau-trong',
        'dieu-tra-xhh-an-giang.csv',
      ]),
    );
    const html = await fs.readFile(join(root, 'ket-qua', 'bao-cao.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('MINH HỌA');
  });

  it('prints the ranking per group and the status of every file, with the planted problems', () => {
    expect(out.stdout).toMatch(/SỞ, BAN, NGÀNH/);
    expect(out.stdout).toMatch(/UBND CẤP HUYỆN/);
    expect(out.stdout).toMatch(
      /\[Bị từ chối\] ket-qua\/nop\/SXD - Sở Xây dựng\.xlsx[^\n]*\n\s+- Chấm điểm!E\d+: [^\n]*"ba" không phải là số/,
    );
    expect(out.stdout).toMatch(
      /\[Bị từ chối\] ket-qua\/nop\/AP - An Phú\.xlsx[^\n]*\n\s+- Chấm điểm!E\d+: [^\n]*vượt điểm tối đa/,
    );
    expect(out.stdout.match(/\[Trùng đơn vị\] ket-qua\/nop\/CM - Chợ Mới/g)).toHaveLength(2);
    expect(out.stdout).toMatch(/\[Không đọc được\] ket-qua\/nop\/SNGV - Sở Ngoại vụ\.xlsx/);
    expect(out.stdout).toMatch(/Thanh tra tỉnh \(\*\)/);
    // Ban Quản lý Khu kinh tế has no row in the sample survey: no silent 0, its file is rejected
    // with the reason (issue 13), and stderr says how to go on.
    expect(out.stdout).toMatch(
      /\[Bị từ chối\] [^\n]*Ban Quản lý Khu kinh tế[^\n]*\n\s+- [^\n]*không có số liệu cho đơn vị "Ban Quản lý Khu kinh tế"/,
    );
    expect(out.stderr).toMatch(/1 đơn vị chưa được xếp hạng vì thiếu hoặc sai số liệu điều tra/);
    // Unmatched: the unit that does not exist and the one whose only file is corrupt (its unit is
    // unknown). Abbreviations, the NFD name and "UBND huyện X" all matched.
    expect(out.stdout.match(/\[Điều tra XHH\] dòng \d+ "[^"]+": Tên/g)).toEqual([
      '[Điều tra XHH] dòng 12 "Sở Ngoại vụ": Tên',
      '[Điều tra XHH] dòng 19 "Sở Du lịch": Tên',
    ]);
  });

  it('names every file by the one per-unit rule (Vietnamese kept), like cchc template', async () => {
    const units = readDemoUnits(await fs.readFile(join(sampleDir(), 'units-an-giang.csv'), 'utf8'));
    const blank = await fs.readdir(join(root, 'ket-qua', 'mau-trong'));
    expect(blank.sort()).toEqual(units.map((u) => `${u.code} - ${u.name}.xlsx`.normalize('NFC')).sort());
    const returned = await fs.readdir(join(root, 'ket-qua', 'nop'));
    expect(returned).toContain('CM - Chợ Mới (bản sửa).xlsx');
    expect(returned).toHaveLength(units.length + 1);
  });

  it('accepts every other unit of the sample list', async () => {
    const units = readDemoUnits(await fs.readFile(join(sampleDir(), 'units-an-giang.csv'), 'utf8'));
    const accepted = out.stdout.match(/\[Chấp nhận\]/g) ?? [];
    // 29 units; SXD and AP rejected, CM duplicated, SNGV corrupt, BQLKKT without survey data.
    expect(units).toHaveLength(29);
    expect(accepted).toHaveLength(units.length - 5);
  });
});

describe('sample data', () => {
  const framework = getBuiltinFramework('an-giang-2022');
  it('is deterministic and only uses scores the framework allows', () => {
    if (!framework) throw new Error('an-giang-2022 missing');
    const a = sampleScores(framework, 'so', seedOf('SNV'));
    expect(sampleScores(framework, 'so', seedOf('SNV'))).toEqual(a);
    expect(sampleScores(framework, 'so', seedOf('STP'))).not.toEqual(a);
    for (const leaf of leaves(framework)) {
      const e = a[leaf.code];
      if (!e) continue;
      expect(allowedScores(leaf, 'so')).toContain(e.self);
      // A unit's own return: no council score (DESIGN.md "Who may write what").
      expect(e.appraisal).toBeUndefined();
    }
    const council = sampleScores(framework, 'so', seedOf('SNV'), 0.7, { council: true });
    for (const leaf of leaves(framework)) {
      const e = council[leaf.code];
      if (e) expect(allowedScores(leaf, 'so')).toContain(e.appraisal);
    }
  });

  it('ships a survey file with decimal commas, an NFD name and abbreviations', async () => {
    const text = await fs.readFile(join(sampleDir(), 'dieu-tra-xhh-an-giang.csv'), 'utf8');
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['STT', 'Tên đơn vị', 'Tỷ lệ hài lòng SIPAS (%)']);
    expect(rows.some((r) => r[1] !== r[1].normalize('NFC'))).toBe(true);
    expect(rows.some((r) => /&/.test(r[1]))).toBe(true);
    expect(rows.every((r, i) => i === 0 || /^\d+,\d+$/.test(r[2]))).toBe(true);
  });
});
