/**
 * The fake host: `Excel` and `Office` globals over one in-memory workbook, with the counters and
 * helpers tests need (sync count, created workbooks, simulated user edits, requirement sets).
 */
import type ExcelJS from 'exceljs';
import { base64ToBytes } from '../../excel/base64';
import { parseLocal, splitSheet } from './address';
import { type ChangedHandler, FakeRequestContext } from './client-object';
import { FakeOfficeError } from './errors';
import { loadXlsxInto, readXlsx } from './load-xlsx';
import { WorkbookModel } from './model';
import { FakeWorkbook } from './workbook';

export interface FakeExcelOptions {
  /**
   * Highest supported version per requirement set, e.g. { ExcelApi: '1.14' }. Default ExcelApi 1.9,
   * the manifest's minimum, so features of later sets are off unless a test turns them on.
   */
  supported?: Record<string, string>;
  /** Request/response size limit per sync in bytes of JSON; default 5 MB as in Excel on the web. */
  payloadLimit?: number | null;
  /** Methods called on a null object: return null objects (default) or fail the batch. */
  nullChaining?: 'propagate' | 'fail';
  /**
   * Office.context.platform. Each platform brings its documented limits (see InsertLimits):
   * `iOS` reports its ExcelApi set but has no insertWorksheetsFromBase64; `OfficeOnline` drops
   * protection and unlocked cells of inserted sheets (office-js#1565). Default `PC`.
   */
  platform?: FakePlatform;
  /** What an insert keeps, overriding the platform's defaults. */
  insertLimits?: Partial<InsertLimits>;
}

export type FakePlatform = 'PC' | 'Mac' | 'OfficeOnline' | 'iOS';

/** How insertWorksheetsFromBase64 treats what it inserts, as reported against real Excel. */
export interface InsertLimits {
  /** False on iPad: the call fails with ApiNotFound although ExcelApi 1.13 is reported. */
  available: boolean;
  /**
   * Workbook names of the inserted file: `kept`, `ref` (present but "=#REF!…", office-js#3583,
   * #4772) or `dropped`.
   */
  names: 'kept' | 'ref' | 'dropped';
  /** `lost`: inserted sheets come unprotected with every cell locked (office-js#1565, web). */
  protection: 'kept' | 'lost';
}

const PLATFORM_LIMITS: Record<FakePlatform, InsertLimits> = {
  PC: { available: true, names: 'kept', protection: 'kept' },
  Mac: { available: true, names: 'kept', protection: 'kept' },
  OfficeOnline: { available: true, names: 'kept', protection: 'lost' },
  iOS: { available: false, names: 'kept', protection: 'kept' },
};

export interface FakeStats {
  /** context.sync() calls, including the final implicit one Excel.run makes. */
  syncs: number;
  /** Excel.createWorkbook calls: each one is a round trip too. */
  createWorkbook: number;
  runs: number;
}

export interface CreatedWorkbook {
  base64: string;
  bytes: Uint8Array;
  /** The file as exceljs read it, for tests to inspect (sheets, cells, protection, names). */
  workbook: ExcelJS.Workbook;
}

export interface FakeExcel {
  /** Stands in for the global `Excel` namespace. */
  Excel: {
    run<T>(...args: unknown[]): Promise<T>;
    createWorkbook(base64?: string): Promise<void>;
    RequestContext: new () => FakeRequestContext;
  };
  /** Stands in for the global `Office` namespace (requirements and onReady only). */
  Office: {
    context: {
      requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
      platform: FakePlatform;
      diagnostics: { platform: FakePlatform };
    };
    onReady(
      cb?: (info: { host: string; platform: string }) => void,
    ): Promise<{ host: string; platform: string }>;
    HostType: { Excel: 'Excel' };
  };
  model: WorkbookModel;
  stats: FakeStats;
  resetStats(): void;
  created: CreatedWorkbook[];
  /** Errors thrown by onChanged handlers (Excel swallows them; tests should not). */
  handlerErrors: unknown[];
  /** Requirement sets can change during a test (e.g. to try the degraded path). */
  setSupported(supported: Record<string, string>): void;
  /** Fills the workbook from .xlsx bytes (replacing nothing: sheets are added). */
  open(bytes: Uint8Array): Promise<void>;
  /** A user typing into cells: changes the model and fires onChanged with no add-in origin. */
  simulateUserEdit(sheet: string, address: string, value: unknown): Promise<void>;
  /** Resolves once every pending onChanged handler has run. */
  flushEvents(): Promise<void>;
  /** Sets globalThis.Excel / globalThis.Office; returns a function that restores them. */
  install(target?: Record<string, unknown>): () => void;
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const model = new WorkbookModel();
  model.addSheet('Sheet1');
  let supported: Record<string, string> = { ExcelApi: '1.9', ...(options.supported ?? {}) };
  const stats: FakeStats = { syncs: 0, createWorkbook: 0, runs: 0 };
  const created: CreatedWorkbook[] = [];
  const handlers = new Map<string, Set<ChangedHandler>>();
  let pendingEvents: Promise<void> = Promise.resolve();
  const handlerErrors: unknown[] = [];
  const platform: FakePlatform = options.platform ?? 'PC';
  const limits: InsertLimits = { ...PLATFORM_LIMITS[platform], ...(options.insertLimits ?? {}) };

  const isSetSupported = (name: string, version: string | number = '1.1'): boolean => {
    const have = supported[name];
    return have !== undefined && versionAtLeast(have, String(version));
  };

  const dispatch = (): void => {
    const changes = model.changes;
    model.changes = [];
    for (const change of changes) {
      const set = handlers.get(change.sheetId);
      if (!set?.size) continue;
      const args: Record<string, unknown> = {
        type: 'WorksheetChanged',
        address: change.address,
        changeType: 'RangeEdited',
        source: 'Local',
        worksheetId: change.sheetId,
      };
      // Event origin exists only from ExcelApi 1.14; older hosts do not send the field at all.
      if (isSetSupported('ExcelApi', '1.14'))
        args.triggerSource = change.origin === 'addin' ? 'ThisLocalAddin' : 'Unknown';
      for (const h of [...set]) {
        // Excel raises events after the round trip completes, never inside the caller's sync.
        // Excel logs a failing handler and goes on; the fake keeps the error for tests to see.
        pendingEvents = pendingEvents.then(async () => {
          try {
            await h(args);
          } catch (e) {
            handlerErrors.push(e);
          }
        });
      }
    }
  };

  const hooks = {
    payloadLimit: () => (options.payloadLimit === undefined ? 5 * 1024 * 1024 : options.payloadLimit),
    nullChaining: () => options.nullChaining ?? 'propagate',
    onSync: () => {
      stats.syncs++;
    },
    afterSync: dispatch,
    isSetSupported: (name: string, version: string) => isSetSupported(name, version),
    addChangedHandler: (sheetId: string, h: ChangedHandler) => {
      if (!handlers.has(sheetId)) handlers.set(sheetId, new Set());
      handlers.get(sheetId)!.add(h);
    },
    removeChangedHandler: (sheetId: string, h: ChangedHandler) => {
      handlers.get(sheetId)?.delete(h);
    },
    insertWorksheets: async (base64: string, opts: { sheetNamesToInsert?: string[] }) => {
      if (!limits.available)
        throw new FakeOfficeError(
          'ApiNotFound',
          'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
        );
      const namesBefore = new Set(model.names);
      const sheets = await loadXlsxInto(model, base64ToBytes(base64), opts.sheetNamesToInsert);
      const added = model.names.filter((n) => !namesBefore.has(n));
      if (limits.names === 'dropped') model.names.splice(0, model.names.length, ...namesBefore);
      if (limits.names === 'ref')
        for (const n of added) n.formula = n.formula.replace(/^=('[^']*(?:''[^']*)*'|[^!]+)!/, '=#REF!');
      if (limits.protection === 'lost') {
        for (const s of sheets) {
          s.protection = { protected: false, options: {}, password: undefined };
          for (const c of s.cells.values()) c.locked = true;
        }
      }
      return sheets.map((s) => s.id);
    },
  };

  const newContext = () => new FakeRequestContext(hooks, (ctx) => new FakeWorkbook(ctx, model));

  class RequestContext extends FakeRequestContext {
    constructor() {
      super(hooks, (ctx) => new FakeWorkbook(ctx, model));
    }
  }

  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1] as (ctx: FakeRequestContext) => Promise<T>;
    if (typeof batch !== 'function')
      throw new FakeOfficeError('InvalidArgument', 'Excel.run needs a batch function.');
    const first = args.length > 1 ? args[0] : undefined;
    // Excel.run(context, batch) / Excel.run(object, batch) reuse an existing context.
    const reused =
      first instanceof FakeRequestContext
        ? first
        : first && typeof first === 'object' && 'context' in first
          ? (first as { context: FakeRequestContext }).context
          : null;
    const ctx = reused ?? newContext();
    stats.runs++;
    ctx.reopen();
    try {
      const result = await batch(ctx);
      // Excel.run flushes whatever the batch queued after its last sync: one more round trip.
      if (ctx.pending > 0) await ctx.sync();
      return result;
    } finally {
      ctx.close();
    }
  }

  const fake: FakeExcel = {
    Excel: {
      run,
      async createWorkbook(base64?: string) {
        stats.createWorkbook++;
        if (!isSetSupported('ExcelApi', '1.8'))
          throw new FakeOfficeError('ApiNotFound', 'Excel.createWorkbook needs ExcelApi 1.8.');
        if (base64 === undefined) return;
        const bytes = base64ToBytes(base64);
        // Excel refuses a file it cannot open; parsing here makes a corrupt file fail the same way.
        let workbook: ExcelJS.Workbook;
        try {
          workbook = await readXlsx(bytes);
        } catch (e) {
          throw new FakeOfficeError(
            'InvalidArgument',
            `The file is not a valid workbook: ${(e as Error).message}`,
          );
        }
        created.push({ base64, bytes, workbook });
      },
      RequestContext: RequestContext as unknown as new () => FakeRequestContext,
    },
    Office: {
      context: {
        requirements: {
          isSetSupported: (name, v) => isSetSupported(name, v === undefined ? '1.1' : String(v)),
        },
        platform,
        diagnostics: { platform },
      },
      onReady(cb) {
        const info = { host: 'Excel', platform };
        cb?.(info);
        return Promise.resolve(info);
      },
      HostType: { Excel: 'Excel' },
    },
    model,
    stats,
    resetStats() {
      stats.syncs = 0;
      stats.createWorkbook = 0;
      stats.runs = 0;
    },
    created,
    handlerErrors,
    setSupported(s) {
      supported = { ExcelApi: '1.9', ...s };
    },
    async open(bytes) {
      const hadOnlyDefault =
        model.sheets.length === 1 && model.sheets[0]!.name === 'Sheet1' && model.sheets[0]!.cells.size === 0;
      const added = await loadXlsxInto(model, bytes);
      // Opening a file replaces the blank default workbook rather than adding to it.
      if (hadOnlyDefault && added.length > 0 && added.some((s) => s.visibility === 'Visible')) {
        const blank = model.sheets[0]!;
        model.sheets.splice(0, 1);
        if (model.activeSheet === blank)
          model.activeSheet = model.sheets.find((s) => s.visibility === 'Visible') ?? null;
      }
    },
    async simulateUserEdit(sheetName, address, value) {
      const { local } = splitSheet(address);
      const sheet = model.getSheet(sheetName);
      const rect = parseLocal(local);
      if (!rect) throw new FakeOfficeError('InvalidArgument', `Bad address ${address}`);
      const rows = rect.rowEnd - rect.row + 1;
      const cols = rect.colEnd - rect.col + 1;
      const grid = Array.isArray(value)
        ? value
        : Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));
      sheet.setValues(rect, grid, 'user');
      dispatch();
      await pendingEvents;
    },
    flushEvents: () => pendingEvents,
    install(target = globalThis as unknown as Record<string, unknown>) {
      const before = { Excel: target.Excel, Office: target.Office };
      target.Excel = fake.Excel;
      target.Office = fake.Office;
      return () => {
        target.Excel = before.Excel;
        target.Office = before.Office;
      };
    },
  };
  return fake;
}
