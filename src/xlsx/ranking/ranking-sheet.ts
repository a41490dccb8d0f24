/**
 * `Xếp hạng`: the published-style table, drawn from src/workbook/ranking-plan.ts (the same layout
 * the add-in renders with Office.js): a block per group, each starting on a new page, its header
 * row repeated on every page; title and note rows merged across the table.
 */
import { xmlSafe } from '../../common/clean-text';
import { fittedRowHeight } from '../../common/text-layout';
import { viDateTime } from '../../common/vi-time';
import type { ConsolidationResult } from '../../consolidation/types';
import type { Framework } from '../../framework/schema';
import { FORMAT, rankingLayout, type RankingLayout, type RankingRow } from '../../workbook/ranking-plan';
import type { CellStyle } from '../write/styles';
import type { XlsxStreamWriter } from '../write/workbook-writer';
import { FONT, GREY, HEADER_FILL, printSetup, SIZE } from './sheet-format';

function cellStyle(kind: RankingRow['kind'], fmt: string | null | undefined, column: number): CellStyle {
  const heading = kind === 'title' || kind === 'groupTitle' || kind === 'header';
  const style: CellStyle = {
    font: {
      name: FONT,
      size: kind === 'title' ? 14 : SIZE,
      bold: heading,
      italic: kind === 'note' || kind === 'subtitle',
    },
    alignment: {
      wrap: kind !== 'unit' || column === 3,
      vertical: 'middle',
      horizontal: heading ? 'center' : undefined,
    },
  };
  if (fmt && fmt !== FORMAT.text) style.numFmt = fmt;
  if (kind === 'header' || kind === 'unit') style.border = GREY;
  if (kind === 'header') style.fill = HEADER_FILL;
  return style;
}

function rowHeight(r: RankingRow, plan: RankingLayout, totalWidth: number): number {
  if (r.kind === 'header')
    return fittedRowHeight(
      plan.columns.map((c) => ({ text: c.header, widthChars: c.width, sizePt: SIZE, style: { bold: true } })),
    );
  if (r.mergeAcross && typeof r.cells[0] === 'string')
    return fittedRowHeight([
      {
        text: r.cells[0],
        widthChars: totalWidth,
        sizePt: r.kind === 'title' ? 14 : SIZE,
        style: { bold: r.kind === 'title' || r.kind === 'groupTitle', italic: r.kind !== 'title' },
      },
    ]);
  if (r.kind === 'unit' && typeof r.cells[2] === 'string')
    return fittedRowHeight([{ text: r.cells[2], widthChars: plan.columns[2].width, sizePt: SIZE }]);
  return 0;
}

/** A row's values, styles (cells up to the last one with a value), height and whether it is merged across. */
function rankingRowCells(
  wb: XlsxStreamWriter,
  r: RankingRow,
  plan: RankingLayout,
  totalWidth: number,
): { values: (string | number | null)[]; styles: number[]; height: number | undefined; merged: boolean } {
  const width = plan.columns.length;
  const values = r.cells.map((v) => (typeof v === 'string' ? xmlSafe(v) : v));
  // Empty cells up to the last one with a value keep the row's borders.
  let last = values.length;
  while (last > 0 && values[last - 1] === null) last--;
  const merged = Boolean(r.mergeAcross) && width > 1;
  const styles: number[] = [];
  for (let c = 1; c <= (merged ? width : last); c++) {
    // A merged row's cells all take the first cell's style.
    const col = merged ? 1 : c;
    const fmt = r.formats[col - 1];
    styles.push(wb.styles.id(`rank|${r.kind}|${fmt}|${col === 3}`, () => cellStyle(r.kind, fmt, col)));
  }
  const height = rowHeight(r, plan, totalWidth);
  return { values, styles, height: height > 16 ? height : undefined, merged };
}

export async function writeRankingSheet(
  wb: XlsxStreamWriter,
  result: ConsolidationResult,
  framework: Framework,
  generatedAt: string,
): Promise<void> {
  // Rows made one at a time as they are written: 3,000 units' rows are never held together.
  const plan = rankingLayout(result.units, framework, {
    fieldTotals: result.fieldTotals,
    subtitle: `Tổng hợp lúc ${viDateTime(generatedAt)} từ ${result.files.length} tệp.`,
  });
  const width = plan.columns.length;
  const ws = wb.sheet({
    name: plan.sheetName,
    columns: plan.columns.map((c) => ({ width: c.width })),
    orientation: 'landscape',
    fitToWidth: true,
  });
  const totalWidth = plan.columns.reduce((s, c) => s + c.width, 0);
  // Each group starts on a new page; the header row (the same in every block) repeats on each page.
  const breaks = new Set(plan.blocks.slice(1).map((b) => b.headerRow - 2));
  let i = 0;
  // Each row is made by rankingRowCells and only written here: one function doing both was
  // optimised anew by V8 at each consolidation (25-80 ms of compile, measured with --trace-opt).
  for (const r of plan.rows()) {
    const made = rankingRowCells(wb, r, plan, totalWidth);
    const written = ws.row(i + 1, made.values, made.styles, made.height);
    if (written) await written;
    if (made.merged) ws.merge(i + 1, 1, width);
    if (breaks.has(i + 1)) ws.pageBreakAfter(i + 1);
    i++;
  }
  const firstHeader = plan.blocks[0] ? plan.blocks[0].headerRow + 1 : undefined;
  await wb.endSheet(
    printSetup({
      lastPrintedColumn: width,
      lastRow: plan.rowCount,
      titleRows: firstHeader ? [firstHeader, firstHeader] : undefined,
    }),
  );
}
