/**
 * `cchc demo [--out DIR]` (what `npm run demo` runs): a whole assessment campaign on the
 * illustrative two-level 2025 framework (demo-campaign.ts). `cchc demo --an-giang` runs the
 * stateless yearly workflow on bundled An Giang sample data instead, in a folder it names
 * (default ./demo-output):
 * 1. templates for An Giang's departments and districts (templates/sample/units-an-giang.csv)
 *    under the illustrative An Giang 2022 framework;
 * 2. each filled "as a unit would" — a second writer types deterministic sample scores into the
 *    generated .xlsx — with a few mistakes, one unit sending two files, one corrupt file;
 * 3. the sample survey file (decimal commas, an NFD name, abbreviations, "UBND huyện X");
 * 4. `cchc consolidate` on all of it: the ranking workbook, the HTML report, the ranking table
 *    and every file's status printed.
 * Deterministic: the same files and the same ranking every run.
 */
import { existsSync, promises as fs } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseCsv } from '../../common/csv';
import { sampleScores, seedOf, seededRandom, type SampleEntry } from '../../consolidation/sample-scores';
import { getBuiltinFramework } from '../../framework/builtins';
import type { UnitRef } from '../../scoring/types';
import { unitFileName } from '../../workbook/file-name';
import { renderTemplate } from '../../xlsx/render';
import { fillReturnedWorkbook, type ReturnedEntries } from '../../xlsx/sample-returns';
import { parseArgs } from '../args';
import type { Command } from '../command';
import { UserError } from '../errors';
import { runConsolidate } from './consolidate';
import { runCampaignDemo } from './demo-campaign';

export const DEMO_FRAMEWORK = 'an-giang-2022';
/** Fixed, so every run makes byte-identical templates. */
const DEMO_TIME = '2023-01-05T08:00:00.000Z';

/** templates/sample, found upwards from this module (src/… under ts-jest, build/src/… once compiled). */
export function sampleDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'templates', 'sample');
    if (existsSync(join(candidate, 'units-an-giang.csv'))) return candidate;
    if (dirname(dir) === dir)
      throw new UserError('Không tìm thấy dữ liệu mẫu templates/sample (bản cài đặt thiếu tệp).');
  }
}

export interface DemoUnit extends UnitRef {
  ranked: boolean;
}

export function readDemoUnits(text: string): DemoUnit[] {
  const [header, ...rows] = parseCsv(text);
  const at = (name: string) => header.indexOf(name);
  return rows.map((r) => ({
    code: r[at('code')],
    name: r[at('name')],
    group: r[at('group')],
    ranked: !/^(không|khong|no|false|0)$/i.test((r[at('ranked')] ?? '').trim()),
  }));
}

/** A sample entry as typed values for the filler. */
function typed(entries: Record<string, SampleEntry>): ReturnedEntries {
  const out: ReturnedEntries = {};
  for (const [code, e] of Object.entries(entries)) out[code] = { ...e };
  return out;
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Chạy thử một đợt đánh giá trọn vẹn trên bộ tiêu chí minh họa 2025 (hai cấp chính quyền)',
  usage: [
    'Cách dùng: cchc demo [--out THƯ_MỤC] [--an-giang]',
    '',
    'Chạy một đợt đánh giá trọn vẹn bằng các lệnh cchc campaign trên bộ tiêu chí MINH HỌA minh-hoa-2025',
    '(sở, ban, ngành; phường; xã, đặc khu) và 14 đơn vị mẫu: tạo đợt, phát mẫu, nhận tệp (một tệp nộp',
    'muộn, một tệp đơn vị tự ghi điểm thẩm định, một tệp trùng, một tệp hỏng), thẩm định lần 1, giải',
    'trình (một đơn vị không gửi), thẩm định lần 2, điểm cộng/trừ, điều tra XHH, xếp hạng; in bảng xếp',
    'hạng và bảng tình trạng. Thư mục đợt: THƯ_MỤC/dot-2025 (mặc định ./demo-output).',
    '',
    '--an-giang: quy trình không lưu trạng thái (cchc consolidate) trên dữ liệu mẫu An Giang: tạo mẫu chấm điểm cho các sở và huyện của An Giang (bộ tiêu chí MINH HỌA an-giang-2022), điền',
    'điểm mẫu (cố định, có vài lỗi cố ý, một đơn vị nộp hai tệp, một tệp hỏng), thêm tệp điều tra XHH',
    'mẫu, rồi tổng hợp: ghi bảng xếp hạng .xlsx và báo cáo .html vào THƯ_MỤC (mặc định ./demo-output).',
  ].join('\n'),
  async run(argv, io) {
    const started = Date.now();
    const args = parseArgs(argv, { values: ['out'], booleans: ['an-giang'] });
    if (args.positionals.length)
      throw new UserError(`Lệnh demo không nhận tham số "${args.positionals[0]}".`);
    const out = resolve(io.cwd, args.values.out ?? 'demo-output');
    if (!args.flags.has('an-giang')) {
      io.stderr(`Thư mục kết quả: ${out}\n`);
      const code = await runCampaignDemo(out, io, sampleDir());
      io.stdout(
        `\nThư mục demo: ${out}\n` +
          `  dot-2025/  đợt đánh giá (so-theo-doi.json, so-theo-doi.xlsx, phat-hanh/, da-nhan/, ket-qua/)\n` +
          `  hop-thu/   các tệp đơn vị và Hội đồng gửi về\n` +
          `Xong sau ${((Date.now() - started) / 1000).toFixed(1).replace('.', ',')} giây.\n`,
      );
      return code;
    }
    const framework = getBuiltinFramework(DEMO_FRAMEWORK);
    if (!framework) throw new UserError(`Thiếu bộ tiêu chí có sẵn "${DEMO_FRAMEWORK}".`);
    const samples = sampleDir();
    const units = readDemoUnits(await fs.readFile(join(samples, 'units-an-giang.csv'), 'utf8'));
    const blankDir = join(out, 'mau-trong');
    const returnedDir = join(out, 'nop');
    // A previous run's files would be consolidated too: start from a clean folder of our own.
    await fs.rm(blankDir, { recursive: true, force: true });
    await fs.rm(returnedDir, { recursive: true, force: true });
    await fs.mkdir(blankDir, { recursive: true });
    await fs.mkdir(returnedDir, { recursive: true });
    io.stderr(`Thư mục kết quả: ${out}\nĐang tạo và điền ${units.length} mẫu chấm điểm…\n`);

    // The deliberate problems: who makes which mistake is fixed, so the demo always shows them.
    const mistakes: Record<string, (e: ReturnedEntries) => void> = {
      // Typed a word into a score cell.
      SXD: (e) => (e['3.3.1'] = { ...e['3.3.1'], self: 'ba' }),
      // Claimed more than the maximum.
      AP: (e) => (e['7.1.1'] = { ...e['7.1.1'], self: 2.5 }),
    };
    const duplicateOf = 'CM';
    const corrupt = 'SNGV';
    // File names by the one rule every per-unit file follows ("STP - Sở Tư pháp.xlsx").
    const blankNames = new Set<string>();
    const returnedNames = new Set<string>();
    for (const unit of units) {
      const template = await renderTemplate(framework, unit, { generatedAt: DEMO_TIME });
      await fs.writeFile(join(blankDir, unitFileName(unit, blankNames)), template);
      const random = seededRandom(seedOf(`quality:${unit.code}`));
      const entries = typed(sampleScores(framework, unit.group, seedOf(unit.code), 0.55 + random() * 0.4));
      mistakes[unit.code]?.(entries);
      let filled = await fillReturnedWorkbook(template, entries);
      if (unit.code === corrupt) {
        // Cut off in transfer: half a file.
        filled = filled.subarray(0, Math.floor(filled.length / 2));
      }
      await fs.writeFile(join(returnedDir, unitFileName(unit, returnedNames)), filled);
      if (unit.code === duplicateOf) {
        const again = typed(sampleScores(framework, unit.group, seedOf(`${unit.code}:ban-sua`), 0.8));
        await fs.writeFile(
          join(returnedDir, unitFileName({ code: unit.code, name: `${unit.name} (bản sửa)` }, returnedNames)),
          await fillReturnedWorkbook(template, again),
        );
      }
    }
    const surveyPath = join(out, 'dieu-tra-xhh-an-giang.csv');
    await fs.copyFile(join(samples, 'dieu-tra-xhh-an-giang.csv'), surveyPath);

    const rel = (p: string) => relative(io.cwd, p) || '.';
    const consolidateArgs = [
      rel(returnedDir),
      '--framework',
      DEMO_FRAMEWORK,
      '--survey',
      rel(surveyPath),
      '-o',
      rel(join(out, 'xep-hang.xlsx')),
      '--report',
      rel(join(out, 'bao-cao.html')),
      ...units.filter((u) => !u.ranked).flatMap((u) => ['--not-ranked', u.name]),
    ];
    io.stderr(
      `Tổng hợp: cchc consolidate ${consolidateArgs.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}\n`,
    );
    const { code } = await runConsolidate(consolidateArgs, io);
    io.stdout(
      `\nThư mục demo: ${out}\n` +
        `  mau-trong/  ${units.length} mẫu chưa điền   nop/  các tệp "đơn vị đã nộp"\n` +
        `  xep-hang.xlsx  bảng xếp hạng   bao-cao.html  báo cáo in được\n` +
        `Xong sau ${((Date.now() - started) / 1000).toFixed(1).replace('.', ',')} giây.\n`,
    );
    return code;
  },
};
