/**
 * `cchc campaign …` end to end in a temporary folder: init, issue, receive (good, self-appraised,
 * duplicate, broken), status --json, appraise, rank; originals never touched.
 */
import { existsSync, promises as fs, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SELF, writeInitInputs } from '../helpers/campaign-inputs';
import { run, tempDir } from '../helpers/cli';
import { fillReturnedWorkbook } from '../../src/xlsx/sample-returns';
import { sha256Hex } from '../../src/common/sha256';

describe('cchc campaign', () => {
  const root = tempDir();
  const dir = join(root, 'dot-2026');
  const inbox = join(root, 'hop-thu');

  beforeAll(async () => {
    process.env.CCHC_LIBRARY = join(root, 'thu-vien');
    await fs.mkdir(inbox);
    writeInitInputs(root);
  });

  it('init refuses a units list without codes, then creates the campaign', async () => {
    writeFileSync(join(root, 'nocode.csv'), 'name,group\nSở A,so\n');
    const bad = await run(
      ['campaign', 'init', join(root, 'x'), '--framework', 'fw.json', '--units', 'nocode.csv'],
      root,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('thiếu mã đơn vị');
    const r = await run(
      [
        'campaign',
        'init',
        'dot-2026',
        '--framework',
        'fw.json',
        '--units',
        'units.csv',
        '--deadline',
        'chot-tu-cham=2099-01-01',
      ],
      root,
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'so-theo-doi.json'), 'utf8')).units).toHaveLength(3);
    const again = await run(
      ['campaign', 'init', 'dot-2026', '--framework', 'fw.json', '--units', 'units.csv'],
      root,
    );
    expect(again.code).toBe(2);
  });

  it('issues templates, receives returns and reports each file; originals untouched', async () => {
    expect((await run(['campaign', 'issue', '--dir', 'dot-2026'], root)).code).toBe(0);
    const tpl = (code: string) =>
      readFileSync(
        join(
          dir,
          'phat-hanh',
          'tu-cham',
          `${code} - ${code === 'SNV' ? 'Sở Nội vụ' : code === 'STP' ? 'Sở Tư pháp' : 'Huyện Châu Đốc'}.xlsx`,
        ),
      );
    writeFileSync(join(inbox, 'snv.xlsx'), await fillReturnedWorkbook(tpl('SNV'), SELF));
    writeFileSync(join(inbox, 'snv-ban-sao.xlsx'), readFileSync(join(inbox, 'snv.xlsx')));
    writeFileSync(
      join(inbox, 'stp.xlsx'),
      await fillReturnedWorkbook(tpl('STP'), { ...SELF, '1.1': { self: 0, appraisal: 10 } }),
    );
    writeFileSync(join(inbox, 'cd.xlsx'), readFileSync(join(inbox, 'snv.xlsx')).subarray(0, 3000));
    const before = await Promise.all(
      ['snv.xlsx', 'stp.xlsx', 'cd.xlsx'].map(async (f) => sha256Hex(readFileSync(join(inbox, f)))),
    );
    const r = await run(['campaign', 'receive', 'hop-thu', '--dir', 'dot-2026'], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('#1 hop-thu/cd.xlsx: KHÔNG ĐỌC ĐƯỢC');
    expect(r.stdout).toMatch(/#2 hop-thu\/snv-ban-sao.xlsx \[SNV, Tự chấm\]: CHẤP NHẬN/);
    expect(r.stdout).toMatch(/#3 hop-thu\/snv.xlsx \[SNV, Tự chấm\]: TRÙNG/);
    expect(r.stdout).toMatch(
      /#4 hop-thu\/stp.xlsx \[STP, Tự chấm\]: TỪ CHỐI\n {4}- Ô Chấm điểm!H\d+ \(Điểm thẩm định, mã 1.1\)/,
    );
    const after = await Promise.all(
      ['snv.xlsx', 'stp.xlsx', 'cd.xlsx'].map(async (f) => sha256Hex(readFileSync(join(inbox, f)))),
    );
    expect(after).toEqual(before);
    const status = JSON.parse(
      (await run(['campaign', 'status', '--dir', 'dot-2026', '--json'], root)).stdout,
    );
    const state = (code: string) =>
      status.units.find((u: { code: string }) => u.code === code).stages[0].state;
    expect([state('SNV'), state('STP'), state('CD')]).toEqual(['accepted', 'rejected', 'issued']);
    const text = await run(['campaign', 'status', '--dir', 'dot-2026'], root);
    expect(text.stdout).toMatch(/STP\s+│ Sở Tư pháp\s+│ BỊ TỪ CHỐI \(1\)/);
  });

  it('appraises, receives the council workbook, ranks from the register', async () => {
    const a = await run(['campaign', 'appraise', '--dir', 'dot-2026'], root);
    expect(a.stdout).toContain('Thẩm định lần 1: SNV');
    expect(a.stderr).toContain('Chưa có phiếu thẩm định mới cho: STP, CD');
    const book = readFileSync(join(dir, 'phat-hanh', 'tham-dinh-1', 'SNV - Sở Nội vụ.xlsx'));
    writeFileSync(
      join(inbox, 'td1-snv.xlsx'),
      await fillReturnedWorkbook(book, {
        '1.1': { appraisal: 6, appraisalComment: 'Thiếu' },
        '1.2.1': { appraisal: 10 },
        '1.2.2': { appraisal: 9 },
        '2.1': { appraisal: 18 },
      }),
    );
    const r = await run(['campaign', 'receive', join('hop-thu', 'td1-snv.xlsx'), '--dir', 'dot-2026'], root);
    expect(r.stdout).toContain('[SNV, Thẩm định lần 1]: CHẤP NHẬN');
    expect(r.code).toBe(0);
    // No survey registered: no silent zero — the unit is an error of its own, nothing written.
    const strict = await run(['campaign', 'rank', '--dir', 'dot-2026'], root);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/chưa có số liệu điều tra XHH cho đơn vị "Sở Nội vụ" \(mã SNV\)/);
    expect(strict.stderr).toContain(
      'chưa có số liệu điều tra XHH nên 1 đơn vị chưa được xếp hạng. Ghi tệp kết quả điều tra XHH vào đợt (cchc campaign survey TỆP)',
    );
    expect(strict.stderr).toContain('--allow-missing-survey');
    expect(existsSync(join(dir, 'ket-qua', 'xep-hang.xlsx'))).toBe(false);
    // Opted in: ranked with survey 0, and that is said on the unit.
    const rank = await run(
      ['campaign', 'rank', '--dir', 'dot-2026', '--json', '--allow-missing-survey'],
      root,
    );
    expect(rank.code).toBe(0);
    expect(JSON.parse(rank.stdout).units[0].warnings.join(' ')).toContain('Chưa có điểm điều tra XHH');
    const units = JSON.parse(rank.stdout).units;
    expect(units.map((u: { code: string; appraisal: number }) => [u.code, u.appraisal])).toEqual([
      ['SNV', 43],
    ]);
    expect(readFileSync(join(dir, 'ket-qua', 'xep-hang.xlsx')).length).toBeGreaterThan(1000);
    expect(readFileSync(join(dir, 'so-theo-doi.xlsx')).length).toBeGreaterThan(1000);
  });

  it('reopen refuses a missing reason before touching the register', async () => {
    const register = readFileSync(join(dir, 'so-theo-doi.json'), 'utf8');
    const r = await run(['campaign', 'reopen', 'tu-cham', '--unit', 'STP', '--dir', 'dot-2026'], root);
    expect({ code: r.code, stderr: r.stderr.trim() }).toEqual({
      code: 2,
      stderr: 'cchc campaign reopen: Thiếu --reason "LÝ DO": sổ theo dõi lưu lý do mở lại.',
    });
    expect(readFileSync(join(dir, 'so-theo-doi.json'), 'utf8')).toBe(register);
  });

  it('says what is wrong in Vietnamese outside a campaign folder', async () => {
    const r = await run(['campaign', 'status', '--dir', 'hop-thu'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('đây chưa phải thư mục đợt đánh giá');
  });
});
