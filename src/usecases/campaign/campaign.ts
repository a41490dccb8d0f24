/**
 * What the Sở does in a campaign, written once for the CLI and the pane: create it, issue
 * templates and council/response workbooks, receive files, decide on late ones, reopen a stage,
 * read the status, rank. Storage (`CampaignFolder`), the workbook reader and the clock are
 * parameters; the rules are in src/campaign, the ranking in src/consolidation.
 */
import { CAMPAIGN_FILES as F, CampaignError, type CampaignFolder } from './folder';
import {
  campaignRanking,
  campaignStatus,
  decideLate,
  emptyRegister,
  judgeReturn,
  parseRegister,
  planIssue,
  recordIssue,
  appendReceipt,
  reopenStage,
  serializeRegister,
  webCryptoHmac,
  withTexts,
  fromHex,
  toHex,
  STAGES,
  chooseSource,
  findUnit,
  acceptedReceipt,
  currentIssue,
  type CampaignKeys,
  type CampaignStatus,
  type Judgement,
  type Receipt,
  type Register,
  type RegisterUnit,
  type StageId,
} from '../../campaign';
import { asciiSlug } from '../../common/names';
import { sha256Hex } from '../../common/sha256';
import type { ConsolidationResult, WorkbookReader } from '../../consolidation/types';
import { frameworkFingerprint } from '../../framework/fingerprint';
import { parseFrameworkText } from '../../framework/parse';
import type { Framework } from '../../framework/schema';
import type { CellValue, LeafEntry } from '../../scoring/types';
import { unitFileName } from '../../workbook/file-name';
import { buildTemplatePlan } from '../../workbook/plan';
import { renderPlan } from '../../xlsx/render';
import { readTemplate } from '../../xlsx/read-template';
import { returnedWorkbookReader, type ReturnedWorkbookOptions } from '../../xlsx/returned-workbook';

export interface Clock {
  now(): string;
}
export const systemClock: Clock = { now: () => new Date().toISOString() };

export interface Campaign {
  folder: CampaignFolder;
  register: Register;
  framework: Framework;
  keys: CampaignKeys;
}

const hmac = webCryptoHmac(globalThis.crypto.subtle);

/** A campaign id from a folder name ("Đợt 2026" → "dot-2026"): ids are ASCII. */
export function slug(text: string): string {
  return asciiSlug(text);
}

export interface InitOptions {
  id: string;
  title: string;
  framework: Framework;
  units: RegisterUnit[];
  deadlines: { stage: StageId; date: string }[];
  clock?: Clock;
}

export async function initCampaign(folder: CampaignFolder, options: InitOptions): Promise<Campaign> {
  if (await folder.read(F.register))
    throw new CampaignError(`${folder.describe(F.register)} đã có: thư mục này đã là một đợt đánh giá.`);
  const clock = options.clock ?? systemClock;
  const groups = new Set(options.framework.groups.map((g) => g.id));
  for (const u of options.units) {
    if (!groups.has(u.group))
      throw new CampaignError(
        `Đơn vị "${u.name}" (mã ${u.code}): nhóm "${u.group}" không có trong bộ tiêu chí ${options.framework.id} (các nhóm: ${[...groups].join(', ')}).`,
      );
  }
  const key = globalThis.crypto.getRandomValues(new Uint8Array(32));
  // The key first: a register without its key could not verify anything it issues.
  await folder.writeAtomic(F.key, `${toHex(key)}\n`);
  await folder.writeAtomic(F.framework, `${JSON.stringify(options.framework, null, 2)}\n`);
  const register = emptyRegister(
    {
      id: options.id,
      title: options.title,
      createdAt: clock.now(),
      framework: {
        id: options.framework.id,
        version: options.framework.version,
        fingerprint: frameworkFingerprint(options.framework),
        file: F.framework,
      },
    },
    options.units,
  );
  register.deadlines = options.deadlines;
  const campaign: Campaign = { folder, register, framework: options.framework, keys: { key, hmac } };
  await saveRegister(campaign, register);
  return campaign;
}

export async function openCampaign(folder: CampaignFolder): Promise<Campaign> {
  const bytes = await folder.read(F.register);
  if (!bytes)
    throw new CampaignError(
      `Không tìm thấy sổ theo dõi ${folder.describe(F.register)}: đây chưa phải thư mục đợt đánh giá (tạo bằng cchc campaign init).`,
    );
  const parsed = parseRegister(new TextDecoder().decode(bytes), folder.describe(F.register));
  if (!parsed.ok) throw new CampaignError(parsed.message);
  const register = parsed.register;
  const fwBytes = await folder.read(register.campaign.framework.file);
  if (!fwBytes)
    throw new CampaignError(`Thiếu tệp bộ tiêu chí ${folder.describe(register.campaign.framework.file)}.`);
  let framework: Framework;
  try {
    framework = parseFrameworkText(
      new TextDecoder().decode(fwBytes),
      folder.describe(register.campaign.framework.file),
    );
  } catch (e) {
    throw new CampaignError((e as Error).message);
  }
  if (frameworkFingerprint(framework) !== register.campaign.framework.fingerprint)
    throw new CampaignError(
      `Bộ tiêu chí ${folder.describe(register.campaign.framework.file)} đã bị sửa sau khi tạo đợt (dấu vân tay khác với sổ theo dõi).`,
    );
  const keyText = await folder.read(F.key);
  const key = keyText ? fromHex(new TextDecoder().decode(keyText).trim()) : null;
  if (!key)
    throw new CampaignError(`Thiếu hoặc hỏng khóa xác thực ${folder.describe(F.key)} của đợt đánh giá.`);
  return { folder, register, framework, keys: { key, hmac } };
}

/** The register's Excel view, made from the register and the campaign's framework (group names). */
export type RegisterView = (register: Register, framework: Framework) => Promise<Uint8Array>;

/** Writes the register (atomically) and regenerates its Excel view; the view is derived, never read. */
export async function saveRegister(
  campaign: Campaign,
  register: Register,
  view?: RegisterView,
): Promise<void> {
  await campaign.folder.writeAtomic(F.register, serializeRegister(register));
  campaign.register = register;
  if (view) await campaign.folder.writeAtomic(F.registerView, await view(register, campaign.framework));
}

/**
 * The reader of returned files for a campaign: its own framework, and the platform's inflater when
 * one is given (Node's zlib in the CLI, 3× faster than the portable default).
 */
export function readerFor(
  campaign: Pick<Campaign, 'framework'>,
  options: Pick<ReturnedWorkbookOptions, 'inflate'> = {},
): WorkbookReader {
  return returnedWorkbookReader({
    resolveFramework: (id) => (id === campaign.framework.id ? campaign.framework : undefined),
    inflate: options.inflate,
  });
}

export interface IssuedFile {
  unit: string;
  stage: StageId;
  file: string;
}

/** The texts (evidence, explanation, comments) of a stored accepted file, for the next workbook. */
async function textsOf(campaign: Campaign, storedAs: string | null): Promise<Record<string, LeafEntry>> {
  if (!storedAs) return {};
  const bytes = await campaign.folder.read(storedAs);
  if (!bytes) throw new CampaignError(`Thiếu bản lưu ${campaign.folder.describe(storedAs)} của tệp đã nhận.`);
  const r = await readTemplate(bytes, { fileName: storedAs, resolveFramework: () => campaign.framework });
  return r.ok ? r.scoresheet.entries : {};
}

export interface IssueOptions {
  /** Unit codes; default every unit the stage can be issued to. */
  units?: string[];
  clock?: Clock;
  /** Shown on the workbook's guide sheet. */
  deadline?: string;
  view?: RegisterView;
  /** Round 2 for units that sent no giải trình, before its deadline (the Sở's explicit choice). */
  withoutResponse?: boolean;
}

/**
 * Issues a stage's workbooks: unit templates (tự chấm), council workbooks (thẩm định 1, 2,
 * cộng/trừ) or response workbooks (giải trình). Units the stage cannot be issued to yet are
 * listed with the reason; the others are written and recorded in one register write.
 */
export async function issueStage(
  campaign: Campaign,
  stage: StageId,
  options: IssueOptions = {},
): Promise<{ issued: IssuedFile[]; refused: { unit: string; message: string }[] }> {
  const clock = options.clock ?? systemClock;
  let register = campaign.register;
  const codes = options.units ?? register.units.map((u) => u.code);
  const issued: IssuedFile[] = [];
  const refused: { unit: string; message: string }[] = [];
  const explicit = options.units !== undefined;
  for (const code of codes) {
    const plan = await planIssue(register, campaign.framework, code, stage, campaign.keys, {
      now: clock.now(),
      withoutSource: options.withoutResponse,
    });
    if (!plan.ok) {
      refused.push({ unit: plan.unit, message: plan.message });
      continue;
    }
    // Re-issuing is explicit (--unit): a plain run does not replace a workbook already out there.
    const existing = currentIssue(register, plan.unit.code, stage);
    if (existing && !explicit && existing.sourceSha256 === (plan.source?.sha256 ?? null)) continue;
    const form = plan.source
      ? withTexts(plan.form, await textsOf(campaign, plan.source.storedAs))
      : plan.form;
    const at = clock.now();
    const bytes = await renderPlan(
      buildTemplatePlan(campaign.framework, plan.unit, {
        form,
        campaignMeta: plan.campaignMeta,
        generatedAt: at,
        deadline: options.deadline ?? register.deadlines.find((d) => d.stage === stage)?.date.slice(0, 10),
      }),
    );
    // Codes are unique in a campaign, so the code in the name keeps names apart within a stage.
    const file = `${F.issuedDir}/${stage}/${unitFileName(plan.unit, new Set())}`;
    await campaign.folder.writeAtomic(file, bytes);
    register = recordIssue(register, plan, file, at);
    issued.push({ unit: plan.unit.code, stage, file });
  }
  if (issued.length) await saveRegister(campaign, register, options.view);
  return { issued, refused };
}

/**
 * The next council stage for a unit: the first whose workbook is not out yet and whose source is
 * in (for round 2: the giải trình, or round 1 once the giải trình deadline has passed at `now`).
 */
export function nextCouncilStage(
  register: Register,
  unit: string,
  now?: string,
  options: { withoutResponse?: boolean } = {},
): StageId | null {
  const found = findUnit(register, unit);
  if (!found) return null;
  for (const stage of ['tham-dinh-1', 'tham-dinh-2', 'cong-tru'] as const) {
    const source = chooseSource(register, found, stage, { now, withoutSource: options.withoutResponse });
    if (!source.ok) return null;
    if (!currentIssue(register, unit, stage)) return stage;
    if (!acceptedReceipt(register, unit, stage)) return null;
  }
  return null;
}

export interface IncomingCampaignFile {
  name: string;
  size: number;
  fileTime: string | null;
  bytes: () => Promise<Uint8Array>;
}

export interface ReceiveResult {
  receipts: Receipt[];
}

/**
 * Receives files: each is judged against the register (as updated by the files before it), an
 * accepted or late file is copied into the campaign folder, and the register is written ONCE at
 * the end — so an interrupted receive leaves the previous register as it was (the copies already
 * made are named by their hash and simply found again next time).
 */
export async function receiveFiles(
  campaign: Campaign,
  files: Iterable<IncomingCampaignFile> | AsyncIterable<IncomingCampaignFile>,
  options: {
    clock?: Clock;
    reader?: WorkbookReader;
    onFile?: (r: Receipt) => void;
    view?: RegisterView;
  } = {},
): Promise<ReceiveResult> {
  const clock = options.clock ?? systemClock;
  const reader = options.reader ?? readerFor(campaign);
  const register = structuredClone(campaign.register);
  const receipts: Receipt[] = [];
  for await (const file of files) {
    let bytes: Uint8Array | null = null;
    let judgement: Judgement;
    const receivedAt = clock.now();
    try {
      bytes = await file.bytes();
    } catch (e) {
      bytes = null;
      judgement = {
        sha256: '',
        file: file.name,
        size: file.size,
        receivedAt,
        fileTime: file.fileTime,
        stage: null,
        round: null,
        unit: null,
        status: 'unreadable',
        reasons: [
          {
            rule: 'file.unreadable',
            message: `Không đọc được "${file.name}": ${(e as Error).message}`,
            cell: null,
          },
        ],
        late: false,
        scores: null,
        decision: null,
        keep: false,
      };
    }
    let storedAs: string | null = null;
    if (bytes) {
      const sha256 = await sha256Hex(bytes);
      const refusal = reader.checkSize(bytes.length);
      let reading;
      try {
        reading = refusal
          ? ({ ok: false, reason: 'tooLarge', message: `"${file.name}": ${refusal}` } as const)
          : await reader.read(bytes, file.name);
      } catch (e) {
        reading = {
          ok: false,
          reason: 'unreadable',
          message: `Không đọc được "${file.name}": ${(e as Error).message}`,
        } as const;
      }
      judgement = await judgeReturn(
        register,
        campaign.framework,
        { name: file.name, sha256, size: bytes.length, receivedAt, fileTime: file.fileTime, reading },
        campaign.keys,
      );
      if (judgement.keep) {
        const stage = judgement.stage ?? 'khac';
        storedAs = `${F.receivedDir}/${stage}/${judgement.unit ?? 'khac'}-${sha256.slice(0, 12)}.xlsx`;
        await campaign.folder.writeAtomic(storedAs, bytes);
      }
    }
    const receipt = appendReceipt(register, campaign.framework, judgement!, storedAs);
    receipts.push(receipt);
    options.onFile?.(receipt);
  }
  await saveRegister(campaign, register, options.view);
  return { receipts };
}

export async function decideLateFile(
  campaign: Campaign,
  seq: number,
  accept: boolean,
  note: string,
  options: { clock?: Clock; by?: string; view?: RegisterView } = {},
): Promise<Receipt> {
  const clock = options.clock ?? systemClock;
  const r = decideLate(
    campaign.register,
    campaign.framework,
    seq,
    accept,
    options.by ?? 'Sở Nội vụ',
    note,
    clock.now(),
  );
  if (!r.ok) throw new CampaignError(r.message, 1);
  await saveRegister(campaign, r.register, options.view);
  return r.receipt;
}

export async function reopen(
  campaign: Campaign,
  stage: StageId,
  unit: string,
  until: string | null,
  reason: string,
  options: { clock?: Clock; view?: RegisterView } = {},
): Promise<void> {
  const clock = options.clock ?? systemClock;
  const r = reopenStage(campaign.register, stage, unit, until, reason, clock.now());
  if (!r.ok) throw new CampaignError(r.message, 1);
  await saveRegister(campaign, r.register, options.view);
}

export function statusOf(campaign: Campaign, clock: Clock = systemClock): CampaignStatus {
  return campaignStatus(campaign.register, clock.now());
}

/** Registers the survey file (kept in the campaign folder) that `rank` will use. */
export async function receiveSurvey(
  campaign: Campaign,
  name: string,
  bytes: Uint8Array,
  options: { clock?: Clock; view?: RegisterView } = {},
): Promise<void> {
  const clock = options.clock ?? systemClock;
  const sha256 = await sha256Hex(bytes);
  const ext = /\.(csv|xlsx|xlsm|txt)$/i.exec(name)?.[0].toLowerCase() ?? '.csv';
  const storedAs = `${F.surveyDir}/dieu-tra-${sha256.slice(0, 12)}${ext}`;
  await campaign.folder.writeAtomic(storedAs, bytes);
  const register = structuredClone(campaign.register);
  register.survey = { file: name, sha256, receivedAt: clock.now(), storedAs };
  await saveRegister(campaign, register, options.view);
}

/**
 * The campaign's ranking from the register (and its survey file, when one was registered). No
 * silent zero: a unit without survey data (no survey file, no row, a rate out of range) is an
 * error of that unit unless `allowMissingSurvey` (`--allow-missing-survey`, the pane's "Xếp hạng
 * khi thiếu số liệu điều tra") counts its survey points as 0, each such unit marked.
 */
export function rankCampaign(
  campaign: Campaign,
  survey: { rows: CellValue[][] } | undefined,
  notRanked?: string[],
  options: { allowMissingSurvey?: boolean } = {},
): ConsolidationResult {
  return campaignRanking(campaign.register, campaign.framework, {
    survey,
    notRanked,
    surveyGaps: options.allowMissingSurvey ? 'zero' : 'reject',
  });
}

export { STAGES };
