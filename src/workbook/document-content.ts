/**
 * What the three printed documents say, as data (src/docx lays them out in Word, Nghị định
 * 30/2020/NĐ-CP): the unit's self-assessment report (Công văn 383 and 384/BNV-CCHC: the summary of
 * self scores per lĩnh vực, tiêu chí and tiêu chí thành phần; the items without evidence or with
 * incomplete evidence, each with its giải trình; difficulties and recommendations), the council's
 * appraisal result for a unit (self against appraised per leaf, comments, what the unit may still
 * explain and by when), and the ranking appendix of the decision (seed 002's published table).
 * Pure: the same scores and totals as the workbooks (src/scoring), numbers written the Vietnamese
 * way (src/common/vi-number).
 */
import { formatPoints } from '../common/vi-number';
import { frameworkTitleText, legalBasisText } from '../framework/legal-basis';
import type { Framework, FrameworkNode } from '../framework/schema';
import { appliesTo, isLeaf, isSurveyLeaf, leafMaxFor, walk } from '../framework/tree';
import { readScore, cellText } from '../scoring/read';
import { computeTotals } from '../scoring/totals';
import type { CellValue, LeafEntry, RankedUnit, ReportTexts, UnitRef } from '../scoring/types';
import { NOT_APPLICABLE_MARK, SURVEY_MARK } from './layout';

/** The framework as documents cite it. */
export interface FrameworkRef {
  year: number;
  title: string;
  legalBasis: string;
  illustrative: boolean;
}

export function frameworkRef(framework: Framework): FrameworkRef {
  return {
    year: framework.year,
    title: frameworkTitleText(framework),
    legalBasis: legalBasisText(framework.legalBasis),
    illustrative: framework.status === 'illustrative',
  };
}

/** Who and what a unit's document is about. */
function documentHead(
  framework: Framework,
  unit: UnitRef,
): { unit: UnitRef; groupName: string; framework: FrameworkRef } {
  return {
    unit,
    groupName: framework.groups.find((g) => g.id === unit.group)?.name ?? unit.group,
    framework: frameworkRef(framework),
  };
}

/** One row of a score table: a lĩnh vực (depth 1), tiêu chí (2) or tiêu chí thành phần (3+). */
export interface ScoreTableRow {
  code: string;
  name: string;
  depth: number;
  leaf: boolean;
  max: string;
  /** Cells after the maximum, as printed ("1", "0,5", "Điều tra XHH", "Không áp dụng", ""). */
  values: string[];
}

const points = (n: number | null | undefined): string =>
  n === null || n === undefined ? '' : formatPoints(n);

function nodeMax(node: FrameworkNode, group: string): number {
  if (isLeaf(node)) return appliesTo(node, group) ? leafMaxFor(node, group) : 0;
  return (node.children ?? []).reduce((s, c) => s + nodeMax(c, group), 0);
}

function scoreOf(value: CellValue): number | null {
  return readScore(value).value;
}

/** "Không áp dụng" / "Điều tra XHH" for leaves the unit does not score, else null. */
function markOf(leaf: FrameworkNode, group: string): string | null {
  if (!appliesTo(leaf, group)) return NOT_APPLICABLE_MARK;
  if (isSurveyLeaf(leaf)) return SURVEY_MARK;
  return null;
}

// ---------------------------------------------------------------------------------------------
// a. Báo cáo tự đánh giá, chấm điểm Chỉ số CCHC

export interface MissingEvidenceItem {
  code: string;
  name: string;
  self: string;
  max: string;
  /** No evidence cited at all, or evidence cited for a score below the maximum. */
  kind: 'none' | 'incomplete';
  evidence: string;
  /** The unit's giải trình, "" when it wrote none. */
  explanation: string;
}

export interface SelfAssessmentContent {
  unit: UnitRef;
  groupName: string;
  framework: FrameworkRef;
  /** Columns: Điểm tối đa, Điểm tự đánh giá. */
  rows: ScoreTableRow[];
  total: { max: string; self: string; selfMax: string; surveyMax: string };
  missing: MissingEvidenceItem[];
  texts: Required<ReportTexts>;
}

/**
 * The report of one unit from its accepted return. A leaf is listed under "without evidence" when
 * the unit scored it (not a survey leaf, applying to its group) and cited no evidence; under
 * "incomplete evidence" when it cited evidence but scored itself below the maximum (the evidence
 * does not carry the full score). Each comes with the giải trình the unit wrote for it.
 */
export function selfAssessmentContent(
  framework: Framework,
  unit: UnitRef,
  entries: Record<string, LeafEntry>,
  report: ReportTexts = {},
): SelfAssessmentContent {
  const group = unit.group;
  const totals = computeTotals(framework, { frameworkId: framework.id, unit, entries });
  const rows: ScoreTableRow[] = [];
  const missing: MissingEvidenceItem[] = [];
  let selfMax = 0;
  let surveyMax = 0;
  for (const { node, depth } of walk(framework.tree)) {
    const max = nodeMax(node, group);
    if (!isLeaf(node)) {
      rows.push({
        code: node.code,
        name: node.name,
        depth,
        leaf: false,
        max: points(max),
        values: [points(totals.nodes[node.code]?.self ?? 0)],
      });
      continue;
    }
    const mark = markOf(node, group);
    const entry = entries[node.code] ?? {};
    const self = scoreOf(entry.self);
    rows.push({
      code: node.code,
      name: node.name,
      depth,
      leaf: true,
      max: points(max),
      values: [mark ?? points(self)],
    });
    if (mark === SURVEY_MARK) surveyMax += max;
    if (mark) continue;
    selfMax += max;
    const evidence = cellText(entry.evidence).trim();
    const explanation = cellText(entry.explanation).trim();
    const kind = !evidence ? 'none' : self !== null && self < max ? 'incomplete' : null;
    if (kind)
      missing.push({
        code: node.code,
        name: node.name,
        self: points(self ?? 0),
        max: points(max),
        kind,
        evidence,
        explanation,
      });
  }
  return {
    ...documentHead(framework, unit),
    rows,
    total: {
      max: points(totals.max),
      self: points(totals.self),
      selfMax: points(selfMax),
      surveyMax: points(surveyMax),
    },
    missing,
    texts: { difficulties: report.difficulties ?? '', recommendations: report.recommendations ?? '' },
  };
}

// ---------------------------------------------------------------------------------------------
// b. Kết quả thẩm định

export interface AppraisalDifference {
  code: string;
  name: string;
  max: string;
  self: string;
  appraised: string;
  comment: string;
}

export interface AppraisalContent {
  unit: UnitRef;
  groupName: string;
  framework: FrameworkRef;
  round: 1 | 2;
  /** Columns: Điểm tối đa, Tự đánh giá, Thẩm định, Ý kiến thẩm định. */
  rows: ScoreTableRow[];
  total: { max: string; self: string; appraised: string };
  /** Leaves where the council's score differs from the unit's. */
  differences: AppraisalDifference[];
}

/**
 * The council's result of a round for one unit, from the registered scores (self, round 1,
 * round 2) and the council's comments. Round 2 counts where the council gave it, else round 1.
 */
export function appraisalContent(
  framework: Framework,
  unit: UnitRef,
  entries: Record<string, LeafEntry>,
  round: 1 | 2,
): AppraisalContent {
  const group = unit.group;
  const counted: Record<string, LeafEntry> = {};
  for (const [code, e] of Object.entries(entries))
    counted[code] = {
      self: e.self,
      appraisal: e.appraisal,
      ...(round === 2 ? { appraisal2: e.appraisal2 } : {}),
    };
  const totals = computeTotals(framework, { frameworkId: framework.id, unit, entries: counted });
  const rows: ScoreTableRow[] = [];
  const differences: AppraisalDifference[] = [];
  for (const { node, depth } of walk(framework.tree)) {
    const max = points(nodeMax(node, group));
    if (!isLeaf(node)) {
      const t = totals.nodes[node.code];
      rows.push({
        code: node.code,
        name: node.name,
        depth,
        leaf: false,
        max,
        values: [points(t?.self ?? 0), points(t?.appraised ?? 0), ''],
      });
      continue;
    }
    const mark = markOf(node, group);
    if (mark) {
      rows.push({
        code: node.code,
        name: node.name,
        depth,
        leaf: true,
        max,
        values: [mark, mark === SURVEY_MARK ? '' : mark, ''],
      });
      continue;
    }
    const e = entries[node.code] ?? {};
    const self = scoreOf(e.self);
    const first = scoreOf(e.appraisal);
    const second = round === 2 ? scoreOf(e.appraisal2) : null;
    const appraised = second ?? first;
    const comment =
      (round === 2 ? cellText(e.appraisal2Comment).trim() : '') ||
      (second === null || second === first ? cellText(e.appraisalComment).trim() : '');
    rows.push({
      code: node.code,
      name: node.name,
      depth,
      leaf: true,
      max,
      values: [points(self), points(appraised), comment],
    });
    if (appraised !== null && appraised !== (self ?? 0))
      differences.push({
        code: node.code,
        name: node.name,
        max,
        self: points(self ?? 0),
        appraised: points(appraised),
        comment,
      });
  }
  return {
    ...documentHead(framework, unit),
    round,
    rows,
    total: { max: points(totals.max), self: points(totals.self), appraised: points(totals.appraised) },
    differences,
  };
}

// ---------------------------------------------------------------------------------------------
// c. Phụ lục xếp hạng

export interface AppendixRow {
  /** The rank as published ("1", "2"…); "" for a unit assessed but not ranked. */
  stt: string;
  unit: string;
  appraisal: string;
  survey: string;
  index: string;
  ranked: boolean;
}

export interface AppendixGroup {
  /** "XẾP HẠNG CHỈ SỐ CCHC NĂM 2025 SỞ, BAN, NGÀNH". */
  title: string;
  /** Column title of the units: the group's name for sở, ban, ngành, "Địa phương" for the others (seed 002). */
  unitTitle: string;
  rows: AppendixRow[];
}

export interface AppendixContent {
  framework: FrameworkRef;
  groups: AppendixGroup[];
  /** Marks assessed-but-not-ranked units. */
  notRankedNote: string | null;
}

/** The mark after the name of a unit assessed but not ranked. */
export const NOT_RANKED_MARK = '(*)';

/**
 * The ranking appendix, in the published style of An Giang's decision (seed 002): per group, STT
 * (the rank), the unit, điểm thẩm định, điểm điều tra XHH and the index, highest first; units
 * assessed but not ranked follow their group's ranked units, marked.
 */
export function appendixContent(framework: Framework, units: readonly RankedUnit[]): AppendixContent {
  const groups: AppendixGroup[] = [];
  let anyNotRanked = false;
  for (const g of framework.groups) {
    const members = units.filter((u) => u.group === g.id);
    if (!members.length) continue;
    const ranked = members
      .filter((u) => u.ranked && u.rank !== null)
      .sort((a, b) => (a.rank as number) - (b.rank as number) || b.index - a.index);
    const others = members.filter((u) => !(u.ranked && u.rank !== null)).sort((a, b) => b.index - a.index);
    anyNotRanked ||= others.length > 0;
    const row = (u: RankedUnit, stt: string): AppendixRow => ({
      stt,
      unit: stt ? u.unit : `${u.unit} ${NOT_RANKED_MARK}`,
      appraisal: points(u.appraisal),
      survey: points(u.survey),
      index: points(u.index),
      ranked: !!stt,
    });
    groups.push({
      title: `XẾP HẠNG CHỈ SỐ CCHC NĂM ${framework.year} ${g.name.toLocaleUpperCase('vi')}`,
      unitTitle: /^sở/iu.test(g.name) ? g.name : 'Địa phương',
      rows: [...ranked.map((u) => row(u, String(u.rank))), ...others.map((u) => row(u, ''))],
    });
  }
  return {
    framework: frameworkRef(framework),
    groups,
    notRankedNote: anyNotRanked
      ? `${NOT_RANKED_MARK} Đơn vị được đánh giá, chấm điểm nhưng không xếp hạng.`
      : null,
  };
}
