/**
 * Generating a template inside Excel: the .xlsx bytes come from the shared renderer (the same file
 * the CLI writes), then Excel opens them as a new workbook (ExcelApi 1.8, no context.sync at all),
 * or, when asked and the host can, inserts the sheets into the open workbook:
 * 1. one sync to check for name clashes;
 * 2. one sync to insert and read back names, protection and input-cell locks;
 * 3. only when Excel lost some of them (office-js#3583, #4772, #1565): one sync that re-creates
 *    them and reads them again, to check.
 * Inserting degrades to a new workbook below ExcelApi 1.13, on iPad (it reports 1.13 but has no
 * insertWorksheetsFromBase64) and whenever Excel answers that the API is not there. Below
 * ExcelApi 1.8 Excel cannot open a new workbook from the add-in: the caller is told so
 * (`unsupported`) and offers the file as a download instead.
 */
import type { Framework } from '../framework/schema';
import type { UnitRef } from '../scoring/types';
import { buildTemplatePlan, type TemplateOptions } from '../workbook/plan';
import type { WorkbookPlan } from '../workbook/plan-types';
import { SHEET_GUIDE, SHEET_LISTS, SHEET_META, SHEET_SCORE } from '../workbook/layout';
import { bytesToBase64 } from './base64';
import { ExcelAdapterError, translated } from './errors';
import { type ExcelHost, FEATURE_SETS, officeHost, supportsExcelApi } from './host';
import {
  type InsertedTemplateShape,
  describeGaps,
  hasGaps,
  insertedTemplateShape,
  queueRepairs,
  queueShapeReading,
  shapeGaps,
} from './inserted-template';

export interface GenerateOptions {
  /** `current`: insert the sheets into the open workbook when the host supports it. Default `new`. */
  into?: 'new' | 'current';
}

/** Why `current` became a new workbook. */
export type DegradedReason = 'requirementSet' | 'platform' | 'apiMissing';

export interface GenerateResult {
  /** Where the template went. */
  mode: 'newWorkbook' | 'insertedSheets';
  /** True when `current` was asked for but the template went to a new workbook. */
  degraded: boolean;
  degradedReason?: DegradedReason;
  /** After an insert: what Excel had not kept and the adapter re-created (empty: nothing). */
  repaired?: string;
}

const TEMPLATE_SHEETS = [SHEET_GUIDE, SHEET_SCORE, SHEET_META, SHEET_LISTS];

/** Platforms where the requirement set says yes and the insert is still not there. */
const NO_INSERT_PLATFORMS = new Set(['iOS']);

function officeCode(e: unknown): string | undefined {
  const cause = e instanceof ExcelAdapterError ? e.cause : e;
  return cause && typeof cause === 'object' && 'code' in cause ? String(cause.code) : undefined;
}

async function openAsNewWorkbook(base64: string, host: ExcelHost): Promise<void> {
  if (!supportsExcelApi(host, FEATURE_SETS.createWorkbook)) {
    throw new ExcelAdapterError(
      'unsupported',
      `Excel này chưa mở được sổ mới từ phần bổ trợ (cần ExcelApi ${FEATURE_SETS.createWorkbook}, có từ Office 2021, Microsoft 365, Excel trên web): tệp mẫu được tải xuống để mở bằng tay.`,
    );
  }
  await translated('Mở mẫu trong Excel', () => host.createWorkbook(base64));
}

async function insertIntoOpenWorkbook(
  base64: string,
  shape: InsertedTemplateShape | null,
  host: ExcelHost,
): Promise<string> {
  return translated('Chèn mẫu vào sổ đang mở', () =>
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
      if (!shape) {
        await context.sync();
        return '';
      }
      // Queued after the insert in the same batch: Excel runs the commands in order.
      const reading = queueShapeReading(context, shape);
      await context.sync();
      const gaps = shapeGaps(shape, reading);
      if (!hasGaps(gaps)) return '';
      queueRepairs(context, shape, gaps, reading);
      const check = queueShapeReading(context, shape);
      await context.sync();
      const left = shapeGaps(shape, check);
      if (hasGaps(left)) {
        throw new ExcelAdapterError(
          'office',
          `Đã chèn các trang mẫu nhưng Excel không giữ được ${describeGaps(left)}: hãy xóa các trang vừa chèn và tạo mẫu trong sổ mới.`,
        );
      }
      return describeGaps(gaps);
    }),
  );
}

/**
 * Opens rendered template bytes. `plan` (the plan the bytes came from) lets an insert be checked
 * and repaired; without it the sheets are inserted as they come.
 */
export async function openTemplateBytes(
  bytes: Uint8Array,
  options: GenerateOptions = {},
  host: ExcelHost = officeHost(),
  plan?: WorkbookPlan,
): Promise<GenerateResult> {
  const base64 = bytesToBase64(bytes);
  const wantsCurrent = options.into === 'current';
  let reason: DegradedReason | undefined;
  if (wantsCurrent && !supportsExcelApi(host, FEATURE_SETS.insertWorksheets)) reason = 'requirementSet';
  else if (wantsCurrent && NO_INSERT_PLATFORMS.has(host.platform() ?? '')) reason = 'platform';
  if (wantsCurrent && !reason) {
    try {
      const repaired = await insertIntoOpenWorkbook(base64, plan ? insertedTemplateShape(plan) : null, host);
      return { mode: 'insertedSheets', degraded: false, repaired };
    } catch (e) {
      const code = officeCode(e);
      if (code !== 'ApiNotFound' && code !== 'NotImplemented') throw e;
      reason = 'apiMissing';
    }
  }
  await openAsNewWorkbook(base64, host);
  return reason
    ? { mode: 'newWorkbook', degraded: true, degradedReason: reason }
    : { mode: 'newWorkbook', degraded: false };
}

/** Renders the unit's template (the renderer is loaded on demand: it pulls exceljs) and opens it. */
export async function generateTemplate(
  framework: Framework,
  unit: UnitRef,
  options: GenerateOptions & { template?: TemplateOptions } = {},
  host: ExcelHost = officeHost(),
): Promise<GenerateResult> {
  const { renderPlan } = await import('../xlsx/render');
  const plan = buildTemplatePlan(framework, unit, options.template);
  return openTemplateBytes(await renderPlan(plan), options, host, plan);
}
