/**
 * Generating a template inside Excel: the .xlsx bytes come from the shared renderer (the same file
 * the CLI writes), then Excel opens them as a new workbook (ExcelApi 1.8, no context.sync at all),
 * or, when asked and ExcelApi 1.13 is there, inserts the sheets into the open workbook (one sync to
 * check for name clashes, one to insert). On an older Excel the insertion degrades to a new workbook.
 */
import type { Framework } from '../framework/schema';
import type { UnitRef } from '../scoring/types';
import type { TemplateOptions } from '../workbook/plan';
import { SHEET_GUIDE, SHEET_LISTS, SHEET_META, SHEET_SCORE } from '../workbook/layout';
import { bytesToBase64 } from './base64';
import { ExcelAdapterError, translated } from './errors';
import { type ExcelHost, FEATURE_SETS, officeHost, supportsExcelApi } from './host';

export interface GenerateOptions {
  /** `current`: insert the sheets into the open workbook when the host supports it. Default `new`. */
  into?: 'new' | 'current';
}

export interface GenerateResult {
  /** Where the template went. */
  mode: 'newWorkbook' | 'insertedSheets';
  /** True when `current` was asked for but the host lacks ExcelApi 1.13. */
  degraded: boolean;
}

const TEMPLATE_SHEETS = [SHEET_GUIDE, SHEET_SCORE, SHEET_META, SHEET_LISTS];

export async function openTemplateBytes(
  bytes: Uint8Array,
  options: GenerateOptions = {},
  host: ExcelHost = officeHost(),
): Promise<GenerateResult> {
  const base64 = bytesToBase64(bytes);
  const wantsCurrent = options.into === 'current';
  if (!wantsCurrent || !supportsExcelApi(host, FEATURE_SETS.insertWorksheets)) {
    await translated('Mở mẫu trong Excel', () => host.createWorkbook(base64));
    return { mode: 'newWorkbook', degraded: wantsCurrent };
  }
  await translated('Chèn mẫu vào sổ đang mở', () =>
    host.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      const clash = sheets.items
        .map((s) => s.name)
        .filter((n) => TEMPLATE_SHEETS.some((t) => t.toLowerCase() === n.toLowerCase()));
      if (clash.length) {
        throw new ExcelAdapterError(
          'sheetExists',
          `Sổ đang mở đã có trang "${clash.join('", "')}": hãy tạo mẫu trong sổ mới hoặc xóa các trang đó trước.`,
        );
      }
      context.workbook.insertWorksheetsFromBase64(base64);
      await context.sync();
    }),
  );
  return { mode: 'insertedSheets', degraded: false };
}

/** Renders the unit's template (the renderer is loaded on demand: it pulls exceljs) and opens it. */
export async function generateTemplate(
  framework: Framework,
  unit: UnitRef,
  options: GenerateOptions & { template?: TemplateOptions } = {},
  host: ExcelHost = officeHost(),
): Promise<GenerateResult> {
  const { renderTemplate } = await import('../xlsx/render');
  return openTemplateBytes(await renderTemplate(framework, unit, options.template), options, host);
}
