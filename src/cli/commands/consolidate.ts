/**
 * `cchc consolidate FILE_OR_DIR… [--survey FILE] [--previous RANKING.xlsx] [--framework ID|PATH]
 *  -o RANKING.xlsx [--json] [--report REPORT.html]`: returned workbooks → the ranking workbook.
 *
 * Files are read one at a time (the core streams); input files are only ever read; the outputs
 * are written to a temporary file and renamed, so a crash never leaves half a ranking. Exit 0
 * when a ranking was produced (even with rejected files, which are listed), 1 when nothing could
 * be ranked, 2 on bad arguments.
 */
import { createWriteStream, promises as fs } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { inflateRawSync } from 'node:zlib';
import { finishConsolidation } from '../../consolidation/consolidate';
import { renderReportHtml } from '../../consolidation/report-html';
import type {
  ConsolidationProgress,
  ConsolidationResult,
  FileRecord,
  IncomingFile,
} from '../../consolidation/types';
import { getBuiltinFramework } from '../../framework/builtins';
import type { Framework } from '../../framework/schema';
import { formatVi } from '../../scoring/decimal';
import { groupsInOrder, orderInGroup } from '../../workbook/ranking-plan';
import { STATUS_LABEL, streamRankingWorkbook } from '../../xlsx/ranking-workbook';
import { dataFileSizeProblem } from '../../xlsx/read-limits';
import { returnedWorkbookReader } from '../../xlsx/returned-workbook';
import { readDataRows } from '../../xlsx/survey-file';
import {
  consolidateReturns,
  inspectFile,
  PREVIOUS_TABLE,
  readConsolidationTables,
  SURVEY_TABLE,
  type ConsolidateReturnsInput,
} from '../../usecases/consolidate-returns';
import { UsecaseError } from '../../usecases/errors';
import { inflateWithZlib } from '../native-inflate';
import { parseArgs } from '../args';
import type { CliIO, Command } from '../command';
import { UserError } from '../errors';
import {
  FRAMEWORK_OPTION_HELP,
  illustrativeWarning,
  loadFrameworkArg,
  withFrameworkHint,
} from '../framework-arg';
import { renderTable } from './frameworks';

/** Extensions picked up when a folder is given; other files in it (reports, PDFs) are ignored. */
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.ods']);

/** Every workbook under the given files and folders, sorted, without Excel's "~$" lock files. */
export async function collectFiles(paths: string[], cwd: string, exclude: Set<string>): Promise<string[]> {
  const out: string[] = [];
  const walkDir = async (dir: string) => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) await walkDir(full);
      else if (e.isFile() && WORKBOOK_EXTENSIONS.has(extname(e.name).toLowerCase()) && !exclude.has(full))
        out.push(full);
    }
  };
  for (const p of paths) {
    const full = resolve(cwd, p);
    let stat;
    try {
      stat = await fs.stat(full);
    } catch {
      throw new UserError(`Không tìm thấy "${p}".`);
    }
    if (stat.isDirectory()) await walkDir(full);
    else out.push(full);
  }
  return [...new Set(out)];
}

/**
 * The zip guard's capped inflation with Node's zlib: native and synchronous, several times faster
 * than Web Streams for the dozen small entries of a workbook; stops at `limit + 1` bytes.
 */
export function inflatedSizeWithZlib(data: Uint8Array, limit: number): number | null | 'corrupt' {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, limit + 1) }).length;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? null : 'corrupt';
  }
}

/**
 * Writes next to the target through `write(tempPath)`, then renames: readers never see a
 * half-written file, and a failure leaves the previous target untouched.
 */
export async function writeAtomicallyWith(
  target: string,
  write: (tempPath: string) => Promise<void>,
): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(temp);
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw new UserError(`Không ghi được "${target}": ${(e as Error).message}`);
  }
}

export function writeAtomically(target: string, data: Uint8Array | string): Promise<void> {
  return writeAtomicallyWith(target, (temp) => fs.writeFile(temp, data));
}

/**
 * A table file named on the command line, read when the use case asks; refused by size before a
 * byte is read (a 50 MB "survey" would otherwise cost gigabytes).
 */
function tableFileArg(path: string, cwd: string, what: string) {
  return {
    name: path,
    bytes: async () => {
      const full = resolve(cwd, path);
      const tooLarge = dataFileSizeProblem((await fs.stat(full)).size);
      if (tooLarge) throw new UsecaseError(`${what} "${path}": ${tooLarge}`);
      return new Uint8Array(await fs.readFile(full));
    },
  };
}

function progressPrinter(io: CliIO, total: number) {
  let last = 0;
  return (p: { done: number; elapsedMs: number }) => {
    const now = Date.now();
    if (p.done < total && now - last < 200) return;
    last = now;
    const rate = p.elapsedMs > 0 ? (p.done * 1000) / p.elapsedMs : 0;
    const left = rate > 0 ? Math.ceil((total - p.done) / rate) : 0;
    io.stderr(
      `\rĐã đọc ${p.done}/${total} tệp · ${rate.toFixed(1).replace('.', ',')} tệp/giây · còn khoảng ${left} giây   ` +
        (p.done === total ? '\n' : ''),
    );
  };
}

/** The JSON of DESIGN.md ({ units, files }) with a few extra fields. */
export function consolidationJson(result: ConsolidationResult, outputs: Record<string, string | null>) {
  return {
    framework: result.framework
      ? { id: result.framework.id, version: result.framework.version, status: result.framework.status }
      : null,
    units: result.units.map((u) => ({
      unit: u.unit,
      code: u.code,
      group: u.group,
      self: u.self,
      appraisal: u.appraisal,
      survey: u.survey,
      total: u.total,
      max: u.max,
      index: u.index,
      rank: u.rank,
      band: u.band,
      ranked: u.ranked,
      ...(u.previous ? { previous: u.previous } : {}),
      warnings: u.warnings,
    })),
    files: result.files.map((f) => ({
      file: f.file,
      status: f.status,
      unit: f.unit?.name ?? null,
      errors: f.errors,
      unitCode: f.unit?.code || null,
      group: f.unit?.group ?? null,
      warnings: f.warnings,
      sha256: f.sha256,
      size: f.size,
      generatedAt: f.generatedAt,
    })),
    survey: result.survey
      ? {
          matched: result.survey.matched.length,
          unmatchedRows: result.survey.unmatchedRows,
          unitsWithoutSurvey: result.survey.unitsWithoutSurvey,
          issues: result.survey.issues,
        }
      : null,
    warnings: result.warnings,
    outputs,
  };
}

/** The human summary: the ranking per group, then every file's status and reasons. */
export function consolidationText(result: ConsolidationResult, maxReasons = 5): string {
  const out: string[] = [];
  const framework = result.framework;
  const places = framework?.places ?? 2;
  for (const g of framework ? groupsInOrder(result.units, framework) : []) {
    out.push(`\n${g.name.toLocaleUpperCase('vi')}`);
    const rows = orderInGroup(result.units.filter((u) => u.group === g.id)).map((u) => [
      u.rank === null ? '—' : String(u.rank),
      u.code ?? '',
      u.ranked ? u.unit : `${u.unit} (*)`,
      formatVi(u.appraisal, places),
      formatVi(u.survey, places),
      formatVi(u.index, places),
      u.band ?? '',
      u.previous?.rankChange != null ? `${u.previous.rankChange > 0 ? '+' : ''}${u.previous.rankChange}` : '',
    ]);
    out.push(
      renderTable(
        ['Hạng', 'Mã', 'Đơn vị', 'Thẩm định', 'Điều tra XHH', 'Chỉ số (%)', 'Xếp loại', '± hạng'],
        rows,
      ).trimEnd(),
    );
    if (rows.some((r) => r[2].endsWith('(*)'))) out.push('(*) đánh giá nhưng không xếp hạng');
  }
  out.push('\nTÌNH TRẠNG CÁC TỆP');
  for (const f of result.files) {
    const unit = f.unit ? ` — ${f.unit.name}${f.unit.code ? ` (${f.unit.code})` : ''}` : '';
    out.push(`  [${STATUS_LABEL[f.status]}] ${f.file}${unit}`);
    for (const e of f.errors.slice(0, maxReasons))
      out.push(`      - ${e.cell ? `${e.cell}: ` : ''}${e.message}`);
    if (f.errors.length > maxReasons)
      out.push(`      … và ${f.errors.length - maxReasons} lỗi khác (xem trang "Hồ sơ")`);
  }
  const survey = result.survey;
  if (survey) {
    for (const i of survey.issues) out.push(`  [Điều tra XHH] ${i.cell ? `${i.cell}: ` : ''}${i.message}`);
    for (const u of survey.unmatchedRows) {
      out.push(
        `  [Điều tra XHH] dòng ${u.row} "${u.name}": ${u.reason}${u.candidates.length ? ` Gần giống: ${u.candidates.join('; ')}.` : ''}`,
      );
    }
  }
  for (const w of result.warnings) out.push(`  [Lưu ý] ${w}`);
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Reading files on several cores. Each worker thread inspects one file at a time (zip guard,
// exceljs, validation) and sends back only the small FileRecord; the main thread then ranks.
// Used by the compiled `cchc` (a worker thread cannot load this module as TypeScript source, so
// under ts-jest/tsx the files are read in the main thread, one by one, by the same core).

interface WorkerJob {
  index: number;
  path: string;
  name: string;
  size: number;
}

const WORKER_KIND = 'cchc-consolidate';

function workerReader(framework: Framework | undefined) {
  return returnedWorkbookReader({
    resolveFramework: (id: string) =>
      framework && framework.id === id ? framework : getBuiltinFramework(id),
    inflate: inflateWithZlib,
  });
}

if (!isMainThread && workerData?.kind === WORKER_KIND && parentPort) {
  const port = parentPort;
  const reader = workerReader(workerData.framework as Framework | undefined);
  port.on('message', (job: WorkerJob) => {
    const file: IncomingFile = {
      name: job.name,
      size: job.size,
      bytes: async () => new Uint8Array(await fs.readFile(job.path)),
    };
    void inspectFile(file, reader).then((record) => {
      port.postMessage({ index: job.index, record });
    });
  });
}

/**
 * One thread unless `--jobs N` asks for more. Measured on 2 cores (2026-11-22, 1,000 returned
 * workbooks): one thread 21.6 s and 172 MB, two workers 22.3 s and 271 MB. Since reading moved off
 * exceljs (src/xlsx/ooxml-grid.ts) the workers' start-up and message passing eat what they save,
 * so they are offered, not imposed. Workers need compiled code (they cannot load TypeScript).
 */
export function defaultJobs(_fileCount: number): number {
  return 1;
}

/**
 * Inspects files in `jobs` worker threads, keeping the input order. A worker that dies (a file that
 * exhausts its memory limit) costs only the file it was reading: that file is reported unreadable
 * and a fresh worker carries on.
 */
export async function inspectInWorkers(
  jobsList: WorkerJob[],
  jobs: number,
  framework: Framework | undefined,
  onProgress?: (p: ConsolidationProgress) => void,
): Promise<FileRecord[]> {
  const records: FileRecord[] = new Array(jobsList.length);
  const started = Date.now();
  let next = 0;
  let done = 0;
  const runWorker = () =>
    new Promise<void>((resolveWorker) => {
      const worker = new Worker(__filename, {
        workerData: { kind: WORKER_KIND, framework },
        resourceLimits: { maxOldGenerationSizeMb: 768 },
      });
      let current: WorkerJob | null = null;
      const feed = () => {
        if (next >= jobsList.length) {
          current = null;
          void worker.terminate().then(() => resolveWorker());
          return;
        }
        current = jobsList[next++];
        worker.postMessage(current);
      };
      const finish = (record: FileRecord, index: number) => {
        records[index] = record;
        done++;
        onProgress?.({
          done,
          total: jobsList.length,
          file: record.file,
          status: record.status,
          elapsedMs: Date.now() - started,
        });
      };
      worker.on('message', (m: { index: number; record: FileRecord }) => {
        finish(m.record, m.index);
        feed();
      });
      worker.once('online', feed);
      worker.on('error', (e) => {
        const job = current;
        if (job) {
          finish(
            {
              file: job.name,
              status: 'unreadable',
              unit: null,
              errors: [
                {
                  code: '',
                  cell: null,
                  rule: 'file.unreadable',
                  message: `Không đọc được "${job.name}": ${e.message}`,
                },
              ],
              warnings: [],
              sha256: null,
              size: job.size,
              generatedAt: null,
              frameworkId: null,
            },
            job.index,
          );
        }
        // The dead worker is replaced; the others go on.
        void runWorker().then(resolveWorker);
      });
    });
  await Promise.all(Array.from({ length: Math.min(jobs, jobsList.length) }, runWorker));
  return records;
}

/** The CLI's own hint on files naming a framework the tool does not have. */
function addFrameworkHints(result: ConsolidationResult): void {
  for (const f of result.files) for (const e of f.errors) e.message = withFrameworkHint(e.rule, e.message);
}

export interface ConsolidateRun {
  result: ConsolidationResult;
  code: number;
}

/** The whole command, reusable by `cchc demo`. */
export async function runConsolidate(argv: string[], io: CliIO): Promise<ConsolidateRun> {
  const args = parseArgs(argv, {
    values: ['survey', 'previous', 'framework', 'o', 'output', 'report', 'not-ranked', 'jobs'],
    booleans: ['json'],
  });
  const json = args.flags.has('json');
  const output = args.values.o ?? args.values.output;
  if (!args.positionals.length)
    throw new UserError('Thiếu tệp hoặc thư mục các bảng chấm điểm đã nộp. Xem --help.');
  if (!output) throw new UserError('Thiếu -o RANKING.xlsx (tệp bảng xếp hạng sẽ ghi ra).');
  if (extname(output).toLowerCase() !== '.xlsx')
    throw new UserError(`Tệp kết quả "${output}" phải có đuôi .xlsx.`);
  const report = args.values.report;
  if (report && !/\.html?$/i.test(report)) throw new UserError(`Tệp báo cáo "${report}" phải có đuôi .html.`);

  let framework: Framework | undefined;
  if (args.values.framework)
    framework = loadFrameworkArg(args.values.framework, json ? { ...io, stderr: () => undefined } : io);
  const resolveFramework = (id: string) =>
    framework && framework.id === id ? framework : getBuiltinFramework(id);

  const outputFull = resolve(io.cwd, output);
  const exclude = new Set([
    outputFull,
    ...[args.values.survey, args.values.previous, report]
      .filter((p): p is string => !!p)
      .map((p) => resolve(io.cwd, p)),
  ]);
  const paths = await collectFiles(args.positionals, io.cwd, exclude);
  if (!paths.length)
    throw new UserError(`Không có tệp .xlsx nào trong ${args.positionals.map((p) => `"${p}"`).join(', ')}.`);

  const jobsList: WorkerJob[] = [];
  for (const [index, p] of paths.entries()) {
    const stat = await fs.stat(p);
    // Named relative to where the user stands: that is how the file appears in every message and sheet.
    jobsList.push({ index, path: p, name: relative(io.cwd, p) || p, size: stat.size });
  }
  const jobs = args.values.jobs ? Number(args.values.jobs) : defaultJobs(jobsList.length);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64)
    throw new UserError(`--jobs phải là số nguyên từ 1 đến 64 (nhận "${args.values.jobs}").`);
  if (jobs > 1 && !__filename.endsWith('.js'))
    throw new UserError('--jobs > 1 chỉ dùng được với bản đã biên dịch (npm run build:cli).');
  const showProgress = io.isTTY && !json;
  const onProgress = showProgress ? progressPrinter(io, jobsList.length) : undefined;
  const input: Omit<ConsolidateReturnsInput, 'files' | 'reader'> = {
    readTable: readDataRows,
    framework,
    survey: args.values.survey ? tableFileArg(args.values.survey, io.cwd, SURVEY_TABLE) : undefined,
    previous: args.values.previous ? tableFileArg(args.values.previous, io.cwd, PREVIOUS_TABLE) : undefined,
    notRanked: args.all['not-ranked'],
    total: jobsList.length,
  };
  let result: ConsolidationResult;
  try {
    if (jobs > 1) {
      const tables = await readConsolidationTables(input);
      const records = await inspectInWorkers(jobsList, jobs, framework, onProgress);
      const frameworks = new Map<string, Framework>();
      for (const r of records) {
        const found = r.frameworkId ? resolveFramework(r.frameworkId) : undefined;
        if (found) frameworks.set(found.id, found);
      }
      result = finishConsolidation(records, frameworks, {
        framework,
        notRanked: input.notRanked,
        ...tables,
      });
    } else {
      result = await consolidateReturns({
        ...input,
        files: jobsList.map((j) => ({
          name: j.name,
          size: j.size,
          bytes: async () => new Uint8Array(await fs.readFile(j.path)),
        })),
        reader: workerReader(framework),
        onProgress,
      });
    }
  } catch (e) {
    if (e instanceof UsecaseError) throw new UserError(e.message);
    throw e;
  }
  addFrameworkHints(result);
  if (!framework && result.framework && !json) {
    const warning = illustrativeWarning(result.framework);
    if (warning) io.stderr(warning);
  }

  const generatedAt = new Date().toISOString();
  const outputs: Record<string, string | null> = { ranking: null, report: null };
  let code = 0;
  if (result.units.length && result.framework) {
    // Streamed row by row into the temporary file: a ranking of many units never sits in memory.
    await writeAtomicallyWith(outputFull, (temp) =>
      streamRankingWorkbook(result, { generatedAt }, createWriteStream(temp)),
    );
    outputs.ranking = output;
    if (report) {
      await writeAtomically(resolve(io.cwd, report), renderReportHtml(result, { generatedAt }));
      outputs.report = report;
    }
  } else {
    code = 1;
  }
  if (json) io.stdout(`${JSON.stringify(consolidationJson(result, outputs), null, 2)}\n`);
  else {
    io.stdout(consolidationText(result));
    if (code === 0) {
      io.stdout(
        `\nĐã ghi bảng xếp hạng: ${output}${outputs.report ? `\nĐã ghi báo cáo: ${outputs.report}` : ''}\n`,
      );
    }
  }
  if (code !== 0) {
    io.stderr(
      'Không có đơn vị nào được xếp hạng (mọi tệp đều bị từ chối, trùng hoặc không đọc được): không ghi bảng xếp hạng.\n',
    );
  }
  return { result, code };
}

export const consolidateCommand: Command = {
  name: 'consolidate',
  summary: 'Tổng hợp các bảng chấm điểm đã nộp thành bảng xếp hạng',
  usage: [
    'Cách dùng: cchc consolidate TỆP_HOẶC_THƯ_MỤC… -o XEP_HANG.xlsx [--survey DIEU_TRA.csv|.xlsx]',
    '           [--previous XEP_HANG_KY_TRUOC.xlsx|.csv] [--framework MÃ|TỆP.json]',
    '           [--report BAO_CAO.html] [--not-ranked "TÊN ĐƠN VỊ"]… [--json]',
    '',
    'Đọc lại và kiểm tra từng bảng chấm điểm đã nộp (không tin bất cứ số nào ghi sẵn trong tệp), rồi',
    'xếp hạng theo nhóm. Mỗi tệp có một trạng thái: chấp nhận, bị từ chối (lỗi quy tắc hoặc bị sửa cấu',
    'trúc, kèm từng ô lỗi), trùng đơn vị (không tệp nào được chọn) hoặc không đọc được. Tệp đầu vào',
    'không bao giờ bị ghi.',
    '',
    '  -o TỆP.xlsx        bảng xếp hạng: trang Xếp hạng, Chi tiết, Hồ sơ, Biểu đồ, Ghi chú',
    '  --survey TỆP       kết quả điều tra XHH: mỗi dòng một đơn vị, mỗi cột một nguồn (vd. SIPAS) hoặc',
    '                     một tiêu chí điều tra (vd. 9.1); tỷ lệ (%) hoặc điểm; dấu phẩy hoặc chấm thập phân',
    '  --previous TỆP     bảng xếp hạng kỳ trước (tệp do lệnh này tạo, hoặc CSV có cột Đơn vị, Chỉ số)',
    ...FRAMEWORK_OPTION_HELP,
    '                     (mặc định: bộ mà đa số tệp đã dùng)',
    '  --report TỆP.html  báo cáo in được (bảng xếp hạng và biểu đồ chỉ số), không cần mạng',
    '  --not-ranked TÊN   đơn vị được đánh giá nhưng không xếp hạng (có thể lặp lại)',
    '  --jobs N           số luồng đọc tệp song song (mặc định: 1, nhanh nhất khi đo trên máy 2 lõi)',
    '  --json             in JSON: { "units": [...], "files": [...] }',
    '',
    'Mã thoát: 0 đã có bảng xếp hạng; 1 không đơn vị nào xếp hạng được; 2 tham số sai; 3 không đọc/ghi được tệp hoặc thư mục.',
  ].join('\n'),
  async run(argv, io) {
    return (await runConsolidate(argv, io)).code;
  },
};
