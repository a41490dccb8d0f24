/**
 * Consolidation's pure core: the records of the inspected files (+ a survey table, + a previous
 * ranking) → framework choice, duplicates, survey matching, totals and the ranking. Reading the
 * files is the use case's job (src/usecases/consolidate-returns.ts), so this runs unchanged after
 * one thread or a pool of workers read them.
 */
import { REPLACEMENT, xmlInvalidCharacters, xmlSafe } from '../common/clean-text';
import { consolidationMessage, type ReplacedText } from './messages.vi';
import { structureMessage } from '../workbook/messages.vi';
import { nameKey } from '../common/names';
import type { Framework } from '../framework/schema';
import { appliesTo, leaves } from '../framework/tree';
import { rankUnits } from '../scoring';
import { computeTotals } from '../scoring/totals';
import { readScore } from '../scoring/read';
import { keptIntoEntries } from './kept-entries';
import { detailFromKept } from './unit-detail';
import type { CellValue, LeafEntry, PreviousResult, RankInput, Scoresheet, UnitRef } from '../scoring/types';
import { buildUnitIndex, codeKey, matchUnit } from './match';
import { importSurveyRows, type SurveyImport, type SurveyImportOptions, type SurveyUnit } from './survey';
import type { ConsolidationResult, FileError, FileRecord, KeptEntries, StoredEntries } from './types';
import { memoryScoreStore, type ScoreStore } from './score-store';

/** What the second phase needs besides the records (the use case adds the reading side). */
export interface FinishOptions {
  /** The framework to rank under; default: the one most readable files were made from. */
  framework?: Framework;
  /** Survey rows (CSV or first sheet), imported once the units are known. */
  survey?: { rows: CellValue[][]; options?: SurveyImportOptions };
  /** A previous ranking, matched to units by code then name. */
  previous?: PreviousResult[];
  /** Unit names assessed but not ranked, on top of the framework's own list. */
  notRanked?: string[];
  /**
   * What a gap in the survey does to a unit (no row for it, an empty, non-numeric or out-of-range
   * value, a survey leaf left without points): 'reject' makes it an error of that unit, whose file
   * is then rejected with the reason (no silent zero) — with no survey at all, every unit whose
   * group has survey leaves; 'zero' counts the missing points as 0 with a warning. Default 'zero'.
   */
  surveyGaps?: 'reject' | 'zero';
  /**
   * Where the units' numbers are kept until the ranking is written (score-store.ts), and where
   * records' stored entries are read from: the CLI gives one that writes them to a temporary file.
   * Default: a store in memory.
   */
  scoreStore?: ScoreStore;
}

/** The kept scores of a record, read from the store when the use case moved them there. */
function keptEntriesOf(entries: KeptEntries | StoredEntries, store: ScoreStore): KeptEntries {
  return 'values' in entries ? entries : { codes: entries.codes, values: store.read(entries.at) };
}

function storedAt(entries: FileRecord['entries']): number | undefined {
  return entries && 'at' in entries ? entries.at : undefined;
}

function identity(unit: UnitRef): string {
  return unit.code.trim() ? `code:${codeKey(unit.code)}` : `name:${nameKey(unit.name)}`;
}

/** Two or more readable files for one unit: all of them become `duplicate`, none is chosen. */
function markDuplicates(files: FileRecord[]): void {
  const byUnit = new Map<string, FileRecord[]>();
  for (const f of files) {
    if (!f.unit || (f.status !== 'accepted' && f.status !== 'rejected')) continue;
    const key = identity(f.unit);
    byUnit.set(key, [...(byUnit.get(key) ?? []), f]);
  }
  for (const group of byUnit.values()) {
    if (group.length < 2) continue;
    const sameBytes = new Set(group.map((f) => f.sha256)).size === 1;
    for (const f of group) {
      const unit = f.unit as UnitRef;
      const others = group.filter((g) => g !== f).map((g) => g.file);
      f.status = 'duplicate';
      f.errors.unshift({
        code: '',
        cell: null,
        ...consolidationMessage('file.duplicate', {
          file: f.file,
          unit: unit.name,
          unitCode: unit.code,
          count: group.length,
          others,
          sameBytes,
        }),
      });
    }
  }
}

/** The framework most readable files were made from (ties: first seen). */
function majorityFramework(files: FileRecord[], frameworks: Map<string, Framework>): Framework | null {
  const counts = new Map<string, number>();
  for (const f of files) if (f.frameworkId) counts.set(f.frameworkId, (counts.get(f.frameworkId) ?? 0) + 1);
  let best: string | null = null;
  for (const [id, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = id;
  return best ? (frameworks.get(best) ?? null) : null;
}

/**
 * The second phase, once every file has been inspected (by `consolidate`, or by a pool of workers
 * calling `inspectFile`): framework choice, duplicates, survey, totals and ranking. `frameworks`
 * maps the framework ids found in the files to their definitions.
 */
export function finishConsolidation(
  records: FileRecord[],
  frameworks: Map<string, Framework>,
  options: FinishOptions,
): ConsolidationResult {
  const framework = options.framework ?? majorityFramework(records, frameworks);
  const warnings: string[] = [];
  if (framework) {
    for (const f of records) {
      if (f.frameworkId && f.frameworkId !== framework.id && f.status !== 'unreadable') {
        f.status = 'rejected';
        f.errors.unshift({
          code: '',
          cell: null,
          // The fact of structure.otherFramework (one key per fact), said of one file of the set.
          ...structureMessage('structure.otherFramework', {
            file: f.file,
            fileFramework: f.frameworkId,
            framework: framework.id,
          }),
        });
      }
    }
  }
  markDuplicates(records);
  for (const f of records) noteReplacedCharacters(f);
  const result: ConsolidationResult = {
    framework,
    units: [],
    files: records,
    details: [],
    fieldTotals: Object.create(null) as ConsolidationResult['fieldTotals'],
    survey: null,
    warnings,
  };
  if (!framework) return result;

  const keyOf = (u: UnitRef) => u.code.trim() || u.name;
  if (options.survey) result.survey = importSurveyForRecords(records, framework, options.survey, keyOf);
  if (result.survey && options.surveyGaps === 'reject')
    rejectSurveyGaps(records, framework, result.survey, options.survey?.options?.fileName, keyOf);
  if (!options.survey && options.surveyGaps === 'reject') rejectWithoutSurvey(records, framework);
  const accepted = records.filter((f) => f.status === 'accepted' && f.unit && f.entries);
  const surveyPoints = result.survey?.points ?? (Object.create(null) as SurveyImport['points']);
  const notRanked = new Set([...framework.notRanked, ...(options.notRanked ?? [])].map(nameKey));

  const store = options.scoreStore ?? memoryScoreStore();
  let scratch: Record<string, LeafEntry> = {};
  let scratchCodes: readonly string[] | null = null;
  const inputs: RankInput[] = [];
  // Returns of one round mostly lack the same appraisals: their warnings share one list of codes
  // (49 codes each took ~0.2 KB per file, kept until the result is written).
  const codeLists = new Map<string, string[]>();
  const sharedList = (codes: string[]) => {
    const key = codes.join('\n');
    const known = codeLists.get(key);
    if (known) return known;
    codeLists.set(key, codes);
    return codes;
  };
  for (const f of accepted) {
    const unit = f.unit as UnitRef;
    const key = keyOf(unit);
    const points = surveyPoints[key];
    const kept = keptEntriesOf(f.entries as KeptEntries | StoredEntries, store);
    // One set of entry objects for every unit with the same leaves (keptIntoEntries): read here
    // and by computeTotals, held by nothing after.
    if (kept.codes !== scratchCodes) {
      scratch = {};
      scratchCodes = kept.codes;
    }
    const sheet: Scoresheet = { frameworkId: framework.id, unit, entries: keptIntoEntries(kept, scratch) };
    // Points of a code that is not a leaf count nowhere (computeTotals reads leaves only).
    for (const [code, p] of Object.entries(points ?? {}))
      if (sheet.entries[code]) sheet.entries[code].survey = p;
    const totals = computeTotals(framework, sheet);
    // The detail's scores are written over the kept ones in the store (no second copy of them
    // per unit while ranking).
    const surveyOf = (code: string) => readScore(sheet.entries[code]?.survey).value;
    const of = { key, unit, file: f.file, hasSurvey: !!points };
    result.details.push(detailFromKept(framework, of, kept, surveyOf, totals, store, storedAt(f.entries)));
    // Keyed by lĩnh vực codes, digits the framework schema checked ("1", "2"): a plain object, whose
    // keys are array indexes (a prototype-less one took ~0.5 KB per unit, its own dictionary).
    result.fieldTotals[key] = Object.fromEntries(
      framework.tree.map((field) => [field.code, totals.nodes[field.code]?.total ?? 0]),
    );
    inputs.push({
      unit: unit.name,
      code: unit.code.trim() || undefined,
      group: unit.group,
      self: totals.self,
      appraisal: totals.appraised,
      survey: points ? totals.survey : null,
      max: totals.max,
      ranked: !notRanked.has(nameKey(unit.name)),
    });
    if (totals.notYetAppraised.length) {
      const said = consolidationMessage('consolidation.notYetAppraised', {
        file: f.file,
        codes: sharedList(totals.notYetAppraised),
      });
      addWarning(f, { code: '', cell: null, rule: said.rule, params: said.params, message: said.message });
    }
    // The scores are now in `details`; the record no longer needs its copy. Set, not deleted:
    // a deleted property turns each record into a slower, larger dictionary-mode object.
    f.entries = undefined;
  }
  for (const f of records) f.entries = undefined;

  result.units = rankUnits(inputs, {
    places: framework.places,
    tieRule: framework.tieRule,
    bands: framework.bands,
    groupOrder: framework.groups.map((g) => g.id),
    previous: options.previous ? matchPrevious(options.previous, inputs, warnings) : undefined,
  });
  if (result.survey) {
    const detailOf = new Map(result.details.map((d) => [d.key, d]));
    for (const key of result.survey.unitsWithoutSurvey) {
      const d = detailOf.get(key);
      if (d)
        warnings.push(
          `${d.unit.name}: không có số liệu điều tra XHH trong tệp điều tra; tính điểm điều tra = 0.`,
        );
    }
  } else if (inputs.length) {
    warnings.push('Không có tệp điều tra XHH: mọi đơn vị được tính điểm điều tra = 0.');
  }
  return result;
}

/**
 * Said, not silent: a unit name, code or file name holding characters XML 1.0 forbids (U+FFFE,
 * U+FFFF, lone surrogates, C0 controls) is written into the ranking workbook with them replaced
 * (xmlSafe); the file gets a warning naming them.
 */
function noteReplacedCharacters(f: FileRecord): void {
  const replaced: { where: ReplacedText; chars: string[] }[] = [];
  const check = (where: ReplacedText, value: string | undefined) => {
    const chars = value ? xmlInvalidCharacters(value) : [];
    if (chars.length) replaced.push({ where, chars });
  };
  check('unitName', f.unit?.name);
  check('unitCode', f.unit?.code);
  check('fileName', f.file);
  if (!replaced.length) return;
  addWarning(f, {
    code: '',
    cell: null,
    ...consolidationMessage('consolidation.textReplaced', {
      file: xmlSafe(f.file),
      replaced,
      replacement: REPLACEMENT,
    }),
  });
}

/**
 * A warning added to a file's record, in a list of exactly its own length: a list grown by push
 * keeps room for 17 (as rankUnits says), and a copy of it at the end, as before, still left the
 * grown one to the collector after it had outlived the young generation.
 */
function addWarning(f: FileRecord, warning: FileError): void {
  f.warnings = f.warnings.length ? [...f.warnings, warning] : [warning];
}

/**
 * No silent zero: an accepted unit whose survey points are missing or unusable gets the reason
 * as an error and its file is rejected, so its index is never computed with a 0 nobody chose.
 */
function rejectSurveyGaps(
  records: FileRecord[],
  framework: Framework,
  survey: SurveyImport,
  fileName: string | undefined,
  keyOf: (u: UnitRef) => string,
): void {
  const surveyLeaves = leaves(framework).filter((l) => l.method === 'survey');
  if (!surveyLeaves.length) return;
  const surveyFile = fileName ?? null;
  for (const f of records) {
    if (f.status !== 'accepted' || !f.unit) continue;
    const key = keyOf(f.unit);
    const group = f.unit.group;
    const points = Object.hasOwn(survey.points, key) ? survey.points[key] : undefined;
    const errors: FileError[] = survey.issues
      .filter((i) => i.severity === 'error' && i.unit === key)
      .map((i) => ({ code: '', cell: null, rule: 'consolidation.surveyInvalid', message: i.message }));
    const missing = surveyLeaves
      .filter((l) => appliesTo(l, group) && !(points && Object.hasOwn(points, l.code)))
      .map((l) => l.code);
    const about = { file: f.file, unit: f.unit.name, unitCode: f.unit.code, surveyFile };
    if (!points) {
      const said = consolidationMessage('consolidation.surveyMissing', { ...about, gap: 'noFigures' });
      errors.push({ code: '', cell: null, ...said });
    } else if (missing.length) {
      const said = consolidationMessage('consolidation.surveyMissing', { ...about, gap: 'missing', missing });
      errors.push({ code: '', cell: null, ...said });
    }
    if (!errors.length) continue;
    f.status = 'rejected';
    f.errors.push(...errors);
  }
}

/** No survey at all and no opt-in: each unit that has survey leaves is an error of that unit. */
function rejectWithoutSurvey(records: FileRecord[], framework: Framework): void {
  const surveyLeaves = leaves(framework).filter((l) => l.method === 'survey');
  for (const f of records) {
    if (f.status !== 'accepted' || !f.unit) continue;
    const unit = f.unit;
    if (!surveyLeaves.some((l) => appliesTo(l, unit.group))) continue;
    f.status = 'rejected';
    f.errors.push({
      code: '',
      cell: null,
      ...consolidationMessage('consolidation.surveyMissing', {
        file: f.file,
        gap: 'noSurveyFile',
        unit: unit.name,
        unitCode: unit.code,
      }),
    });
  }
}

/**
 * The survey is matched against EVERY unit read from a file — not only the accepted ones — so a
 * row for a unit whose file was rejected is not reported as "matches no unit"; it is reported as
 * what it is. Points are then kept for accepted units only.
 */
function importSurveyForRecords(
  records: FileRecord[],
  framework: Framework,
  survey: NonNullable<FinishOptions['survey']>,
  keyOf: (u: UnitRef) => string,
) {
  const seen = new Map<string, { unit: SurveyUnit; statuses: Set<string> }>();
  for (const f of records) {
    if (!f.unit || f.status === 'unreadable') continue;
    const id = identity(f.unit);
    const known = seen.get(id);
    if (known) known.statuses.add(f.status);
    else
      seen.set(id, {
        unit: { code: f.unit.code.trim() || null, name: f.unit.name, group: f.unit.group },
        statuses: new Set([f.status]),
      });
  }
  const imported = importSurveyRows(
    survey.rows,
    framework,
    [...seen.values()].map((s) => s.unit),
    survey.options,
  );
  const acceptedKeys = new Set(
    records.filter((f) => f.status === 'accepted' && f.unit).map((f) => keyOf(f.unit as UnitRef)),
  );
  for (const { unit, statuses } of seen.values()) {
    const key = unit.code ?? unit.name;
    if (acceptedKeys.has(key)) continue;
    delete imported.points[key];
    const row = imported.matched.find((m) => m.unit === key);
    if (row) {
      const why = statuses.has('duplicate') ? 'có nhiều tệp trùng nhau' : 'có tệp bị từ chối';
      imported.issues.push({
        severity: 'warning',
        cell: '',
        message: `Dòng ${row.row} (${row.name}): đơn vị "${unit.name}" ${why} nên chưa được xếp hạng; số liệu điều tra của dòng này chưa dùng.`,
      });
    }
  }
  imported.unitsWithoutSurvey = imported.unitsWithoutSurvey.filter((k) => acceptedKeys.has(k));
  return imported;
}

/**
 * Previous results re-keyed to the current units (code, then normalised name), so the ranking
 * engine's exact lookup finds them. Rows that match no current unit are reported, not guessed.
 */
export function matchPrevious(
  previous: PreviousResult[],
  inputs: RankInput[],
  warnings: string[],
): PreviousResult[] {
  const index = buildUnitIndex(inputs.map((i) => ({ code: i.code ?? null, name: i.unit, input: i })));
  const out: PreviousResult[] = [];
  const unmatched: string[] = [];
  for (const p of previous) {
    const m = matchUnit({ code: p.code, name: p.unit }, index);
    if (!m.unit) {
      unmatched.push(p.unit || p.code || '?');
      continue;
    }
    out.push({ ...p, unit: m.unit.input.unit, code: m.unit.input.code, group: m.unit.input.group });
  }
  if (unmatched.length) {
    warnings.push(
      `Kết quả kỳ trước: ${unmatched.length} đơn vị không khớp đơn vị nào hiện nay (${unmatched.slice(0, 5).join('; ')}${unmatched.length > 5 ? '; …' : ''}).`,
    );
  }
  return out;
}
