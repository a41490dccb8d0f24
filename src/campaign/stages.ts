/**
 * The stages of an assessment campaign (đợt đánh giá), in the order of the provincial guides:
 * tự chấm → chốt điểm tự chấm → thẩm định lần 1 → giải trình → thẩm định lần 2 → điểm cộng/trừ
 * → điều tra XHH → công bố. Each stage says which workbook carries it in, who writes it and which
 * score column it fills; stages without a workbook are moments (a deadline, the survey, publication).
 */

export const STAGE_IDS = [
  'tu-cham',
  'chot-tu-cham',
  'tham-dinh-1',
  'giai-trinh',
  'tham-dinh-2',
  'cong-tru',
  'dieu-tra-xhh',
  'cong-bo',
] as const;
export type StageId = (typeof STAGE_IDS)[number];

/** Who fills a stage's workbook: the unit, or the appraisal council (Hội đồng thẩm định). */
export type Writer = 'unit' | 'council';

/** What kind of workbook carries a stage in (the `_meta` key `workbookKind`). */
export type WorkbookKind = 'unit' | 'appraisal' | 'response';

export interface StageInfo {
  id: StageId;
  /** Vietnamese name shown to staff. */
  name: string;
  /** The workbook that carries this stage in; null for a moment without files. */
  kind: WorkbookKind | null;
  writer: Writer | null;
  /** Council round: 1 (thẩm định lần 1), 2 (lần 2, and the bonus/deduction pass); else null. */
  round: 1 | 2 | null;
  /** Council stages fill this column of the scoresheet. */
  column: 'appraisal' | 'appraisal2' | null;
  /** Which leaves the council scores in this stage: ordinary leaves, or only bonus/deduction. */
  leaves: 'score' | 'bonusDeduction' | null;
}

export const STAGES: Readonly<Record<StageId, StageInfo>> = {
  'tu-cham': {
    id: 'tu-cham',
    name: 'Tự chấm',
    kind: 'unit',
    writer: 'unit',
    round: null,
    column: null,
    leaves: null,
  },
  'chot-tu-cham': {
    id: 'chot-tu-cham',
    name: 'Chốt điểm tự chấm',
    kind: null,
    writer: null,
    round: null,
    column: null,
    leaves: null,
  },
  'tham-dinh-1': {
    id: 'tham-dinh-1',
    name: 'Thẩm định lần 1',
    kind: 'appraisal',
    writer: 'council',
    round: 1,
    column: 'appraisal',
    leaves: 'score',
  },
  'giai-trinh': {
    id: 'giai-trinh',
    name: 'Giải trình, bổ sung tài liệu',
    kind: 'response',
    writer: 'unit',
    round: 1,
    column: null,
    leaves: null,
  },
  'tham-dinh-2': {
    id: 'tham-dinh-2',
    name: 'Thẩm định lần 2',
    kind: 'appraisal',
    writer: 'council',
    round: 2,
    column: 'appraisal2',
    leaves: 'score',
  },
  'cong-tru': {
    id: 'cong-tru',
    name: 'Điểm cộng, điểm trừ',
    kind: 'appraisal',
    writer: 'council',
    round: 2,
    column: 'appraisal2',
    leaves: 'bonusDeduction',
  },
  'dieu-tra-xhh': {
    id: 'dieu-tra-xhh',
    name: 'Điều tra xã hội học',
    kind: null,
    writer: null,
    round: null,
    column: null,
    leaves: null,
  },
  'cong-bo': {
    id: 'cong-bo',
    name: 'Công bố kết quả',
    kind: null,
    writer: null,
    round: null,
    column: null,
    leaves: null,
  },
};

/** The stage a file-bearing stage is issued from: its workbook is made from that stage's accepted file. */
export const SOURCE_STAGE: Partial<Record<StageId, StageId>> = {
  'tham-dinh-1': 'tu-cham',
  'giai-trinh': 'tham-dinh-1',
  'tham-dinh-2': 'giai-trinh',
  'cong-tru': 'tham-dinh-2',
};

/**
 * A stage that may be issued without its source stage's file: thẩm định lần 2 goes ahead from
 * the round-1 appraisal for a unit that sent no giải trình by the deadline (or when the Sở says
 * so), as the provincial guides do — a unit that does not explain keeps its round-1 result.
 */
export const FALLBACK_SOURCE_STAGE: Partial<Record<StageId, StageId>> = { 'tham-dinh-2': 'tham-dinh-1' };

/** Stages whose deadline is the one of another stage ("chốt điểm tự chấm" closes "tự chấm"). */
export const DEADLINE_OF: Partial<Record<StageId, StageId>> = { 'tu-cham': 'chot-tu-cham' };

export function isStageId(s: string): s is StageId {
  return (STAGE_IDS as readonly string[]).includes(s);
}

export function stageIndex(s: StageId): number {
  return STAGE_IDS.indexOf(s);
}

/** "tu-cham (Tự chấm), chot-tu-cham (…), …" for messages that list the valid stage ids. */
export function stageList(): string {
  return STAGE_IDS.map((s) => `${s} (${STAGES[s].name})`).join(', ');
}
