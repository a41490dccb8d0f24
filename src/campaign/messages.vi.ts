/**
 * The Vietnamese sentences of the campaign's reasons (receive.ts: who may write what, stages,
 * which campaign a file belongs to; usecases/unit-writes.ts: a unit's file outside a campaign),
 * one template per key of problem-keys.ts, from the facts in `CampaignParams`. The sentence is
 * whole (it names the file itself). The pane's English templates (src/taskpane/messages.en.ts) are
 * typed by the same `CampaignParams`.
 */
import type { MessageTemplates } from '../common/message-templates';
import { viDateTime } from '../common/vi-time';
import { ENTRY_FIELDS } from '../scoring/entry-fields';
import type { CellValue, EntryField } from '../scoring/types';
import { FIELD_COLUMN } from '../workbook/columns';
import type { CampaignProblemKey } from './problem-keys';
import { STAGES, type StageId } from './stages';
import { deadlineText } from './state';

/** A cell of a leaf the file wrote (`cell`: its address, null when the reader did not give one). */
export type CellParam = { code: string; field: EntryField; cell: string | null };

/** What a cell holds against what the register holds. */
type Changed = CellParam & { value: CellValue; expected: CellValue };

/** The facts each campaign reason carries (times as ISO strings; each locale writes them its way). */
export type CampaignParams = {
  /** `fileFramework` / `fileFingerprint`: what the file's _meta says (null: not said). */
  'campaign.otherFramework': {
    file: string;
    fileFramework: string | null;
    fileFingerprint: string | null;
    framework: string;
    fingerprint: string;
  };
  'campaign.otherCampaign': { file: string; fileCampaign: string; campaign: string };
  /** `unitName`: the name the file's _meta gives (null: none). */
  'campaign.unknownUnit': { file: string; unitCode: string; unitName: string | null };
  'campaign.unknownKind': { file: string; kind: string };
  /** `stage`: the file's _meta names no stage of its kind; `mismatch`: the HMAC does not verify. */
  'trust.authCode':
    { file: string; why: 'stage'; stage: string; kind: string } | { file: string; why: 'mismatch' };
  /** `unit`: the unit's name; `current`: the file of the current issue (null: none left). */
  'trust.notCurrentIssue': { file: string; stage: StageId; unit: string; current: string | null };
  /** A council cell written in a unit's file: in a campaign (`value`), or outside one (`file`). */
  'trust.unitWroteCouncilCell':
    (CellParam & { value: CellValue }) | { file: string; code: string; field: EntryField };
  'trust.rejectedWhole': { file: string };
  'trust.tampering': Changed;
  'trust.selfScoreChanged': Changed;
  'trust.lockedCellChanged': Changed;
  /** A council workbook of a campaign (`campaign`: the id its _meta gives) read outside it. */
  'trust.campaignWorkbook': { file: string; workbook: 'appraisal' | 'response'; campaign: string };
  /** `closedBy` / `issuedAt`: the later stage whose issue closed it, and when. */
  'stage.closed': {
    file: string;
    stage: StageId;
    unit: string;
    unitCode: string;
    closedBy: StageId;
    issuedAt: string;
  };
  /** `deadline`: a date (the whole day) or an instant. */
  'stage.late': { file: string; receivedAt: string; stage: StageId; deadline: string };
};

/** A cell's content as a reason shows it (scores with two decimals, texts cut to 40 characters). */
function shown(v: unknown): string {
  if (v === null || v === undefined || v === '') return 'trống';
  if (typeof v === 'number') return v.toFixed(2).replace('.', ',');
  return `"${String(v).slice(0, 40)}"`;
}

/** "C12 (Điểm thẩm định, mã 1.1)": the cell, its column's title and the leaf. */
const where = (p: CellParam) =>
  `${p.cell ?? `tiêu chí ${p.code}`} (${FIELD_COLUMN[p.field].title}, mã ${p.code})`;

const changed = (p: Changed) =>
  `Ô ${where(p)} khác với bản đã đăng ký: sổ theo dõi ghi ${shown(p.expected)}, tệp ghi ${shown(p.value)}.`;

/** The tail of a late file's reason while it waits: what to do next, as the CLI says it. */
export const LATE_WAITS =
  ' Đã ghi vào sổ, chờ Sở quyết định: cchc campaign accept-late SỐ hoặc refuse-late SỐ.';

export const CAMPAIGN_VI: MessageTemplates<CampaignParams> = {
  'campaign.otherFramework': (p) =>
    `"${p.file}" được tạo theo bộ tiêu chí "${p.fileFramework ?? '?'}" (dấu vân tay ${p.fileFingerprint || 'trống'}), không phải bộ tiêu chí của đợt "${p.framework}" (${p.fingerprint}).`,
  'campaign.otherCampaign': (p) =>
    `"${p.file}" thuộc đợt đánh giá "${p.fileCampaign}", không phải đợt "${p.campaign}".`,
  'campaign.unknownUnit': (p) =>
    `"${p.file}": đơn vị mã "${p.unitCode || 'trống'}" (${p.unitName ?? '?'}) không có trong danh sách đơn vị của đợt.`,
  'campaign.unknownKind': (p) => `"${p.file}": loại phiếu "${p.kind}" trong _meta không hợp lệ.`,
  'trust.authCode': (p) =>
    p.why === 'stage'
      ? `"${p.file}": giai đoạn "${p.stage}" trong _meta không hợp lệ cho loại phiếu "${p.kind}".`
      : `"${p.file}": mã xác thực trong trang _meta không khớp — trang _meta đã bị sửa (đơn vị, giai đoạn, vòng hoặc tệp nguồn), hoặc phiếu không do đợt đánh giá này phát hành. Điểm trong tệp không được tính.`,
  'trust.notCurrentIssue': (p) =>
    `"${p.file}" là phiếu ${STAGES[p.stage].name.toLowerCase()} cũ của ${p.unit}: đã có phiếu phát hành sau (${p.current ?? 'không còn phiếu hiện hành'}). Hãy dùng phiếu mới nhất.`,
  'trust.unitWroteCouncilCell': (p) =>
    'file' in p
      ? `"${p.file}", tiêu chí ${p.code}: ô ${ENTRY_FIELDS[p.field].label} có giá trị trong tệp của đơn vị — đơn vị không được ghi ô này (chỉ Hội đồng thẩm định ghi).`
      : `Ô ${where(p)} có giá trị ${shown(p.value)}: đơn vị không được ghi ô này (chỉ Hội đồng thẩm định ghi).`,
  'trust.rejectedWhole': (p) =>
    `"${p.file}" bị từ chối cả tệp: các điểm khác trong tệp cũng không được dùng. Đơn vị gửi lại tệp với các ô thẩm định, điểm cộng/trừ để trống.`,
  'trust.tampering': (p) =>
    `Ô ${where(p)} đã bị sửa: sổ theo dõi ghi ${shown(p.expected)}, tệp ghi ${shown(p.value)}. Phiếu giải trình chỉ cho ghi giải trình và tài liệu bổ sung — nghi sửa điểm (giả mạo).`,
  'trust.selfScoreChanged': changed,
  'trust.lockedCellChanged': changed,
  'trust.campaignWorkbook': (p) =>
    `"${p.file}" là phiếu ${p.workbook === 'appraisal' ? 'thẩm định' : 'giải trình'} của đợt đánh giá "${p.campaign}": chỉ đợt đánh giá đó kiểm được mã xác thực, hãy nhận tệp bằng cchc campaign receive. Điểm trong tệp không được tính.`,
  'stage.closed': (p) =>
    `"${p.file}": giai đoạn "${STAGES[p.stage].name}" của ${p.unit} đã khép lại (đã phát phiếu "${STAGES[p.closedBy].name}" lúc ${viDateTime(p.issuedAt)}). Muốn nhận lại, mở lại giai đoạn: cchc campaign reopen ${p.stage} --unit ${p.unitCode}.`,
  'stage.late': (p) =>
    `Nộp muộn: "${p.file}" nhận lúc ${viDateTime(p.receivedAt)}, hạn ${STAGES[p.stage].name.toLowerCase()} là ${deadlineText(p.deadline)}.${LATE_WAITS}`,
};

/** A campaign reason's key, facts and Vietnamese sentence: what a site that raises one writes. */
export function campaignMessage<K extends CampaignProblemKey>(
  rule: K,
  params: CampaignParams[K],
): { rule: K; params: CampaignParams[K]; message: string } {
  return { rule, params, message: CAMPAIGN_VI[rule](params) };
}
