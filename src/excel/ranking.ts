/**
 * Writing the `Xếp hạng` sheet of the open workbook from the shared ranking plan
 * (src/workbook/ranking-plan.ts), so the sheet the add-in writes and the one the CLI writes are the
 * same table. Two syncs whatever the number of units (three when Excel fails a batch that chains
 * on a missing sheet): one to see whether the sheet (and charts on it) exist and whether it is
 * protected, one to clear or create it and write every block (number formats first, so text cells formatted "@" keep "=…" as text), merges, widths and one native bar
 * chart of the index per group.
 */
import type { RankingPlan, RankingRow } from '../workbook/ranking-plan';
import { translated } from './errors';
import { type ExcelHost, FEATURE_SETS, officeHost, supportsExcelApi } from './host';

export interface RankingWriteOptions {
  /** Default true: one bar chart of the index per group, right of the table. */
  charts?: boolean;
}

export interface RankingWriteResult {
  sheetName: string;
  /** Number of 2-D value writes (the title block plus one per group). */
  blocks: number;
  charts: number;
}

/** Excel column width in points for a width given in characters (Calibri 11: ~7 px per character). */
function widthInPoints(chars: number): number {
  return Math.round(chars * 5.6 + 5);
}

/** [firstRow, lastRow] (0-based, inclusive) of each block: the title lines, then each group. */
function blockSpans(plan: RankingPlan): [number, number][] {
  const spans: [number, number][] = [];
  const starts = plan.blocks.map((b) => b.headerRow - 2); // blank line and group title precede the header
  const firstGroup = starts[0] ?? plan.rows.length;
  if (firstGroup > 0) spans.push([0, firstGroup - 1]);
  starts.forEach((start, i) => spans.push([start, (starts[i + 1] ?? plan.rows.length) - 1]));
  return spans.filter(([a, b]) => b >= a);
}

function formatOf(row: RankingRow, j: number): string {
  return row.formats[j] ?? 'General';
}

export async function writeRankingSheet(
  plan: RankingPlan,
  options: RankingWriteOptions = {},
  host: ExcelHost = officeHost(),
): Promise<RankingWriteResult> {
  const width = plan.columns.length;
  const spans = blockSpans(plan);
  // Series categories (setXAxisValues) need ExcelApi 1.7: below it, the table only.
  const wantCharts = options.charts !== false && supportsExcelApi(host, FEATURE_SETS.rankingChart);
  return translated('Ghi trang Xếp hạng', () =>
    host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      let existing = sheets.getItemOrNullObject(plan.sheetName);
      let charts: Excel.ChartCollection | null = existing.charts.load('items/name');
      let protection: Excel.WorksheetProtection | null = existing.protection.load('protected');
      try {
        await context.sync();
      } catch (e) {
        // charts and protection of a null object (no ranking sheet yet): the Office.js docs do not
        // promise null objects rather than a failed batch (read.ts has the same guard). Ask only
        // whether the sheet is there; if it is, the failure was real.
        existing = sheets.getItemOrNullObject(plan.sheetName);
        existing.load('name');
        await context.sync();
        if (!existing.isNullObject) throw e;
        charts = null;
        protection = null;
      }

      let sheet: Excel.Worksheet;
      if (existing.isNullObject) {
        sheet = sheets.add(plan.sheetName);
      } else {
        sheet = existing;
        // The sheet is ours: a previous ranking is replaced, not merged with.
        if (protection?.protected) sheet.protection.unprotect();
        for (const chart of charts?.items ?? []) chart.delete();
        sheet.getRange().clear();
      }

      for (const [first, last] of spans) {
        const rows = plan.rows.slice(first, last + 1);
        const range = sheet.getRangeByIndexes(first, 0, rows.length, width);
        range.numberFormat = rows.map((row) => row.cells.map((_, j) => formatOf(row, j)));
        range.values = rows.map((row) => row.cells.map((v) => (v === null ? '' : v)));
      }
      plan.rows.forEach((row, i) => {
        const line = sheet.getRangeByIndexes(i, 0, 1, width);
        if (row.mergeAcross) line.merge(true);
        if (row.kind === 'title' || row.kind === 'groupTitle' || row.kind === 'header')
          line.format.font.bold = true;
      });
      plan.columns.forEach((col, j) => {
        sheet.getRangeByIndexes(0, j, 1, 1).format.columnWidth = widthInPoints(col.width);
      });

      let chartCount = 0;
      const indexCol = plan.columns.findIndex((c) => c.key === 'index');
      const unitCol = plan.columns.findIndex((c) => c.key === 'unit');
      if (wantCharts && indexCol >= 0 && unitCol >= 0) {
        for (const block of plan.blocks) {
          const count = block.lastUnitRow - block.firstUnitRow + 1;
          if (count < 1) continue;
          const values = sheet.getRangeByIndexes(block.firstUnitRow, indexCol, count, 1);
          const chart = sheet.charts.add('BarClustered', values, 'Columns');
          chart.series
            .getItemAt(0)
            .setXAxisValues(sheet.getRangeByIndexes(block.firstUnitRow, unitCol, count, 1));
          chart.series.getItemAt(0).name = plan.columns[indexCol]!.header;
          chart.title.text = `Chỉ số CCHC — ${block.groupName}`;
          chart.legend.visible = false;
          chart.setPosition(
            sheet.getRangeByIndexes(block.headerRow, width + 1, 1, 1),
            sheet.getRangeByIndexes(Math.max(block.lastUnitRow, block.headerRow + 12), width + 8, 1, 1),
          );
          chartCount++;
        }
      }
      sheet.activate();
      await context.sync();
      return { sheetName: plan.sheetName, blocks: spans.length, charts: chartCount };
    }),
  );
}
