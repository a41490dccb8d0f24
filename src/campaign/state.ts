/**
 * Questions asked of a register: which file counts for a unit and stage, what the registered
 * scores are, whether a stage is open for a unit, and its deadline. Pure reads; nothing here
 * changes the register.
 */
import { viDate, viDateTime } from '../common/vi-time';
import { codeKey } from '../consolidation/match';
import type { Framework, FrameworkNode } from '../framework/schema';
import { leaves } from '../framework/tree';
import { leafKind } from '../scoring/leaf';
import type { EntryField, LeafEntry } from '../scoring/types';
import type { Issued, Receipt, Register, RegisterUnit } from './register';
import { DEADLINE_OF, STAGES, STAGE_IDS, stageIndex, type StageId } from './stages';

export function findUnit(register: Register, code: string): RegisterUnit | undefined {
  const key = codeKey(code);
  return register.units.find((u) => codeKey(u.code) === key);
}

/**
 * The register cut into one register per unit (by code key): its receipts, issues and reopenings
 * only, everything else shared. Every question below filters by unit first, so asking it of the
 * unit's part gives the same answer; a status of every unit then costs one pass over the register
 * instead of one per unit and stage (1,000 units × 1,000 receipts was 3 s of `campaign receive`).
 */
export function registerByUnit(register: Register): (unit: string) => Register {
  const parts = new Map<string, Register>();
  const partOf = (code: string): Register => {
    const key = codeKey(code);
    let part = parts.get(key);
    if (!part) {
      part = { ...register, receipts: [], issued: [], reopenings: [] };
      parts.set(key, part);
    }
    return part;
  };
  for (const r of register.receipts) if (r.unit !== null) partOf(r.unit).receipts.push(r);
  for (const i of register.issued) partOf(i.unit).issued.push(i);
  for (const r of register.reopenings) partOf(r.unit).reopenings.push(r);
  return partOf;
}

/** The accepted receipt of a unit for a stage (at most one: a newer one supersedes). */
export function acceptedReceipt(register: Register, unit: string, stage: StageId): Receipt | undefined {
  const key = codeKey(unit);
  return register.receipts.find(
    (r) => r.status === 'accepted' && r.stage === stage && r.unit !== null && codeKey(r.unit) === key,
  );
}

/** The workbook currently issued to a unit for a stage (the latest issue). */
export function currentIssue(register: Register, unit: string, stage: StageId): Issued | undefined {
  const key = codeKey(unit);
  return register.issued.find((i) => i.stage === stage && !i.superseded && codeKey(i.unit) === key);
}

/**
 * A stage is closed for a unit once a LATER stage's workbook has been issued to it, unless the
 * stage was reopened for that unit after that issue.
 */
export function stageClosedBy(register: Register, unit: string, stage: StageId): Issued | null {
  const key = codeKey(unit);
  const later = register.issued.filter(
    (i) => !i.superseded && codeKey(i.unit) === key && stageIndex(i.stage) > stageIndex(stage),
  );
  if (!later.length) return null;
  const lastIssue = later.reduce((a, b) => (a.issuedAt >= b.issuedAt ? a : b));
  const reopened = register.reopenings.some(
    (r) => r.stage === stage && codeKey(r.unit) === key && r.at >= lastIssue.issuedAt,
  );
  return reopened ? null : lastIssue;
}

/** The deadline that applies to a unit's files of a stage: its latest reopening, else the stage's. */
export function deadlineFor(register: Register, unit: string, stage: StageId): string | null {
  const key = codeKey(unit);
  const reopenings = register.reopenings.filter((r) => r.stage === stage && codeKey(r.unit) === key);
  if (reopenings.length) return reopenings[reopenings.length - 1].until;
  const own = register.deadlines.find((d) => d.stage === stage);
  if (own) return own.date;
  const other = DEADLINE_OF[stage];
  return other ? (register.deadlines.find((d) => d.stage === other)?.date ?? null) : null;
}

/** Whether an instant is after a deadline; a date-only deadline lasts to the end of that day (UTC+7). */
export function isAfter(instant: string, deadline: string): boolean {
  const end = /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? `${deadline}T23:59:59.999+07:00` : deadline;
  return Date.parse(instant) > Date.parse(end);
}

/** A deadline as staff read it: "hết ngày 10/01/2026" for a date, else the time in Việt Nam. */
export function deadlineText(deadline: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? `hết ngày ${viDate(deadline)}` : viDateTime(deadline);
}

function isBonusOrDeduction(leaf: FrameworkNode): boolean {
  const k = leafKind(leaf);
  return k === 'bonus' || k === 'deduction';
}

/**
 * The registered scores of a unit up to (not including) a stage: self from the accepted return,
 * appraisal from round 1, appraisal2 from round 2 and — for bonus and deduction leaves — from the
 * "điểm cộng, điểm trừ" stage. The values an issued workbook shows locked, and the ones a returned
 * council or response workbook must still hold.
 */
export function registeredEntries(
  register: Register,
  framework: Framework,
  unit: string,
  before: StageId = 'cong-bo',
): Record<string, LeafEntry> {
  const out: Record<string, LeafEntry> = {};
  const limit = stageIndex(before);
  const take = (stage: StageId, field: EntryField, only?: (leaf: FrameworkNode) => boolean) => {
    if (stageIndex(stage) >= limit) return;
    const r = acceptedReceipt(register, unit, stage);
    const scores = r?.scores?.[field];
    if (!scores) return;
    for (const leaf of leaves(framework)) {
      if (only && !only(leaf)) continue;
      if (leaf.code in scores) out[leaf.code] = { ...out[leaf.code], [field]: scores[leaf.code] };
    }
  };
  take('tu-cham', 'self');
  take('tham-dinh-1', 'appraisal');
  take('tham-dinh-2', 'appraisal2', (l) => !isBonusOrDeduction(l));
  take('cong-tru', 'appraisal2', isBonusOrDeduction);
  return out;
}

/** The value that counts for a leaf given registered entries: round 2, else round 1, else self. */
export function countingValue(entry: LeafEntry | undefined): number | null {
  const pick = (v: unknown) => (typeof v === 'number' ? v : null);
  return pick(entry?.appraisal2) ?? pick(entry?.appraisal) ?? pick(entry?.self);
}

/** Stage ids that receive files, in order. */
export const FILE_STAGES: StageId[] = STAGE_IDS.filter((s) => STAGES[s].kind !== null);
