/**
 * The status of a campaign per unit and stage, from the register: issued, received, accepted,
 * rejected with reasons, late, missing. `cchc campaign status` prints it as a table or JSON; the
 * Excel view "Sổ theo dõi" shows the same rows.
 */
import { codeKey } from '../consolidation/match';
import { viDateTime } from '../common/vi-time';
import type { Reason, Register } from './register';
import { acceptedReceipt, currentIssue, deadlineFor, deadlineText, isAfter, registerByUnit } from './state';
import { FILE_STAGES } from './state';
import { STAGES, type StageId } from './stages';

export type StageState = 'none' | 'issued' | 'missing' | 'accepted' | 'late-pending' | 'rejected';

export interface StageStatus {
  stage: StageId;
  state: StageState;
  issued: boolean;
  issuedAt: string | null;
  deadline: string | null;
  /** Files received for this unit and stage (every status). */
  received: number;
  accepted: { seq: number; file: string; late: boolean } | null;
  rejected: { seq: number; file: string; status: string; reasons: Reason[] }[];
  late: { seq: number; file: string; status: string }[];
  /** Issued (or due) and nothing accepted after the deadline. */
  missing: boolean;
}

export interface UnitStatus {
  code: string;
  name: string;
  group: string;
  stages: StageStatus[];
}

/**
 * A late file waiting for the Sở's decision: what `cchc campaign accept-late|refuse-late SEQ` and
 * the pane's "Chấp nhận" / "Từ chối" need to name it, and what staff read before deciding.
 */
export interface PendingLate {
  /** The receipt number the decision takes. */
  seq: number;
  /** Unit code as the campaign has it, and its name. */
  unit: string;
  unitName: string;
  stage: StageId;
  stageName: string;
  file: string;
  receivedAt: string;
  /** Received time as staff read it, in Việt Nam's time: "05/03/2026, 09 giờ 00". */
  receivedAtText: string;
  /** The deadline it missed (as it stands now, reopenings included), and in words. */
  deadline: string | null;
  deadlineText: string | null;
}

export interface CampaignStatus {
  campaign: string;
  framework: string;
  now: string;
  units: UnitStatus[];
  /** Files that could not be tied to a unit of the campaign. */
  unmatched: { seq: number; file: string; status: string; reasons: Reason[] }[];
  /** Late files awaiting the Sở's decision, in the order received. */
  pendingLate: PendingLate[];
  counts: Record<string, number>;
}

export function campaignStatus(register: Register, now: string): CampaignStatus {
  const partOf = registerByUnit(register);
  const units = register.units.map((u) => {
    const own = partOf(u.code);
    const stages = FILE_STAGES.map((stage): StageStatus => {
      const mine = own.receipts.filter((r) => r.stage === stage);
      const issue = currentIssue(own, u.code, stage);
      const accepted = acceptedReceipt(own, u.code, stage);
      const deadline = deadlineFor(own, u.code, stage);
      const rejected = mine
        .filter((r) => r.status === 'rejected' || r.status === 'unreadable' || r.status === 'late-refused')
        .map((r) => ({ seq: r.seq, file: r.file, status: r.status, reasons: r.reasons }));
      const late = mine.filter((r) => r.late).map((r) => ({ seq: r.seq, file: r.file, status: r.status }));
      const pending = mine.some((r) => r.status === 'late-pending');
      const due = !!issue;
      const missing = due && !accepted && !pending && deadline !== null && isAfter(now, deadline);
      let state: StageState = 'none';
      if (accepted) state = 'accepted';
      else if (pending) state = 'late-pending';
      else if (rejected.length) state = 'rejected';
      else if (missing) state = 'missing';
      else if (due) state = 'issued';
      return {
        stage,
        state,
        issued: due,
        issuedAt: issue?.issuedAt ?? null,
        deadline,
        received: mine.length,
        accepted: accepted ? { seq: accepted.seq, file: accepted.file, late: accepted.late } : null,
        rejected,
        late,
        missing,
      };
    });
    return { code: u.code, name: u.name, group: u.group, stages };
  });
  const known = new Set(register.units.map((u) => codeKey(u.code)));
  const unmatched = register.receipts
    .filter((r) => r.unit === null || !known.has(codeKey(r.unit)))
    .map((r) => ({ seq: r.seq, file: r.file, status: r.status, reasons: r.reasons }));
  const counts: Record<string, number> = {};
  for (const r of register.receipts) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return {
    campaign: register.campaign.id,
    framework: register.campaign.framework.id,
    now,
    units,
    unmatched,
    pendingLate: pendingLate(register),
    counts,
  };
}

function pendingLate(register: Register): PendingLate[] {
  const byKey = new Map(register.units.map((u) => [codeKey(u.code), u]));
  const partOf = registerByUnit(register);
  return register.receipts.flatMap((r): PendingLate[] => {
    // A file is only ever late for a stage of a known unit (the deadline is the unit's).
    const unit = r.status === 'late-pending' && r.unit !== null ? byKey.get(codeKey(r.unit)) : undefined;
    if (!unit || !r.stage) return [];
    const deadline = deadlineFor(partOf(unit.code), unit.code, r.stage);
    return [
      {
        seq: r.seq,
        unit: unit.code,
        unitName: unit.name,
        stage: r.stage,
        stageName: STAGES[r.stage].name,
        file: r.file,
        receivedAt: r.receivedAt,
        receivedAtText: viDateTime(r.receivedAt),
        deadline,
        deadlineText: deadline === null ? null : deadlineText(deadline),
      },
    ];
  });
}

export const STATE_TEXT: Record<StageState, string> = {
  none: '—',
  issued: 'đã phát, chờ nộp',
  missing: 'THIẾU (quá hạn)',
  accepted: 'đã nhận',
  'late-pending': 'NỘP MUỘN, chờ quyết định',
  rejected: 'BỊ TỪ CHỐI',
};

export function stageCellText(s: StageStatus): string {
  let t = STATE_TEXT[s.state];
  if (s.state === 'accepted' && s.accepted?.late) t += ' (nộp muộn, đã chấp nhận)';
  if (s.state === 'rejected') t += ` (${s.rejected.length})`;
  return t;
}

/** A plain-text table: one row per unit, one column per stage that receives files. */
export function statusTable(status: CampaignStatus): string {
  const headers = ['Mã', 'Đơn vị', ...FILE_STAGES.map((s) => STAGES[s].name)];
  const rows = status.units.map((u) => [u.code, u.name, ...u.stages.map(stageCellText)]);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join(' │ ')
      .trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n') + '\n';
}
