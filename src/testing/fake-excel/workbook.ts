/** Excel.Workbook with its worksheet and named-item collections. */
import { splitSheet } from './address';
import {
  type Binding,
  FakeClientObject,
  FakeClientResult,
  type FakeRequestContext,
  unknownProperty,
} from './client-object';
import { FakeOfficeError } from './errors';
import type { NamedItemModel, SheetModel, WorkbookModel } from './model';
import { FakeRange, type RangeTarget, resolveAddress } from './range';
import { FakeWorksheet } from './worksheet';

function itemProps(option?: string | string[]): string[] | undefined {
  const list = (typeof option === 'string' ? option.split(',') : (option ?? []))
    .map((p) => p.trim().replace(/^items\//, ''))
    .filter(Boolean);
  return list.length ? list : undefined;
}

export class FakeWorkbook extends FakeClientObject<WorkbookModel> {
  protected readonly _scalarProps = ['name'] as const;
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;

  constructor(context: FakeRequestContext, model: WorkbookModel) {
    super(context, 'Workbook', { target: model });
    this.worksheets = new FakeWorksheetCollection(context, { target: model });
    this.names = new FakeNamedItemCollection(context, { target: model });
  }
  protected _snapshot(_m: WorkbookModel, p: string): unknown {
    if (p === 'name') return 'Book1.xlsx';
    throw unknownProperty('Workbook', p);
  }
  get name(): string {
    return this._read('name');
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, {
      resolve: () => {
        const m = this._parentTarget()!;
        if (m.selection) return { sheet: m.selection.sheet, rect: { ...m.selection.rect } };
        const sheet = m.activeSheet;
        if (!sheet) throw new FakeOfficeError('ItemNotFound', 'No active worksheet.');
        return { sheet, rect: { row: 0, col: 0, rowEnd: 0, colEnd: 0 } };
      },
    });
  }

  /** ExcelApi 1.13: refused (ApiNotFound) when the host does not support it. */
  insertWorksheetsFromBase64(
    base64File: string,
    options?: { sheetNamesToInsert?: string[] },
  ): FakeClientResult<string[]> {
    const result = new FakeClientResult<string[]>();
    this.context.enqueue(async () => {
      if (!this.context.host.isSetSupported('ExcelApi', '1.13')) {
        throw new FakeOfficeError(
          'ApiNotFound',
          'The API you are trying to use could not be found (insertWorksheetsFromBase64 needs ExcelApi 1.13).',
        );
      }
      result._resolve(await this.context.host.insertWorksheets(base64File, options ?? {}));
    });
    return result;
  }
}

export class FakeWorksheetCollection extends FakeClientObject<WorkbookModel> {
  protected readonly _scalarProps = [] as const;
  constructor(context: FakeRequestContext, binding: Binding<WorkbookModel>) {
    super(context, 'WorksheetCollection', binding);
  }
  protected _snapshot(_m: WorkbookModel, p: string): unknown {
    throw unknownProperty('WorksheetCollection', p);
  }
  get items(): FakeWorksheet[] {
    return this._read('items');
  }
  override load(option?: string | string[]): this {
    const props = itemProps(option);
    this._queueLoad((m) => {
      const items = m.sheets.map((s) => new FakeWorksheet(this.context, { target: s }));
      for (const item of items) item._loadNow(props);
      this._setLoaded('items', items);
    });
    return this;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, { resolve: () => this._t().getSheet(key) });
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, { resolve: () => this._t().findSheet(key) ?? null });
  }
  add(name?: string): FakeWorksheet {
    return new FakeWorksheet(this.context, { resolve: () => this._t().addSheet(name), action: true });
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, {
      resolve: () => {
        const s = this._t().activeSheet;
        if (!s) throw new FakeOfficeError('ItemNotFound', 'No active worksheet.');
        return s;
      },
    });
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this._queue((m) => r._resolve(m.sheets.length));
    return r;
  }
}

interface NameTarget {
  workbook: WorkbookModel;
  item: NamedItemModel;
}

/** Resolves a defined name's formula ("='Chấm điểm'!$E$5:$E$40") to a range. */
function rangeOfName(t: NameTarget): RangeTarget | null {
  const ref = t.item.formula.replace(/^=/, '');
  const { sheet: sheetName, local } = splitSheet(ref);
  const sheet: SheetModel | undefined = sheetName === null ? undefined : t.workbook.findSheet(sheetName);
  if (!sheet) return null;
  return { sheet, rect: resolveAddress(sheet, local.replace(/\$/g, '')) };
}

export class FakeNamedItemCollection extends FakeClientObject<WorkbookModel> {
  protected readonly _scalarProps = [] as const;
  constructor(context: FakeRequestContext, binding: Binding<WorkbookModel>) {
    super(context, 'NamedItemCollection', binding);
  }
  protected _snapshot(_m: WorkbookModel, p: string): unknown {
    throw unknownProperty('NamedItemCollection', p);
  }
  get items(): FakeNamedItem[] {
    return this._read('items');
  }
  override load(option?: string | string[]): this {
    const props = itemProps(option);
    this._queueLoad((m) => {
      const items = m.names.map((item) => new FakeNamedItem(this.context, { target: { workbook: m, item } }));
      for (const item of items) item._loadNow(props);
      this._setLoaded('items', items);
    });
    return this;
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, {
      resolve: () => {
        const m = this._t();
        const item = m.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
        if (!item)
          throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (name '${name}').`);
        return { workbook: m, item };
      },
    });
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, {
      resolve: () => {
        const m = this._t();
        const item = m.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
        return item ? { workbook: m, item } : null;
      },
    });
  }
  add(name: string, reference: FakeRange | string, _comment?: string): FakeNamedItem {
    return new FakeNamedItem(this.context, {
      resolve: () => {
        const m = this._t();
        if (m.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
          throw new FakeOfficeError('ItemAlreadyExists', `The name '${name}' already exists.`);
        }
        const formula =
          typeof reference === 'string'
            ? reference.startsWith('=')
              ? reference
              : `=${reference}`
            : `=${absolute(reference._bound())}`;
        const item = { name, formula, visible: true };
        m.names.push(item);
        return { workbook: m, item };
      },
      action: true,
    });
  }
}

function absolute(t: RangeTarget): string {
  const [sheetPart, local] = t.sheet.address(t.rect).split(/!(?=[^!]*$)/) as [string, string];
  return `${sheetPart}!${local.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
}

export class FakeNamedItem extends FakeClientObject<NameTarget> {
  protected readonly _scalarProps = ['name', 'formula', 'type', 'visible', 'value'] as const;
  constructor(context: FakeRequestContext, binding: Binding<NameTarget>) {
    super(context, 'NamedItem', binding);
  }
  protected _snapshot(t: NameTarget, p: string): unknown {
    switch (p) {
      case 'name':
        return t.item.name;
      case 'formula':
        return t.item.formula;
      case 'type':
        return rangeOfName(t) ? 'Range' : 'String';
      case 'visible':
        return t.item.visible;
      case 'value':
        return t.item.formula.replace(/^=/, '');
      default:
        throw unknownProperty('NamedItem', p);
    }
  }
  get name(): string {
    return this._read('name');
  }
  get formula(): string {
    return this._read('formula');
  }
  get type(): string {
    return this._read('type');
  }
  get visible(): boolean {
    return this._read('visible');
  }
  get value(): string {
    return this._read('value');
  }
  delete(): void {
    this._queue((t) => {
      const i = t.workbook.names.indexOf(t.item);
      if (i >= 0) t.workbook.names.splice(i, 1);
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, {
      resolve: () => {
        const t = this._parentTarget();
        if (!t) return null;
        const r = rangeOfName(t);
        if (!r)
          throw new FakeOfficeError(
            'InvalidReference',
            `The name '${t.item.name}' does not refer to a range.`,
          );
        return r;
      },
    });
  }
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(this.context, {
      resolve: () => {
        const t = this._parentTarget();
        return t ? rangeOfName(t) : null;
      },
    });
  }
}
