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

/** One unit's row: its most-lost leaves and its lĩnh vực furthest below the group's average. */
function lostRow(s: UnitShortfall, pts: (n: number) => string, groupName: Map<string, string>): TableCell[] {
  const leavesText = s.leaves
    .map((l) => {
      const how = l.survey
        ? 'điều tra XHH'
        : l.appraisal !== null
          ? `TĐG ${l.self === null ? '—' : pts(l.self)}, TĐ ${pts(l.appraisal)}`
          : `TĐG ${l.self === null ? '—' : pts(l.self)}, chưa TĐ`;
      return `${l.code}: thiếu ${pts(l.lost)} (${pts(l.score)}/${pts(l.max)}; ${how})`;
    })
    .join('\n');
  const behind = s.fields
    .filter((f) => f.toAverage !== null && f.toAverage < 0)
    .sort((a, b) => (a.toAverage as number) - (b.toAverage as number))
    .slice(0, LOST_TOP)
    .map(
      (f) =>
        `Lĩnh vực ${f.code}: ${pts(f.points)} (TB ${pts(f.groupAverage as number)}; cao nhất ${pts(f.groupBest as number)})`,
    )
    .join('\n');
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
  const pts = (n: number) => formatVi(n, framework.places);
  const groups = groupsInOrder(result.units, framework);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  // The units in the sheet's order (by group, then rank); their shortfalls are made one by one.
  const ordered = groups.flatMap((g) => orderInGroup(result.units.filter((x) => x.group === g.id)));
  for (const s of eachPointsLost({ ...result, units: ordered }, { top: LOST_TOP }))
    yield lostRow(s, pts, groupName);
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
