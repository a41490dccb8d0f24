/**
 * The whole assessment campaign of `npm run demo`, on the illustrative two-level framework
 * `minh-hoa-2025` (sở, phường, xã and đặc khu ranked apart) and the sample units of
 * templates/sample/units-minh-hoa-2025.csv. Every step is the real `cchc campaign …` command,
 * run at a fixed instant (CCHC_NOW), with the files units and the council would send made by a
 * second writer (exceljs) from the workbooks the campaign issued:
 *   init → issue → returns (one late, one with appraisal typed by the unit, one duplicate, one
 *   broken) → accept-late → thẩm định lần 1 → giải trình (one unit sends none) → thẩm định lần 2
 *   → điểm cộng, điểm trừ (a deduction, a bonus) → điều tra XHH → rank → documents (the Word
 *   reports, appraisal results and ranking appendix) → status.
 * Deterministic: the same files, register and ranking every run. Each step's exit code is
 * checked, so the demo fails loudly if the campaign stops behaving as shown.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { parseRegister, type Register } from '../../campaign';
import { viDateTime } from '../../common/vi-time';
import { allowedScores, sampleScores, seedOf, seededRandom } from '../../consolidation/sample-scores';
import { getBuiltinFramework } from '../../framework/builtins';
import type { Framework } from '../../framework/schema';
import { appliesTo, leaves } from '../../framework/tree';
import { leafKind } from '../../scoring/leaf';
import { DOCUMENTS_DIR } from '../../usecases/campaign/documents';
import { fillReturnedWorkbook, type ReturnedEntries } from '../../xlsx/sample-returns';
import type { CliIO, Command } from '../command';
import { UserError } from '../errors';
import {
  campaignAppraiseCommand,
  campaignDocumentsCommand,
  campaignIssueCommand,
  campaignInitCommand,
  campaignRankCommand,
  campaignReceiveCommand,
  campaignRespondCommand,
  campaignStatusCommand,
  campaignSurveyCommand,
  campaignCommands,
} from './campaign';

export const CAMPAIGN_DEMO_FRAMEWORK = 'minh-hoa-2025';
const CAMPAIGN = 'dot-2025';
const INBOX = 'hop-thu';

/** The planted cases: who does what is fixed, so the demo always shows them. */
export const DEMO_CASES = {
  /** Types appraisal scores into its own workbook: rejected whole. */
  selfAppraised: 'SXD',
  /** Sends the same file twice under two names: the second is a duplicate. */
  duplicate: 'PNH',
  /** Its file is cut off in transfer: unreadable, never tied to a unit. */
  broken: 'SYT',
  /** Sends after the deadline: registered "nộp muộn", then accepted by the Sở. */
  late: 'XVL',
  /** Sends no giải trình: round 2 is made from its round-1 result after the deadline. */
  noResponse: 'XTL',
  /** The council's deduction (điểm trừ) in round 2, and a bonus (điểm cộng). */
  deduction: { unit: 'STP', leaf: '5.4.3', value: -0.5 },
  bonus: { unit: 'XAP', leaf: '7.7', value: 0.5 },
} as const;

/** What each unit types below its table for the self-assessment report (two lines each). */
const DEMO_REPORT_TEXTS = {
  difficulties:
    'Đơn vị chưa có công chức chuyên trách công tác cải cách hành chính; việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn chậm.\n' +
    'Một số văn bản làm tài liệu kiểm chứng ban hành chậm nên chưa đủ căn cứ tự chấm điểm tối đa.',
  recommendations:
    'Đề nghị Sở Nội vụ tổ chức tập huấn về cách tự đánh giá, chấm điểm và chuẩn bị tài liệu kiểm chứng.\n' +
    'Đề nghị UBND tỉnh bố trí kinh phí nâng cấp hệ thống thông tin giải quyết thủ tục hành chính.',
};

/** The campaign's calendar (UTC instants; Việt Nam is UTC+7). */
const AT = {
  init: '2025-11-20T02:00:00.000Z',
  sent: '2025-12-12T03:00:00.000Z',
  receive: '2025-12-15T08:00:00.000Z',
  late: '2025-12-17T03:00:00.000Z',
  acceptLate: '2025-12-17T04:00:00.000Z',
  round1: '2025-12-22T02:00:00.000Z',
  round1Back: '2025-12-29T02:00:00.000Z',
  respond: '2025-12-30T02:00:00.000Z',
  responseBack: '2026-01-08T02:00:00.000Z',
  round2: '2026-01-12T02:00:00.000Z',
  round2Back: '2026-01-16T02:00:00.000Z',
  bonusDeduction: '2026-01-19T02:00:00.000Z',
  bonusDeductionBack: '2026-01-20T02:00:00.000Z',
  survey: '2026-01-21T02:00:00.000Z',
  rank: '2026-01-22T02:00:00.000Z',
};
const DEADLINES = ['chot-tu-cham=2025-12-15', 'giai-trinh=2026-01-09'];

interface Unit {
  code: string;
  name: string;
  group: string;
}

const byName = new Map(campaignCommands.map((c) => [c.name, c]));

class Demo {
  constructor(
    readonly out: string,
    readonly io: CliIO,
    readonly framework: Framework,
  ) {}

  /** Runs one `cchc campaign …` step at a fixed instant; its output is shown or summed up. */
  async step(at: string, command: Command, argv: string[], expected: number, show = false): Promise<string> {
    const previous = process.env.CCHC_NOW;
    process.env.CCHC_NOW = at;
    const out: string[] = [];
    const err: string[] = [];
    const quiet: CliIO = {
      ...this.io,
      isTTY: false,
      cwd: this.out,
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
    };
    this.io.stderr(`\n[${viDateTime(at)}] cchc ${command.name} ${argv.map(quote).join(' ')}\n`);
    let code: number;
    try {
      code = await command.run(argv, quiet);
    } finally {
      if (previous === undefined) delete process.env.CCHC_NOW;
      else process.env.CCHC_NOW = previous;
    }
    const text = out.join('');
    if (code !== expected)
      throw new UserError(
        `Demo dừng: "cchc ${command.name}" trả mã ${code}, cần ${expected}.\n${text}${err.join('')}`,
        4,
      );
    if (show) this.io.stdout(text);
    else {
      const last = text.trimEnd().split('\n').pop();
      if (last) this.io.stderr(`  ${last.trim()}\n`);
    }
    return text;
  }

  async register(): Promise<Register> {
    const path = join(this.out, CAMPAIGN, 'so-theo-doi.json');
    const parsed = parseRegister(await fs.readFile(path, 'utf8'), path);
    if (!parsed.ok) throw new UserError(parsed.message, 4);
    return parsed.register;
  }

  /** The workbook the campaign issued to a unit for a stage. */
  async issued(unit: string, stage: string): Promise<Uint8Array> {
    const r = await this.register();
    const i = r.issued.find((x) => x.unit === unit && x.stage === stage && !x.superseded);
    if (!i) throw new UserError(`Demo: chưa phát phiếu ${stage} cho ${unit}.`, 4);
    return new Uint8Array(await fs.readFile(join(this.out, CAMPAIGN, ...i.file.split('/'))));
  }

  /** A file "sent" to the Sở: written to the inbox with the time it was sent. */
  async send(folder: string, name: string, bytes: Uint8Array, at: string): Promise<void> {
    const dir = join(this.out, INBOX, folder);
    await fs.mkdir(dir, { recursive: true });
    const path = join(dir, name);
    await fs.writeFile(path, bytes);
    const t = new Date(at);
    await fs.utimes(path, t, t);
  }
}

function quote(a: string): string {
  return /[\s"]/.test(a) ? `"${a.replace(/"/g, '\\"')}"` : a;
}

/** The leaves the council scores in an ordinary round for a unit. */
function scoredLeaves(framework: Framework, group: string) {
  return leaves(framework).filter((l) => {
    const k = leafKind(l);
    return l.method !== 'survey' && appliesTo(l, group) && k !== 'bonus' && k !== 'deduction';
  });
}

/** The leaves the council lowers in round 1: two, picked by a seed, where a lower score exists. */
function loweredLeaves(framework: Framework, unit: Unit, self: Record<string, number>): Map<string, number> {
  const random = seededRandom(seedOf(`tham-dinh:${unit.code}`));
  const candidates = scoredLeaves(framework, unit.group).filter((l) =>
    allowedScores(l, unit.group).some((v) => v < (self[l.code] ?? 0)),
  );
  const out = new Map<string, number>();
  while (out.size < 2 && candidates.length) {
    const leaf = candidates.splice(Math.floor(random() * candidates.length), 1)[0];
    const lower = allowedScores(leaf, unit.group).filter((v) => v < self[leaf.code]);
    out.set(leaf.code, lower[lower.length - 1]);
  }
  return out;
}

export async function runCampaignDemo(out: string, io: CliIO, samples: string): Promise<number> {
  const framework = getBuiltinFramework(CAMPAIGN_DEMO_FRAMEWORK);
  if (!framework) throw new UserError(`Thiếu bộ tiêu chí có sẵn "${CAMPAIGN_DEMO_FRAMEWORK}".`);
  const unitsFile = 'units-minh-hoa-2025.csv';
  const surveyFile = 'dieu-tra-xhh-minh-hoa-2025.csv';
  await fs.mkdir(out, { recursive: true });
  // The demo's own folders only: a previous run's campaign would refuse a new init.
  for (const d of [CAMPAIGN, INBOX]) await fs.rm(join(out, d), { recursive: true, force: true });
  await fs.copyFile(join(samples, unitsFile), join(out, unitsFile));
  await fs.copyFile(join(samples, surveyFile), join(out, surveyFile));
  const units: Unit[] = (await fs.readFile(join(out, unitsFile), 'utf8'))
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [code, name, group] = line.split(',');
      return { code, name, group };
    });
  const demo = new Demo(out, io, framework);
  const C = DEMO_CASES;
  const dir = ['--dir', CAMPAIGN];

  // 1. The campaign and its unit templates.
  await demo.step(
    AT.init,
    campaignInitCommand,
    [
      CAMPAIGN,
      '--framework',
      CAMPAIGN_DEMO_FRAMEWORK,
      '--units',
      unitsFile,
      ...DEADLINES.flatMap((d) => ['--deadline', d]),
      '--title',
      'Đánh giá Chỉ số CCHC năm 2025 (minh họa)',
    ],
    0,
  );
  await demo.step(AT.init, campaignIssueCommand, dir, 0);

  // 2. The units' returns, as each unit would fill its template.
  const self: Record<string, Record<string, number>> = {};
  for (const unit of units) {
    const quality = 0.55 + seededRandom(seedOf(`quality:${unit.code}`))() * 0.4;
    const entries: ReturnedEntries = {};
    self[unit.code] = {};
    for (const [code, e] of Object.entries(sampleScores(framework, unit.group, seedOf(unit.code), quality))) {
      entries[code] = { ...e };
      if (typeof e.self === 'number') self[unit.code][code] = e.self;
    }
    if (unit.code === C.selfAppraised) {
      // The unit "helps" the council: appraisal typed into locked cells of its own workbook.
      for (const leaf of scoredLeaves(framework, unit.group).slice(0, 3))
        entries[leaf.code] = { ...entries[leaf.code], appraisal: leaf.maxByGroup?.[unit.group] ?? leaf.max };
    }
    let bytes = await fillReturnedWorkbook(await demo.issued(unit.code, 'tu-cham'), entries, {
      report: DEMO_REPORT_TEXTS,
    });
    if (unit.code === C.broken) bytes = bytes.subarray(0, Math.floor(bytes.length / 2));
    const name = `${unit.code}-tu-cham.xlsx`;
    if (unit.code === C.late) await demo.send('tu-cham-muon', name, bytes, AT.late);
    else await demo.send('tu-cham', name, bytes, AT.sent);
    if (unit.code === C.duplicate)
      await demo.send('tu-cham', `${unit.code}-tu-cham_gui-lai.xlsx`, bytes, AT.sent);
  }
  await demo.step(AT.receive, campaignReceiveCommand, [`${INBOX}/tu-cham`, ...dir], 1, true);
  await demo.step(AT.late, campaignReceiveCommand, [`${INBOX}/tu-cham-muon`, ...dir], 1, true);
  const late = (await demo.register()).receipts.find((r) => r.status === 'late-pending');
  if (!late) throw new UserError('Demo: không thấy tệp nộp muộn trong sổ theo dõi.', 4);
  await demo.step(
    AT.acceptLate,
    byName.get('campaign accept-late') as Command,
    [String(late.seq), '--note', 'Đơn vị báo sự cố đường truyền ngày 15/12; Sở chấp nhận', ...dir],
    0,
    true,
  );

  // 3. Thẩm định lần 1: the council lowers two leaves per unit, with a comment.
  await demo.step(AT.round1, campaignAppraiseCommand, dir, 0);
  const accepted = (await demo.register()).receipts
    .filter((r) => r.status === 'accepted' && r.stage === 'tu-cham')
    .map((r) => units.find((u) => u.code === r.unit) as Unit);
  const lowered = new Map<string, Map<string, number>>();
  for (const unit of accepted) {
    const low = loweredLeaves(framework, unit, self[unit.code]);
    lowered.set(unit.code, low);
    const entries: ReturnedEntries = {};
    for (const leaf of scoredLeaves(framework, unit.group)) {
      const v = low.get(leaf.code);
      entries[leaf.code] =
        v === undefined
          ? { appraisal: self[unit.code][leaf.code] ?? 0 }
          : { appraisal: v, appraisalComment: 'Tài liệu kiểm chứng chưa chứng minh được mức điểm tự chấm.' };
    }
    await demo.send(
      'tham-dinh-1',
      `${unit.code}-tham-dinh-1.xlsx`,
      await fillReturnedWorkbook(await demo.issued(unit.code, 'tham-dinh-1'), entries),
      AT.round1Back,
    );
  }
  await demo.step(AT.round1Back, campaignReceiveCommand, [`${INBOX}/tham-dinh-1`, ...dir], 0);

  // 4. Giải trình: every unit but one explains the first lowered leaf.
  await demo.step(AT.respond, campaignRespondCommand, dir, 0);
  for (const unit of accepted) {
    if (unit.code === C.noResponse) continue;
    const [first] = lowered.get(unit.code)?.keys() ?? [];
    const entries: ReturnedEntries = first
      ? {
          [first]: {
            explanation: 'Bổ sung văn bản kèm theo; đề nghị Hội đồng xem xét lại mức điểm.',
            evidence: 'Công văn bổ sung số 15/CV ngày 05/01/2026',
          },
        }
      : {};
    await demo.send(
      'giai-trinh',
      `${unit.code}-giai-trinh.xlsx`,
      await fillReturnedWorkbook(await demo.issued(unit.code, 'giai-trinh'), entries),
      AT.responseBack,
    );
  }
  await demo.step(AT.responseBack, campaignReceiveCommand, [`${INBOX}/giai-trinh`, ...dir], 0);

  // 5. Thẩm định lần 2 (the unit without giải trình too, its deadline being past): the
  //    explained leaf is restored, the other kept.
  await demo.step(AT.round2, campaignAppraiseCommand, dir, 0);
  for (const unit of accepted) {
    const low = lowered.get(unit.code) ?? new Map<string, number>();
    const [first] = low.keys();
    const entries: ReturnedEntries = {};
    for (const leaf of scoredLeaves(framework, unit.group)) {
      const restored = leaf.code === first && unit.code !== C.noResponse;
      const v = restored ? undefined : low.get(leaf.code);
      entries[leaf.code] =
        v === undefined
          ? {
              appraisal2: self[unit.code][leaf.code] ?? 0,
              ...(restored ? { appraisal2Comment: 'Chấp nhận giải trình.' } : {}),
            }
          : { appraisal2: v };
    }
    await demo.send(
      'tham-dinh-2',
      `${unit.code}-tham-dinh-2.xlsx`,
      await fillReturnedWorkbook(await demo.issued(unit.code, 'tham-dinh-2'), entries),
      AT.round2Back,
    );
  }
  await demo.step(AT.round2Back, campaignReceiveCommand, [`${INBOX}/tham-dinh-2`, ...dir], 0);

  // 6. Điểm cộng, điểm trừ: the council's deduction and bonus, for the two units concerned.
  await demo.step(
    AT.bonusDeduction,
    campaignAppraiseCommand,
    ['--stage', 'cong-tru', '--unit', `${C.deduction.unit},${C.bonus.unit}`, ...dir],
    0,
  );
  for (const c of [C.deduction, C.bonus]) {
    const comment =
      c.value < 0
        ? 'Bị UBND tỉnh phê bình do chậm báo cáo (Công văn số 210/UBND ngày 10/10/2025).'
        : 'Mô hình chuyển đổi số được UBND tỉnh công nhận.';
    await demo.send(
      'cong-tru',
      `${c.unit}-cong-tru.xlsx`,
      await fillReturnedWorkbook(await demo.issued(c.unit, 'cong-tru'), {
        [c.leaf]: { appraisal2: c.value, appraisal2Comment: comment },
      }),
      AT.bonusDeductionBack,
    );
  }
  await demo.step(AT.bonusDeductionBack, campaignReceiveCommand, [`${INBOX}/cong-tru`, ...dir], 0);

  // 7. Survey, ranking, status.
  await demo.step(AT.survey, campaignSurveyCommand, [surveyFile, ...dir], 0);
  io.stdout('\nXẾP HẠNG CUỐI (cchc campaign rank)\n');
  await demo.step(AT.rank, campaignRankCommand, dir, 0, true);
  io.stdout('\nVĂN BẢN (cchc campaign documents)\n');
  await demo.step(AT.rank, campaignDocumentsCommand, dir, 1, true);
  io.stdout(`Thư mục văn bản: ${join(out, CAMPAIGN, ...DOCUMENTS_DIR.split('/'))}\n`);
  io.stdout('\nTÌNH TRẠNG ĐỢT ĐÁNH GIÁ (cchc campaign status)\n');
  await demo.step(AT.rank, campaignStatusCommand, dir, 0, true);
  return 0;
}
