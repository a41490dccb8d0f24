/**
 * The campaign's printed documents (Nghị định 30/2020/NĐ-CP, src/docx), written once for the CLI
 * and the pane, from the same register and kept files as the workbooks:
 * - per unit with an accepted self-assessment: Báo cáo tự đánh giá (from the kept return: scores,
 *   evidence, giải trình, and the difficulties and recommendations typed below the table);
 * - per unit and council round with an accepted appraisal: Kết quả thẩm định (registered scores,
 *   the council's comments from the kept appraisal workbooks, the giải trình deadline; the
 *   unit's latest round also lists the criteria where it lost the most points);
 * - once ranked units exist: Phụ lục xếp hạng for the decision.
 * Names by the one per-unit rule (src/workbook/file-name.ts).
 */
import {
  acceptedReceipt,
  deadlineFor,
  deadlineText,
  registeredEntries,
  type RegisterUnit,
  type StageId,
} from '../../campaign';
import { viPlaceDate } from '../../common/vi-time';
import { pointsLost, type LostLeaf } from '../../consolidation/points-lost';
import type { IssueContext } from '../../docx/shared';
import { SELF_TEXT_FIELDS } from '../../scoring/entry-fields';
import type { CellValue, LeafEntry, ReportTexts } from '../../scoring/types';
import { appendixContent, appraisalContent, selfAssessmentContent } from '../../workbook/document-content';
import { unitFileName } from '../../workbook/file-name';
import { readTemplate } from '../../xlsx/read-template';
import { readDataRows } from '../../xlsx/survey-file';
import { systemClock, rankCampaign, type Campaign, type Clock } from './campaign';
import { CAMPAIGN_FILES as F, CampaignError } from './folder';

/** Where the documents go, relative to the output folder. */
export const DOCUMENT_DIRS = {
  report: 'bao-cao-tu-danh-gia',
  round1: 'ket-qua-tham-dinh-lan-1',
  round2: 'ket-qua-tham-dinh-lan-2',
} as const;
export const APPENDIX_FILE = 'phu-luc-xep-hang.docx';
/** Default output folder in the campaign folder. */
export const DOCUMENTS_DIR = `${F.resultsDir}/van-ban`;

export type DocumentKind = 'report' | 'round1' | 'round2' | 'appendix';

export interface CampaignDocument {
  kind: DocumentKind;
  /** Unit code; absent for the appendix. */
  unit?: string;
  /** Relative path with "/" ("bao-cao-tu-danh-gia/STP - Sở Tư pháp.docx"). */
  path: string;
  bytes: Uint8Array;
}

export interface DocumentOptions {
  /** Tỉnh of the place-and-date line ("An Giang"); default from the framework's issuer. */
  place?: string;
  /** Issuing body of the Sở's documents (default "Sở Nội vụ"). */
  issuer?: string;
  /** The decision the appendix is attached to ("1590/QĐ-UBND ngày 23/5/2017"). */
  decision?: string;
  clock?: Clock;
}

export interface DocumentsResult {
  documents: CampaignDocument[];
  /** Units without an accepted self-assessment (nothing to write for them). */
  withoutReturn: RegisterUnit[];
}

/** Where a framework's issuer sits, for the place-and-date line and the cơ quan chủ quản. */
export interface IssuerPlace {
  /** "An Giang", "Hà Nội". */
  place: string;
  /** "UBND tỉnh An Giang", "UBND thành phố Hà Nội". */
  parent: string;
}

/**
 * The province (tỉnh, or thành phố trực thuộc trung ương) an issuer names: "UBND tỉnh An Giang",
 * "Ủy ban nhân dân thành phố Hà Nội", "UBND tỉnh An Giang (minh họa)"; a remark in brackets is not
 * part of the name. Null when no name is given ("UBND tỉnh (minh họa)", the illustrative
 * framework's): the documents then leave the place to be written in, never a wrong one.
 */
export function provinceOf(issuer: string | undefined): IssuerPlace | null {
  const plain = (issuer ?? '')
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const m = /(?:^|\s)(tỉnh|thành phố|TP\.?)\s+(\S.*)$/iu.exec(plain);
  if (!m) return null;
  const kind = /^t[ỉi]nh$/iu.test(m[1]) ? 'tỉnh' : 'thành phố';
  const place = m[2].trim();
  return { place, parent: `UBND ${kind} ${place}` };
}

/** The survey rows the campaign registered (cchc campaign survey), for the ranking. */
export async function campaignSurveyRows(campaign: Campaign): Promise<{ rows: CellValue[][] } | undefined> {
  const survey = campaign.register.survey;
  if (!survey) return undefined;
  const bytes = await campaign.folder.read(survey.storedAs);
  if (!bytes)
    throw new CampaignError(`Thiếu bản lưu tệp điều tra ${campaign.folder.describe(survey.storedAs)}.`);
  return { rows: (await readDataRows(survey.storedAs, bytes)).rows };
}

async function keptSheet(campaign: Campaign, unit: string, stage: StageId) {
  const r = acceptedReceipt(campaign.register, unit, stage);
  if (!r?.storedAs) return null;
  const bytes = await campaign.folder.read(r.storedAs);
  if (!bytes)
    throw new CampaignError(`Thiếu bản lưu ${campaign.folder.describe(r.storedAs)} của tệp đã nhận.`);
  const reading = await readTemplate(bytes, {
    fileName: r.storedAs,
    resolveFramework: () => campaign.framework,
  });
  if (!reading.ok)
    throw new CampaignError(
      `Bản lưu ${campaign.folder.describe(r.storedAs)} không đọc được: ${reading.message}`,
      3,
    );
  return reading.scoresheet;
}

// The texts a document quotes: every text field of a self-scored leaf (src/scoring/entry-fields.ts).
const TEXT_FIELDS = SELF_TEXT_FIELDS;

/** The registered scores with the texts of the kept files, later stages over earlier ones. */
async function entriesWithTexts(
  campaign: Campaign,
  unit: string,
  stages: StageId[],
): Promise<Record<string, LeafEntry>> {
  const out = registeredEntries(campaign.register, campaign.framework, unit);
  for (const stage of stages) {
    const sheet = await keptSheet(campaign, unit, stage);
    for (const [code, e] of Object.entries(sheet?.entries ?? {}))
      for (const f of TEXT_FIELDS)
        if (typeof e[f] === 'string' && e[f] !== '') out[code] = { ...out[code], [f]: e[f] };
  }
  return out;
}

export async function campaignDocuments(
  campaign: Campaign,
  options: DocumentOptions = {},
): Promise<DocumentsResult> {
  // The Word builders, and docx with them (~65 ms to load), only when documents are made: this
  // module is reached from every `cchc` start through the campaign commands.
  const [{ appraisalResult }, { PLACE_TO_FILL }, { rankingAppendix }, { selfAssessmentReport }] =
    await Promise.all([
      import(/* webpackChunkName: "docx" */ '../../docx/appraisal-result'),
      import(/* webpackChunkName: "docx" */ '../../docx/nd30'),
      import(/* webpackChunkName: "docx" */ '../../docx/ranking-appendix'),
      import(/* webpackChunkName: "docx" */ '../../docx/self-assessment-report'),
    ]);
  const { register, framework } = campaign;
  const now = (options.clock ?? systemClock).now();
  const ofIssuer = provinceOf(framework.legalBasis.issuer);
  const place = options.place?.trim() || ofIssuer?.place;
  const sở: IssueContext = {
    parent: ofIssuer && ofIssuer.place === place ? ofIssuer.parent : place ? `UBND tỉnh ${place}` : undefined,
    issuer: options.issuer?.trim() || 'Sở Nội vụ',
    // Nghị định 30: the place is the province's name; unknown, it is left dotted to be written in.
    placeDate: viPlaceDate(place ?? PLACE_TO_FILL, now),
  };
  const survey = await campaignSurveyRows(campaign);
  const ranking = rankCampaign(campaign, survey);
  const lostBy = new Map<string, readonly LostLeaf[]>();
  for (const s of pointsLost(ranking, { top: 5 }))
    lostBy.set(s.key, survey ? s.leaves : s.leaves.filter((l) => !l.survey));

  const documents: CampaignDocument[] = [];
  const withoutReturn: RegisterUnit[] = [];
  const taken = { report: new Set<string>(), round1: new Set<string>(), round2: new Set<string>() };
  for (const unit of register.units) {
    const own = await keptSheet(campaign, unit.code, 'tu-cham');
    if (!own) {
      withoutReturn.push(unit);
      continue;
    }
    const report: ReportTexts = own.report ?? {};
    documents.push({
      kind: 'report',
      unit: unit.code,
      path: `${DOCUMENT_DIRS.report}/${unitFileName(unit, taken.report, '.docx')}`,
      bytes: await selfAssessmentReport(selfAssessmentContent(framework, unit, own.entries, report), {
        ...sở,
        parent: undefined,
        issuer: unit.name,
      }),
    });
    const round2 = !!acceptedReceipt(register, unit.code, 'tham-dinh-2');
    for (const round of [1, 2] as const) {
      const stage: StageId = round === 1 ? 'tham-dinh-1' : 'tham-dinh-2';
      if (!acceptedReceipt(register, unit.code, stage)) continue;
      const stages: StageId[] =
        round === 1
          ? ['tu-cham', 'tham-dinh-1']
          : ['tu-cham', 'tham-dinh-1', 'giai-trinh', 'tham-dinh-2', 'cong-tru'];
      const entries = await entriesWithTexts(campaign, unit.code, stages);
      const deadline = deadlineFor(register, unit.code, 'giai-trinh');
      const latest = round === 2 || !round2;
      const kind = round === 1 ? 'round1' : 'round2';
      documents.push({
        kind,
        unit: unit.code,
        path: `${DOCUMENT_DIRS[kind]}/${unitFileName(unit, taken[kind], '.docx')}`,
        bytes: await appraisalResult(appraisalContent(framework, unit, entries, round), sở, {
          responseDeadline: deadline ? deadlineText(deadline) : null,
          lost: latest ? lostBy.get(unit.code) : undefined,
        }),
      });
    }
  }
  if (ranking.units.length)
    documents.push({
      kind: 'appendix',
      path: APPENDIX_FILE,
      bytes: await rankingAppendix(appendixContent(framework, ranking.units), sở, {
        decision: options.decision,
      }),
    });
  return { documents, withoutReturn };
}
