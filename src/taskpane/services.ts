/**
 * What the panels need from the rest of the product, as one interface. The panels never import
 * the Excel adapter, exceljs or the consolidation core themselves: `office-services.ts` implements
 * this over them (loading the .xlsx code lazily), and component tests pass their own
 * implementation. Keeping this seam is what lets the first paint stay small.
 */
import type { ReceiptStatus } from '../campaign/register';
import type { WorkbookKind } from '../campaign/stages';
import type { StageState } from '../campaign/status';
import type { FileStatus } from '../consolidation/types';
import type { FrameworkProblem } from '../framework/errors';
import type { Framework } from '../framework/schema';
import type { FrameworkCounts, FrameworkPoints, FrameworkSummary } from '../framework/summary';
import type { NodeTotals, Problem, RankedUnit, UnitRef } from '../scoring/types';

// The domain's types, re-exported under the names the panels already use (one source per fact).
export type { FileStatus };
export type CampaignStageState = StageState;

/**
 * A framework problem as the pane lists it: the check's code and Vietnamese sentence, with its key
 * and facts so another locale can word it (problem-text.ts).
 */
type ProblemLine = Pick<FrameworkProblem, 'code' | 'rule' | 'message' | 'params'>;

/** A file the user chose or dropped; bytes are read only when needed, one file at a time. */
export interface PickedFile {
  name: string;
  size: number;
  /** File.lastModified (ms): orders two returns of one unit in a campaign. */
  lastModified?: number;
  bytes(): Promise<Uint8Array>;
}

/** The framework's summary (`cchc frameworks`), plus what the pane's choice shows. */
export interface FrameworkChoice extends FrameworkSummary {
  /** Imported in this add-in (kept in the browser's storage), not built in. */
  imported: boolean;
  legalBasis: Pick<Framework['legalBasis'], 'number' | 'date'>;
  /** Problems of the framework checks; a framework with any cannot make templates. */
  problems: ProblemLine[];
}

/** What an appendix table does not say about its framework, asked in the import form. */
export interface FrameworkMetaForm {
  title: string;
  year: number;
  /** so, huyen, xa, bo, tinh. */
  level: string;
  decisionNumber: string;
  /** ISO date "2024-03-01". */
  decisionDate: string;
  status: Framework['status'];
  /** Unit group names, e.g. ["Sở, ban, ngành", "UBND cấp huyện"]. */
  groups: string[];
  /** Survey source names, e.g. ["SIPAS"]; empty when the table has no survey leaves. */
  surveySources: string[];
}

export interface FrameworkImportResult {
  fileName: string;
  /** Null when the table could not be turned into a framework at all. */
  framework: Framework | null;
  /** Rows the importer could not understand (1-based row numbers of the table). */
  rowProblems: { row: number; message: string }[];
  /** Problems found by the framework checks on what was imported. */
  checkProblems: ProblemLine[];
  /** Rows skipped on purpose and defaults the importer applied: for the user to confirm. */
  notes: { row: number; message: string }[];
  counts: FrameworkCounts | null;
  points: FrameworkPoints | null;
}

export type TemplateResult =
  | { kind: 'excel'; unit: string }
  | { kind: 'zip'; count: number; fileName: string }
  /** Excel could not open it (no ExcelApi 1.8): the file was downloaded; `why` says so. */
  | { kind: 'download'; unit: string; fileName: string; why: string };

/** The workbook's totals as the scoring engine gives them (scoring/types.ts), plus what the pane shows. */
export interface TotalsView extends Omit<NodeTotals, 'code'> {
  /** How many leaves still wait for an appraisal score. */
  notYetAppraised: number;
  /** Whether any leaf has an appraisal score yet; without one "Thẩm định" is not a figure to show. */
  anyAppraised: boolean;
}

export type CheckState =
  /** `unknownFramework`: one of our templates, made from a framework this add-in does not have. */
  | { kind: 'notTemplate'; reason: string; unknownFramework?: boolean }
  | {
      kind: 'checked';
      unit: UnitRef;
      groupName: string;
      framework: Pick<Framework, 'id' | 'title' | 'status'>;
      /** Field (lĩnh vực) codes and names in tree order, to group problems. */
      fields: { code: string; name: string }[];
      problems: Problem[];
      totals: TotalsView;
      checkedAt: Date;
    };

export interface SurveyPreview {
  fileName: string;
  /** Which units the file was matched against. */
  against: { kind: 'consolidation'; count: number } | { kind: 'open'; unit: string } | { kind: 'none' };
  matched: { unit: string; row: number; name: string; values: { label: string; value: string }[] }[];
  unmatched: { row: number; name: string; reason?: string }[];
  withoutData: string[];
  /** Problems reading the file (sheet/cell named), shown above the preview. */
  problems: string[];
  /** Whether the open workbook has a matched unit to write. */
  canWrite: boolean;
  /** The framework's survey rounding rule in words (scoring/survey.ts surveyRoundingRule), when known. */
  roundingRule?: string | null;
}

export interface FileResultView {
  file: string;
  status: FileStatus;
  unit: string | null;
  errors: string[];
}

/** The survey file the pane holds (one per session), stamped so a result can name what it used. */
export interface SurveyInUse {
  fileName: string;
  /** Increases with every survey file loaded: two loads of the same file are two versions. */
  version: number;
}

export interface ConsolidationView {
  /** The survey the results were computed with (null: none, survey points counted as 0). */
  survey: SurveyInUse | null;
  files: FileResultView[];
  units: RankedUnit[];
  /** Ranked with survey 0 for units without survey data ("Xếp hạng khi thiếu số liệu điều tra"). */
  allowMissingSurvey: boolean;
  /** Ranked units whose survey points are a 0 nobody measured (only with allowMissingSurvey). */
  zeroSurvey: number;
  /** Group id → display name ("so" → "Sở, ban, ngành"). */
  groupNames: Record<string, string>;
}

export interface ConsolidateOptions {
  previous?: PickedFile;
  /**
   * No silent zero (as cchc consolidate): a unit without survey data, or with a rate out of range,
   * is an error of that unit unless this is set.
   */
  allowMissingSurvey?: boolean;
  onProgress(done: number, total: number, fileName: string): void;
}

/** What the Sở's campaign workbook ("Sổ tổng hợp") is asked to create. */
export interface CampaignForm {
  title: string;
  frameworkId: string;
  /** One unit per line, "mã; tên; nhóm" (a code is required: the campaign names files by it). */
  unitsText: string;
  /** Deadline of chốt điểm tự chấm, "yyyy-mm-dd", or "" for none. */
  selfDeadline: string;
}

export interface CampaignView {
  id: string;
  title: string;
  framework: string;
  /** Stage names, in the order of each unit's `stages`. */
  stageNames: string[];
  /** Stage ids in the same order ("tu-cham"…): what reopening a stage takes. */
  stageIds: string[];
  units: {
    code: string;
    name: string;
    group: string;
    stages: { state: CampaignStageState; late: boolean; reasons: string[] }[];
  }[];
  /** Files the campaign could not tie to one of its units. */
  unmatched: { file: string; reasons: string[] }[];
  /** Units whose next council workbook can be made now, and whose response workbook. */
  ready: { appraisal: number; response: number };
  /** Late files awaiting the Sở's decision (the campaign status's pendingLate), in the order received. */
  pendingLate: PendingLateView[];
}

export interface PendingLateView {
  /** Receipt number: what the decision takes. */
  seq: number;
  unitCode: string;
  unitName: string;
  stageName: string;
  file: string;
  /** In Việt Nam's time, "06/03/2026, 01 giờ 56". */
  receivedAt: string;
  /** The deadline it missed, in words ("hết ngày 05/03/2026"), or null. */
  deadline: string | null;
}

/** What the Sở decided on one late file, as the register now has it. */
export interface LateDecisionView {
  seq: number;
  file: string;
  unitName: string;
  stageName: string;
  accepted: boolean;
  /** When, in Việt Nam's time. */
  at: string;
  note: string;
}

export interface CampaignReceipt {
  seq: number;
  file: string;
  unit: string | null;
  stage: string | null;
  status: ReceiptStatus;
  late: boolean;
  reasons: string[];
}

export interface CampaignServices {
  /** The campaign of the open workbook, or null when it is not a campaign workbook. */
  openCampaign(): Promise<CampaignView | null>;
  /** Makes the open workbook the campaign's workbook (refused when it already is one). */
  createCampaign(form: CampaignForm): Promise<CampaignView>;
  /** Registers returned files with the campaign use case (`receive`), in the order given. */
  receiveCampaignFiles(files: PickedFile[]): Promise<{ receipts: CampaignReceipt[]; view: CampaignView }>;
  /** Issues unit templates, the council's appraisal or the units' response workbooks (.zip download). */
  issueCampaignWorkbooks(
    kind: WorkbookKind,
  ): Promise<{ issued: number; refused: string[]; fileName: string | null; view: CampaignView }>;
  /**
   * The campaign's Word documents (`cchc campaign documents`): per unit with an accepted return its
   * Báo cáo tự đánh giá and Kết quả thẩm định, and the Phụ lục xếp hạng, as one .zip download with
   * the CLI's folders. `withoutReturn`: names of the units that have nothing to write yet.
   */
  downloadCampaignDocuments(): Promise<{
    documents: number;
    withoutReturn: string[];
    fileName: string | null;
  }>;
  /** The Sở's decision on a late file, receipt number `seq` (`cchc campaign accept-late|refuse-late`). */
  decideLateCampaignFile(
    seq: number,
    accept: boolean,
    note: string,
  ): Promise<{ decision: LateDecisionView; view: CampaignView }>;
  /** Reopens a stage for one unit, new deadline "yyyy-mm-dd" or null (`cchc campaign reopen`). */
  reopenCampaignStage(
    stage: string,
    unit: string,
    until: string | null,
    reason: string,
  ): Promise<CampaignView>;
}

export interface TaskpaneServices extends CampaignServices {
  listFrameworks(): Promise<FrameworkChoice[]>;
  importFramework(file: PickedFile, meta: FrameworkMetaForm): Promise<FrameworkImportResult>;
  saveImportedFramework(framework: Framework): Promise<void>;
  /** One unit: a new workbook opened in Excel. Several: a .zip of workbooks downloaded. */
  makeTemplates(frameworkId: string, units: UnitRef[]): Promise<TemplateResult>;

  check(mode: 'draft' | 'submission'): Promise<CheckState>;
  /** Calls back (debounced by the adapter) after the user edits the scoring sheet. */
  watch(onChange: () => void): Promise<() => void>;
  goToCell(address: string): Promise<void>;
  /** Fills the cells of the given problems in Excel so they stand out; returns how many. */
  highlight(cells: string[]): Promise<number>;
  /** Puts back the fills the highlight replaced. */
  clearHighlights(): Promise<number>;

  previewSurvey(file: PickedFile): Promise<SurveyPreview>;
  writeSurvey(): Promise<{ cells: number }>;
  /**
   * The survey file currently loaded (used by consolidation), if any: the one place this fact
   * lives. The same object is returned until another file is loaded (React's external-store rule).
   */
  surveyInUse(): SurveyInUse | null;
  /** Calls back whenever `surveyInUse()` changes; returns the unsubscribe function. */
  onSurveyChange(listener: () => void): () => void;

  consolidate(files: PickedFile[], options: ConsolidateOptions): Promise<ConsolidationView>;
  /** Refuses (Vietnamese error) a view computed with another survey than the one in use. */
  writeRanking(view: ConsolidationView): Promise<void>;
}

/** Whether a result computed with survey `used` is still the one the pane would compute now. */
export function sameSurvey(used: SurveyInUse | null, current: SurveyInUse | null): boolean {
  return (used?.version ?? 0) === (current?.version ?? 0);
}

/**
 * The survey-in-use store the services implementations share: one value, listeners told on change.
 */
export function surveyStore(): {
  get(): SurveyInUse | null;
  set(fileName: string | null): SurveyInUse | null;
  subscribe(listener: () => void): () => void;
} {
  let current: SurveyInUse | null = null;
  let version = 0;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(fileName) {
      current = fileName === null ? null : { fileName, version: ++version };
      for (const l of [...listeners]) l();
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** Wraps a browser File so its bytes are read only when asked. */
export function pickedFromFile(file: File): PickedFile {
  return {
    name: file.name,
    size: file.size,
    lastModified: file.lastModified,
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
  };
}
