/**
 * `cchc campaign …`: the assessment campaign (đợt đánh giá) in a folder — init, issue, receive,
 * status, appraise, respond, survey, rank, documents, accept-late / refuse-late, reopen. Argument parsing and
 * terminal output only: the work is in src/usecases/campaign, the rules in src/campaign.
 *
 * Exit codes (every sub-command): 0 done; 1 done, but something was refused (a file rejected,
 * late or unreadable, a unit that could not be issued, nothing to rank); 2 bad usage or not a
 * campaign folder; 3 unexpected failure.
 */
import { viDateTime } from '../../common/vi-time';
import { promises as fs } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import {
  acceptedReceipt,
  STAGES,
  STAGE_IDS,
  isStageId,
  stageList,
  statusTable,
  type Receipt,
  type StageId,
} from '../../campaign';
import { renderReportHtml } from '../../consolidation/report-html';
import { frameworkFingerprint } from '../../framework/fingerprint';
import {
  decideLateFile,
  initCampaign,
  issueStage,
  nextCouncilStage,
  openCampaign,
  rankCampaign,
  receiveFiles,
  receiveSurvey,
  reopen,
  statusOf,
  type Campaign,
  type Clock,
} from '../../usecases/campaign/campaign';
import {
  APPENDIX_FILE,
  DOCUMENTS_DIR,
  DOCUMENT_DIRS,
  campaignDocuments,
  campaignSurveyRows,
} from '../../usecases/campaign/documents';
import { CampaignError } from '../../usecases/campaign/folder';
import { writeRankingWorkbook } from '../../xlsx/ranking-workbook';
import { registerWorkbook } from '../../xlsx/register-workbook';
import { DataFileError, readDataRows } from '../../xlsx/survey-file';
import { parseArgs } from '../args';
import { nodeCampaignFolder, removeStaleTemps, writeFileDurably } from '../campaign/node-folder';
import type { CliIO, Command } from '../command';
import { UserError } from '../errors';
import { illustrativeWarning, loadFrameworkArg } from '../framework-arg';
import { rememberFramework } from '../framework-library';
import { collectFiles } from '../consolidate/collect-workbooks';
import { consolidationText } from '../consolidate/consolidation-text';
import { refuseUnusableSurvey, surveyGapsNotice } from './consolidate';
import { slug } from '../../usecases/campaign/campaign';
import { parseUnitList, unitListProblemText } from '../../workbook/unit-list';

const EXIT_CODES = [
  'Mã thoát: 0 xong; 1 xong nhưng có phần bị từ chối (tệp bị từ chối, nộp muộn, không đọc được;',
  'đơn vị chưa phát được phiếu; không có gì để xếp hạng); 2 sai cách dùng hoặc không phải thư mục',
  'đợt đánh giá; 3 lỗi không mong đợi.',
].join('\n');

/** The clock: the system's, or a fixed instant from CCHC_NOW (scripts replaying a campaign). */
function clockOf(): Clock {
  const fixed = process.env.CCHC_NOW;
  if (fixed && !Number.isNaN(Date.parse(fixed))) return { now: () => new Date(fixed).toISOString() };
  return { now: () => new Date().toISOString() };
}

const viewOf = (clock: Clock) => (r: Parameters<typeof registerWorkbook>[0]) =>
  registerWorkbook(r, clock.now());

async function open(dir: string | undefined, io: CliIO): Promise<Campaign> {
  // What a command killed mid-write (SIGKILL) left behind goes first: the register itself is
  // always whole (temp file + rename), only its orphaned temp files remain.
  await removeStaleTemps(resolve(io.cwd, dir ?? '.'));
  try {
    return await openCampaign(nodeCampaignFolder(dir ?? '.', io.cwd));
  } catch (e) {
    if (e instanceof CampaignError) throw new UserError(e.message, e.exitCode);
    throw e;
  }
}

function guard<T>(p: Promise<T>): Promise<T> {
  return p.catch((e) => {
    if (e instanceof CampaignError) throw new UserError(e.message, e.exitCode);
    throw e;
  });
}

function parseDeadline(text: string): { stage: StageId; date: string } {
  const m = /^([a-z0-9-]+)=(.+)$/.exec(text.trim());
  if (!m || !isStageId(m[1]))
    throw new UserError(
      `--deadline "${text}": cần dạng GIAI_ĐOẠN=NGÀY, giai đoạn là một trong: ${stageList()}.`,
    );
  const date = m[2].trim();
  if (!/^\d{4}-\d{2}-\d{2}(T.+)?$/.test(date) || Number.isNaN(Date.parse(date)))
    throw new UserError(
      `--deadline "${text}": ngày "${date}" phải có dạng NĂM-THÁNG-NGÀY, ví dụ 2026-03-31.`,
    );
  return { stage: m[1], date };
}

function receiptLine(r: Receipt): string {
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
      decided && x.rule === 'stage.late'
        ? `    - ${x.message.replace(/ Đã ghi vào sổ, chờ Sở quyết định:.*$/, '')}`
        : `    - ${x.message}`,
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

const DIR_OPTION = '  --dir THƯ_MỤC      thư mục đợt đánh giá (mặc định: thư mục hiện tại)';

export const campaignInitCommand: Command = {
  name: 'campaign init',
  summary: 'Tạo đợt đánh giá trong một thư mục (sổ theo dõi, bộ tiêu chí, khóa xác thực)',
  usage: [
    'Cách dùng: cchc campaign init THƯ_MỤC --framework MÃ|TỆP.json --units DON_VI.csv',
    '             [--deadline GIAI_ĐOẠN=NGÀY …] [--id MÃ_ĐỢT] [--title "TÊN ĐỢT"]',
    '',
    'Tạo đợt đánh giá: sổ theo dõi so-theo-doi.json (và bản xem so-theo-doi.xlsx), bản sao bộ tiêu chí,',
    'khóa bí mật .khoa-xac-thuc (không gửi đi: dùng để ký các phiếu thẩm định). DON_VI.csv có các cột',
    'code, name, group (mã, tên, nhóm); mỗi đơn vị phải có mã.',
    `  --deadline        hạn của một giai đoạn, ví dụ --deadline chot-tu-cham=2026-03-31 (hết ngày, giờ VN).`,
    `                    Giai đoạn: ${stageList()}.`,
    '',
    EXIT_CODES,
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['framework', 'units', 'deadline', 'id', 'title'] });
    const dir = args.positionals[0];
    if (!dir || args.positionals.length > 1) throw new UserError('Cần đúng một THƯ_MỤC cho đợt đánh giá.');
    if (!args.values.framework) throw new UserError('Thiếu --framework MÃ|TỆP.json.');
    if (!args.values.units) throw new UserError('Thiếu --units DON_VI.csv (các cột code, name, group).');
    const framework = loadFrameworkArg(args.values.framework, io);
    const unitsPath = resolve(io.cwd, args.values.units);
    let text: string;
    try {
      text = await fs.readFile(unitsPath, 'utf8');
    } catch {
      throw new UserError(`Không đọc được danh sách đơn vị "${args.values.units}".`);
    }
    const list = parseUnitList(text, framework.groups, { frameworkId: framework.id });
    const units = list.units;
    const errors = list.problems.map((p) => unitListProblemText(args.values.units as string, p));
    for (const u of units.filter((x) => !x.unit.code))
      errors.push(
        `${args.values.units} dòng ${u.line} (${u.unit.name}): thiếu mã đơn vị — đợt đánh giá cần mã để nhận diện tệp.`,
      );
    if (errors.length) throw new UserError(errors.join('\n'));
    if (!units.length) throw new UserError(`"${args.values.units}" không có đơn vị nào.`);
    const deadlines = (args.all.deadline ?? []).map(parseDeadline);
    const id = args.values.id ?? (slug(basename(resolve(io.cwd, dir))) || 'dot-danh-gia');
    const clock = clockOf();
    const folder = nodeCampaignFolder(dir, io.cwd);
    const campaign = await guard(
      initCampaign(folder, {
        id,
        title: args.values.title ?? `Đánh giá Chỉ số CCHC năm ${framework.year}`,
        framework,
        units: units.map((u) => u.unit),
        deadlines,
        clock,
      }),
    );
    await folder.writeAtomic('so-theo-doi.xlsx', await registerWorkbook(campaign.register, clock.now()));
    rememberFramework(framework, io);
    const warning = illustrativeWarning(framework);
    if (warning) io.stderr(warning);
    io.stdout(
      `Đã tạo đợt đánh giá "${id}" trong ${folder.describe('.')}: ${units.length} đơn vị, bộ tiêu chí ${framework.id} (${frameworkFingerprint(framework)}).\n` +
        `Tiếp theo: cchc campaign issue --dir ${folder.describe('.')}\n`,
    );
    return 0;
  },
};

function unitsArg(all: Record<string, string[]>): string[] | undefined {
  const list = (all.unit ?? [])
    .flatMap((u) => u.split(','))
    .map((u) => u.trim())
    .filter(Boolean);
  return list.length ? list : undefined;
}

async function issueAndReport(
  campaign: Campaign,
  stages: Map<string, StageId>,
  io: CliIO,
  explicit: boolean,
  withoutResponse = false,
): Promise<number> {
  const clock = clockOf();
  const byStage = new Map<StageId, string[]>();
  for (const [unit, stage] of stages) byStage.set(stage, [...(byStage.get(stage) ?? []), unit]);
  let code = 0;
  let count = 0;
  for (const [stage, units] of byStage) {
    const { issued, refused } = await guard(
      issueStage(campaign, stage, {
        units: explicit || stage !== 'tu-cham' ? units : undefined,
        clock,
        view: viewOf(clock),
        withoutResponse,
      }),
    );
    for (const i of issued)
      io.stdout(`  ${STAGES[stage].name}: ${i.unit} → ${campaign.folder.describe(i.file)}\n`);
    for (const r of refused) io.stderr(`  Chưa phát được (${STAGES[stage].name}): ${r.message}\n`);
    count += issued.length;
    if (refused.length) code = 1;
  }
  io.stdout(`Đã phát ${count} tệp.\n`);
  return code;
}

export const campaignIssueCommand: Command = {
  name: 'campaign issue',
  summary: 'Phát mẫu tự chấm cho các đơn vị của đợt (tất cả hoặc một số)',
  usage: [
    'Cách dùng: cchc campaign issue [--dir THƯ_MỤC] [--unit MÃ …]',
    '',
    'Ghi mẫu chấm điểm của từng đơn vị vào phat-hanh/tu-cham/. Các cột thẩm định, ý kiến thẩm định và',
    'điểm cộng/trừ bị khóa và phải để trống: tệp nộp về có giá trị ở đó bị từ chối cả tệp.',
    'Không có --unit: phát cho mọi đơn vị chưa có mẫu; có --unit: phát (lại) cho các đơn vị đó.',
    DIR_OPTION,
    '',
    EXIT_CODES,
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['dir', 'unit'] });
    const campaign = await open(args.values.dir, io);
    const units = unitsArg(args.all) ?? campaign.register.units.map((u) => u.code);
    return issueAndReport(
      campaign,
      new Map(units.map((u) => [u, 'tu-cham' as StageId])),
      io,
      !!unitsArg(args.all),
    );
  },
};

export const campaignAppraiseCommand: Command = {
  name: 'campaign appraise',
  summary: 'Lập phiếu thẩm định (lần 1, lần 2, điểm cộng/trừ) cho Hội đồng từ tệp đã nhận',
  usage: [
    'Cách dùng: cchc campaign appraise [--dir THƯ_MỤC] [--stage tham-dinh-1|tham-dinh-2|cong-tru] [--unit MÃ …]',
    '                                  [--without-response]',
    '',
    'Lập phiếu thẩm định từ tệp đã chấp nhận của đơn vị (tự chấm cho lần 1, giải trình cho lần 2, thẩm',
    'định lần 2 cho điểm cộng/trừ): điểm tự chấm, tài liệu và giải trình hiện và bị khóa; chỉ cột thẩm',
    'định của vòng và ý kiến được ghi. Trang _meta mang mã xác thực HMAC-SHA-256 của đợt: phiếu bị sửa',
    '_meta, chép từ đơn vị khác hay giai đoạn khác, hoặc bị sửa điểm tự chấm sẽ bị từ chối khi nhận.',
    'Không có --stage: mỗi đơn vị nhận phiếu của vòng tiếp theo của mình.',
    'Thẩm định lần 2 lập từ phiếu giải trình đơn vị gửi về; đơn vị không gửi giải trình thì lập từ kết',
    'quả thẩm định lần 1 khi đã qua hạn giải trình (hoặc chưa từng phát phiếu giải trình), hoặc ngay khi',
    'Sở chọn --without-response (ghi vào sổ theo dõi).',
    DIR_OPTION,
    '',
    EXIT_CODES,
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['dir', 'unit', 'stage'], booleans: ['without-response'] });
    const campaign = await open(args.values.dir, io);
    const stage = args.values.stage;
    const withoutResponse = args.flags.has('without-response');
    const now = clockOf().now();
    if (stage !== undefined && !['tham-dinh-1', 'tham-dinh-2', 'cong-tru'].includes(stage))
      throw new UserError(`--stage "${stage}": chỉ nhận tham-dinh-1, tham-dinh-2 hoặc cong-tru.`);
    const units = unitsArg(args.all) ?? campaign.register.units.map((u) => u.code);
    const plan = new Map<string, StageId>();
    const waiting: string[] = [];
    for (const u of units) {
      const s =
        (stage as StageId | undefined) ?? nextCouncilStage(campaign.register, u, now, { withoutResponse });
      if (s) plan.set(u, s);
      else waiting.push(u);
    }
    if (waiting.length && !stage)
      io.stderr(
        `Chưa có phiếu thẩm định mới cho: ${waiting.join(', ')} (chưa nhận tệp của vòng trước, hoặc đã phát).\n`,
      );
    return issueAndReport(campaign, plan, io, true, withoutResponse);
  },
};

export const campaignRespondCommand: Command = {
  name: 'campaign respond',
  summary: 'Gửi kết quả thẩm định lần 1 cho đơn vị để giải trình, bổ sung tài liệu',
  usage: [
    'Cách dùng: cchc campaign respond [--dir THƯ_MỤC] [--unit MÃ …]',
    '',
    'Lập phiếu giải trình cho mỗi đơn vị đã có kết quả thẩm định lần 1: mọi điểm hiện và bị khóa, đơn vị',
    'chỉ ghi giải trình và tài liệu bổ sung. Điểm thẩm định trong phiếu gửi về khác sổ theo dõi bị báo',
    'là sửa điểm (giả mạo) và tệp bị từ chối.',
    DIR_OPTION,
    '',
    EXIT_CODES,
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['dir', 'unit'] });
    const campaign = await open(args.values.dir, io);
    const units = unitsArg(args.all) ?? campaign.register.units.map((u) => u.code);
    const explicit = !!unitsArg(args.all);
    const plan = new Map<string, StageId>();
    const waiting: string[] = [];
    for (const u of units) {
      const issued = campaign.register.issued.some(
        (i) => i.unit === u && i.stage === 'giai-trinh' && !i.superseded,
      );
      // A plain run goes to the units whose round 1 is in; an explicit --unit is always tried.
      if (!explicit && !acceptedReceipt(campaign.register, u, 'tham-dinh-1')) waiting.push(u);
      else if (explicit || !issued) plan.set(u, 'giai-trinh');
    }
    if (waiting.length) io.stderr(`Chưa có kết quả thẩm định lần 1 để gửi cho: ${waiting.join(', ')}.\n`);
    return issueAndReport(campaign, plan, io, explicit);
  },
};

export const campaignReceiveCommand: Command = {
  name: 'campaign receive',
  summary: 'Nhận tệp đơn vị / Hội đồng gửi về vào sổ theo dõi (tệp gốc không bị đụng tới)',
  usage: [
    'Cách dùng: cchc campaign receive TỆP_HOẶC_THƯ_MỤC… [--dir THƯ_MỤC] [--json]',
    '',
    'Ghi từng tệp vào sổ theo dõi: SHA-256, tên, thời điểm nhận, giai đoạn, vòng, trạng thái và lý do.',
    'Tệp được chấp nhận được chép vào da-nhan/; tệp gốc không bao giờ bị sửa hay di chuyển. Tệp của',
    'đơn vị có điểm ở cột thẩm định hoặc điểm cộng/trừ bị từ chối cả tệp. Tệp nộp sau hạn được ghi và',
    'đánh dấu "nộp muộn", chờ Sở quyết định (accept-late / refuse-late). Hai tệp hợp lệ của cùng đơn vị',
    'và giai đoạn: tệp có thời gian sửa muộn hơn được dùng. Sổ theo dõi được ghi một lần, nguyên vẹn,',
    'ở cuối (dừng giữa chừng thì sổ cũ còn nguyên).',
    DIR_OPTION,
    '  --json            in kết quả từng tệp dạng JSON',
    '',
    EXIT_CODES,
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['dir'], booleans: ['json'] });
    if (!args.positionals.length) throw new UserError('Cần ít nhất một tệp hoặc thư mục để nhận.');
    const campaign = await open(args.values.dir, io);
    const root = resolve(io.cwd, args.values.dir ?? '.');
    const paths = (await collectFiles(args.positionals, io.cwd, new Set())).filter(
      (p) =>
        !relative(root, p)
          .split(/[\\/]/)[0]
          .match(/^(da-nhan|phat-hanh|ket-qua)$/) || relative(root, p).startsWith('..'),
    );
    const clock = clockOf();
    const files = await Promise.all(
      paths.map(async (p) => {
        const st = await fs.stat(p);
        return {
          name: relative(io.cwd, p) || p,
          size: st.size,
          fileTime: st.mtime.toISOString(),
          bytes: async () => new Uint8Array(await fs.readFile(p)),
        };
      }),
    );
    const json = args.flags.has('json');
    const { receipts } = await guard(
      receiveFiles(campaign, files, {
        clock,
        view: viewOf(clock),
        onFile: json ? undefined : (r) => io.stdout(`${receiptLine(r)}\n`),
      }),
    );
    if (json) io.stdout(`${JSON.stringify({ receipts }, null, 2)}\n`);
    else {
      const n = (s: string) => receipts.filter((r) => r.status === s).length;
      io.stdout(
        `\nĐã nhận ${receipts.length} tệp: ${n('accepted')} chấp nhận, ${n('rejected')} từ chối, ${n('late-pending')} nộp muộn chờ quyết định, ${n('duplicate')} trùng, ${n('superseded')} cũ hơn, ${n('unreadable')} không đọc được.\n`,
      );
    }
    return receipts.some((r) => !['accepted', 'duplicate', 'superseded'].includes(r.status)) ? 1 : 0;
  },
};

export const campaignStatusCommand: Command = {
  name: 'campaign status',
  summary: 'Tình trạng đợt đánh giá theo đơn vị và giai đoạn (đã phát, đã nhận, từ chối, muộn, thiếu)',
  usage: [
    'Cách dùng: cchc campaign status [--dir THƯ_MỤC] [--json]',
    '',
    'Mỗi đơn vị, mỗi giai đoạn: đã phát, đã nhận, bị từ chối (kèm lý do), nộp muộn, thiếu (quá hạn).',
    DIR_OPTION,
    '  --json            một tài liệu JSON { campaign, framework, now, units: [ { code, name, group,',
    '                    stages: [ { stage, state, issued, deadline, received, accepted, rejected,',
    '                    late, missing } ] } ], unmatched, counts }',
    '',
    'Mã thoát: 0 (kể cả khi có đơn vị thiếu hồ sơ); 2 không phải thư mục đợt đánh giá.',
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['dir'], booleans: ['json'] });
    const campaign = await open(args.values.dir, io);
    const status = statusOf(campaign, clockOf());
    if (args.flags.has('json')) {
      io.stdout(`${JSON.stringify(status, null, 2)}\n`);
      return 0;
    }
    io.stdout(
      `Đợt "${campaign.register.campaign.title}" (${status.campaign}), bộ tiêu chí ${status.framework}\n\n`,
    );
    io.stdout(statusTable(status));
    const problems = status.units.flatMap((u) =>
      u.stages.flatMap((s) =>
        s.rejected.map(
          (r) =>
            `  ${u.code} · ${STAGES[s.stage].name} · #${r.seq} ${r.file}: ${r.reasons[0]?.message ?? r.status}`,
        ),
      ),
    );
    if (problems.length) io.stdout(`\nTệp bị từ chối:\n${problems.join('\n')}\n`);
    for (const u of status.unmatched)
      io.stdout(`  #${u.seq} ${u.file}: ${u.reasons[0]?.message ?? u.status}\n`);
    return 0;
  },
};

function seqArg(argv: string[], name: string): { seq: number; note: string; dir?: string } {
  const args = parseArgs(argv, { values: ['dir', 'note'] });
  const seq = Number(args.positionals[0]);
  if (args.positionals.length !== 1 || !Number.isInteger(seq) || seq < 1)
    throw new UserError(
      `cchc campaign ${name} cần đúng một SỐ lần nhận (cột "Số" trong sổ theo dõi, hoặc #N khi nhận).`,
    );
  return { seq, note: args.values.note ?? '', dir: args.values.dir };
}

function lateCommand(accept: boolean): Command {
  const name = accept ? 'accept-late' : 'refuse-late';
  return {
    name: `campaign ${name}`,
    summary: accept
      ? 'Sở chấp nhận một tệp nộp muộn (ghi vào sổ)'
      : 'Sở không chấp nhận một tệp nộp muộn (vẫn giữ trong sổ)',
    usage: [
      `Cách dùng: cchc campaign ${name} SỐ [--note "LÝ DO"] [--dir THƯ_MỤC]`,
      '',
      accept
        ? 'Tệp nộp muộn số SỐ được dùng như mọi tệp đúng hạn; quyết định và lý do ghi vào sổ theo dõi.'
        : 'Tệp nộp muộn số SỐ không được dùng; nó vẫn ở trong sổ theo dõi với quyết định và lý do.',
      DIR_OPTION,
      '',
      EXIT_CODES,
    ].join('\n'),
    async run(argv, io) {
      const { seq, note, dir } = seqArg(argv, name);
      const campaign = await open(dir, io);
      const clock = clockOf();
      const r = await guard(decideLateFile(campaign, seq, accept, note, { clock, view: viewOf(clock) }));
      io.stdout(`${receiptLine(r)}\n`);
      return 0;
    },
  };
}

export const campaignReopenCommand: Command = {
  name: 'campaign reopen',
  summary: 'Mở lại một giai đoạn cho một đơn vị (có ghi vào sổ)',
  usage: [
    'Cách dùng: cchc campaign reopen GIAI_ĐOẠN --unit MÃ [--until NGÀY] [--reason "LÝ DO"] [--dir THƯ_MỤC]',
    '',
    'Cho đơn vị nộp lại tệp của giai đoạn (vd. tu-cham) dù giai đoạn sau đã bắt đầu, với hạn mới --until.',
    'Sau khi nhận tệp mới, phát lại phiếu của giai đoạn sau (vd. cchc campaign appraise --unit MÃ).',
    DIR_OPTION,
    '',
    EXIT_CODES,
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['dir', 'unit', 'until', 'reason'] });
    const stage = args.positionals[0];
    if (!stage || !isStageId(stage)) throw new UserError(`Cần GIAI_ĐOẠN, một trong: ${stageList()}.`);
    if (!args.values.unit) throw new UserError('Thiếu --unit MÃ.');
    const until = args.values.until ?? null;
    if (until !== null && Number.isNaN(Date.parse(until)))
      throw new UserError(`--until "${until}" phải có dạng NĂM-THÁNG-NGÀY.`);
    const campaign = await open(args.values.dir, io);
    const clock = clockOf();
    await guard(
      reopen(campaign, stage, args.values.unit, until, args.values.reason ?? '', {
        clock,
        view: viewOf(clock),
      }),
    );
    io.stdout(
      `Đã mở lại "${STAGES[stage].name}" cho ${args.values.unit}${until ? `, hạn mới ${until}` : ''}.\n`,
    );
    return 0;
  },
};

export const campaignSurveyCommand: Command = {
  name: 'campaign survey',
  summary: 'Ghi tệp kết quả điều tra XHH vào đợt đánh giá',
  usage: [
    'Cách dùng: cchc campaign survey TỆP.csv|TỆP.xlsx [--dir THƯ_MỤC]',
    '',
    'Chép tệp điều tra xã hội học vào đợt (dieu-tra-xhh/) và ghi vào sổ; cchc campaign rank dùng tệp này.',
    DIR_OPTION,
    '',
    EXIT_CODES,
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['dir'] });
    if (args.positionals.length !== 1) throw new UserError('Cần đúng một tệp điều tra XHH.');
    const campaign = await open(args.values.dir, io);
    const file = args.positionals[0];
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await fs.readFile(resolve(io.cwd, file)));
    } catch {
      throw new UserError(`Không đọc được tệp điều tra XHH "${file}".`);
    }
    try {
      await readDataRows(file, bytes);
    } catch (e) {
      if (e instanceof DataFileError) throw new UserError(`Tệp điều tra XHH: ${e.message}`);
      throw e;
    }
    const clock = clockOf();
    await guard(receiveSurvey(campaign, basename(file), bytes, { clock, view: viewOf(clock) }));
    io.stdout(`Đã ghi tệp điều tra XHH "${file}" vào đợt.\n`);
    return 0;
  },
};

export const campaignRankCommand: Command = {
  name: 'campaign rank',
  summary: 'Bảng xếp hạng cuối và báo cáo từ sổ theo dõi của đợt',
  usage: [
    'Cách dùng: cchc campaign rank [--dir THƯ_MỤC] [-o XEP_HANG.xlsx] [--report BAO_CAO.html] [--json]',
    '                          [--allow-missing-survey]',
    '',
    'Xếp hạng từ sổ theo dõi: điểm tự chấm của tệp đã chấp nhận, điểm thẩm định của các phiếu thẩm định',
    'đã xác thực (lần 2 thay lần 1; điểm cộng/trừ của Hội đồng), điểm điều tra XHH từ tệp đã ghi bằng',
    'cchc campaign survey. Không lấy điểm thẩm định từ tệp của đơn vị.',
    DIR_OPTION,
    '  -o TỆP            bảng xếp hạng (mặc định ket-qua/xep-hang.xlsx trong thư mục đợt)',
    '  --report TỆP      báo cáo HTML (mặc định ket-qua/bao-cao.html)',
    '  --json            in { units, files } như cchc consolidate --json',
    '  --allow-missing-survey  xếp hạng cả đơn vị thiếu số liệu điều tra XHH, tính phần đó bằng 0',
    '                    (mỗi đơn vị như vậy được ghi chú); mặc định đơn vị đó là lỗi, chưa xếp hạng',
    '',
    EXIT_CODES,
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, {
      values: ['dir', 'o', 'output', 'report', 'not-ranked'],
      booleans: ['json', 'allow-missing-survey'],
    });
    const allowMissingSurvey = args.flags.has('allow-missing-survey');
    const campaign = await open(args.values.dir, io);
    const survey = await guard(campaignSurveyRows(campaign));
    const result = rankCampaign(campaign, survey, args.all['not-ranked'], { allowMissingSurvey });
    refuseUnusableSurvey(result, allowMissingSurvey, io);
    const root = resolve(io.cwd, args.values.dir ?? '.');
    const out = resolve(
      io.cwd,
      args.values.o ?? args.values.output ?? resolve(root, 'ket-qua', 'xep-hang.xlsx'),
    );
    const report = resolve(io.cwd, args.values.report ?? resolve(root, 'ket-qua', 'bao-cao.html'));
    const generatedAt = clockOf().now();
    if (!result.units.length) {
      if (args.flags.has('json'))
        io.stdout(
          `${JSON.stringify({ units: [], files: result.files, warnings: result.warnings }, null, 2)}\n`,
        );
      else io.stdout(consolidationText(result));
      surveyGapsNotice(result, io);
      io.stderr('Chưa có đơn vị nào được xếp hạng: không ghi bảng xếp hạng.\n');
      return 1;
    }
    await writeFileDurably(out, await writeRankingWorkbook(result, { generatedAt }));
    await writeFileDurably(report, renderReportHtml(result, { generatedAt }));
    if (args.flags.has('json'))
      io.stdout(
        `${JSON.stringify({ units: result.units, files: result.files, warnings: result.warnings }, null, 2)}\n`,
      );
    else {
      io.stdout(consolidationText(result));
      io.stdout(
        `\nĐã ghi bảng xếp hạng: ${relative(io.cwd, out)}\nĐã ghi báo cáo: ${relative(io.cwd, report)}\n`,
      );
    }
    surveyGapsNotice(result, io);
    return 0;
  },
};

export const campaignDocumentsCommand: Command = {
  name: 'campaign documents',
  summary:
    'Văn bản Word theo Nghị định 30/2020/NĐ-CP: báo cáo tự đánh giá, kết quả thẩm định, phụ lục xếp hạng',
  usage: [
    'Cách dùng: cchc campaign documents [--dir THƯ_MỤC] [-o THƯ_MỤC_RA] [--place TỈNH] [--issuer "CƠ QUAN"]',
    '                                   [--decision "SỐ/QĐ-UBND ngày NGÀY"]',
    '',
    'Ghi các văn bản .docx (A4, Times New Roman, Quốc hiệu, Tiêu ngữ, số/ký hiệu, địa danh và ngày,',
    'chữ ký, nơi nhận, theo Nghị định 30/2020/NĐ-CP) cho mọi đơn vị đã có dữ liệu, từ sổ theo dõi và các',
    'tệp đã nhận của đợt:',
    `  ${DOCUMENT_DIRS.report}/MÃ - Tên.docx     báo cáo tự đánh giá, chấm điểm (từ tệp tự chấm đã chấp nhận:`,
    '      bảng điểm theo lĩnh vực, tiêu chí, tiêu chí thành phần; tiêu chí không có hoặc chưa đủ tài liệu',
    '      kiểm chứng kèm giải trình; khó khăn, vướng mắc và kiến nghị, đề xuất đơn vị ghi dưới bảng điểm);',
    `  ${DOCUMENT_DIRS.round1}/…, ${DOCUMENT_DIRS.round2}/…   kết quả thẩm định của từng vòng đã nhận:`,
    '      điểm tự chấm và điểm thẩm định từng tiêu chí, ý kiến Hội đồng, hạn giải trình; vòng sau cùng kèm',
    '      các tiêu chí mất nhiều điểm nhất;',
    `  ${APPENDIX_FILE}     phụ lục xếp hạng theo nhóm kèm quyết định công bố (như cchc campaign rank).`,
    'Ngày trên văn bản là hôm nay theo giờ Việt Nam. Số văn bản để trống cho văn thư ghi.',
    DIR_OPTION,
    `  -o THƯ_MỤC        nơi ghi (mặc định ${DOCUMENTS_DIR} trong thư mục đợt)`,
    '  --place TỈNH      địa danh của dòng "…, ngày … tháng … năm …" (mặc định: tỉnh của cơ quan ban hành',
    '                    bộ tiêu chí, nếu bộ tiêu chí ghi rõ)',
    '  --issuer TÊN      cơ quan ban hành kết quả thẩm định và phụ lục (mặc định "Sở Nội vụ")',
    '  --decision TEXT   số, ngày quyết định công bố mà phụ lục kèm theo (mặc định để trống)',
    '',
    'Mã thoát: 0 xong; 1 xong nhưng có đơn vị chưa có tệp tự chấm được chấp nhận (không có văn bản);',
    '2 sai cách dùng hoặc không phải thư mục đợt đánh giá; 3 không ghi được tệp.',
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['dir', 'o', 'output', 'place', 'issuer', 'decision'] });
    if (args.positionals.length)
      throw new UserError(`Không nhận đối số "${args.positionals[0]}" (dùng -o THƯ_MỤC).`);
    const campaign = await open(args.values.dir, io);
    const root = resolve(io.cwd, args.values.dir ?? '.');
    const outDir = resolve(
      io.cwd,
      args.values.o ?? args.values.output ?? resolve(root, ...DOCUMENTS_DIR.split('/')),
    );
    const { documents, withoutReturn } = await guard(
      campaignDocuments(campaign, {
        place: args.values.place,
        issuer: args.values.issuer,
        decision: args.values.decision,
        clock: clockOf(),
      }),
    );
    for (const d of documents) {
      const target = resolve(outDir, ...d.path.split('/'));
      try {
        await writeFileDurably(target, d.bytes);
      } catch (e) {
        throw new UserError(`Không ghi được "${relative(io.cwd, target)}": ${(e as Error).message}`, 3);
      }
    }
    const count = (k: string) => documents.filter((d) => d.kind === k).length;
    io.stdout(
      `Đã ghi ${documents.length} văn bản vào ${relative(io.cwd, outDir) || '.'}: ${count('report')} báo cáo tự đánh giá, ` +
        `${count('round1') + count('round2')} kết quả thẩm định (${count('round1')} lần 1, ${count('round2')} lần 2), ` +
        `${count('appendix')} phụ lục xếp hạng.\n`,
    );
    if (withoutReturn.length) {
      io.stderr(
        `Chưa có tệp tự chấm được chấp nhận, không có văn bản: ${withoutReturn.map((u) => `${u.code} (${u.name})`).join(', ')}.\n`,
      );
      return 1;
    }
    return 0;
  },
};

export const campaignCommands: Command[] = [
  campaignInitCommand,
  campaignIssueCommand,
  campaignReceiveCommand,
  campaignStatusCommand,
  campaignAppraiseCommand,
  campaignRespondCommand,
  campaignSurveyCommand,
  campaignRankCommand,
  campaignDocumentsCommand,
  lateCommand(true),
  lateCommand(false),
  campaignReopenCommand,
];

export { STAGE_IDS };
