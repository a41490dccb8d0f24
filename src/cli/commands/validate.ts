/**
 * `cchc validate FILE.xlsx`: re-checks a returned template from scratch (DESIGN.md): zip guard,
 * template structure against the framework named in `_meta`, every scoring rule, and totals
 * recomputed from the leaves. Exit 0 no error, 1 rule violations, 2 unreadable / not a template.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { knownFramework } from '../framework-library';
import type { Framework } from '../../framework/schema';
import type { FileError } from '../../consolidation/types';
import { computeTotals, formatVi, type ValidationMode } from '../../scoring';
import { openReturnedFile, toFileError } from '../../usecases/open-returned-file';
import { returnedWorkbookReader } from '../../xlsx/returned-workbook';
import { parseArgs } from '../args';
import type { CliIO, Command } from '../command';
import { UserError } from '../errors';
import {
  FRAMEWORK_OPTION_HELP,
  illustrativeWarning,
  loadFrameworkArg,
  withFrameworkHint,
} from '../framework-arg';

const USAGE = [
  'Cách dùng: cchc validate TỆP.xlsx [--json] [--framework MÃ|TỆP.json] [--mode draft|submission]',
  '',
  'Kiểm tra một mẫu chấm điểm đã điền: cấu trúc (mã, điểm tối đa, dòng bị xóa/thêm, bộ tiêu chí),',
  'từng điểm theo cách chấm (số, mức, bước, tối đa, tài liệu kiểm chứng) và tính lại tổng điểm từ',
  'các ô nhập (không tin kết quả công thức lưu trong tệp). Tệp không bị sửa.',
  '',
  'Tùy chọn:',
  ...FRAMEWORK_OPTION_HELP,
  '                     (mặc định: bộ ghi trong trang _meta của tệp)',
  '  --mode draft|submission  submission (mặc định): thiếu điểm là lỗi; draft: thiếu điểm chỉ là cảnh báo',
  '  --json             in một tài liệu JSON: { "file", "frameworkId", "unit", "errors", "warnings", "totals" }',
  '',
  'Mã thoát: 0 không có lỗi; 1 có lỗi theo quy tắc chấm; 2 tệp không đọc được hoặc không phải mẫu; 3 lỗi đọc tệp.',
].join('\n');

/** One finding, as in the consolidation records. */
type JsonProblem = FileError;

export interface ValidateReport {
  file: string;
  frameworkId: string | null;
  unit: { code: string; name: string; group: string } | null;
  errors: JsonProblem[];
  warnings: JsonProblem[];
  totals: {
    self: number;
    appraisal: number;
    survey: number;
    total: number;
    max: number;
    index: number | null;
  } | null;
}

function refusal(file: string, rule: string, message: string): ValidateReport {
  return {
    file,
    frameworkId: null,
    unit: null,
    errors: [{ code: '', cell: null, rule, message }],
    warnings: [],
    totals: null,
  };
}

function humanReport(r: ValidateReport): string {
  const lines = [`Tệp: ${r.file}`];
  if (r.unit) {
    lines.push(
      `Đơn vị: ${r.unit.name}${r.unit.code ? ` (mã ${r.unit.code})` : ''} — nhóm ${r.unit.group} — bộ tiêu chí ${r.frameworkId}`,
    );
  }
  const list = (title: string, ps: JsonProblem[]) => {
    if (!ps.length) return;
    lines.push(`${title} (${ps.length}):`);
    for (const p of ps) lines.push(`  ${p.cell ?? r.file}: ${p.message} [${p.rule}]`);
  };
  list('Lỗi', r.errors);
  list('Cảnh báo', r.warnings);
  if (r.totals) {
    const t = r.totals;
    lines.push(
      `Tổng (tính lại từ các ô nhập): tự đánh giá ${formatVi(t.self)} · thẩm định ${formatVi(t.appraisal)} · ` +
        `điều tra XHH ${formatVi(t.survey)} · tổng ${formatVi(t.total)}/${formatVi(t.max)}` +
        (t.index === null ? '' : ` · chỉ số ${formatVi(t.index)}%`),
    );
  }
  lines.push(
    r.errors.length ? `Kết quả: CHƯA ĐẠT — ${r.errors.length} lỗi phải sửa.` : 'Kết quả: không có lỗi.',
  );
  return `${lines.join('\n')}\n`;
}

function parseMode(value: string | undefined): ValidationMode {
  if (value === undefined || value === 'submission') return 'submission';
  if (value === 'draft') return 'draft';
  throw new UserError(`--mode "${value}" không hợp lệ: dùng draft hoặc submission.`);
}

export async function validateFile(
  path: string,
  shownName: string,
  options: { framework?: Framework; mode: ValidationMode; io: CliIO },
): Promise<{ report: ValidateReport; exitCode: number }> {
  if (!existsSync(path) || !statSync(path).isFile()) {
    return { report: refusal(shownName, 'file.notFound', `Không tìm thấy tệp "${shownName}".`), exitCode: 2 };
  }
  const forced = options.framework;
  const reader = returnedWorkbookReader({
    resolveFramework: (id, fingerprint) => forced ?? knownFramework(id, fingerprint),
  });
  const file = {
    name: shownName,
    size: statSync(path).size,
    bytes: async () => new Uint8Array(readFileSync(path)),
  };
  const read = await openReturnedFile(file, reader, { mode: options.mode });
  if (!read.ok)
    return { report: refusal(shownName, read.rule, withFrameworkHint(read.rule, read.message)), exitCode: 2 };
  if (!forced) {
    const warning = illustrativeWarning(read.framework);
    if (warning) options.io.stderr(warning);
  }
  const t = computeTotals(read.framework, read.scoresheet);
  const report: ValidateReport = {
    file: shownName,
    frameworkId: read.meta.frameworkId ?? read.framework.id,
    unit: { ...read.scoresheet.unit },
    errors: read.errors.map(toFileError),
    warnings: read.warnings.map(toFileError),
    totals: {
      self: t.self,
      appraisal: t.appraised,
      survey: t.survey,
      total: t.total,
      max: t.max,
      index: t.index,
    },
  };
  return { report, exitCode: report.errors.length ? 1 : 0 };
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Kiểm tra một mẫu chấm điểm đã điền (cấu trúc, từng điểm, tính lại tổng)',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const args = parseArgs(argv, { values: ['framework', 'mode'], booleans: ['json'] });
    if (args.positionals.length !== 1) {
      throw new UserError(
        args.positionals.length
          ? 'Mỗi lần kiểm tra một tệp.'
          : 'Thiếu tệp cần kiểm tra. Xem: cchc validate --help',
      );
    }
    const mode = parseMode(args.values.mode);
    const framework = args.values.framework ? loadFrameworkArg(args.values.framework, io) : undefined;
    const given = args.positionals[0];
    const { report, exitCode } = await validateFile(resolve(io.cwd, given), given, {
      framework,
      mode,
      io,
    });
    if (args.flags.has('json')) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else if (exitCode === 2) io.stderr(`${report.errors[0].message}\n`);
    else io.stdout(humanReport(report));
    return exitCode;
  },
};
