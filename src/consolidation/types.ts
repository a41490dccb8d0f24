/**
 * Shapes of consolidation: returned workbooks in, a status per file and a ranking out. The JSON of
 * `cchc consolidate --json` (DESIGN.md) is a projection of `ConsolidationResult`.
 */
import type { Framework } from '../framework/schema';
import type { NodeTotals, RankedUnit, UnitRef } from '../scoring/types';
import type { TemplateReading } from '../workbook/open-template';
import type { SurveyImport } from './survey';
import type { KeptValues } from './kept-values';

/** One returned file. `bytes` may be lazy so a caller never holds more than one file's bytes. */
export interface IncomingFile {
  /** Shown in every message (a path relative to what the user gave, or the browser file name). */
  name: string;
  /** Size in bytes when known up front: an over-size file is refused without being read. */
  size?: number;
  bytes: Uint8Array | (() => Promise<Uint8Array>);
}

/**
 * What the xlsx side tells the core about one file's bytes: the template reader's answer
 * (src/workbook/open-template.ts, the same type src/xlsx/read-template.ts returns), or the zip
 * guard's refusal before it. The refusal's reason is src/xlsx/zip-guard.ts's `ZipRefusal`, which
 * this pure layer cannot import, hence `string`.
 */
export type WorkbookReading = TemplateReading | { ok: false; reason: string; message: string };

/**
 * The xlsx side, injected so the core stays pure and runs in Node and in the browser
 * (src/xlsx/returned-workbook.ts provides the real one).
 */
export interface WorkbookReader {
  /** A refusal (reason, message) when a file of this size must not even be read, else null. */
  checkSize(size: number): { reason: string; message: string } | null;
  read(bytes: Uint8Array, fileName: string): Promise<WorkbookReading>;
  /**
   * SHA-256 of the bytes as lowercase hex, by the platform (Node's crypto in the CLI: 0.02 against
   * Web Crypto's 0.14 ms on a 36 KB file, whose promise round trip dominates); default Web Crypto.
   */
  sha256?(bytes: Uint8Array): string | Promise<string>;
}

export type FileStatus = 'accepted' | 'rejected' | 'duplicate' | 'unreadable';

/** One finding on a file, in the shape of `cchc validate --json`. */
export interface FileError {
  code: string;
  cell: string | null;
  rule: string;
  message: string;
  /** The facts `message` is worded from (messages.vi.ts), for the pane's locale; not in `--json`. */
  params?: object;
}

/**
 * The scores kept from an accepted file (kept-entries.ts): per leaf code, self, appraisal and
 * round-2 appraisal as numbers (NaN empty, +Infinity not a number), no evidence text.
 */
export interface KeptEntries {
  codes: readonly string[];
  /** 3 per code, in `codes` order, stored as kept-values.ts says (read them with keptValue). */
  values: KeptValues;
}

/** Kept scores moved into the run's ScoreStore (score-store.ts): `at` is their handle there. */
export interface StoredEntries {
  codes: readonly string[];
  at: number;
}

export interface FileRecord {
  file: string;
  status: FileStatus;
  unit: UnitRef | null;
  errors: FileError[];
  warnings: FileError[];
  sha256: string | null;
  size: number | null;
  /** From `_meta` (generatedAt), when readable. */
  generatedAt: string | null;
  frameworkId: string | null;
  /**
   * Only for accepted files, until they are ranked: what the totals are computed from once survey
   * data is in. As read (a `--jobs` worker's records, the campaign's), or moved into the run's
   * ScoreStore by the use case.
   */
  entries?: KeptEntries | StoredEntries;
}

export interface LeafDetail {
  code: string;
  self: number | null;
  appraisal: number | null;
  /** What counts: the survey points for survey leaves; else appraisal where given, else self. */
  final: number | null;
}

/** A unit's totals as its detail keeps them: `nodes` holds its lĩnh vực (the tree's top level) only. */
export type UnitTotals = NodeTotals & { nodes: Record<string, NodeTotals> };

export interface UnitDetail {
  key: string;
  unit: UnitRef;
  file: string;
  totals: UnitTotals;
  leaves: LeafDetail[];
  hasSurvey: boolean;
}

export interface ConsolidationProgress {
  done: number;
  /** Known when the caller said how many files there are. */
  total: number | null;
  file: string;
  status: FileStatus;
  elapsedMs: number;
}

export interface ConsolidationResult {
  framework: Framework | null;
  units: RankedUnit[];
  files: FileRecord[];
  details: UnitDetail[];
  /** Per unit key (code, else name) and field code: the field's total points. */
  fieldTotals: Record<string, Record<string, number>>;
  survey: SurveyImport | null;
  /** Whole-run notes (Vietnamese): units without survey data, previous ranking not matched, … */
  warnings: string[];
}
