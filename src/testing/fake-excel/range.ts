/** Excel.Range and its format sub-objects, over a rectangle of a SheetModel. */
import {
  type CellRect,
  MAX_COLS,
  MAX_ROWS,
  formatLocal,
  parseLocal,
  rectCols,
  rectRows,
  splitSheet,
} from './address';
import { type Binding, FakeClientObject, type FakeRequestContext, unknownProperty } from './client-object';
import { FakeOfficeError } from './errors';
import type { CellModel, SheetModel } from './model';

export interface RangeTarget {
  sheet: SheetModel;
  rect: CellRect;
}

type ChildRect = (rect: CellRect) => CellRect;

function checkRect(rect: CellRect): CellRect {
  if (
    rect.row < 0 ||
    rect.col < 0 ||
    rect.rowEnd >= MAX_ROWS ||
    rect.colEnd >= MAX_COLS ||
    rect.rowEnd < rect.row ||
    rect.colEnd < rect.col
  ) {
    throw new FakeOfficeError(
      'InvalidArgument',
      'The argument is invalid or missing or has an incorrect format (range outside the sheet).',
    );
  }
  return rect;
}

/** Parses a local address against a sheet; a foreign sheet prefix or a bad address fails. */
export function resolveAddress(sheet: SheetModel, address: string): CellRect {
  const { sheet: named, local } = splitSheet(address);
  if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) {
    throw new FakeOfficeError(
      'InvalidArgument',
      `The address '${address}' is not on worksheet '${sheet.name}'.`,
    );
  }
  const rect = parseLocal(local);
  if (!rect)
    throw new FakeOfficeError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format ('${address}').`,
    );
  return rect;
}

function uniform<V>(t: RangeTarget, pick: (c: CellModel) => V): V | null {
  let first: V | undefined;
  let seen = false;
  for (let r = t.rect.row; r <= t.rect.rowEnd; r++) {
    for (let c = t.rect.col; c <= t.rect.colEnd; c++) {
      const v = pick(t.sheet.peek(r, c));
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  }
  return first as V;
}

function grid<V>(t: RangeTarget, pick: (c: CellModel) => V): V[][] {
  const out: V[][] = [];
  for (let r = t.rect.row; r <= t.rect.rowEnd; r++) {
    const row: V[] = [];
    for (let c = t.rect.col; c <= t.rect.colEnd; c++) row.push(pick(t.sheet.peek(r, c)));
    out.push(row);
  }
  return out;
}

function valueType(c: CellModel): string {
  if (c.error) return 'Error';
  if (c.value === '' && c.formula === undefined) return 'Empty';
  if (typeof c.value === 'number') return 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  return 'String';
}

/** Enough of Excel's display formatting to see that "0.00" shows two decimals. */
export function displayText(cell: CellModel): string {
  const v = cell.value;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v !== 'number') return v;
  const fixed = /^0(?:\.(0+))?(%?)$/.exec(cell.numberFormat);
  if (fixed) {
    const places = fixed[1]?.length ?? 0;
    return fixed[2] ? `${(v * 100).toFixed(places)}%` : v.toFixed(places);
  }
  return String(v);
}

export class FakeRange extends FakeClientObject<RangeTarget> {
  protected readonly _scalarProps = [
    'address',
    'addressLocal',
    'values',
    'formulas',
    'numberFormat',
    'text',
    'rowCount',
    'columnCount',
    'rowIndex',
    'columnIndex',
    'cellCount',
    'valueTypes',
  ] as const;
  private _format?: FakeRangeFormat;

  constructor(context: FakeRequestContext, binding: Binding<RangeTarget>) {
    super(context, 'Range', binding);
  }

  protected _snapshot(t: RangeTarget, p: string): unknown {
    switch (p) {
      case 'address':
      case 'addressLocal':
        return t.sheet.address(t.rect);
      case 'values':
        return grid(t, (c) => c.value);
      case 'formulas':
        return grid(t, (c) => c.formula ?? c.value);
      case 'numberFormat':
        return grid(t, (c) => c.numberFormat);
      case 'text':
        return grid(t, displayText);
      case 'rowCount':
        return rectRows(t.rect);
      case 'columnCount':
        return rectCols(t.rect);
      case 'rowIndex':
        return t.rect.row;
      case 'columnIndex':
        return t.rect.col;
      case 'cellCount':
        return rectRows(t.rect) * rectCols(t.rect);
      case 'valueTypes':
        return grid(t, valueType);
      default:
        throw unknownProperty('Range', p);
    }
  }

  protected override _navigation(name: string): FakeClientObject<unknown> | undefined {
    return name === 'format' ? (this.format as FakeClientObject<unknown>) : undefined;
  }

  get address(): string {
    return this._read('address');
  }
  get addressLocal(): string {
    return this._read('addressLocal');
  }
  get values(): unknown[][] {
    return this._read('values');
  }
  set values(v: unknown[][]) {
    this._queue((t) => {
      this.context.addPayload('request', v);
      t.sheet.setValues(t.rect, v, 'addin');
    });
  }
  get formulas(): unknown[][] {
    return this._read('formulas');
  }
  set formulas(v: unknown[][]) {
    this._queue((t) => {
      this.context.addPayload('request', v);
      t.sheet.setFormulas(t.rect, v, 'addin');
    });
  }
  get numberFormat(): unknown[][] {
    return this._read('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this._queue((t) => {
      this.context.addPayload('request', v);
      t.sheet.setNumberFormat(t.rect, v);
    });
  }
  get text(): string[][] {
    return this._read('text');
  }
  get rowCount(): number {
    return this._read('rowCount');
  }
  get columnCount(): number {
    return this._read('columnCount');
  }
  get rowIndex(): number {
    return this._read('rowIndex');
  }
  get columnIndex(): number {
    return this._read('columnIndex');
  }
  get cellCount(): number {
    return this._read('cellCount');
  }
  get valueTypes(): string[][] {
    return this._read('valueTypes');
  }

  /** Merges the range (or each of its rows when `across`). */
  merge(across = false): void {
    this._queue((t) => t.sheet.merge(t.rect, across));
  }

  get format(): FakeRangeFormat {
    this._format ??= new FakeRangeFormat(this.context, { resolve: () => this._parentTarget() });
    return this._format;
  }

  private child(f: ChildRect): FakeRange {
    return new FakeRange(this.context, {
      resolve: () => {
        const t = this._parentTarget();
        return t && { sheet: t.sheet, rect: checkRect(f(t.rect)) };
      },
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.child((r) => ({
      row: r.row + row,
      col: r.col + column,
      rowEnd: r.row + row,
      colEnd: r.col + column,
    }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.child((r) => ({
      row: r.row + rowOffset,
      col: r.col + columnOffset,
      rowEnd: r.rowEnd + rowOffset,
      colEnd: r.colEnd + columnOffset,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.child((r) => ({ ...r, rowEnd: r.rowEnd + deltaRows, colEnd: r.colEnd + deltaColumns }));
  }
  getRow(index: number): FakeRange {
    return this.child((r) => ({ ...r, row: r.row + index, rowEnd: r.row + index }));
  }
  getColumn(index: number): FakeRange {
    return this.child((r) => ({ ...r, col: r.col + index, colEnd: r.col + index }));
  }
  /** The used part of this range; Excel throws ItemNotFound when nothing in it is used. */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, {
      resolve: () => {
        const t = this._parentTarget();
        if (!t) return null;
        const used = t.sheet.usedRect(valuesOnly);
        const r = used && intersect(used, t.rect);
        if (!r)
          throw new FakeOfficeError(
            'ItemNotFound',
            "The requested resource doesn't exist (no used cells in the range).",
          );
        return { sheet: t.sheet, rect: r };
      },
    });
  }

  getIntersection(other: FakeRange | string): FakeRange {
    return this.intersection(other, false);
  }
  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    return this.intersection(other, true);
  }
  private intersection(other: FakeRange | string, orNull: boolean): FakeRange {
    return new FakeRange(this.context, {
      resolve: () => {
        const t = this._parentTarget();
        if (!t) return null;
        const o =
          typeof other === 'string'
            ? { sheet: t.sheet, rect: resolveAddress(t.sheet, other) }
            : other._bound();
        const r = o.sheet === t.sheet ? intersect(t.rect, o.rect) : null;
        if (r) return { sheet: t.sheet, rect: r };
        if (orNull) return null;
        throw new FakeOfficeError(
          'ItemNotFound',
          "The requested resource doesn't exist (the ranges do not intersect).",
        );
      },
    });
  }

  select(): void {
    this._queue((t) => {
      t.sheet.workbook.activeSheet = t.sheet;
      t.sheet.workbook.selection = { sheet: t.sheet, rect: { ...t.rect } };
    });
  }

  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this._queue((t) => t.sheet.clear(t.rect, applyTo, 'addin'));
  }

  /** Test helper only (not Office.js): the sheet and local address, once bound. */
  _describe(): string {
    const t = this._t();
    return `${t.sheet.name}!${formatLocal(t.rect)}`;
  }

  _bound(): RangeTarget {
    return this._t();
  }
}

function intersect(a: CellRect, b: CellRect): CellRect | null {
  const r = {
    row: Math.max(a.row, b.row),
    col: Math.max(a.col, b.col),
    rowEnd: Math.min(a.rowEnd, b.rowEnd),
    colEnd: Math.min(a.colEnd, b.colEnd),
  };
  return r.row <= r.rowEnd && r.col <= r.colEnd ? r : null;
}

export class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  protected readonly _scalarProps = ['columnWidth'] as const;
  private _fill?: FakeRangeFill;
  private _protection?: FakeFormatProtection;
  private _font?: FakeRangeFont;

  constructor(context: FakeRequestContext, binding: Binding<RangeTarget>) {
    super(context, 'RangeFormat', binding);
  }
  protected _snapshot(t: RangeTarget, p: string): unknown {
    if (p === 'columnWidth')
      return uniform(t, () => 0) === null ? null : (t.sheet.columnWidths.get(t.rect.col) ?? 48);
    throw unknownProperty('RangeFormat', p);
  }
  protected override _navigation(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'fill') return this.fill as FakeClientObject<unknown>;
    if (name === 'protection') return this.protection as FakeClientObject<unknown>;
    if (name === 'font') return this.font as FakeClientObject<unknown>;
    return undefined;
  }
  get columnWidth(): number {
    return this._read('columnWidth');
  }
  set columnWidth(w: number) {
    this._queue((t) => {
      for (let c = t.rect.col; c <= t.rect.colEnd; c++) t.sheet.columnWidths.set(c, w);
    });
  }
  autofitColumns(): void {
    this._queue(() => undefined);
  }
  get fill(): FakeRangeFill {
    this._fill ??= new FakeRangeFill(this.context, { resolve: () => this._parentTarget() });
    return this._fill;
  }
  get protection(): FakeFormatProtection {
    this._protection ??= new FakeFormatProtection(this.context, { resolve: () => this._parentTarget() });
    return this._protection;
  }
  get font(): FakeRangeFont {
    this._font ??= new FakeRangeFont(this.context, { resolve: () => this._parentTarget() });
    return this._font;
  }
}

export class FakeRangeFill extends FakeClientObject<RangeTarget> {
  protected readonly _scalarProps = ['color'] as const;
  constructor(context: FakeRequestContext, binding: Binding<RangeTarget>) {
    super(context, 'RangeFill', binding);
  }
  protected _snapshot(t: RangeTarget, p: string): unknown {
    // Excel reports white for "no fill" and null when the cells differ.
    if (p === 'color') return uniform(t, (c) => c.fill ?? '#FFFFFF');
    throw unknownProperty('RangeFill', p);
  }
  get color(): string {
    return this._read('color');
  }
  set color(c: string) {
    this._queue((t) => t.sheet.setFill(t.rect, c));
  }
  clear(): void {
    this._queue((t) => t.sheet.setFill(t.rect, undefined));
  }
}

export class FakeRangeFont extends FakeClientObject<RangeTarget> {
  protected readonly _scalarProps = ['bold', 'color'] as const;
  constructor(context: FakeRequestContext, binding: Binding<RangeTarget>) {
    super(context, 'RangeFont', binding);
  }
  protected _snapshot(t: RangeTarget, p: string): unknown {
    if (p === 'bold') return uniform(t, (c) => c.bold ?? false);
    if (p === 'color') return uniform(t, (c) => c.fontColor ?? '#000000');
    throw unknownProperty('RangeFont', p);
  }
  get bold(): boolean {
    return this._read('bold');
  }
  set bold(b: boolean) {
    this._queue((t) => t.sheet.setFont(t.rect, { bold: b }));
  }
  get color(): string {
    return this._read('color');
  }
  set color(c: string) {
    this._queue((t) => t.sheet.setFont(t.rect, { color: c }));
  }
}

export class FakeFormatProtection extends FakeClientObject<RangeTarget> {
  protected readonly _scalarProps = ['locked'] as const;
  constructor(context: FakeRequestContext, binding: Binding<RangeTarget>) {
    super(context, 'FormatProtection', binding);
  }
  protected _snapshot(t: RangeTarget, p: string): unknown {
    if (p === 'locked') return uniform(t, (c) => c.locked);
    throw unknownProperty('FormatProtection', p);
  }
  get locked(): boolean | null {
    return this._read('locked');
  }
  set locked(v: boolean) {
    this._queue((t) => t.sheet.setLocked(t.rect, v));
  }
}
