/**
 * `cchc template`: the scoring template of one unit, or one per unit of a CSV list. A bad row of
 * the list is reported with its line number and the other units are still made.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Framework } from '../../framework/schema';
import type { UnitRef } from '../../scoring/types';
import { unitFileName } from '../../workbook/file-name';
import { excelDateSerial } from '../../workbook/guide-sheet';
import { HEADERLESS_NOTE, parseUnitList, resolveGroup, unitListProblemText } from '../../workbook/unit-list';
import { TemplateInputError, buildTemplatePlan, type TemplateOptions } from '../../workbook/plan';
import { renderPlan } from '../../xlsx/render';
import { templateMaker } from '../../xlsx/template-patch';
import { parseArgs } from '../args';
import { makeOutputDir, writeAtomically } from '../atomic-write';
import { replacedCharactersNote } from '../replaced-characters';
import type { CliIO, Command } from '../command';
import { UserError } from '../errors';
import { loadFrameworkArg } from '../framework-arg';
import { zlibCompressor } from '../native-deflate';
import { ioFailure } from '../io-errors';
import { refuseOutputOverInput } from '../output-guard';

const USAGE = [
  'Cách dùng:',
  '  cchc template --framework MÃ|TỆP.json --unit TÊN [--unit-code MÃ] [--group NHÓM] -o TỆP.xlsx',
  '  cchc template --framework MÃ|TỆP.json --units DANH_SÁCH.csv -o THƯ_MỤC',
  '',
  'Tạo mẫu chấm điểm Chỉ số CCHC (.xlsx) cho một đơn vị, hoặc cho mỗi đơn vị trong danh sách CSV',
  '(các cột: code, name, group — hoặc mã, tên, nhóm; dấu phân cách "," hoặc ";"; UTF-8).',
  'Mỗi tệp có trang Hướng dẫn, trang Chấm điểm (ô nhập đã mở khóa, có kiểm tra dữ liệu) và trang',
  '_meta ẩn để kiểm tra khi tổng hợp. Tên tệp giữ tiếng Việt, bỏ các ký tự Windows không cho phép.',
  '',
  'Tùy chọn:',
  '  --framework   mã bộ tiêu chí có sẵn (xem: cchc frameworks) hoặc đường dẫn tệp JSON',
  '  --unit        tên đơn vị;  --unit-code  mã đơn vị;  --group  mã hoặc tên nhóm (so, huyen, …)',
  '  --units       tệp CSV danh sách đơn vị (tạo một tệp cho mỗi đơn vị trong thư mục -o)',
  '  --deadline    hạn gửi về Sở Nội vụ, dạng NĂM-THÁNG-NGÀY (ví dụ 2026-12-31)',
  '  -o            tệp .xlsx (một đơn vị) hoặc thư mục (danh sách)',
  '  --overwrite   với --units: ghi đè tệp đã có trong thư mục (mặc định: giữ tệp cũ, báo bỏ qua)',
  '  --json        in kết quả dạng JSON: { "files": [...], "skipped": [...], "errors": [...] }',
  '',
  'Mã thoát: 0 tạo đủ (tệp đã có được giữ nguyên và liệt kê); 1 có dòng danh sách bị lỗi hoặc tệp',
  'không ghi được (các đơn vị khác vẫn được tạo); 2 lỗi đầu vào; 3 không đọc/ghi được tệp hoặc thư mục.',
].join('\n');

interface MadeFile {
  unit: string;
  code: string;
  group: string;
  file: string;
}

interface RowError {
  line: number;
  message: string;
}

/** A group given by id or by its name; absent = the only group (the unit list's rule). */
function groupOf(framework: Framework, given: string | undefined): string {
  const r = resolveGroup(framework.groups, given, undefined, framework.id);
  if ('problem' in r) throw new UserError(r.problem.message);
  return r.group;
}

function checkDeadline(deadline: string | undefined): void {
  if (deadline !== undefined && excelDateSerial(deadline) === null) {
    throw new UserError(`--deadline "${deadline}" không phải ngày dạng NĂM-THÁNG-NGÀY (ví dụ 2026-12-31).`);
  }
}

async function makeOne(
  framework: Framework,
  unit: UnitRef,
  path: string,
  options: TemplateOptions,
): Promise<void> {
  await writeAtomically(path, await renderPlan(buildTemplatePlan(framework, unit, options)));
}

export const templateCommand: Command = {
  name: 'template',
  summary: 'Tạo mẫu chấm điểm .xlsx cho một đơn vị hoặc hàng loạt theo danh sách CSV',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const args = parseArgs(argv, {
      values: ['framework', 'unit', 'unit-code', 'group', 'units', 'o', 'output', 'deadline'],
      booleans: ['json', 'overwrite'],
    });
    if (args.positionals.length)
      throw new UserError(`Không hiểu "${args.positionals[0]}". Xem: cchc template --help`);
    const out = args.values.o ?? args.values.output;
    if (!out) throw new UserError('Thiếu -o: tệp .xlsx cần tạo (hoặc thư mục khi dùng --units).');
    if (args.values.unit && args.values.units)
      throw new UserError('Chỉ dùng một trong hai: --unit hoặc --units.');
    if (!args.values.unit && !args.values.units)
      throw new UserError('Thiếu --unit TÊN (một đơn vị) hoặc --units DANH_SÁCH.csv.');
    checkDeadline(args.values.deadline);
    const inputs = [
      ...(args.values.units ? [{ path: args.values.units, what: 'danh sách đơn vị' }] : []),
      ...(args.values.framework && /\.json$/i.test(args.values.framework)
        ? [{ path: args.values.framework, what: 'tệp bộ tiêu chí' }]
        : []),
    ];
    refuseOutputOverInput([{ path: out, what: 'tệp kết quả (-o)' }], inputs, io.cwd);
    const framework = loadFrameworkArg(args.values.framework ?? '', io);
    const options: TemplateOptions = { deadline: args.values.deadline };
    const made: MadeFile[] = [];
    const skipped: MadeFile[] = [];
    const errors: RowError[] = [];
    const outPath = resolve(io.cwd, out);

    if (args.values.unit) {
      if (!/\.xlsx$/i.test(out)) throw new UserError(`-o "${out}" phải là tệp .xlsx.`);
      let unit: UnitRef;
      try {
        const name = args.values.unit.normalize('NFC').trim();
        if (!name) throw new TemplateInputError('Tên đơn vị (--unit) không được để trống.');
        unit = {
          name,
          code: (args.values['unit-code'] ?? '').trim(),
          group: groupOf(framework, args.values.group),
        };
      } catch (e) {
        if (e instanceof TemplateInputError) throw new UserError(e.message);
        throw e;
      }
      await makeOutputDir(dirname(outPath));
      await makeOne(framework, unit, outPath, options);
      const replaced = replacedCharactersNote(unit);
      if (replaced) io.stderr(replaced);
      made.push({ unit: unit.name, code: unit.code, group: unit.group, file: out });
      if (!args.flags.has('json')) io.stderr(`Đã tạo ${made[0].file} (${unit.name}).\n`);
    } else {
      const listFile = args.values.units as string;
      const listPath = resolve(io.cwd, listFile);
      if (!existsSync(listPath) || !statSync(listPath).isFile())
        throw new UserError(`Không tìm thấy tệp danh sách "${listFile}".`);
      if (existsSync(outPath) && !statSync(outPath).isDirectory()) {
        throw new UserError(`-o "${out}" phải là thư mục khi dùng --units.`);
      }
      let listText: string;
      try {
        listText = readFileSync(listPath, 'utf8');
      } catch (e) {
        throw ioFailure(e, listFile, 'read');
      }
      const list = parseUnitList(listText, framework.groups, { frameworkId: framework.id });
      if (!list.header && !args.flags.has('json')) io.stderr(`Lưu ý: ${HEADERLESS_NOTE(listFile)}\n`);
      const units = list.units;
      errors.push(...list.problems.map((p) => ({ line: p.line, message: unitListProblemText(listFile, p) })));
      await makeOutputDir(outPath);
      // One render per group, each unit patched from it (src/xlsx/template-patch.ts); the files
      // of one run carry the run's time.
      const maker = templateMaker(
        framework,
        { ...options, generatedAt: new Date().toISOString() },
        zlibCompressor,
      );
      const taken = new Set<string>();
      const overwrite = args.flags.has('overwrite');
      let i = 0;
      for (const { line, unit } of units) {
        i++;
        const name = unitFileName(unit, taken);
        const path = join(outPath, name);
        const entry = { unit: unit.name, code: unit.code, group: unit.group, file: join(out, name) };
        // A unit's filled return may carry its template's name: it is never replaced unasked.
        if (!overwrite && existsSync(path)) {
          skipped.push(entry);
          continue;
        }
        try {
          await writeAtomically(path, await maker.make(unit));
          const replaced = replacedCharactersNote(unit);
          if (replaced) io.stderr(replaced);
          made.push(entry);
          if (io.isTTY && !args.flags.has('json')) io.stderr(`\r${i}/${units.length} ${name}`.padEnd(60));
        } catch (e) {
          // One unit that cannot be made (bad data, a file that cannot be written) never stops the others.
          if (!(e instanceof TemplateInputError) && !(e instanceof UserError)) throw e;
          errors.push({ line, message: `${listFile} dòng ${line} (${unit.name}): ${e.message}` });
        }
      }
      if (io.isTTY && !args.flags.has('json')) io.stderr('\n');
      for (const err of errors) io.stderr(`Lỗi: ${err.message}\n`);
      if (!args.flags.has('json')) {
        for (const s of skipped)
          io.stderr(`Bỏ qua: ${s.file} đã có (giữ nguyên; dùng --overwrite để ghi đè).\n`);
        io.stderr(
          `Đã tạo ${made.length} tệp trong ${out}` +
            (skipped.length ? `; giữ nguyên ${skipped.length} tệp đã có` : '') +
            (errors.length ? `; ${errors.length} dòng bị lỗi, không tạo được.\n` : '.\n'),
        );
      }
    }
    if (args.flags.has('json')) io.stdout(`${JSON.stringify({ files: made, skipped, errors }, null, 2)}\n`);
    return errors.length ? 1 : 0;
  },
};
