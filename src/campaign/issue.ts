/**
 * Issuing a workbook to a unit for a stage: the form (who writes what, the registered values
 * shown locked), the `_meta` rows with the authentication code, and the register record. A council
 * or response workbook is made from the unit's accepted file of the stage before; a new issue for
 * the same unit and stage replaces the previous one (whose files then no longer count).
 */
import type { Framework } from '../framework/schema';
import { SELF_TEXT_FIELDS } from '../scoring/entry-fields';
import type { LeafEntry } from '../scoring/types';
import type { WorkbookForm } from '../workbook/forms';
import { authCode, type AuthFields } from './auth';
import type { Issued, Register, RegisterUnit } from './register';
import type { CampaignKeys } from './receive';
import { formFor } from './receive';
import type { Receipt } from './register';
import { acceptedReceipt, currentIssue, deadlineFor, deadlineText, findUnit, isAfter } from './state';
import { FALLBACK_SOURCE_STAGE, SOURCE_STAGE, STAGES, type StageId } from './stages';

export interface IssuePlan {
  unit: RegisterUnit;
  stage: StageId;
  round: number;
  form: WorkbookForm;
  /** The accepted file it is made from (its stored copy holds the evidence text). */
  source: { seq: number; storedAs: string | null; sha256: string } | null;
  campaignMeta: Record<
    'workbookKind' | 'campaignId' | 'stage' | 'round' | 'sourceSha256' | 'authCode',
    string
  >;
  authCode: string;
  /** Made from the fallback source stage (round 2 without giải trình). */
  withoutSource: boolean;
}

export interface IssueOptions {
  /** The instant of issue: decides whether the source stage's deadline has passed. */
  now?: string;
  /** The Sở goes ahead without the source stage's file (round 2 without giải trình). */
  withoutSource?: boolean;
}

export type SourceChoice =
  { ok: true; receipt: Receipt | undefined; fallback: boolean } | { ok: false; message: string };

/**
 * The accepted file a stage's workbook is made from: the source stage's, else — for thẩm định
 * lần 2 — the round-1 appraisal, when the unit's giải trình deadline has passed with nothing
 * received or pending, or when the Sở asks for it explicitly.
 */
export function chooseSource(
  register: Register,
  unit: RegisterUnit,
  stage: StageId,
  options: IssueOptions = {},
): SourceChoice {
  const sourceStage = SOURCE_STAGE[stage];
  if (!sourceStage) return { ok: true, receipt: undefined, fallback: false };
  const own = acceptedReceipt(register, unit.code, sourceStage);
  if (own) return { ok: true, receipt: own, fallback: false };
  const info = STAGES[stage];
  const missing = `${unit.name}: chưa có tệp "${STAGES[sourceStage].name}" được chấp nhận, nên chưa phát được phiếu "${info.name}".`;
  const fallbackStage = FALLBACK_SOURCE_STAGE[stage];
  const fallback = fallbackStage ? acceptedReceipt(register, unit.code, fallbackStage) : undefined;
  if (!fallbackStage || !fallback) return { ok: false, message: missing };
  const pending = register.receipts.some(
    (r) => r.status === 'late-pending' && r.stage === sourceStage && r.unit === unit.code,
  );
  if (pending)
    return {
      ok: false,
      message: `${missing} Đơn vị có tệp "${STAGES[sourceStage].name}" nộp muộn đang chờ quyết định: cchc campaign accept-late SỐ hoặc refuse-late SỐ trước.`,
    };
  const deadline = deadlineFor(register, unit.code, sourceStage);
  const sent = currentIssue(register, unit.code, sourceStage);
  const expired = deadline !== null && options.now !== undefined && isAfter(options.now, deadline);
  if (options.withoutSource || (sent && expired)) return { ok: true, receipt: fallback, fallback: true };
  if (!sent)
    return {
      ok: false,
      message: `${missing} Chưa phát phiếu "${STAGES[sourceStage].name}" cho đơn vị: phát phiếu (cchc campaign respond), hoặc phát phiếu "${info.name}" không cần giải trình (--without-response).`,
    };
  const until = deadline ? ` (hạn ${deadlineText(deadline)})` : ' (giai đoạn này không có hạn)';
  return {
    ok: false,
    message: `${missing} Hạn "${STAGES[sourceStage].name}" chưa qua${until}: chờ đơn vị gửi, hoặc phát phiếu "${info.name}" không cần giải trình (--without-response).`,
  };
}

export type IssueRefusal = { ok: false; unit: string; message: string };

export async function planIssue(
  register: Register,
  framework: Framework,
  unitCode: string,
  stage: StageId,
  keys: CampaignKeys,
  options: IssueOptions = {},
): Promise<({ ok: true } & IssuePlan) | IssueRefusal> {
  const unit = findUnit(register, unitCode);
  if (!unit)
    return { ok: false, unit: unitCode, message: `Không có đơn vị mã "${unitCode}" trong đợt đánh giá.` };
  const info = STAGES[stage];
  if (!info.kind)
    return { ok: false, unit: unit.code, message: `Giai đoạn "${info.name}" không có phiếu để phát.` };
  const choice = chooseSource(register, unit, stage, options);
  if (!choice.ok) return { ok: false, unit: unit.code, message: choice.message };
  const source = choice.receipt;
  const round = info.round ?? 1;
  const fields: AuthFields = {
    campaign: register.campaign.id,
    unit: unit.code,
    stage,
    round,
    frameworkFingerprint: register.campaign.framework.fingerprint,
    sourceSha256: source?.sha256 ?? '',
  };
  const code = await authCode(keys.hmac, keys.key, fields);
  return {
    ok: true,
    unit,
    stage,
    round,
    form: formFor(register, framework, unit.code, stage),
    source: source ? { seq: source.seq, storedAs: source.storedAs, sha256: source.sha256 } : null,
    campaignMeta: {
      workbookKind: info.kind,
      campaignId: register.campaign.id,
      stage,
      round: String(round),
      sourceSha256: fields.sourceSha256,
      authCode: code,
    },
    authCode: code,
    withoutSource: choice.fallback,
  };
}

/** Adds the text the unit wrote (evidence, explanation) from its stored file to the form's values. */
export function withTexts(form: WorkbookForm, texts: Record<string, LeafEntry>): WorkbookForm {
  const values: Record<string, LeafEntry> = { ...(form.values ?? {}) };
  for (const [code, e] of Object.entries(texts)) {
    const keep: LeafEntry = {};
    for (const f of SELF_TEXT_FIELDS) if (typeof e[f] === 'string' && e[f] !== '') keep[f] = e[f];
    values[code] = { ...keep, ...values[code] };
  }
  return { ...form, values };
}

/** Records an issued workbook; an earlier issue of the same unit and stage is superseded. */
export function recordIssue(register: Register, plan: IssuePlan, file: string, issuedAt: string): Register {
  const next = structuredClone(register);
  for (const i of next.issued) if (i.unit === plan.unit.code && i.stage === plan.stage) i.superseded = true;
  const record: Issued = {
    unit: plan.unit.code,
    stage: plan.stage,
    round: plan.round,
    file,
    issuedAt,
    sourceSha256: plan.source?.sha256 ?? null,
    authCode: plan.authCode,
    superseded: false,
    withoutSource: plan.withoutSource,
  };
  next.issued.push(record);
  return next;
}
