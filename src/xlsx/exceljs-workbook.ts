/**
 * A new exceljs workbook, exceljs being loaded on first use: requiring it costs ~0.25 s, and every
 * `cchc` command paid that at start (`cchc --version` took 0.45 s) because the modules that write
 * templates, tables and registers are reachable from the command registry. The direct reader of
 * returned workbooks never needs it; only its fallback does. In the task pane it stays in its own
 * chunk, fetched when first needed.
 */
import type ExcelJS from 'exceljs';

export async function newExcelWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  return new excel.Workbook();
}
