/**
 * `Điểm còn thiếu`: per unit (by group and rank) where its points were lost — the leaves that lost
 * the most (maximum − the score that counts, with self and appraisal), the lĩnh vực furthest below
 * the group's average (with the average and best), and the change from the previous ranking.
 * Computed by src/consolidation/points-lost.ts, the same figures as each unit's result; each row
 * is made when the table writes it.
 */
import { widthCharsFor } from '../../common/text-layout';
import { formatVi } from '../../common/vi-number';
import { eachPointsLost, type UnitShortfall } from '../../consolidation/points-lost';
import type { ConsolidationResult } from '../../consolidation/types';
import type { Framework } from '../../framework/schema';
import { FORMAT, groupsInOrder, orderInGroup } from '../../workbook/ranking-plan';
import type { XlsxStreamWriter } from '../write/workbook-writer';
import { SHEET_LOST, SIZE, type TableCell } from './sheet-format';
import { writeTable } from './table-sheet';

/** How many leaves and fields the sheet names per unit. */
const LOST_TOP = 3;

// Module-level helpers and loops, not callbacks made per unit or per run: V8 keeps a closure's
// optimised code only weakly, so they were recompiled in every consolidation (--trace-opt).

/** One lost leaf: "1.2: thiếu 0,50 (0,50/1,00; TĐG 0,50, TĐ 0,50)". */
function lostLeafText(l: UnitShortfall['leaves'][number], places: number): string {
  const self = l.self === null ? '—' : formatVi(l.self, places);
  const how = l.survey
    ? 'điều tra XHH'
    : l.appraisal !== null
      ? `TĐG ${self}, TĐ ${formatVi(l.appraisal, places)}`
      : `TĐG ${self}, chưa TĐ`;
  return `${l.code}: thiếu ${formatVi(l.lost, places)} (${formatVi(l.score, places)}/${formatVi(l.max, places)}; ${how})`;
}

/** One lĩnh vực below the group's average: "Lĩnh vực 2: 8,00 (TB 9,00; cao nhất 10,00)". */
function behindFieldText(f: UnitShortfall['fields'][number], places: number): string {
  return `Lĩnh vực ${f.code}: ${formatVi(f.points, places)} (TB ${formatVi(f.groupAverage as number, places)}; cao nhất ${formatVi(f.groupBest as number, places)})`;
}

function furthestBehindFirst(a: UnitShortfall['fields'][number], b: UnitShortfall['fields'][number]): number {
  return (a.toAverage as number) - (b.toAverage as number);
}

/** One unit's row: its most-lost leaves and its lĩnh vực furthest below the group's average. */
function lostRow(s: UnitShortfall, places: number, groupName: Map<string, string>): TableCell[] {
  const leafLines: string[] = [];
  for (const l of s.leaves) leafLines.push(lostLeafText(l, places));
  const below: UnitShortfall['fields'] = [];
  for (const f of s.fields) if (f.toAverage !== null && f.toAverage < 0) below.push(f);
  below.sort(furthestBehindFirst);
  const behindLines: string[] = [];
  for (const f of below.slice(0, LOST_TOP)) behindLines.push(behindFieldText(f, places));
  const leavesText = leafLines.join('\n');
  const behind = behindLines.join('\n');
  return [
    s.code,
    s.ranked ? s.unit : `${s.unit} (*)`,
    groupName.get(s.group) ?? s.group,
    s.rank,
    s.index,
    s.lost,
    leavesText || 'Không mất điểm ở tiêu chí nào.',
    behind || 'Không lĩnh vực nào dưới trung bình nhóm.',
    s.previous?.indexChange ?? null,
    s.previous?.rankChange ?? null,
  ];
}

function* lostRows(result: ConsolidationResult, framework: Framework): Generator<TableCell[]> {
  const groups = groupsInOrder(result.units, framework);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  // The units in the sheet's order (by group, then rank); their shortfalls are made one by one.
  const ordered = groups.flatMap((g) => orderInGroup(result.units.filter((x) => x.group === g.id)));
  for (const s of eachPointsLost({ ...result, units: ordered }, { top: LOST_TOP }))
    yield lostRow(s, framework.places, groupName);
}

export async function writeLostSheet(
  wb: XlsxStreamWriter,
  result: ConsolidationResult,
  framework: Framework,
): Promise<void> {
  const codeWidth = widthCharsFor(
    result.units.map((u) => u.code ?? ''),
    SIZE,
    7,
  );
  await writeTable(
    wb,
    {
      name: SHEET_LOST,
      print: { orientation: 'landscape', columns: 10 },
      columns: [
        { header: 'Mã', width: codeWidth },
        { header: 'Đơn vị', width: 22, wrap: true },
        { header: 'Nhóm', width: 12, wrap: true },
        { header: 'Hạng', width: 6, numFmt: '0' },
        { header: 'Chỉ số (%)', width: 8, numFmt: FORMAT.points },
        { header: 'Điểm còn thiếu', width: 8.5, numFmt: FORMAT.points },
        {
          header: `${LOST_TOP} tiêu chí mất nhiều điểm nhất (TĐG: tự đánh giá; TĐ: thẩm định)`,
          width: 44,
          wrap: true,
        },
        { header: 'Lĩnh vực dưới trung bình (TB) nhóm', width: 40, wrap: true },
        { header: 'Thay đổi chỉ số', width: 8, numFmt: FORMAT.indexChange },
        { header: 'Thay đổi hạng', width: 7, numFmt: FORMAT.rankChange },
      ],
    },
    lostRows(result, framework),
  );
}
