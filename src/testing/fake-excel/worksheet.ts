/** Excel.Worksheet with its protection, charts and onChanged event. */
import { MAX_COLS, MAX_ROWS } from './address';
import { FakeChartCollection } from './chart';
import {
  type Binding,
  type ChangedHandler,
  FakeClientObject,
  type FakeRequestContext,
  unknownProperty,
} from './client-object';
import { FakeOfficeError } from './errors';
import { type ProtectionOptions, type SheetModel, type Visibility, isValidSheetName } from './model';
import { FakeRange, resolveAddress } from './range';

export class FakeWorksheet extends FakeClientObject<SheetModel> {
  protected readonly _scalarProps = ['name', 'id', 'position', 'visibility'] as const;
  private _protection?: FakeWorksheetProtection;
  private _charts?: FakeChartCollection;
  private _onChanged?: FakeEventHandlers;

  constructor(context: FakeRequestContext, binding: Binding<SheetModel>) {
    super(context, 'Worksheet', binding);
  }
  protected _snapshot(s: SheetModel, p: string): unknown {
    switch (p) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'position':
        return s.workbook.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
      default:
        throw unknownProperty('Worksheet', p);
    }
  }
  protected override _navigation(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'protection') return this.protection as FakeClientObject<unknown>;
    return undefined;
  }

  get name(): string {
    return this._read('name');
  }
  set name(n: string) {
    this._queue((s) => {
      if (!isValidSheetName(n))
        throw new FakeOfficeError('InvalidArgument', `The worksheet name '${n}' is not valid.`);
      const other = s.workbook.findSheet(n);
      if (other && other !== s)
        throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named '${n}' already exists.`);
      s.name = n;
    });
  }
  get id(): string {
    return this._read('id');
  }
  get position(): number {
    return this._read('position');
  }
  get visibility(): Visibility {
    return this._read('visibility');
  }
  set visibility(v: Visibility) {
    this._queue((s) => {
      if (
        v !== 'Visible' &&
        s.workbook.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0
      ) {
        throw new FakeOfficeError(
          'InvalidOperation',
          'A workbook must contain at least one visible worksheet.',
        );
      }
      s.visibility = v;
    });
  }

  get protection(): FakeWorksheetProtection {
    this._protection ??= new FakeWorksheetProtection(this.context, { resolve: () => this._parentTarget() });
    return this._protection;
  }
  get charts(): FakeChartCollection {
    this._charts ??= new FakeChartCollection(this.context, { resolve: () => this._parentTarget() });
    return this._charts;
  }
  get onChanged(): FakeEventHandlers {
    this._onChanged ??= new FakeEventHandlers(this.context, this);
    return this._onChanged;
  }

  /** No address = the whole sheet, as in Office.js. */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, {
      resolve: () => {
        const s = this._parentTarget();
        if (!s) return null;
        const rect =
          address === undefined
            ? { row: 0, col: 0, rowEnd: MAX_ROWS - 1, colEnd: MAX_COLS - 1 }
            : resolveAddress(s, address);
        return { sheet: s, rect };
      },
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, {
      resolve: () => {
        const s = this._parentTarget();
        if (!s) return null;
        if (
          startRow < 0 ||
          startColumn < 0 ||
          rowCount < 1 ||
          columnCount < 1 ||
          startRow + rowCount > MAX_ROWS ||
          startColumn + columnCount > MAX_COLS
        ) {
          throw new FakeOfficeError(
            'InvalidArgument',
            'The argument is invalid or missing or has an incorrect format (getRangeByIndexes).',
          );
        }
        return {
          sheet: s,
          rect: {
            row: startRow,
            col: startColumn,
            rowEnd: startRow + rowCount - 1,
            colEnd: startColumn + columnCount - 1,
          },
        };
      },
    });
  }
  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  /** Excel returns A1 for an empty sheet. */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, {
      resolve: () => {
        const s = this._parentTarget();
        if (!s) return null;
        return { sheet: s, rect: s.usedRect(valuesOnly) ?? { row: 0, col: 0, rowEnd: 0, colEnd: 0 } };
      },
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, {
      resolve: () => {
        const s = this._parentTarget();
        const rect = s?.usedRect(valuesOnly);
        return s && rect ? { sheet: s, rect } : null;
      },
    });
  }
  activate(): void {
    this._queue((s) => {
      if (s.visibility !== 'Visible')
        throw new FakeOfficeError('InvalidOperation', `Cannot activate hidden worksheet '${s.name}'.`);
      s.workbook.activeSheet = s;
    });
  }
  delete(): void {
    this._queue((s) => s.workbook.deleteSheet(s));
  }
}

/**
 * Worksheet protection as current Excel builds behave: protect() on a protected sheet and
 * unprotect() with a wrong password throw; state is read with load("protected").
 */
export class FakeWorksheetProtection extends FakeClientObject<SheetModel> {
  protected readonly _scalarProps = ['protected', 'options'] as const;
  constructor(context: FakeRequestContext, binding: Binding<SheetModel>) {
    super(context, 'WorksheetProtection', binding);
  }
  protected _snapshot(s: SheetModel, p: string): unknown {
    if (p === 'protected') return s.protection.protected;
    if (p === 'options') return { ...s.protection.options };
    throw unknownProperty('WorksheetProtection', p);
  }
  get protected(): boolean {
    return this._read('protected');
  }
  get options(): ProtectionOptions {
    return this._read('options');
  }
  protect(options?: ProtectionOptions, password?: string): void {
    this._queue((s) => {
      if (s.protection.protected) {
        throw new FakeOfficeError('InvalidOperation', `The worksheet '${s.name}' is already protected.`);
      }
      s.protection = { protected: true, options: { ...(options ?? {}) }, password };
    });
  }
  unprotect(password?: string): void {
    this._queue((s) => {
      if (!s.protection.protected) return;
      if (s.protection.password !== undefined && s.protection.password !== password) {
        throw new FakeOfficeError('InvalidArgument', 'The password you supplied is not correct.');
      }
      s.protection = { protected: false, options: {}, password: undefined };
    });
  }
}

/** onChanged: handlers take effect at the next sync, like every other call. */
export class FakeEventHandlers {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {}

  add(handler: ChangedHandler): FakeEventHandlerResult {
    const result = new FakeEventHandlerResult(this.context);
    this.context.enqueue(() => {
      const s = this.sheet._parentTarget();
      if (!s) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist (worksheet).");
      result._bind(s.id, handler);
      this.context.host.addChangedHandler(s.id, handler);
    });
    return result;
  }
}

export class FakeEventHandlerResult {
  private sheetId: string | null = null;
  private handler: ChangedHandler | null = null;
  constructor(readonly context: FakeRequestContext) {}

  _bind(sheetId: string, handler: ChangedHandler): void {
    this.sheetId = sheetId;
    this.handler = handler;
  }

  remove(): void {
    this.context.enqueue(() => {
      if (this.sheetId && this.handler) this.context.host.removeChangedHandler(this.sheetId, this.handler);
    });
  }
}
