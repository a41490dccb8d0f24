/**
 * The `--json` document of `cchc consolidate`: DESIGN.md's { units, files } with a few extra fields,
 * each unit and file put in its JSON shape when it is written (MappedList).
 */
import type { ConsolidationResult, FileError, FileRecord } from '../../consolidation/types';
import { readingCopy } from '../../common/kept-text';
import { MappedList } from '../json-chunks';
import { rankedUnitJson } from '../ranked-unit-json';

/**
 * A file's problem as `--json` has always given it: code, cell, rule, message (no facts). The
 * message is read through a copy: JSON.stringify would flatten the kept sentence in place.
 */
function fileErrorJson(e: FileError) {
  return { code: e.code, cell: e.cell, rule: e.rule, message: readingCopy(e.message) };
}

/** A file record as `cchc campaign rank --json` has always given it, its problems without facts. */
export function fileRecordJson(f: FileRecord) {
  return { ...f, errors: f.errors.map(fileErrorJson), warnings: f.warnings.map(fileErrorJson) };
}

export function consolidationJson(result: ConsolidationResult, outputs: Record<string, string | null>) {
  return {
    framework: result.framework
      ? { id: result.framework.id, version: result.framework.version, status: result.framework.status }
      : null,
    units: new MappedList(result.units, (u) => ({
      ...rankedUnitJson(u, { self: true }),
      ...(u.previous ? { previous: u.previous } : {}),
      warnings: u.warnings,
    })),
    files: new MappedList(result.files, (f) => ({
      file: f.file,
      status: f.status,
      unit: f.unit?.name ?? null,
      errors: f.errors.map(fileErrorJson),
      unitCode: f.unit?.code || null,
      group: f.unit?.group ?? null,
      warnings: f.warnings.map(fileErrorJson),
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
