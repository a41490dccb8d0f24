/**
 * One receipt as the terminal shows it (cchc campaign receive, accept-late, refuse-late): file,
 * unit and stage, status, the first reasons, and the Sở's decision once it is made.
 */
import { STAGES, lateReasonFact, type Receipt } from '../../../campaign';
import { viDateTime } from '../../../common/vi-time';

export function receiptLine(r: Receipt): string {
  const label: Record<string, string> = {
    accepted: 'CHẤP NHẬN',
    rejected: 'TỪ CHỐI',
    duplicate: 'TRÙNG',
    unreadable: 'KHÔNG ĐỌC ĐƯỢC',
    superseded: 'CŨ HƠN (không dùng)',
    'late-pending': 'NỘP MUỘN (chờ quyết định)',
    'late-refused': 'NỘP MUỘN (không chấp nhận)',
  };
  const where = [r.unit, r.stage ? STAGES[r.stage].name : null].filter(Boolean).join(', ');
  const head = `#${r.seq} ${r.file}${where ? ` [${where}]` : ''}: ${label[r.status] ?? r.status}`;
  // A late file's reason was written while it waited; once the Sở has decided, say the decision
  // instead of "chờ Sở quyết định".
  const decided = r.decision !== null && (r.status === 'accepted' || r.status === 'late-refused');
  const reasons = r.reasons
    .slice(0, 6)
    .map((x) =>
      decided && x.rule === 'stage.late' ? `    - ${lateReasonFact(x.message)}` : `    - ${x.message}`,
    );
  if (decided && r.decision)
    reasons.push(
      `    - Sở ${r.status === 'accepted' ? 'đã chấp nhận' : 'không chấp nhận'} lúc ${viDateTime(r.decision.at)}${r.decision.note ? `: ${r.decision.note}` : ''}.`,
    );
  if (r.reasons.length > 6)
    reasons.push(`    - … và ${r.reasons.length - 6} lý do khác (xem cchc campaign status --json)`);
  if (r.decision && r.status === 'superseded') reasons.push(`    - ${r.decision.note}`);
  return [head, ...reasons].join('\n');
}
