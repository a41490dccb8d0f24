/**
 * Issuing a workbook to a unit for a stage: the form (who writes what, the registered values
 * shown locked), the `_meta` rows with the authentication code, and the register record. A council
 * or response workbook is made from the unit's accepted file of the stage before; a new issue for
 * the same unit and stage replaces the previous one (whose files then no longer count).
 */
import type { Framework } from '../framework/schema';
import type { LeafEntry } from '../scoring/types';
import type { WorkbookForm } from '../workbook/forms';
import { authCode, type AuthFields } from './auth';
import type { Issued, Register, RegisterUnit } from './register';
import type { CampaignKeys } from './receive';
import { formFor } from './receive';
import { acceptedReceipt, findUnit } from './state';
import { SOURCE_STAGE, STAGES, type StageId } from './stages';

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
}

export type IssueRefusal = { ok: false; unit: string; message: string };

export async function planIssue(
  register: Register,
  framework: Framework,
  unitCode: string,
  stage: StageId,
  keys: CampaignKeys,
): Promise<({ ok: true } & IssuePlan) | IssueRefusal> {
  const unit = findUnit(register, unitCode);
  if (!unit)
    return { ok: false, unit: unitCode, message: `Không có đơn vị mã "${unitCode}" trong đợt đánh giá.` };
  const info = STAGES[stage];
  if (!info.kind)
    return { ok: false, unit: unit.code, message: `Giai đoạn "${info.name}" không có phiếu để phát.` };
  const sourceStage = SOURCE_STAGE[stage];
  const source = sourceStage ? acceptedReceipt(register, unit.code, sourceStage) : undefined;
  if (sourceStage && !source) {
    return {
      ok: false,
      unit: unit.code,
      message: `${unit.name}: chưa có tệp "${STAGES[sourceStage].name}" được chấp nhận, nên chưa phát được phiếu "${info.name}".`,
    };
  }
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
  };
}

/** Adds the text the unit wrote (evidence, explanation) from its stored file to the form's values. */
export function withTexts(form: WorkbookForm, texts: Record<string, LeafEntry>): WorkbookForm {
  const values: Record<string, LeafEntry> = { ...(form.values ?? {}) };
  for (const [code, e] of Object.entries(texts)) {
    const keep: LeafEntry = {};
    for (const f of ['evidence', 'explanation', 'appraisalComment', 'appraisal2Comment'] as const)
      if (typeof e[f] === 'string' && e[f] !== '') keep[f] = e[f];
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
  };
  next.issued.push(record);
  return next;
}
