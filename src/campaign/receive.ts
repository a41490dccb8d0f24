/**
 * Receiving one file into the register: the trust rules of DESIGN.md "Who may write what".
 * - A unit's self-assessment return must have every council cell (appraisal, comments, bonus and
 *   deduction) empty; otherwise it is rejected and none of its data is used.
 * - A council (appraisal) workbook counts only when its `_meta` authentication code verifies, it is
 *   the workbook currently issued for that unit and stage, and its self scores still equal the
 *   registered return.
 * - A response workbook (giải trình) lets the unit write explanation and evidence only; a changed
 *   score in it is tampering.
 * - Files after a stage's deadline are kept and flagged "nộp muộn" until the Sở decides.
 * - Of two valid returns of a unit for a stage, the one with the later file time counts (so the
 *   result does not depend on the order files were received in); an identical file is a duplicate.
 * Pure: the caller reads the bytes (through the same `WorkbookReader` consolidation uses) and
 * stores the copy; this module decides and records.
 */
import { codeKey } from '../consolidation/match';
import { FILE_KEY_OF_REASON, type FileProblemKey } from '../consolidation/problem-keys';
import type { CampaignProblemKey } from './problem-keys';
import { campaignMessage, type CampaignParams } from './messages.vi';
import type { WorkbookReading } from '../consolidation/types';
import type { Framework } from '../framework/schema';
import { appliesTo, leaves } from '../framework/tree';
import { leafKind } from '../scoring/leaf';
import { readScore } from '../scoring/read';
import type { EntryField, Problem } from '../scoring/types';
import { validateScoresheet } from '../scoring/validate';
import {
  foreignWrites,
  openFields,
  UNIT_FORM,
  type ForeignWrite,
  type WorkbookForm,
} from '../workbook/forms';
import { META_KEYS } from '../workbook/layout';
import { verifyAuthCode, type HmacSha256 } from './auth';
import { RECEIPT_STATUS_TEXT, type Reason, type Receipt, type Register, type ScoreChange } from './register';
import {
  countingValue,
  currentIssue,
  deadlineFor,
  findUnit,
  isAfter,
  registeredEntries,
  stageClosedBy,
} from './state';
import { STAGES, isStageId, type StageId } from './stages';

export interface IncomingReturn {
  name: string;
  sha256: string;
  size: number;
  receivedAt: string;
  /** The file's own modification time; orders two returns of one unit. */
  fileTime: string | null;
  reading: WorkbookReading;
}

export interface CampaignKeys {
  key: Uint8Array;
  hmac: HmacSha256;
}

/** The decision on one file, before it gets its sequence number. */
export type Judgement = Omit<Receipt, 'seq' | 'storedAs'> & {
  /** Whether the caller must keep a copy of the file in the campaign folder. */
  keep: boolean;
};

function reason(
  rule: CampaignProblemKey | FileProblemKey,
  message: string,
  cell: string | null = null,
): Reason {
  return { rule, message, cell };
}

/** A campaign reason worded from its facts (messages.vi.ts), which it keeps. */
function said<K extends CampaignProblemKey>(
  rule: K,
  params: CampaignParams[K],
  cell: string | null = null,
): Reason {
  return { ...campaignMessage(rule, params), cell };
}

/** The form a stage's workbook was issued with (values = what the register holds before it). */
export function formFor(
  register: Register,
  framework: Framework,
  unit: string,
  stage: StageId,
): WorkbookForm {
  const info = STAGES[stage];
  if (info.kind === 'unit' || info.kind === null) return UNIT_FORM;
  const values = registeredEntries(register, framework, unit, stage);
  if (info.kind === 'response') return { kind: 'response', values };
  return { kind: 'appraisal', column: info.column ?? 'appraisal', leaves: info.leaves ?? 'score', values };
}

/** The scores a file brings: the fields its form opens, per leaf. */
function scoresOf(
  framework: Framework,
  form: WorkbookForm,
  entries: Record<string, Partial<Record<EntryField, unknown>>>,
  group: string,
): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const leaf of leaves(framework)) {
    if (leafKind(leaf) === 'survey') continue;
    if (!appliesTo(leaf, group)) continue;
    for (const field of openFields(form, leaf)) {
      if (field !== 'self' && field !== 'appraisal' && field !== 'appraisal2') continue;
      const v = readScore(entries[leaf.code]?.[field] as never).value;
      (out[field] ??= {})[leaf.code] = v;
    }
  }
  return out;
}

function foreignReason(
  kind: 'unit' | 'appraisal' | 'response',
  w: ForeignWrite,
  cell: string | null,
): Reason {
  const at = { code: w.code, field: w.field, cell };
  if (kind === 'unit') return said('trust.unitWroteCouncilCell', { ...at, value: w.value }, cell);
  const facts = { ...at, value: w.value, expected: w.expected };
  if (kind === 'response') return said('trust.tampering', facts, cell);
  return said(w.field === 'self' ? 'trust.selfScoreChanged' : 'trust.lockedCellChanged', facts, cell);
}

function problemReason(p: Problem): Reason {
  return { rule: p.rule, message: p.message, cell: p.cell ?? null };
}

/** Decides on one file against the register. Never throws for bad input. */
export async function judgeReturn(
  register: Register,
  framework: Framework,
  file: IncomingReturn,
  keys: CampaignKeys,
): Promise<Judgement> {
  const j = newJudgement(file);
  const reject = (...reasons: Reason[]) => {
    j.status = 'rejected';
    j.reasons.push(...reasons);
    return j;
  };
  const same = register.receipts.find((r) => r.sha256 === file.sha256);
  if (same) return duplicateOf(j, same, file);
  const { reading } = file;
  if (!reading.ok) {
    j.status = 'unreadable';
    j.reasons.push(reason(FILE_KEY_OF_REASON[reading.reason] ?? 'file.unreadable', reading.message));
    return j;
  }
  const found = identify(register, file, reading, j);
  if ('rule' in found) return reject(found);
  const { unit, kind, stage } = found;
  j.stage = stage;
  j.round = STAGES[stage].round;

  const refused =
    (kind !== 'unit' ? await councilTrust(register, file, reading.meta, unit, stage, keys) : null) ??
    closedStage(register, file, unit, stage);
  if (refused) return reject(refused);

  const sheet = reading.scoresheet;
  const form = formFor(register, framework, unit.code, stage);
  const wrong = contentReasons(framework, file, reading, kind, form);
  if (wrong.length) return reject(...wrong);

  j.scores = kind === 'response' ? null : scoresOf(framework, form, sheet.entries, unit.group);
  j.keep = true;
  const deadline = deadlineFor(register, unit.code, stage);
  if (deadline && isAfter(file.receivedAt, deadline)) {
    j.late = true;
    j.status = 'late-pending';
    j.reasons.push(said('stage.late', { file: file.name, receivedAt: file.receivedAt, stage, deadline }));
    return j;
  }
  j.status = 'accepted';
  return j;
}

function newJudgement(file: IncomingReturn): Judgement {
  return {
    sha256: file.sha256,
    file: file.name,
    size: file.size,
    receivedAt: file.receivedAt,
    fileTime: file.fileTime,
    stage: null,
    round: null,
    unit: null,
    status: 'rejected',
    reasons: [],
    late: false,
    scores: null,
    decision: null,
    keep: false,
  };
}

/** The same bytes were received before: recorded as a duplicate of that receipt, nothing else. */
function duplicateOf(j: Judgement, same: Receipt, file: IncomingReturn): Judgement {
  j.status = 'duplicate';
  j.unit = same.unit;
  j.stage = same.stage;
  j.round = same.round;
  j.reasons.push(
    reason(
      'file.duplicate',
      `"${file.name}" giống hệt tệp "${same.file}" đã nhận (lần nhận số ${same.seq}); không ghi nhận thêm.`,
    ),
  );
  return j;
}

type ReadWorkbook = Extract<WorkbookReading, { ok: true }>;
type WorkbookKind = 'unit' | 'appraisal' | 'response';
type CampaignUnit = NonNullable<ReturnType<typeof findUnit>>;

/**
 * Whose file it is and for what: the campaign's framework and campaign, one of its units, a known
 * kind of workbook and a stage of that kind. Sets the judgement's unit as soon as it is known (a
 * refused file is still filed under its unit).
 */
function identify(
  register: Register,
  file: IncomingReturn,
  reading: ReadWorkbook,
  j: Judgement,
): { unit: CampaignUnit; kind: WorkbookKind; stage: StageId } | Reason {
  const meta = reading.meta;
  const unitCode = (meta[META_KEYS.unitCode] ?? '').trim();
  const unit = findUnit(register, unitCode);
  j.unit = unit?.code ?? (unitCode || null);
  const fingerprint = register.campaign.framework.fingerprint;
  if (
    reading.framework.id !== register.campaign.framework.id ||
    meta[META_KEYS.frameworkFingerprint] !== fingerprint
  ) {
    return said('campaign.otherFramework', {
      file: file.name,
      fileFramework: meta[META_KEYS.frameworkId] ?? null,
      fileFingerprint: meta[META_KEYS.frameworkFingerprint] ?? null,
      framework: register.campaign.framework.id,
      fingerprint,
    });
  }
  const campaignId = meta[META_KEYS.campaignId] ?? '';
  if (campaignId && campaignId !== register.campaign.id) {
    return said(
      'campaign.otherCampaign',
      { file: file.name, fileCampaign: campaignId, campaign: register.campaign.id },
      metaCell(META_KEYS.campaignId),
    );
  }
  if (!unit) {
    return said('campaign.unknownUnit', {
      file: file.name,
      unitCode,
      unitName: meta[META_KEYS.unitName] ?? null,
    });
  }
  const kind = meta[META_KEYS.workbookKind] || 'unit';
  if (kind !== 'unit' && kind !== 'appraisal' && kind !== 'response') {
    return said('campaign.unknownKind', { file: file.name, kind });
  }
  if (kind === 'unit') return { unit, kind, stage: 'tu-cham' };
  const s = meta[META_KEYS.stage] ?? '';
  if (!isStageId(s) || STAGES[s].kind !== kind)
    return said('trust.authCode', { file: file.name, why: 'stage', stage: s, kind });
  return { unit, kind, stage: s };
}

const metaCell = (k: string) => `_meta!${k}`;

/**
 * A workbook the campaign issued (appraisal, response): its _meta's HMAC must verify with the
 * campaign's key, and it must be the unit's current issue of that stage (not an older one).
 */
async function councilTrust(
  register: Register,
  file: IncomingReturn,
  meta: Record<string, string>,
  unit: CampaignUnit,
  stage: StageId,
  keys: CampaignKeys,
): Promise<Reason | null> {
  const code = meta[META_KEYS.authCode] ?? '';
  const round = Number(meta[META_KEYS.round] ?? '');
  const ok =
    code !== '' &&
    Number.isInteger(round) &&
    (await verifyAuthCode(
      keys.hmac,
      keys.key,
      {
        campaign: register.campaign.id,
        unit: (meta[META_KEYS.unitCode] ?? '').trim(),
        stage,
        round,
        frameworkFingerprint: meta[META_KEYS.frameworkFingerprint] ?? '',
        sourceSha256: meta[META_KEYS.sourceSha256] ?? '',
      },
      code,
    ));
  if (!ok) {
    return said('trust.authCode', { file: file.name, why: 'mismatch' }, metaCell(META_KEYS.authCode));
  }
  const issue = register.issued.find((i) => i.authCode === code);
  const current = currentIssue(register, unit.code, stage);
  if (!issue || !current || issue !== current) {
    return said('trust.notCurrentIssue', {
      file: file.name,
      stage,
      unit: unit.name,
      current: current?.file ?? null,
    });
  }
  return null;
}

/** A stage closed by the next stage's issue takes no more files until it is reopened. */
function closedStage(
  register: Register,
  file: IncomingReturn,
  unit: CampaignUnit,
  stage: StageId,
): Reason | null {
  const closedBy = stageClosedBy(register, unit.code, stage);
  if (!closedBy) return null;
  return said('stage.closed', {
    file: file.name,
    stage,
    unit: unit.name,
    unitCode: unit.code,
    closedBy: closedBy.stage,
    issuedAt: closedBy.issuedAt,
  });
}

/**
 * What the file's cells say: values in cells its writer may not write (a unit's file with any is
 * refused whole), then the template's structure and the submission rules. A council workbook is
 * judged on what the council writes; the unit's own cells were checked when its return was
 * accepted (and equal the register, checked by foreignWrites).
 */
function contentReasons(
  framework: Framework,
  file: IncomingReturn,
  reading: ReadWorkbook,
  kind: WorkbookKind,
  form: ReturnType<typeof formFor>,
): Reason[] {
  const sheet = reading.scoresheet;
  const cellOf = (code: string, field: EntryField) => sheet.cells?.[code]?.[field] ?? null;
  const foreign = foreignWrites(framework, sheet, form);
  if (foreign.length) {
    const reasons = foreign.map((w) => foreignReason(kind, w, cellOf(w.code, w.field)));
    if (kind === 'unit') reasons.push(said('trust.rejectedWhole', { file: file.name }));
    return reasons;
  }
  const problems = [
    ...reading.structureProblems,
    ...validateScoresheet(framework, sheet, { mode: 'submission' }),
  ];
  const errors = problems.filter((p) => p.severity === 'error' && (kind === 'unit' || p.field !== 'self'));
  return errors.map(problemReason);
}

function later(a: Pick<Receipt, 'fileTime' | 'receivedAt' | 'sha256'>, b: typeof a): boolean {
  const ta = a.fileTime ?? a.receivedAt;
  const tb = b.fileTime ?? b.receivedAt;
  if (ta !== tb) return Date.parse(ta) > Date.parse(tb);
  return a.sha256 > b.sha256;
}

/** Score changes a receipt brings against what the register held for its unit before it. */
function changesOf(
  register: Register,
  framework: Framework,
  receipt: Receipt,
  previous: Receipt | undefined,
): ScoreChange[] {
  if (!receipt.scores || !receipt.stage || !receipt.unit) return [];
  const out: ScoreChange[] = [];
  const stage = receipt.stage;
  const info = STAGES[stage];
  const who = info.writer === 'council' ? `Hội đồng thẩm định lần ${info.round}` : 'Đơn vị';
  const before = registeredEntries(register, framework, receipt.unit, stage);
  for (const [field, scores] of Object.entries(receipt.scores)) {
    for (const [leaf, value] of Object.entries(scores)) {
      // First return: nothing to change from. Later: the previous return of the stage, or the
      // value that counted before this stage (self before round 1, round 1 before round 2).
      let old: number | null;
      if (stage === 'tu-cham') {
        if (!previous) continue;
        old = previous.scores?.self?.[leaf] ?? null;
      } else old = previous?.scores?.[field]?.[leaf] ?? countingValue(before[leaf]);
      if (old === value) continue;
      out.push({
        unit: receipt.unit,
        leaf,
        stage,
        who,
        old,
        new: value,
        receipt: receipt.seq,
        at: receipt.receivedAt,
      });
    }
  }
  return out;
}

/**
 * Makes a receipt the one that counts for its unit and stage, or records why it does not: the
 * accepted receipt with the later file time wins; the other is marked superseded.
 */
function activate(register: Register, framework: Framework, receipt: Receipt, at: string): void {
  if (!receipt.unit || !receipt.stage) return;
  const unit = receipt.unit;
  const current = register.receipts.find(
    (r) => r !== receipt && r.status === 'accepted' && r.stage === receipt.stage && sameUnit(r.unit, unit),
  );
  if (current && !later(receipt, current)) {
    receipt.status = 'superseded';
    receipt.decision = {
      at,
      by: 'cchc',
      note: `Cũ hơn tệp "${current.file}" (lần nhận số ${current.seq}) đã nhận; tệp đó được dùng.`,
    };
    return;
  }
  const changes = changesOf(register, framework, receipt, current);
  if (current) {
    current.status = 'superseded';
    current.decision = {
      at,
      by: 'cchc',
      note: `Thay bằng tệp mới hơn "${receipt.file}" (lần nhận số ${receipt.seq}).`,
    };
  }
  receipt.status = 'accepted';
  register.changes.push(...changes);
}

/** Appends a judged file to the register IN PLACE (a batch works on its own copy). */
export function appendReceipt(
  register: Register,
  framework: Framework,
  judgement: Judgement,
  storedAs: string | null,
): Receipt {
  const { keep: _keep, ...fields } = judgement;
  const receipt: Receipt = { ...fields, seq: register.receipts.length + 1, storedAs };
  register.receipts.push(receipt);
  if (receipt.status === 'accepted') activate(register, framework, receipt, receipt.receivedAt);
  return receipt;
}

/** The Sở's explicit decision on a late file: accept (it then counts like any return) or refuse. */

/**
 * A late file's reason without "chờ Sở quyết định: cchc campaign …": for a file already decided,
 * and in the pane, which offers the decision itself. The register keeps the reason as written.
 */
export function lateReasonFact(message: string): string {
  return message.replace(/ Đã ghi vào sổ, chờ Sở quyết định:.*$/, '');
}

export function decideLate(
  register: Register,
  framework: Framework,
  seq: number,
  accept: boolean,
  by: string,
  note: string,
  at: string,
): { ok: true; register: Register; receipt: Receipt } | { ok: false; message: string } {
  const next = structuredClone(register);
  const receipt = next.receipts.find((r) => r.seq === seq);
  if (!receipt) return { ok: false, message: `Không có lần nhận số ${seq} trong sổ theo dõi.` };
  if (receipt.status !== 'late-pending')
    return {
      ok: false,
      message: `Lần nhận số ${seq} ("${receipt.file}") không phải tệp nộp muộn đang chờ quyết định (trạng thái: ${RECEIPT_STATUS_TEXT[receipt.status].toLowerCase()}).`,
    };
  if (accept) {
    activate(next, framework, receipt, at);
    receipt.decision =
      (receipt.status as string) === 'accepted'
        ? { at, by, note: note || 'Sở chấp nhận tệp nộp muộn.' }
        : receipt.decision;
  } else {
    receipt.status = 'late-refused';
    receipt.decision = { at, by, note: note || 'Sở không chấp nhận tệp nộp muộn.' };
  }
  return { ok: true, register: next, receipt };
}

/** Reopens a stage for one unit, with a new deadline (or none); recorded, never silent. */
export function reopenStage(
  register: Register,
  stage: StageId,
  unitCode: string,
  until: string | null,
  reasonText: string,
  at: string,
): { ok: true; register: Register } | { ok: false; message: string } {
  const unit = findUnit(register, unitCode);
  if (!unit) return { ok: false, message: `Không có đơn vị mã "${unitCode}" trong đợt đánh giá.` };
  // The register keeps why a unit was let in after the deadline, for whoever checks the campaign.
  if (!reasonText.trim())
    return { ok: false, message: 'Cần ghi lý do mở lại giai đoạn: sổ theo dõi lưu lý do này.' };
  if (STAGES[stage].kind === null)
    return { ok: false, message: `Giai đoạn "${STAGES[stage].name}" không nhận tệp nên không mở lại được.` };
  const next = structuredClone(register);
  next.reopenings.push({ stage, unit: unit.code, at, until, reason: reasonText.trim() });
  return { ok: true, register: next };
}

export function sameUnit(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && codeKey(a) === codeKey(b);
}
