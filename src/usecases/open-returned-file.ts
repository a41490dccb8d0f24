/**
 * Use case: open one returned workbook and check it from scratch — size, bytes, zip guard and
 * template reader (the injected `WorkbookReader`), every scoring rule, totals recomputed from the
 * input cells. `cchc validate` shows the answer; consolidation keeps a small record of it. Never
 * throws for bad input: a refusal is an answer, with the rule key and a Vietnamese sentence
 * naming the file.
 */
import { sha256Hex } from '../common/sha256';
import { FILE_KEY_OF_REASON } from '../consolidation/problem-keys';
import type { FileError, IncomingFile, WorkbookReader } from '../consolidation/types';
import type { Framework } from '../framework/schema';
import type { Problem, Scoresheet, ValidationMode } from '../scoring/types';
import { validateScoresheet } from '../scoring/validate';

export interface OpenedFile {
  ok: true;
  /** Size of the bytes read. */
  size: number;
  sha256: string;
  meta: Record<string, string>;
  framework: Framework;
  scoresheet: Scoresheet;
  /** Structure problems first, then the rule violations, split by severity. */
  errors: Problem[];
  warnings: Problem[];
}

export interface RefusedFile {
  ok: false;
  /** Known when the bytes were read. */
  size: number | null;
  sha256: string | null;
  /** `file.<size or zip refusal>` (tooLarge, empty, bomb, …), `file.unreadable`, `file.notTemplate`, `file.unknownFramework` */
  rule: string;
  message: string;
}

export type ReturnedFileCheck = OpenedFile | RefusedFile;

/** A finding in the shape of `cchc validate --json` and of the consolidation records. */
export function toFileError(p: Problem): FileError {
  return { code: p.code, cell: p.cell ?? null, rule: p.rule, message: p.message };
}

/** …with its facts (`params`) as well: a consolidation record's, which the pane words in its locale. */
export function toFileErrorWithFacts(p: Problem): FileError {
  const e = toFileError(p);
  if (p.params) e.params = p.params;
  return e;
}

/** A refusal as the one finding of a file. */
export function refusalError(r: RefusedFile): FileError {
  return { code: '', cell: null, rule: r.rule, message: r.message };
}

export async function openReturnedFile(
  file: IncomingFile,
  reader: WorkbookReader,
  options: { mode: ValidationMode },
): Promise<ReturnedFileCheck> {
  const refuse = (
    rule: string,
    message: string,
    size: number | null = file.size ?? null,
    sha256: string | null = null,
  ): RefusedFile => ({ ok: false, size, sha256, rule, message });
  if (file.size !== undefined) {
    const refusal = reader.checkSize(file.size);
    if (refusal)
      return refuse(
        FILE_KEY_OF_REASON[refusal.reason] ?? 'file.unreadable',
        `"${file.name}": ${refusal.message}`,
      );
  }
  let bytes: Uint8Array | null;
  try {
    bytes = typeof file.bytes === 'function' ? await file.bytes() : file.bytes;
  } catch (e) {
    return refuse('file.unreadable', `Không đọc được "${file.name}": ${(e as Error)?.message ?? String(e)}`);
  }
  const size = bytes.length;
  const sha256 = await (reader.sha256 ?? sha256Hex)(bytes);
  let reading;
  try {
    reading = await reader.read(bytes, file.name);
  } catch (e) {
    // A reader bug or an exotic file must not stop the run: report it on this file only.
    return refuse(
      'file.unreadable',
      `Không đọc được "${file.name}": ${(e as Error)?.message ?? String(e)}`,
      size,
      sha256,
    );
  } finally {
    bytes = null;
  }
  if (!reading.ok)
    return refuse(FILE_KEY_OF_REASON[reading.reason] ?? 'file.unreadable', reading.message, size, sha256);
  const { framework, scoresheet, structureProblems, meta } = reading;
  const problems = [
    ...structureProblems,
    ...validateScoresheet(framework, scoresheet, { mode: options.mode }),
  ];
  return {
    ok: true,
    size,
    sha256,
    meta,
    framework,
    scoresheet,
    errors: problems.filter((p) => p.severity === 'error'),
    warnings: problems.filter((p) => p.severity === 'warning'),
  };
}
