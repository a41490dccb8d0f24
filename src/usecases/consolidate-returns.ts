/**
 * Use case: consolidate returned workbooks, with an optional survey table and previous ranking,
 * into a status per file and the ranking. `cchc consolidate` and the task pane's "Tổng hợp" both
 * call `consolidateReturns`; they only say where the bytes come from and show the result.
 *
 * Streaming: files are taken ONE AT A TIME from an (async) iterable; a file's bytes and workbook
 * are dropped as soon as it is done, and only its small record (status, messages, the numeric
 * scores of its leaves) is kept — memory grows with the number of units, never with file sizes.
 *
 * Every file is re-validated from scratch (submission mode): nothing typed into it is trusted,
 * not even its own formulas' cached totals. One bad file never stops the others.
 */
import { finishConsolidation, type FinishOptions } from '../consolidation/consolidate';
import { keepEntries } from '../consolidation/kept-entries';
import { memoryScoreStore, type ScoreStore } from '../consolidation/score-store';
import { previousFromRows } from '../consolidation/previous';
import type {
  ConsolidationProgress,
  ConsolidationResult,
  FileRecord,
  IncomingFile,
  WorkbookReader,
} from '../consolidation/types';
import type { Framework } from '../framework/schema';
import type { CellValue, PreviousResult } from '../scoring/types';
import { UsecaseError } from './errors';
import { councilCellsOfUnit } from './unit-writes';
import { openReturnedFile, refusalError, toFileErrorWithFacts } from './open-returned-file';

/** A table file (CSV, or the first sheet of an .xlsx) read into rows; rejects with a Vietnamese sentence. */
export type ReadTable = (
  fileName: string,
  bytes: Uint8Array,
) => Promise<{ rows: CellValue[][]; sheet?: string }>;

/** A file the use case reads itself, when it needs it. */
export interface NamedFile {
  name: string;
  bytes: () => Promise<Uint8Array>;
}

/** Survey rows already read (the pane previews them first), or a file to read. */
export type SurveyInput = { fileName: string; rows: CellValue[][]; sheet?: string } | NamedFile;

/**
 * Reads and checks one file into its consolidation record; never throws for bad input.
 *
 * The record is held until the ranking is written, so it is made small. Texts parsed out of the
 * workbook's XML (unit name, code, times, messages) are slices that keep the whole XML text alive
 * in V8: they are copied (structuredClone), to hold only themselves (measured: ~45 KB less per
 * file). What is not the workbook's is not copied: the file name is the caller's string, the
 * status a literal, the framework id and group id the framework's own (one string for all
 * records; as copies they were ~80 bytes per record). The record is one literal with every field,
 * so V8 keeps them all inside the object (the deep copy of the whole record kept those past the
 * fourth in an array of their own).
 */
export async function inspectFile(file: IncomingFile, reader: WorkbookReader): Promise<FileRecord> {
  const check = await openReturnedFile(file, reader, { mode: 'submission' });
  if (!check.ok)
    return fileRecord(
      file.name,
      'unreadable',
      null,
      check.sha256,
      check.size,
      structuredClone([refusalError(check)]),
    );
  const errors = [
    ...councilCellsOfUnit(file.name, check.framework, check.scoresheet, check.meta),
    ...check.errors.map(toFileErrorWithFacts),
  ];
  const own = structuredClone({
    unit: check.scoresheet.unit,
    generatedAt: check.meta.generatedAt ?? null,
    errors,
    warnings: check.warnings.map(toFileErrorWithFacts),
  });
  const framework = check.framework;
  const group = framework.groups.find((g) => g.id === own.unit.group)?.id ?? own.unit.group;
  const unit = { code: own.unit.code, name: own.unit.name, group };
  const status = errors.length ? 'rejected' : 'accepted';
  const record = fileRecord(file.name, status, unit, check.sha256, check.size, own.errors, own.warnings);
  record.generatedAt = own.generatedAt;
  record.frameworkId = framework.id;
  // Scores only where they can count (a record is never turned back into accepted). They are
  // numbers, and their code list is the framework's, shared by every record.
  if (status === 'accepted') record.entries = keepEntries(framework, check.scoresheet.entries);
  return record;
}

function fileRecord(
  file: string,
  status: FileRecord['status'],
  unit: FileRecord['unit'],
  sha256: string | null,
  size: number | null,
  errors: FileRecord['errors'],
  warnings: FileRecord['warnings'] = [],
): FileRecord {
  return {
    file,
    status,
    unit,
    errors,
    warnings,
    sha256,
    size,
    generatedAt: null,
    frameworkId: null,
    entries: undefined,
  };
}

export interface ConsolidateOptions extends FinishOptions {
  reader: WorkbookReader;
  /** Number of files when known (for progress). */
  total?: number;
  onProgress?: (p: ConsolidationProgress) => void;
  now?: () => number;
}

/** Files (already-read tables) → the result: inspect each file, then the pure second phase. */
export async function consolidate(
  files: Iterable<IncomingFile> | AsyncIterable<IncomingFile>,
  options: ConsolidateOptions,
): Promise<ConsolidationResult> {
  const now = options.now ?? (() => Date.now());
  const started = now();
  const records: FileRecord[] = [];
  const frameworks = new Map<string, Framework>();
  if (options.framework) frameworks.set(options.framework.id, options.framework);
  const reader: WorkbookReader = {
    checkSize: options.reader.checkSize,
    sha256: options.reader.sha256,
    read: async (bytes, name) => {
      const r = await options.reader.read(bytes, name);
      if (r.ok && !frameworks.has(r.framework.id)) frameworks.set(r.framework.id, r.framework);
      return r;
    },
  };
  // The kept scores go into the store as each file is done: in the CLI they are then on disk,
  // not 3,000 typed arrays in memory until the ranking is written.
  const scoreStore = options.scoreStore ?? memoryScoreStore();
  for await (const file of files) {
    const record = await inspectFile(file, reader);
    if (record.entries && 'values' in record.entries)
      record.entries = { codes: record.entries.codes, at: scoreStore.keep(record.entries.values) };
    records.push(record);
    options.onProgress?.({
      done: records.length,
      total: options.total ?? null,
      file: file.name,
      status: record.status,
      elapsedMs: now() - started,
    });
  }
  return finishConsolidation(records, frameworks, { ...options, scoreStore });
}

/** How messages name the two tables. */
export const SURVEY_TABLE = 'Tệp điều tra XHH';
export const PREVIOUS_TABLE = 'Bảng xếp hạng kỳ trước';

/** One table file read, or a UsecaseError naming it (a source may refuse with its own). */
async function readTableFile(what: string, file: NamedFile, readTable: ReadTable) {
  let bytes: Uint8Array;
  try {
    bytes = await file.bytes();
  } catch (e) {
    if (e instanceof UsecaseError) throw e;
    throw new UsecaseError(`Không đọc được ${what} "${file.name}".`);
  }
  try {
    return await readTable(file.name, bytes);
  } catch (e) {
    // The readers name the file themselves ("bang.xlsx": Trang …); say it once, after what it is.
    const message = ((e as Error)?.message ?? String(e)).replace(`"${file.name}": `, '');
    throw new UsecaseError(`${what} "${file.name}": ${message}`);
  }
}

/** A previous ranking (a ranking workbook this tool made, or a CSV with Đơn vị, Chỉ số). */
export async function readPreviousRanking(file: NamedFile, readTable: ReadTable): Promise<PreviousResult[]> {
  const what = PREVIOUS_TABLE;
  const { rows } = await readTableFile(what, file, readTable);
  const read = previousFromRows(rows);
  if (read.problem) throw new UsecaseError(`${what} "${file.name}": ${read.problem}`);
  return read.results;
}

/** The survey rows and how messages name them (file and sheet). */
export async function readSurveyTable(
  survey: SurveyInput,
  readTable: ReadTable,
): Promise<FinishOptions['survey']> {
  const read =
    'rows' in survey
      ? survey
      : { fileName: survey.name, ...(await readTableFile(SURVEY_TABLE, survey, readTable)) };
  return { rows: read.rows, options: { fileName: baseName(read.fileName), sheetName: read.sheet } };
}

/** The last part of a path: messages about survey rows name the file, not where it sits. */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

export interface ConsolidateReturnsInput {
  /** The returned workbooks, read one at a time. */
  files: Iterable<IncomingFile> | AsyncIterable<IncomingFile>;
  /** Number of files when known (for progress). */
  total?: number;
  /** The zip guard and template reader (src/xlsx/returned-workbook.ts). */
  reader: WorkbookReader;
  /** Reads the survey and previous-ranking tables (src/xlsx/survey-file.ts readDataRows). */
  readTable: ReadTable;
  /** The framework to rank under; default: the one most readable files were made from. */
  framework?: Framework;
  survey?: SurveyInput;
  previous?: NamedFile;
  notRanked?: string[];
  /** See FinishOptions.surveyGaps: 'reject' (no silent zero) or 'zero'. */
  surveyGaps?: FinishOptions['surveyGaps'];
  onProgress?: (p: ConsolidationProgress) => void;
  /** Where the units' numbers are kept until the ranking is written (FinishOptions.scoreStore). */
  scoreStore?: ScoreStore;
}

/**
 * The whole pipeline: the previous ranking and the survey are read FIRST (a bad one refuses the
 * run with a UsecaseError before any returned file is opened), then every file, then the ranking.
 */
export async function consolidateReturns(input: ConsolidateReturnsInput): Promise<ConsolidationResult> {
  const tables = await readConsolidationTables(input);
  return consolidate(input.files, {
    reader: input.reader,
    framework: input.framework,
    notRanked: input.notRanked,
    surveyGaps: input.surveyGaps,
    total: input.total,
    onProgress: input.onProgress,
    scoreStore: input.scoreStore,
    ...tables,
  });
}

/** The survey and previous ranking of a run, read; shared with the CLI's worker-pool path. */
export async function readConsolidationTables(
  input: Pick<ConsolidateReturnsInput, 'survey' | 'previous' | 'readTable'>,
): Promise<Pick<FinishOptions, 'survey' | 'previous'>> {
  const survey = input.survey ? await readSurveyTable(input.survey, input.readTable) : undefined;
  const previous = input.previous ? await readPreviousRanking(input.previous, input.readTable) : undefined;
  return { survey, previous };
}
