/**
 * What kind of workbook is open, in one cheap sync (names of two sheets, no cells): enough for the
 * pane to open on the panel that fits it before any checking code is loaded. Imported by the pane
 * shell, so it stays free of the scoring and .xlsx code.
 */
import { SHEET_META, SHEET_SCORE } from '../workbook/layout';
import { type ExcelHost, officeHost } from './host';
import { STORE_SHEET } from './workbook-store';

export type OpenWorkbookKind = 'template' | 'campaign' | 'other';

export async function probeOpenWorkbook(host: ExcelHost = officeHost()): Promise<OpenWorkbookKind> {
  try {
    return await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const score = sheets.getItemOrNullObject(SHEET_SCORE).load('id');
      const meta = sheets.getItemOrNullObject(SHEET_META).load('id');
      const store = sheets.getItemOrNullObject(STORE_SHEET).load('id');
      await context.sync();
      if (!store.isNullObject) return 'campaign';
      return !score.isNullObject && !meta.isNullObject ? 'template' : 'other';
    });
  } catch {
    // Only a hint for the first panel: the Kiểm tra panel reports real read failures itself.
    return 'other';
  }
}
