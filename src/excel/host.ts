/**
 * The Office.js entry points the adapter uses, behind one small interface so the same code runs
 * against Excel (the globals Office.js defines) and against the in-memory fake in tests and in the
 * browser test page. Requirement sets are checked here, at run time: the manifest asks for
 * CORE_EXCEL_API only, later sets are optional features.
 */

export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Excel.run(object, batch): reuses the context an object belongs to (event handler removal). */
  runWith<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** ExcelApi 1.8. */
  createWorkbook(base64: string): Promise<void>;
  isSetSupported(name: string, version: string): boolean;
  /**
   * Office.context.platform: "PC", "Mac", "OfficeOnline", "iOS", … or null when unknown. Needed
   * where a requirement set says yes but the platform does not have the feature (iPad reports
   * ExcelApi 1.13 yet has no insertWorksheetsFromBase64).
   */
  platform(): string | null;
}

/**
 * What the manifest requires (manifest.xml, checked by test/manifest.test.ts): reading and checking
 * the open template — getItemOrNullObject, getUsedRangeOrNullObject, getIntersectionOrNullObject,
 * isNullObject (1.4), protection (1.2), values / valueTypes / formulas (1.1). So Office 2019
 * volume-licensed (ExcelApi 1.7) is offered the add-in; everything above is in FEATURE_SETS.
 */
export const CORE_EXCEL_API = '1.4';

/** Features above the manifest's core set and the set each needs, checked at run time. */
export const FEATURE_SETS = {
  /** Worksheet.onChanged: re-check as the user types (below it, "Kiểm tra lại" by hand). */
  liveCheck: '1.7',
  /** ChartSeries.setXAxisValues: the bar chart of the ranking sheet (below it, the table only). */
  rankingChart: '1.7',
  /** Excel.createWorkbook: open a made template as a new workbook. */
  createWorkbook: '1.8',
  /** Insert the template's sheets into the open workbook instead of opening a new one. */
  insertWorksheets: '1.13',
  /** WorksheetChangedEventArgs.triggerSource: tell the add-in's own writes from the user's. */
  eventOrigin: '1.14',
} as const;

interface OfficeGlobals {
  Excel?: {
    run: (...args: unknown[]) => Promise<unknown>;
    createWorkbook: (base64?: string) => Promise<void>;
  };
  Office?: {
    context?: {
      requirements?: { isSetSupported(name: string, version?: string): boolean };
      platform?: unknown;
      diagnostics?: { platform?: unknown };
    };
  };
}

/** The host Office.js (or the fake installed in its place) provides, looked up at call time. */
export function officeHost(globals: OfficeGlobals = globalThis as unknown as OfficeGlobals): ExcelHost {
  const excel = () => {
    if (!globals.Excel) throw new Error('Office.js chưa được nạp: hãy mở phần bổ trợ từ trong Excel.');
    return globals.Excel;
  };
  return {
    run: (batch) => excel().run(batch) as never,
    runWith: (context, batch) => excel().run(context, batch) as never,
    createWorkbook: (base64) => excel().createWorkbook(base64),
    isSetSupported: (name, version) => {
      try {
        return globals.Office?.context?.requirements?.isSetSupported(name, version) ?? false;
      } catch {
        // Older hosts throw for sets they do not know instead of answering false.
        return false;
      }
    },
    platform: () => {
      try {
        const context = globals.Office?.context;
        const p = context?.platform ?? context?.diagnostics?.platform;
        return p === undefined || p === null ? null : String(p);
      } catch {
        return null;
      }
    },
  };
}

export function supportsExcelApi(host: ExcelHost, version: string): boolean {
  return host.isSetSupported('ExcelApi', version);
}
