/**
 * `cchc consolidate FILE_OR_DIR… [--survey FILE] [--previous RANKING.xlsx] [--framework ID|PATH]
 *  -o RANKING.xlsx [--json] [--report REPORT.html]`: returned workbooks → the ranking workbook.
 *
 * Files are read one at a time (the core streams); input files are only ever read, and an output
 * that is one of them is refused; the outputs are written to a temporary file and renamed, so a
 * crash never leaves half a ranking. The parts: collect-workbooks (the folder walk), table-file
 * (survey and previous files), worker-pool (`--jobs`), consolidation-json / consolidation-text
 * (what is printed), all in src/cli/consolidate/.
 */
import { createWriteStream, statSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { finishConsolidation } from '../../consolidation/consolidate';
import { renderReportHtml } from '../../consolidation/report-html';
import type { ConsolidationResult, IncomingFile } from '../../consolidation/types';
import type { Framework } from '../../framework/schema';
import { unusableSurveyIssues } from '../../consolidation/survey';
import {
  consolidateReturns,
  PREVIOUS_TABLE,
  readConsolidationTables,
  readSurveyTable,
  SURVEY_TABLE,
  type ConsolidateReturnsInput,
  type NamedFile,
  type SurveyInput,
} from '../../usecases/consolidate-returns';
import { UsecaseError } from '../../usecases/errors';
import { streamRankingWorkbook } from '../../xlsx/ranking-workbook';
import { zlibZipCompression } from '../native-deflate';
import { readDataRows } from '../../xlsx/survey-file';
import { parseArgs } from '../args';
import { writeAtomically, writeAtomicallyWith } from '../atomic-write';
import type { CliIO, Command } from '../command';
import { collectWorkbooks } from '../consolidate/collect-workbooks';
import { consolidationJson } from '../consolidate/consolidation-json';
import { writeJsonChunks } from '../json-chunks';
import { consolidationText } from '../consolidate/consolidation-text';
import { progressPrinter } from '../consolidate/progress-printer';
import { tableFileArg } from '../consolidate/table-file';
import { cliWorkbookReader, frameworkResolver } from '../consolidate/workbook-reader';
import { defaultJobs, inspectInWorkers, workersAvailable, type WorkerJob } from '../consolidate/worker-pool';
import { UserError } from '../errors';
import { returnedFileBytes } from '../consolidate/returned-file-bytes';
import { tempFileScoreStore } from '../consolidate/temp-file-pages';
import {
  FRAMEWORK_OPTION_HELP,
  illustrativeWarning,
  loadFrameworkArg,
  withFrameworkHint,
} from '../framework-arg';
import { refuseOutputOverInput, type NamedInput } from '../output-guard';

/** The CLI's own hint on files naming a framework the tool does not have. */
function addFrameworkHints(result: ConsolidationResult): void {
  for (const f of result.files) for (const e of f.errors) e.message = withFrameworkHint(e.rule, e.message);
}

export interface ConsolidateRun {
  code: number;
}

/** Each collected file with its size; named relative to where the user stands, as in every message. */
async function jobsOf(paths: string[], cwd: string): Promise<WorkerJob[]> {
  const jobs: WorkerJob[] = [];
  for (const [index, path] of paths.entries()) {
    // A file gone or unreadable since the walk is reported on its own when it is read.
    // Synchronously, as the file itself is read (returned-file-bytes.ts says why).
    let size = 0;
    try {
      size = statSync(path).size;
    } catch {
      // reported when read
    }
    jobs.push({ index, path, name: relative(cwd, path) || path, size });
  }
  return jobs;
}

/**
 * The files as the use case takes them, one at a time: each is made when its turn comes and
 * dropped once read, not 3,000 of them (with a reading closure each, ~150 bytes) held for the
 * whole run.
 */
function* incomingFiles(jobsList: readonly WorkerJob[]): Generator<IncomingFile> {
  for (const j of jobsList) yield { name: j.name, size: j.size, bytes: returnedFileBytes(j.path, j.name) };
}

function jobsArg(value: string | undefined, fileCount: number): number {
  const jobs = value ? Number(value) : defaultJobs(fileCount);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    throw new UserError(`--jobs phải là số nguyên từ 1 đến 64 (nhận "${value}").`);
  if (jobs > 1 && !workersAvailable())
    throw new UserError('--jobs > 1 chỉ dùng được với bản đã biên dịch (npm run build:cli).');
  return jobs;
}

/** Reads every file (one thread, or a pool of workers) and ranks; a bad table is a UserError (exit 2). */
async function consolidateJobs(
  jobsList: WorkerJob[],
  jobs: number,
  input: Omit<ConsolidateReturnsInput, 'files' | 'reader'>,
): Promise<ConsolidationResult> {
  const { framework } = input;
  try {
    if (jobs === 1) {
      return await consolidateReturns({
        ...input,
        files: incomingFiles(jobsList),
        reader: cliWorkbookReader(framework),
      });
    }
    const tables = await readConsolidationTables(input);
    const records = await inspectInWorkers(jobsList, jobs, framework, input.onProgress);
    const resolveFramework = frameworkResolver(framework);
    const frameworks = new Map<string, Framework>();
    for (const r of records) {
      const found = r.frameworkId ? resolveFramework(r.frameworkId) : undefined;
      if (found) frameworks.set(found.id, found);
    }
    return finishConsolidation(records, frameworks, {
      framework,
      notRanked: input.notRanked,
      surveyGaps: input.surveyGaps,
      scoreStore: input.scoreStore,
      ...tables,
    });
  } catch (e) {
    if (e instanceof UsecaseError) throw new UserError(e.message);
    throw e;
  }
}

/**
 * The `--survey` file. Without --allow-missing-survey it is read by the use case, and a file that
 * cannot be read stops the run (exit 2, nothing written). With it, such a file is said on stderr
 * and in the ranking's notes, and the run goes on without survey data.
 */
async function surveyArg(
  file: NamedFile,
  allow: boolean,
  io: CliIO,
): Promise<{ input?: SurveyInput; unusable?: string }> {
  if (!allow) return { input: file };
  try {
    const read = await readSurveyTable(file, readDataRows);
    return { input: { fileName: file.name, rows: read?.rows ?? [], sheet: read?.options?.sheetName } };
  } catch (e) {
    if (!(e instanceof UsecaseError)) throw e;
    const unusable = `${e.message} Đã bỏ qua tệp điều tra (--allow-missing-survey): điểm điều tra XHH của mọi đơn vị tính bằng 0.`;
    io.stderr(`Cảnh báo: ${unusable}\n`);
    return { unusable };
  }
}

/**
 * A survey file read but useless as a whole (no header row, no survey column, a source without a
 * column): exit 2 before anything is written, unless --allow-missing-survey.
 */
export function refuseUnusableSurvey(result: ConsolidationResult, allow: boolean, io: CliIO): void {
  const issues = result.survey ? unusableSurveyIssues(result.survey) : [];
  if (!issues.length) return;
  const text = issues.map((i) => i.message).join('\n');
  if (!allow) {
    throw new UserError(
      `${text}\nTệp điều tra XHH không dùng được: không ghi bảng xếp hạng. Sửa tệp rồi chạy lại, ` +
        'hoặc thêm --allow-missing-survey để xếp hạng với điểm điều tra bằng 0.',
    );
  }
  io.stderr(`Cảnh báo: ${text}\n`);
}

/**
 * One stderr line when units were left unranked for their survey data (consolidate, campaign rank).
 * With no survey data at all the line says how to give it: `addSurvey` is the command's way (the
 * default is the campaign's).
 */
export function surveyGapsNotice(
  result: ConsolidationResult,
  io: CliIO,
  addSurvey = 'Ghi tệp kết quả điều tra XHH vào đợt (cchc campaign survey TỆP)',
): void {
  const gaps = result.files.filter((f) =>
    f.errors.some(
      (e) => e.rule === 'consolidation.surveyMissing' || e.rule === 'consolidation.surveyInvalid',
    ),
  ).length;
  if (!gaps) return;
  const optIn =
    'hoặc thêm --allow-missing-survey để tính điểm điều tra còn thiếu bằng 0 (ghi rõ trong bảng xếp hạng).';
  io.stderr(
    result.survey
      ? `Lỗi điều tra XHH: ${gaps} đơn vị chưa được xếp hạng vì thiếu hoặc sai số liệu điều tra (xem từng tệp ở trên). Sửa tệp điều tra rồi chạy lại, ${optIn}\n`
      : `Lỗi điều tra XHH: chưa có số liệu điều tra XHH nên ${gaps} đơn vị chưa được xếp hạng. ${addSurvey} rồi chạy lại, ${optIn}\n`,
  );
}

/** The whole command, reusable by `cchc demo`. */
export async function runConsolidate(argv: string[], io: CliIO): Promise<ConsolidateRun> {
  const args = parseArgs(argv, {
    values: ['survey', 'previous', 'framework', 'o', 'output', 'report', 'not-ranked', 'jobs'],
    booleans: ['json', 'allow-missing-survey'],
  });
  const json = args.flags.has('json');
  const allowMissingSurvey = args.flags.has('allow-missing-survey');
  const output = args.values.o ?? args.values.output;
  if (!args.positionals.length)
    throw new UserError('Thiếu tệp hoặc thư mục các bảng chấm điểm đã nộp. Xem --help.');
  if (!output) throw new UserError('Thiếu -o RANKING.xlsx (tệp bảng xếp hạng sẽ ghi ra).');
  if (extname(output).toLowerCase() !== '.xlsx')
    throw new UserError(`Tệp kết quả "${output}" phải có đuôi .xlsx.`);
  const report = args.values.report;
  if (report && !/\.html?$/i.test(report)) throw new UserError(`Tệp báo cáo "${report}" phải có đuôi .html.`);
  const { survey, previous } = args.values;

  // The survey and previous files sit in the folder of returns at times: they are inputs of their
  // own kind, not returned workbooks.
  const otherInputs: NamedInput[] = [
    ...(survey ? [{ path: survey, what: 'tệp điều tra XHH (--survey)' }] : []),
    ...(previous ? [{ path: previous, what: 'bảng xếp hạng kỳ trước (--previous)' }] : []),
    ...(args.values.framework && /\.json$/i.test(args.values.framework)
      ? [{ path: args.values.framework, what: 'tệp bộ tiêu chí (--framework)' }]
      : []),
  ];
  const collected = await collectWorkbooks(
    args.positionals,
    io.cwd,
    new Set([survey, previous].filter((p): p is string => !!p).map((p) => resolve(io.cwd, p))),
  );
  // Before anything is read: an output over an input (a returned workbook, the survey, last year's
  // ranking), by any alias, is refused.
  refuseOutputOverInput(
    [
      { path: output, what: 'bảng xếp hạng (-o)' },
      ...(report ? [{ path: report, what: 'báo cáo (--report)' }] : []),
    ],
    [...otherInputs, ...collected.files.map((f) => ({ path: f, what: 'bảng chấm điểm đã nộp' }))],
    io.cwd,
  );
  for (const s of collected.skipped) io.stderr(`Cảnh báo: ${s.message}\n`);
  if (!collected.files.length)
    throw new UserError(`Không có tệp .xlsx nào trong ${args.positionals.map((p) => `"${p}"`).join(', ')}.`);

  let framework: Framework | undefined;
  if (args.values.framework)
    framework = loadFrameworkArg(args.values.framework, json ? { ...io, stderr: () => undefined } : io);
  const jobsList = await jobsOf(collected.files, io.cwd);
  const jobs = jobsArg(args.values.jobs, jobsList.length);
  const surveyInput = survey
    ? await surveyArg(tableFileArg(survey, io.cwd, SURVEY_TABLE), allowMissingSurvey, io)
    : undefined;
  // The units' numbers wait for the ranking in a temporary file (temp-file-pages.ts), closed
  // here whichever way the run ends: the result is not read after this command.
  const { store: scoreStore, pages } = tempFileScoreStore();
  try {
    const result = await consolidateJobs(jobsList, jobs, {
      readTable: readDataRows,
      framework,
      survey: surveyInput?.input,
      // The same rule as `campaign rank` and the pane: survey points are never 0 by default; a unit
      // whose framework has survey tiêu chí and no survey row (or no --survey at all) is not ranked.
      surveyGaps: allowMissingSurvey ? 'zero' : 'reject',
      previous: previous ? tableFileArg(previous, io.cwd, PREVIOUS_TABLE) : undefined,
      notRanked: args.all['not-ranked'],
      total: jobsList.length,
      scoreStore,
      onProgress: io.isTTY && !json ? progressPrinter(io, jobsList.length) : undefined,
    });
    addFrameworkHints(result);
    refuseUnusableSurvey(result, allowMissingSurvey, io);
    result.warnings.unshift(
      ...collected.skipped.map((s) => s.message),
      ...(surveyInput?.unusable ? [surveyInput.unusable] : []),
    );
    if (!framework && result.framework && !json) {
      const warning = illustrativeWarning(result.framework);
      if (warning) io.stderr(warning);
    }

    const outputs: Record<string, string | null> = { ranking: null, report: null };
    const code = result.units.length && result.framework ? 0 : 1;
    if (code === 0) await writeOutputs(result, { ranking: output, report }, io.cwd, outputs);
    if (json) writeJsonChunks(consolidationJson(result, outputs), io.stdout);
    else {
      io.stdout(consolidationText(result));
      if (code === 0) {
        io.stdout(
          `\nĐã ghi bảng xếp hạng: ${output}${outputs.report ? `\nĐã ghi báo cáo: ${outputs.report}` : ''}\n`,
        );
      }
    }
    surveyGapsNotice(result, io, 'Thêm tệp kết quả điều tra (--survey DIEU_TRA.csv|.xlsx)');
    if (code !== 0) {
      io.stderr(
        'Không có đơn vị nào được xếp hạng (mọi tệp đều bị từ chối, trùng hoặc không đọc được): không ghi bảng xếp hạng.\n',
      );
    }
    return { code };
  } finally {
    pages.close();
  }
}

/** The ranking workbook (streamed row by row into its temporary file) and the HTML report. */
async function writeOutputs(
  result: ConsolidationResult,
  paths: { ranking: string; report?: string },
  cwd: string,
  written: Record<string, string | null>,
): Promise<void> {
  const generatedAt = new Date().toISOString();
  await writeAtomicallyWith(resolve(cwd, paths.ranking), (temp) =>
    streamRankingWorkbook(result, { generatedAt, compression: zlibZipCompression }, createWriteStream(temp)),
  );
  written.ranking = paths.ranking;
  if (paths.report) {
    await writeAtomically(resolve(cwd, paths.report), renderReportHtml(result, { generatedAt }));
    written.report = paths.report;
  }
}

export const consolidateCommand: Command = {
  name: 'consolidate',
  summary: 'Tổng hợp các bảng chấm điểm đã nộp thành bảng xếp hạng',
  usage: [
    'Cách dùng: cchc consolidate TỆP_HOẶC_THƯ_MỤC… -o XEP_HANG.xlsx [--survey DIEU_TRA.csv|.xlsx]',
    '           [--previous XEP_HANG_KY_TRUOC.xlsx|.csv] [--framework MÃ|TỆP.json]',
    '           [--report BAO_CAO.html] [--not-ranked "TÊN ĐƠN VỊ"]… [--allow-missing-survey] [--json]',
    '',
    'Đọc lại và kiểm tra từng bảng chấm điểm đã nộp (không tin bất cứ số nào ghi sẵn trong tệp), rồi',
    'xếp hạng theo nhóm. Mỗi tệp có một trạng thái: chấp nhận, bị từ chối (lỗi quy tắc hoặc bị sửa cấu',
    'trúc, kèm từng ô lỗi), trùng đơn vị (không tệp nào được chọn) hoặc không đọc được. Tệp đầu vào',
    'không bao giờ bị ghi.',
    '',
    '  -o TỆP.xlsx        bảng xếp hạng: trang Xếp hạng, Chi tiết, Điểm còn thiếu, Hồ sơ, Biểu đồ, Ghi chú',
    '  --survey TỆP       kết quả điều tra XHH: mỗi dòng một đơn vị, mỗi cột một nguồn (vd. SIPAS) hoặc',
    '                     một tiêu chí điều tra (vd. 9.1); tỷ lệ (%) hoặc điểm; dấu phẩy hoặc chấm thập phân',
    '  --allow-missing-survey  vẫn xếp hạng khi không có --survey, tệp điều tra không dùng được hoặc thiếu',
    '                     số liệu của một đơn vị (phần thiếu tính bằng 0, có cảnh báo); mặc định: đơn vị đó',
    '                     bị từ chối (không có --survey: mọi đơn vị có tiêu chí điều tra), tệp điều tra hỏng',
    '                     (bảng mã, dấu phân cách, thiếu cột) thì dừng, mã thoát 2',
    '  --previous TỆP     bảng xếp hạng kỳ trước (tệp do lệnh này tạo, hoặc CSV có cột Đơn vị, Chỉ số)',
    ...FRAMEWORK_OPTION_HELP,
    '                     (mặc định: bộ mà đa số tệp đã dùng)',
    '  --report TỆP.html  báo cáo in được (bảng xếp hạng và biểu đồ chỉ số), không cần mạng',
    '  --not-ranked TÊN   đơn vị được đánh giá nhưng không xếp hạng (có thể lặp lại)',
    '  --jobs N           số luồng đọc tệp song song (mặc định: 1, ít bộ nhớ nhất; trên máy 2 lõi,',
    '                     --jobs 2 không nhanh hơn mà dùng thêm khoảng 35 MB và 30–45 % thời gian CPU)',
    '  --json             in JSON: { "units": [...], "files": [...] }',
    '',
    'Mã thoát: 0 đã có bảng xếp hạng; 1 không đơn vị nào xếp hạng được; 2 tham số sai, tệp kết quả trùng tệp',
    '          đầu vào, hoặc tệp điều tra XHH / kỳ trước không dùng được; 3 không đọc/ghi được tệp hoặc thư mục.',
  ].join('\n'),
  async run(argv, io) {
    return (await runConsolidate(argv, io)).code;
  },
};
