/**
 * The register (sổ theo dõi): the campaign's durable memory and the source of truth for everything
 * the Sở issued or accepted (DESIGN.md "Who may write what"). A plain JSON document validated by
 * this zod schema; the CLI and the task pane read and write the same format, and the Excel view
 * "Sổ theo dõi" is generated from it. Records are only ever appended or given a later status
 * (accepted → superseded, late pending → accepted/refused): nothing is deleted.
 */
import { z } from 'zod';
import { STAGE_IDS } from './stages';

export const REGISTER_FORMAT = 'cchc-campaign-register';
export const REGISTER_VERSION = 1;

const stage = z.enum(STAGE_IDS);
const isoTime = z.string().min(10);

export const unitSchema = z.object({ code: z.string().min(1), name: z.string().min(1), group: z.string() });

export const reasonSchema = z.object({
  rule: z.string(),
  message: z.string(),
  cell: z.string().nullable().default(null),
  /**
   * The facts the message was worded from (campaign/messages.vi.ts), for the pane's other locale;
   * absent in registers written before they were kept, and for reasons worded elsewhere.
   */
  params: z.record(z.string(), z.unknown()).optional(),
});

/** Per leaf code, a score (null = empty cell). */
const leafScores = z.record(z.string(), z.number().nullable());

export const issuedSchema = z.object({
  unit: z.string(),
  stage,
  round: z.number().int(),
  /** File name as written in the campaign's folder (relative to it). */
  file: z.string(),
  issuedAt: isoTime,
  /** SHA-256 of the accepted file this workbook was made from (null for blank unit templates). */
  sourceSha256: z.string().nullable(),
  /** HMAC-SHA-256 written in the workbook's `_meta` (hex). */
  authCode: z.string(),
  /** A later issue of the same unit and stage replaces this one. */
  superseded: z.boolean().default(false),
  /**
   * Made from the fallback source (thẩm định lần 2 from round 1) because the unit sent no
   * giải trình; absent in registers written before this was recorded.
   */
  withoutSource: z.boolean().default(false),
});

export const receiptStatusSchema = z.enum([
  'accepted',
  'rejected',
  'duplicate',
  'unreadable',
  'superseded',
  'late-pending',
  'late-refused',
]);
export type ReceiptStatus = z.infer<typeof receiptStatusSchema>;

/** Each receipt status in words, as the register sheet and the domain's messages say it. */
export const RECEIPT_STATUS_TEXT: Record<ReceiptStatus, string> = {
  accepted: 'Chấp nhận',
  rejected: 'Từ chối',
  duplicate: 'Trùng tệp đã nhận',
  unreadable: 'Không đọc được',
  superseded: 'Đã thay bằng tệp mới hơn',
  'late-pending': 'Nộp muộn — chờ quyết định',
  'late-refused': 'Nộp muộn — không chấp nhận',
};

export const receiptSchema = z.object({
  /** 1, 2, 3… in the order received. */
  seq: z.number().int().positive(),
  sha256: z.string(),
  /** The name the file had when received (originals are never moved or changed). */
  file: z.string(),
  size: z.number().int().nonnegative(),
  receivedAt: isoTime,
  /** The file's own time (modification time), which orders two returns of one unit. */
  fileTime: isoTime.nullable(),
  stage: stage.nullable(),
  round: z.number().int().nullable(),
  unit: z.string().nullable(),
  status: receiptStatusSchema,
  reasons: z.array(reasonSchema),
  /** Received after the stage's deadline (flag "nộp muộn"); kept whatever is decided. */
  late: z.boolean(),
  /** The copy kept in the campaign folder, for accepted (or pending) files. */
  storedAs: z.string().nullable(),
  /** What the file brings, by field: self scores (unit return) or the council's column. */
  scores: z.record(z.string(), leafScores).nullable(),
  /** Who decided, when a late file was accepted or refused, or a newer file superseded it. */
  decision: z.object({ at: isoTime, by: z.string(), note: z.string() }).nullable().default(null),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const changeSchema = z.object({
  unit: z.string(),
  leaf: z.string(),
  stage,
  /** "unit" or "council round n". */
  who: z.string(),
  old: z.number().nullable(),
  new: z.number().nullable(),
  receipt: z.number().int(),
  at: isoTime,
});
export type ScoreChange = z.infer<typeof changeSchema>;

export const deadlineSchema = z.object({ stage, date: isoTime });
export const reopeningSchema = z.object({
  stage,
  unit: z.string(),
  at: isoTime,
  /** New deadline for this unit, or null (no deadline). */
  until: isoTime.nullable(),
  reason: z.string(),
});

export const surveyRecordSchema = z.object({
  file: z.string(),
  sha256: z.string(),
  receivedAt: isoTime,
  storedAs: z.string(),
});

export const registerSchema = z.object({
  format: z.literal(REGISTER_FORMAT),
  version: z.literal(REGISTER_VERSION),
  campaign: z.object({
    id: z.string().min(1),
    title: z.string(),
    createdAt: isoTime,
    framework: z.object({
      id: z.string(),
      version: z.string(),
      fingerprint: z.string(),
      /** The framework's JSON kept in the campaign folder, so the campaign never depends on a path. */
      file: z.string(),
    }),
  }),
  units: z.array(unitSchema),
  deadlines: z.array(deadlineSchema),
  reopenings: z.array(reopeningSchema),
  issued: z.array(issuedSchema),
  receipts: z.array(receiptSchema),
  changes: z.array(changeSchema),
  survey: surveyRecordSchema.nullable(),
  published: z.object({ at: isoTime }).nullable(),
});
export type Register = z.infer<typeof registerSchema>;
export type RegisterUnit = z.infer<typeof unitSchema>;
export type Issued = z.infer<typeof issuedSchema>;
export type Reason = z.infer<typeof reasonSchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type Reopening = z.infer<typeof reopeningSchema>;

/** A register read back from text: a Vietnamese sentence instead of a zod dump when it is not one. */
export function parseRegister(
  text: string,
  fileName: string,
): { ok: true; register: Register } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      message: `Sổ theo dõi "${fileName}" không phải JSON hợp lệ: ${(e as Error).message}.`,
    };
  }
  const r = registerSchema.safeParse(data);
  if (!r.success) {
    const first = r.error.issues[0];
    return {
      ok: false,
      message: `Sổ theo dõi "${fileName}" sai cấu trúc ở "${first.path.join('.') || '(gốc)'}": ${first.message}.`,
    };
  }
  return { ok: true, register: r.data };
}

export function serializeRegister(register: Register): string {
  return `${JSON.stringify(register, null, 1)}\n`;
}

export function emptyRegister(campaign: Register['campaign'], units: RegisterUnit[]): Register {
  return {
    format: REGISTER_FORMAT,
    version: REGISTER_VERSION,
    campaign,
    units,
    deadlines: [],
    reopenings: [],
    issued: [],
    receipts: [],
    changes: [],
    survey: null,
    published: null,
  };
}
