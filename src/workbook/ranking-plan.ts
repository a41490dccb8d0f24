/**
 * The `Xếp hạng` sheet as data: what the ranking looks like in the published decisions (one block
 * per group: sở apart from huyện, …), independent of who draws it. The exceljs writer
 * (src/xlsx/ranking-workbook.ts) and the Office.js adapter both render THIS plan, so the CLI's
 * ranking workbook and the add-in's sheet are the same table. Pure: no I/O.
 *
 * Rendering contract: `rows[i]` goes to sheet row i + 1, `cells[j]` to column j + 1. Numbers are
 * numbers (never text) with `formats[j]`; text cells carry the format "@" so a renderer that
 * assigns values (Office.js) stores a unit name such as "=Sở X" as text, not as a formula.
 */
import { frameworkTitleText, legalBasisText } from '../framework/legal-basis';
import type { Framework } from '../framework/schema';
import { surveyRoundingRule } from '../scoring/survey';
import type { RankedUnit } from '../scoring/types';
import { widthCharsFor } from '../common/text-layout';

export const RANKING_SHEET = 'Xếp hạng';
/** The size renderers give the sheet's unit rows (points); column widths are measured at it. */
export const RANKING_TEXT_PT = 12;

/** Number formats used by the plan (Excel codes; the decimal separator follows the user's locale). */
export const FORMAT = {
  points: '0.00',
  rank: '0',
  /** A signed change: "+2", "-1", "0". */
  rankChange: '+0;-0;0',
  indexChange: '+0.00;-0.00;0.00',
  text: '@',
} as const;

export type RankingCell = string | number | null;

export type RankingRowKind = 'title' | 'subtitle' | 'groupTitle' | 'header' | 'unit' | 'note' | 'blank';

export interface RankingRow {
  kind: RankingRowKind;
  /** One value per column (length = `columns.length`); titles and notes put their text in cell 0. */
  cells: RankingCell[];
  /** One Excel number format per column, or null where the cell is empty. */
  formats: (string | null)[];
  /** Title, group-title and note rows span every column. */
  mergeAcross: boolean;
  /** Unit rows: the group id and the unit's key (code, else name) for renderers that link back. */
  group?: string;
  unitKey?: string;
}

export interface RankingColumn {
  /** Stable key: "rank", "code", "unit", "field:1", "appraisal", … */
  key: string;
  header: string;
  /** Excel column width in characters. */
  width: number;
}

export interface RankingBlock {
  group: string;
  groupName: string;
  /** Row indexes (0-based, into `rows`) of the block's header and its first and last unit rows. */
  headerRow: number;
  firstUnitRow: number;
  lastUnitRow: number;
}

export interface RankingPlan {
  sheetName: string;
  columns: RankingColumn[];
  rows: RankingRow[];
  blocks: RankingBlock[];
}

export interface RankingPlanOptions {
  /**
   * Points per field (lĩnh vực) per unit, keyed by unit key (code, else name) then field code.
   * When given, one column per field of the framework precedes the totals.
   */
  fieldTotals?: Record<string, Record<string, number>>;
  /** Main title; default "KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}". */
  title?: string;
  /** A line under the title, e.g. the generation time. */
  subtitle?: string;
  /** Whether to show the change columns; default: when any unit has `previous`. */
  showChange?: boolean;
}

/** The key a unit is known by in maps passed alongside ranked units. */
export function unitKey(unit: Pick<RankedUnit, 'code' | 'unit'>): string {
  return unit.code ?? unit.unit;
}

/** Ranked units first (by rank, then index, then name), then the units assessed but not ranked. */
/** Vietnamese order of names: one collator, as `localeCompare(b, 'vi')` orders (2.5× faster, measured). */
const VI_ORDER = new Intl.Collator('vi');

export function orderInGroup(units: readonly RankedUnit[]): RankedUnit[] {
  return [...units].sort((a, b) => {
    if ((a.rank === null) !== (b.rank === null)) return a.rank === null ? 1 : -1;
    if (a.rank !== null && b.rank !== null && a.rank !== b.rank) return a.rank - b.rank;
    if (a.index !== b.index) return b.index - a.index;
    return VI_ORDER.compare(a.unit, b.unit);
  });
}

/** Groups in framework order, then any group a unit carries that the framework does not list. */
export function groupsInOrder(
  units: readonly RankedUnit[],
  framework: Pick<Framework, 'groups'>,
): Array<{ id: string; name: string }> {
  const out = framework.groups.map((g) => ({ id: g.id, name: g.name }));
  for (const u of units) if (!out.some((g) => g.id === u.group)) out.push({ id: u.group, name: u.group });
  return out.filter((g) => units.some((u) => u.group === g.id));
}

/**
 * (No width is exactly 9: exceljs takes 9 for "default" and writes no width at all.)
 * Widths sum to at most ~190 characters, so the sheet fitted to the width of A4 landscape prints its
 * 12 pt text at 9 pt or more. Field columns are titled "Lĩnh vực 1" …; their full names are in a
 * legend under the table (a 9-character column cannot hold "2. Xây dựng và thực hiện văn bản…").
 */
function columnsFor(
  framework: Framework,
  units: readonly RankedUnit[],
  withFields: boolean,
  withChange: boolean,
): RankingColumn[] {
  const cols: RankingColumn[] = [
    { key: 'rank', header: 'Hạng', width: 6 },
    // As wide as the widest code at the sheet's 12 pt (SNNPTNT, SLĐTBXH), so none prints over the name.
    {
      key: 'code',
      header: 'Mã',
      width: widthCharsFor(
        units.map((u) => u.code ?? ''),
        RANKING_TEXT_PT,
        8,
      ),
    },
    { key: 'unit', header: 'Đơn vị', width: withFields ? 28 : 38 },
  ];
  if (withFields) {
    for (const field of framework.tree) {
      cols.push({ key: `field:${field.code}`, header: `Lĩnh vực ${field.code}`, width: 8 });
    }
  }
  cols.push(
    { key: 'appraisal', header: 'Điểm thẩm định', width: 9.5 },
    { key: 'survey', header: 'Điểm điều tra XHH', width: 9.5 },
    { key: 'total', header: 'Tổng điểm', width: 8 },
    { key: 'max', header: 'Điểm tối đa', width: 8 },
    { key: 'index', header: 'Chỉ số (%)', width: 8 },
    { key: 'band', header: 'Xếp loại', width: 9.5 },
  );
  if (withChange) {
    cols.push(
      { key: 'previousRank', header: 'Hạng kỳ trước', width: 8 },
      { key: 'rankChange', header: 'Thay đổi hạng', width: 8 },
      { key: 'indexChange', header: 'Thay đổi chỉ số', width: 8 },
    );
  }
  return cols;
}

function textOrNull(value: string | null | undefined): RankingCell {
  return value === null || value === undefined || value === '' ? null : value;
}

function formatFor(value: RankingCell, numberFormat: string): string | null {
  if (value === null) return null;
  return typeof value === 'number' ? numberFormat : FORMAT.text;
}

function unitRow(
  unit: RankedUnit,
  columns: RankingColumn[],
  fieldTotals: RankingPlanOptions['fieldTotals'],
): RankingRow {
  const key = unitKey(unit);
  const cells: RankingCell[] = [];
  const formats: (string | null)[] = [];
  const put = (value: RankingCell, numberFormat: string = FORMAT.points) => {
    cells.push(value);
    formats.push(formatFor(value, numberFormat));
  };
  for (const col of columns) {
    if (col.key.startsWith('field:')) {
      put(fieldTotals?.[key]?.[col.key.slice(6)] ?? null);
      continue;
    }
    switch (col.key) {
      case 'rank':
        // Assessed but not ranked (Thanh tra tỉnh): a dash, explained by the note under the block.
        put(unit.rank ?? '—', FORMAT.rank);
        break;
      case 'code':
        put(textOrNull(unit.code));
        break;
      case 'unit':
        put(unit.ranked ? unit.unit : `${unit.unit} (*)`);
        break;
      case 'appraisal':
        put(unit.appraisal);
        break;
      case 'survey':
        put(unit.survey);
        break;
      case 'total':
        put(unit.total);
        break;
      case 'max':
        put(unit.max);
        break;
      case 'index':
        put(unit.index);
        break;
      case 'band':
        put(textOrNull(unit.band));
        break;
      case 'previousRank':
        put(unit.previous?.rank ?? null, FORMAT.rank);
        break;
      case 'rankChange':
        put(unit.previous?.rankChange ?? null, FORMAT.rankChange);
        break;
      case 'indexChange':
        put(unit.previous?.indexChange ?? null, FORMAT.indexChange);
        break;
      default:
        put(null);
    }
  }
  return { kind: 'unit', cells, formats, mergeAcross: false, group: unit.group, unitKey: key };
}

function spanRow(kind: RankingRowKind, text: string | null, width: number): RankingRow {
  const cells: RankingCell[] = Array(width).fill(null);
  const formats: (string | null)[] = Array(width).fill(null);
  if (text !== null) {
    cells[0] = text;
    formats[0] = FORMAT.text;
  }
  return { kind, cells, formats, mergeAcross: kind !== 'blank' && kind !== 'header' && kind !== 'unit' };
}

/** What one row of the sheet is, before its cells are made: a unit, or a title, header, note or blank. */
type RowSpec = { unit: RankedUnit } | { kind: Exclude<RankingRowKind, 'unit'>; text: string | null };

/**
 * The plan without its rows made: columns, blocks and a row count, and `rows()` making each row
 * when it is asked for. The streaming writer draws 3,000 units' rows one at a time from it; a
 * plan holding them all took ~1.2 KB per unit while the workbook was written (the largest share
 * of a 3,000-file consolidation's memory growth, measured on the bench's An Giang returns).
 */
export interface RankingLayout {
  sheetName: string;
  columns: RankingColumn[];
  blocks: RankingBlock[];
  rowCount: number;
  rows(): Generator<RankingRow>;
}

/**
 * Lays out the `Xếp hạng` sheet: title lines, then for each group a group title, a header row and
 * one row per unit (ranked units by rank, units not ranked last and marked "(*)"), a note when
 * the group has units not ranked, and a blank line between blocks.
 */
export function rankingLayout(
  units: readonly RankedUnit[],
  framework: Framework,
  options: RankingPlanOptions = {},
): RankingLayout {
  const withFields = options.fieldTotals !== undefined;
  const withChange = options.showChange ?? units.some((u) => u.previous !== undefined);
  const columns = columnsFor(framework, units, withFields, withChange);
  const width = columns.length;
  const specs: RowSpec[] = [];
  const blocks: RankingBlock[] = [];
  const span = (kind: Exclude<RankingRowKind, 'unit'>, text: string | null = null) =>
    void specs.push({ kind, text });

  span('title', options.title ?? `KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${framework.year}`);
  span(
    'subtitle',
    `Bộ tiêu chí: ${frameworkTitleText(framework)}; căn cứ ${legalBasisText(framework.legalBasis)}`,
  );
  if (framework.status === 'illustrative') {
    span('subtitle', 'Bộ tiêu chí MINH HỌA — kết quả không phải số liệu chính thức.');
  }
  if (options.subtitle) span('subtitle', options.subtitle);

  for (const group of groupsInOrder(units, framework)) {
    span('blank');
    span('groupTitle', group.name.toLocaleUpperCase('vi'));
    const headerRow = specs.length;
    span('header');
    const members = orderInGroup(units.filter((u) => u.group === group.id));
    const firstUnitRow = specs.length;
    for (const unit of members) specs.push({ unit });
    blocks.push({
      group: group.id,
      groupName: group.name,
      headerRow,
      firstUnitRow,
      lastUnitRow: specs.length - 1,
    });
    if (members.some((u) => !u.ranked)) span('note', '(*) Đơn vị được đánh giá nhưng không xếp hạng.');
  }
  const surveyRule = surveyRoundingRule(framework);
  if (withFields || surveyRule) span('blank');
  if (withFields) span('note', `Lĩnh vực: ${framework.tree.map((f) => `${f.code}. ${f.name}`).join('; ')}.`);
  if (surveyRule) span('note', surveyRule);

  function* rows(): Generator<RankingRow> {
    for (const spec of specs) {
      if ('unit' in spec) yield unitRow(spec.unit, columns, options.fieldTotals);
      else if (spec.kind === 'header')
        yield {
          kind: 'header',
          cells: columns.map((c) => c.header),
          formats: columns.map(() => FORMAT.text),
          mergeAcross: false,
        };
      else yield spanRow(spec.kind, spec.text, width);
    }
  }
  return { sheetName: RANKING_SHEET, columns, blocks, rowCount: specs.length, rows };
}

/** The whole plan, every row made (the add-in writes it in range batches; tests read it). */
export function buildRankingPlan(
  units: readonly RankedUnit[],
  framework: Framework,
  options: RankingPlanOptions = {},
): RankingPlan {
  const layout = rankingLayout(units, framework, options);
  return {
    sheetName: layout.sheetName,
    columns: layout.columns,
    rows: [...layout.rows()],
    blocks: layout.blocks,
  };
}
