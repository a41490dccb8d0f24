/**
 * No silent zero (issue 13, case 3): a survey file that cannot be used — Windows-1258, UTF-16, "|"
 * separated, without a survey column — stops `cchc consolidate` with exit 2, a message naming the
 * encoding or separator, and nothing written, unless --allow-missing-survey; a unit without survey
 * data, or with a rate of 189 % or −5, is an error of that unit shown in the terminal summary (not
 * only in --json); unit codes "constructor" and "__proto__" are units like any other. The same
 * encoding checks hold for --previous. No --survey at all is no silent zero either: the units are
 * not ranked unless --allow-missing-survey. Files are made by the tests (generator + encoders).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSurveyRows } from '../../src/consolidation/survey';
import { getBuiltinFramework } from '../../src/framework/builtins';
import { run } from '../helpers/cli';
import { GOOD_UNITS, goodReturns } from '../helpers/good-returns';
import { expectNoStack } from '../helpers/no-stack';

/** Windows-1258 bytes of `text`: precomposed where the code page has the letter, else base + tone byte. */
function windows1258(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1258');
  const byteOf = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(new Uint8Array([b]));
    if (ch !== '\uFFFD' && !byteOf.has(ch)) byteOf.set(ch, b);
  }
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = byteOf.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    // Some marks precomposed with the base (ệ = ê + dot below), the others as tone bytes.
    const [base, ...marks] = [...ch.normalize('NFD')];
    let done = false;
    for (let mask = (1 << marks.length) - 1; mask >= 0 && !done; mask--) {
      const kept = marks.filter((_, i) => mask & (1 << i)).join('');
      const head = byteOf.get((base + kept).normalize('NFC'));
      const rest = marks.filter((_, i) => !(mask & (1 << i))).map((m) => byteOf.get(m));
      if (head === undefined || rest.some((b) => b === undefined)) continue;
      out.push(head, ...(rest as number[]));
      done = true;
    }
    if (!done) throw new Error(`no Windows-1258 form for ${ch}`);
  }
  return new Uint8Array(out);
}

const SURVEY_OK = [
  'Mã;Đơn vị;Tỷ lệ hài lòng SIPAS (%)',
  'U0;Đơn vị số 1;91,5',
  'U1;Đơn vị số 2;80',
  'U2;Đơn vị số 3;75,25',
];

let returns: Uint8Array[];
let dir: string;

beforeAll(async () => {
  returns = await goodReturns([
    ...GOOD_UNITS,
    { code: 'constructor', name: 'Sở Hàm dựng', group: 'so' },
    { code: '__proto__', name: 'Sở Nguyên mẫu', group: 'so' },
  ]);
}, 90_000);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-survey-zero-'));
  mkdirSync(join(dir, 'nop'));
  returns.slice(0, 3).forEach((bytes, i) => writeFileSync(join(dir, 'nop', `U${i}.xlsx`), bytes));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function consolidate(survey: Uint8Array | string, extra: string[] = [], name = 'dieu-tra.csv') {
  writeFileSync(join(dir, name), survey);
  const r = await run(['consolidate', 'nop', '--survey', name, '-o', 'xep-hang.xlsx', ...extra], dir);
  expectNoStack(r.stderr);
  return r;
}

describe('a survey file that cannot be used: exit 2, the problem named, nothing written', () => {
  const cases: [string, () => Uint8Array | string, RegExp][] = [
    ['Windows-1258', () => windows1258(`${SURVEY_OK.join('\r\n')}\r\n`), /bảng mã Windows-1258/],
    ['UTF-16', () => Buffer.from(`\uFEFF${SURVEY_OK.join('\r\n')}\r\n`, 'utf16le'), /bảng mã UTF-16/],
    [
      '"|" separated',
      () => SURVEY_OK.map((l) => l.replaceAll(';', '|')).join('\n'),
      /phân cách bằng dấu "\|"/,
    ],
    [
      'no survey column',
      () => 'Mã;Đơn vị;Ghi chú\nU0;Đơn vị số 1;x\nU1;Đơn vị số 2;y\n',
      /không có cột nào mang tên nguồn điều tra/,
    ],
    ['no header row', () => 'a;b;c\n1;2;3\n', /không tìm thấy dòng tiêu đề/],
  ];
  for (const [what, bytes, message] of cases) {
    it(`${what}`, async () => {
      const r = await consolidate(bytes());
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('dieu-tra.csv');
      expect(existsSync(join(dir, 'xep-hang.xlsx'))).toBe(false);
      expect(readdirSync(dir).sort()).toEqual(['dieu-tra.csv', 'nop']);
    }, 60_000);
  }

  it('--allow-missing-survey goes on: exit 0, every unit survey 0, the problem said on stderr and in the JSON', async () => {
    const r = await consolidate(windows1258(`${SURVEY_OK.join('\r\n')}\r\n`), [
      '--allow-missing-survey',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Cảnh báo: .*Windows-1258.*--allow-missing-survey/);
    const json = JSON.parse(r.stdout) as { units: { survey: number }[]; warnings: string[] };
    expect(json.units.map((u) => u.survey)).toEqual([0, 0, 0]);
    expect(json.warnings.join('\n')).toMatch(/Windows-1258/);
  }, 60_000);

  it('a previous ranking in UTF-16 or Windows-1258 is exit 2 naming the encoding', async () => {
    for (const [bytes, message] of [
      [Buffer.from('\uFEFFĐơn vị;Chỉ số\nĐơn vị số 1;80\n', 'utf16le'), /UTF-16/],
      [windows1258('Đơn vị;Chỉ số\nĐơn vị số 1;80\n'), /Windows-1258/],
    ] as const) {
      writeFileSync(join(dir, 'ky-truoc.csv'), bytes);
      const r = await run(['consolidate', 'nop', '--previous', 'ky-truoc.csv', '-o', 'xep-hang.xlsx'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expectNoStack(r.stderr);
      expect(existsSync(join(dir, 'xep-hang.xlsx'))).toBe(false);
    }
  }, 60_000);
});

describe('a unit without usable survey data is an error of that unit, in the terminal summary', () => {
  it('no row, 189 % and −5: those units rejected with the reason and the cell; the others ranked', async () => {
    const survey = ['Mã;Đơn vị;Tỷ lệ hài lòng SIPAS (%)', 'U0;Đơn vị số 1;189', 'U1;Đơn vị số 2;-5'].join(
      '\n',
    );
    const r = await consolidate(survey);
    // No unit can be ranked: U0 and U1 have rates out of range, U2 has no row.
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\[Bị từ chối\] nop\/U0\.xlsx[^\n]*\n\s+- [^\n]*ô C2[^\n]*189/);
    expect(r.stdout).toMatch(/\[Bị từ chối\] nop\/U1\.xlsx[^\n]*\n\s+- [^\n]*ô C3[^\n]*(?:-5|−5)/);
    expect(r.stdout).toMatch(
      /\[Bị từ chối\] nop\/U2\.xlsx[^\n]*\n\s+- [^\n]*không có số liệu cho đơn vị "Đơn vị số 3" \(mã U2\)/,
    );
    expect(r.stderr).toMatch(/3 đơn vị chưa được xếp hạng vì thiếu hoặc sai số liệu điều tra/);
    expect(existsSync(join(dir, 'xep-hang.xlsx'))).toBe(false);
  }, 60_000);

  it('one unit without a row: the two others ranked (exit 0); with --allow-missing-survey all three, the gap said', async () => {
    const survey = SURVEY_OK.slice(0, 3).join('\n');
    const strict = await consolidate(survey, ['--json']);
    expect(strict.code).toBe(0);
    const files = (JSON.parse(strict.stdout) as { files: { status: string; errors: { rule: string }[] }[] })
      .files;
    expect(files.map((f) => f.status)).toEqual(['accepted', 'accepted', 'rejected']);
    expect(files[2].errors.map((e) => e.rule)).toEqual(['consolidation.surveyMissing']);
    const allowed = await consolidate(survey, ['--allow-missing-survey']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/\[Lưu ý\] Đơn vị số 3: không có số liệu điều tra XHH/);
    expect(allowed.stdout.match(/\[Chấp nhận\]/g)).toHaveLength(3);
  }, 60_000);

  it('unit codes "constructor" and "__proto__" without survey data are reported like any code', async () => {
    writeFileSync(join(dir, 'nop', 'constructor.xlsx'), returns[3]);
    writeFileSync(join(dir, 'nop', 'proto.xlsx'), returns[4]);
    const strict = await consolidate(SURVEY_OK.join('\n'));
    expect(strict.code).toBe(0);
    expect(strict.stdout).toMatch(
      /\[Bị từ chối\] nop\/constructor\.xlsx[^\n]*\n[^\n]*không có số liệu cho đơn vị "Sở Hàm dựng"/,
    );
    expect(strict.stdout).toMatch(
      /\[Bị từ chối\] nop\/proto\.xlsx[^\n]*\n[^\n]*không có số liệu cho đơn vị "Sở Nguyên mẫu"/,
    );
    const allowed = await consolidate(SURVEY_OK.join('\n'), ['--allow-missing-survey', '--json']);
    const json = JSON.parse(allowed.stdout) as {
      warnings: string[];
      survey: { unitsWithoutSurvey: string[] };
    };
    expect(json.survey.unitsWithoutSurvey.sort()).toEqual(['__proto__', 'constructor']);
    expect(json.warnings).toEqual(
      expect.arrayContaining([
        'Sở Hàm dựng: không có số liệu điều tra XHH trong tệp điều tra; tính điểm điều tra = 0.',
        'Sở Nguyên mẫu: không có số liệu điều tra XHH trong tệp điều tra; tính điểm điều tra = 0.',
      ]),
    );
  }, 90_000);
});

describe('no --survey at all', () => {
  it('every unit whose framework has survey tiêu chí is not ranked: exit 1, nothing written, the way out said', async () => {
    const r = await run(['consolidate', 'nop', '-o', 'xep-hang.xlsx'], dir);
    expectNoStack(r.stderr);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/\[Bị từ chối\]/g)).toHaveLength(3);
    expect(r.stdout).toContain(
      '"nop/U0.xlsx": chưa có số liệu điều tra XHH cho đơn vị "Đơn vị số 1" (mã U0); điểm điều tra XHH không được tự tính bằng 0',
    );
    expect(r.stderr).toMatch(
      /chưa có số liệu điều tra XHH nên 3 đơn vị chưa được xếp hạng\. Thêm tệp kết quả điều tra \(--survey DIEU_TRA\.csv\|\.xlsx\) rồi chạy lại, hoặc thêm --allow-missing-survey/,
    );
    expect(readdirSync(dir)).toEqual(['nop']);
  }, 60_000);

  it('with --allow-missing-survey: ranked with survey 0, said in the summary and in the ranking JSON', async () => {
    const r = await run(
      ['consolidate', 'nop', '-o', 'xep-hang.xlsx', '--allow-missing-survey', '--json'],
      dir,
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { units: { survey: number }[]; warnings: string[] };
    expect(json.units.map((u) => u.survey)).toEqual([0, 0, 0]);
    expect(json.warnings.join('\n')).toMatch(
      /Không có tệp điều tra XHH: mọi đơn vị được tính điểm điều tra = 0/,
    );
    expect(existsSync(join(dir, 'xep-hang.xlsx'))).toBe(true);
  }, 60_000);
});

describe('a survey source without a column', () => {
  it('is a problem of the whole file, named after the source (An Giang 2021: SIPAS and CBCCVC)', () => {
    const framework = getBuiltinFramework('an-giang-2021')!;
    const imported = importSurveyRows(
      [
        ['Đơn vị', 'SIPAS (%)'],
        ['Sở A', 90],
      ],
      framework,
      [{ code: null, name: 'Sở A', group: framework.groups[0].id }],
      { fileName: 'dieu-tra.csv' },
    );
    const fileLevel = imported.issues.filter((i) => i.scope === 'file');
    expect(fileLevel).toHaveLength(1);
    expect(fileLevel[0].message).toMatch(
      /thiếu cột cho nguồn điều tra "Khảo sát cán bộ, công chức, viên chức"/,
    );
  });
});
