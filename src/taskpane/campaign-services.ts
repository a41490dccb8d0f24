/**
 * The Sở's campaign in the pane: the same use cases as `cchc campaign` (src/usecases/campaign),
 * over a folder kept inside the open workbook (src/excel/workbook-store.ts) instead of a folder on
 * disk. Loaded on first use (it pulls the campaign core, the .xlsx reader and writer).
 */
import type { CampaignFolder } from '../usecases/campaign/folder';
import type { Clock } from '../usecases/campaign/campaign';
import type { Framework } from '../framework/schema';
import { viDateTime } from '../common/vi-time';
import type { CampaignReceipt, CampaignServices, CampaignView, PickedFile } from './services';
import type { Strings } from './strings';
import { campaignReasonText } from './problem-text';

export interface CampaignServiceOptions {
  findFramework(id: string): Framework | undefined;
  /** Where the campaign's files live; default the open workbook. */
  folder?: () => Promise<CampaignFolder & { exists(): Promise<boolean> }>;
  clock?: Clock;
  download(bytes: Uint8Array, fileName: string, type: string): void;
}

const workbookFolder = async () => (await import('../excel/workbook-store')).workbookFileStore();

const load = () =>
  Promise.all([
    import(/* webpackChunkName: "campaign" */ '../usecases/campaign/campaign'),
    import(/* webpackChunkName: "campaign" */ '../campaign'),
  ]);

export function createCampaignServices(t: Strings, options: CampaignServiceOptions): CampaignServices {
  const folderOf = options.folder ?? workbookFolder;
  const clockOf = async (): Promise<Clock> =>
    options.clock ?? (await import('../usecases/campaign/campaign')).systemClock;

  // A late file's reason ends with the CLI's next step; the pane offers that step itself
  // ("Nộp muộn chờ Sở quyết định"), so the pane shows the fact only (the English template says
  // only the fact). In English a reason is worded from its facts (campaignReasonText).
  // (The rule comes with the campaign chunk: the core is not in the pane's first bundles.)
  const shownWith =
    (core: { lateReasonFact(message: string): string }) =>
    (x: { rule: string; message: string; params?: object }) =>
      campaignReasonText(
        x.rule === 'stage.late' ? { ...x, message: core.lateReasonFact(x.message) } : x,
        t.locale,
      );

  async function viewOf(): Promise<CampaignView | null> {
    const folder = await folderOf();
    if (!(await folder.exists())) return null;
    const [uc, core] = await load();
    const campaign = await uc.openCampaign(folder);
    const clock = await clockOf();
    const status = uc.statusOf(campaign, clock);
    const register = campaign.register;
    const groupName = new Map(campaign.framework.groups.map((g) => [g.id, g.name]));
    const stages = status.units[0]?.stages.map((s) => s.stage) ?? [];
    const respondable = (code: string) =>
      !!core.acceptedReceipt(register, code, 'tham-dinh-1') &&
      !core.currentIssue(register, code, 'giai-trinh');
    return {
      id: register.campaign.id,
      title: register.campaign.title,
      framework: `${campaign.framework.title} (${campaign.framework.id})`,
      stageNames: stages.map((s) => core.STAGES[s].name),
      stageIds: stages,
      units: status.units.map((u) => ({
        code: u.code,
        name: u.name,
        group: groupName.get(u.group) ?? u.group,
        stages: u.stages.map((s) => ({
          state: s.state,
          late: s.late.length > 0,
          reasons: s.rejected.flatMap((r) => r.reasons.map(shownWith(core))),
        })),
      })),
      unmatched: status.unmatched.map((u) => ({ file: u.file, reasons: u.reasons.map((r) => r.message) })),
      ready: {
        appraisal: register.units.filter((u) => uc.nextCouncilStage(register, u.code)).length,
        response: register.units.filter((u) => respondable(u.code)).length,
      },
      pendingLate: status.pendingLate.map((p) => ({
        seq: p.seq,
        unitCode: p.unit,
        unitName: p.unitName,
        stageName: p.stageName,
        file: p.file,
        receivedAt: p.receivedAtText,
        deadline: p.deadlineText,
      })),
    };
  }

  /** Offers `files` as one .zip download named `fileName`; null (nothing offered) when there are none. */
  async function downloadZip(
    files: { name: string; bytes: Uint8Array }[],
    fileName: string,
  ): Promise<string | null> {
    if (!files.length) return null;
    const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ 'jszip');
    const zip = new JSZip();
    for (const f of files) zip.file(f.name, f.bytes);
    options.download(await zip.generateAsync({ type: 'uint8array' }), fileName, 'application/zip');
    return fileName;
  }

  const mustView = async () => {
    const v = await viewOf();
    if (!v) throw new Error(t.campaign.notCampaign);
    return v;
  };

  return {
    openCampaign: () => viewOf(),

    async createCampaign(form) {
      const folder = await folderOf();
      if (await folder.exists()) throw new Error(t.campaign.already);
      const framework = options.findFramework(form.frameworkId);
      if (!framework) throw new Error(t.campaign.noFramework);
      const { units, problems } = campaignUnits(form.unitsText, framework, t);
      if (problems.length) throw new Error(problems.join(' '));
      if (!units.length) throw new Error(t.campaign.needUnits);
      const [uc] = await load();
      await uc.initCampaign(folder, {
        id: uc.slug(form.title) || 'dot-danh-gia',
        title: form.title.trim(),
        framework,
        units,
        deadlines: form.selfDeadline
          ? // As `cchc campaign init --deadline chot-tu-cham=DATE` records it.
            [{ stage: 'chot-tu-cham', date: form.selfDeadline }]
          : [],
        clock: await clockOf(),
      });
      return mustView();
    },

    async receiveCampaignFiles(files: PickedFile[]) {
      const folder = await folderOf();
      const [uc, core] = await load();
      const campaign = await uc.openCampaign(folder);
      const { receipts } = await uc.receiveFiles(
        campaign,
        files.map((f) => ({
          name: f.name,
          size: f.size,
          fileTime: f.lastModified === undefined ? null : new Date(f.lastModified).toISOString(),
          bytes: () => f.bytes(),
        })),
        { clock: await clockOf() },
      );
      const view = await mustView();
      return {
        receipts: receipts.map((r): CampaignReceipt => ({
          seq: r.seq,
          file: r.file,
          unit: campaign.register.units.find((u) => u.code === r.unit)?.name ?? r.unit,
          stage: r.stage,
          status: r.status,
          late: r.late,
          reasons: r.reasons.map(shownWith(core)),
        })),
        view,
      };
    },

    // The same use cases as `cchc campaign accept-late|refuse-late|reopen`, over the workbook's folder.
    async decideLateCampaignFile(seq, accept, note) {
      const [uc, core] = await load();
      const campaign = await uc.openCampaign(await folderOf());
      const r = await uc.decideLateFile(campaign, seq, accept, note, { clock: await clockOf() });
      const unit = r.unit === null ? undefined : core.findUnit(campaign.register, r.unit);
      return {
        decision: {
          seq: r.seq,
          file: r.file,
          unitName: unit?.name ?? r.unit ?? '',
          stageName: r.stage ? core.STAGES[r.stage].name : '',
          accepted: r.status === 'accepted',
          at: viDateTime(r.decision?.at ?? ''),
          note: r.decision?.note ?? note,
        },
        view: await mustView(),
      };
    },

    async reopenCampaignStage(stage, unit, until, reason) {
      const [uc, core] = await load();
      if (!Object.hasOwn(core.STAGES, stage)) throw new Error(t.campaign.noStage(stage));
      const campaign = await uc.openCampaign(await folderOf());
      await uc.reopen(campaign, stage as keyof typeof core.STAGES, unit, until, reason, {
        clock: await clockOf(),
      });
      return mustView();
    },

    async issueCampaignWorkbooks(kind) {
      const folder = await folderOf();
      const [uc] = await load();
      const campaign = await uc.openCampaign(folder);
      const clock = await clockOf();
      const register = campaign.register;
      const plan = new Map<string, string[]>();
      for (const u of register.units) {
        const stage =
          kind === 'appraisal'
            ? uc.nextCouncilStage(register, u.code)
            : kind === 'response'
              ? 'giai-trinh'
              : 'tu-cham';
        if (stage) plan.set(stage, [...(plan.get(stage) ?? []), u.code]);
      }
      const files: { name: string; bytes: Uint8Array }[] = [];
      const refused: string[] = [];
      for (const [stage, units] of plan) {
        const r = await uc.issueStage(campaign, stage as Parameters<typeof uc.issueStage>[1], {
          units: kind === 'unit' ? undefined : units,
          clock,
        });
        refused.push(...r.refused.map((x) => x.message));
        for (const i of r.issued) {
          const bytes = await folder.read(i.file);
          if (bytes) files.push({ name: i.file.split('/').slice(1).join(' - '), bytes });
        }
      }
      const fileName = await downloadZip(files, `${t.campaign.zipName(kind)} - ${register.campaign.id}.zip`);
      return { issued: files.length, refused, fileName, view: await mustView() };
    },

    // `cchc campaign documents` over the workbook's folder; the browser cannot write a folder, so
    // the documents come as one .zip with the CLI's sub-folders (one download, where 30-odd
    // separate downloads would each be blocked or asked about by the browser).
    async downloadCampaignDocuments() {
      const [uc] = await load();
      const campaign = await uc.openCampaign(await folderOf());
      const docs = await import(/* webpackChunkName: "documents" */ '../usecases/campaign/documents');
      const { documents, withoutReturn } = await docs.campaignDocuments(campaign, { clock: await clockOf() });
      const fileName = await downloadZip(
        documents.map((d) => ({ name: d.path, bytes: d.bytes })),
        `${t.campaign.documentsZip} - ${campaign.register.campaign.id}.zip`,
      );
      return { documents: documents.length, withoutReturn: withoutReturn.map((u) => u.name), fileName };
    },
  };
}

/**
 * The campaign's unit list: "mã; tên; nhóm" per line (tab or ";"), the code always first — a
 * campaign recognises returned files by it (the CLI's units.csv has the same three columns).
 */
function campaignUnits(
  text: string,
  framework: Framework,
  t: Strings,
): { units: { code: string; name: string; group: string }[]; problems: string[] } {
  const fold = (x: string) => x.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  const units: { code: string; name: string; group: string }[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const parts = raw.split(raw.includes('\t') ? '\t' : ';').map((p) => p.normalize('NFC').trim());
    const [code = '', name = '', groupText = ''] = parts;
    if (!code || !name) {
      problems.push(t.campaign.line(i + 1, t.campaign.needCodes([raw.trim()])));
      return;
    }
    const group = groupText
      ? framework.groups.find((g) => fold(g.id) === fold(groupText) || fold(g.name) === fold(groupText))
      : framework.groups[0];
    if (!group) {
      problems.push(
        t.campaign.line(
          i + 1,
          t.template.unitListUnknownGroup(groupText, framework.groups.map((g) => g.name).join('; ')),
        ),
      );
      return;
    }
    if (seen.has(code.toUpperCase())) {
      problems.push(t.campaign.line(i + 1, t.template.unitListDuplicate(code)));
      return;
    }
    seen.add(code.toUpperCase());
    units.push({ code, name, group: group.id });
  });
  return { units, problems };
}
