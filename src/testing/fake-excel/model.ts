/**
 * The state of the fake workbook: plain data, no proxies. Everything Office.js would change in the
 * document lives here, and every rule Excel enforces on a change (array shape, protection, name
 * clashes) is enforced here, so proxies only queue calls and tests can inspect the result directly.
 */
import { type CellRect, formatAddress, formatLocal, parseLocal, rectCols, rectRows } from './address';
import { FakeOfficeError } from './errors';

export type ScalarValue = number | string | boolean;

export interface CellModel {
  /** Computed or typed value; "" when empty (what Office.js returns for an empty cell). */
  value: ScalarValue;
  /** "=SUM(E3:E5)" when the cell holds a formula. */
  formula?: string;
  numberFormat: string;
  /** Fill colour as "#RRGGBB"; undefined = no fill. */
  fill?: string;
  /** Excel's default: every cell is locked; it matters only while the sheet is protected. */
  locked: boolean;
  bold?: boolean;
  fontColor?: string;
  /** The value is an Excel error ("#DIV/0!"), reported as valueType "Error". */
  error?: boolean;
}

export interface ProtectionOptions {
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowInsertRows?: boolean;
  allowDeleteRows?: boolean;
  allowSort?: boolean;
  allowAutoFilter?: boolean;
  selectionMode?: 'Normal' | 'Unlocked' | 'None';
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  /** Address of the data range the chart was created from. */
  source: string;
  seriesBy: string;
  title: string;
  /** Per series: name, values address, category (x-axis) address. */
  series: { name: string; values: string; xAxisValues: string | null }[];
  legendVisible: boolean;
  position: { start: string; end: string | null } | null;
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface ChangeRecord {
  sheetId: string;
  address: string;
  origin: 'addin' | 'user';
}

let nextId = 1;
function newId(prefix: string): string {
  return `{${prefix}-${String(nextId++).padStart(8, '0')}}`;
}

export class SheetModel {
  readonly id = newId('SHEET');
  readonly cells = new Map<string, CellModel>();
  visibility: Visibility = 'Visible';
  protection: { protected: boolean; options: ProtectionOptions; password: string | undefined } = {
    protected: false,
    options: {},
    password: undefined,
  };
  readonly charts: ChartModel[] = [];
  /** Merged areas as local addresses ("A1:F1"). */
  readonly merges: string[] = [];
  /** Column widths in points, by 0-based column, as far as anyone set them. */
  readonly columnWidths = new Map<number, number>();
  frozenRows = 0;

  constructor(
    public name: string,
    readonly workbook: WorkbookModel,
  ) {}

  private key(row: number, col: number): string {
    return `${row},${col}`;
  }

  /** The cell, or a fresh default one (not stored) when the cell was never touched. */
  peek(row: number, col: number): CellModel {
    return this.cells.get(this.key(row, col)) ?? { value: '', numberFormat: 'General', locked: true };
  }

  cell(row: number, col: number): CellModel {
    const k = this.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: '', numberFormat: 'General', locked: true };
      this.cells.set(k, c);
    }
    return c;
  }

  address(rect: CellRect): string {
    return formatAddress(this.name, rect);
  }

  /**
   * Excel's used range: the bounding box of every cell with a value or formula, and (unless
   * `valuesOnly`) every formatted cell. Null when there is none.
   */
  usedRect(valuesOnly: boolean): CellRect | null {
    let rect: CellRect | null = null;
    for (const [k, c] of this.cells) {
      const hasValue = c.value !== '' || c.formula !== undefined;
      const hasFormat =
        c.numberFormat !== 'General' || c.fill !== undefined || !c.locked || c.bold !== undefined;
      if (!hasValue && (valuesOnly || !hasFormat)) continue;
      const [r, col] = k.split(',').map(Number) as [number, number];
      if (!rect) rect = { row: r, col, rowEnd: r, colEnd: col };
      else {
        rect.row = Math.min(rect.row, r);
        rect.rowEnd = Math.max(rect.rowEnd, r);
        rect.col = Math.min(rect.col, col);
        rect.colEnd = Math.max(rect.colEnd, col);
      }
    }
    return rect;
  }

  /**
   * Excel recalculates on every change; the fake does it for the formulas templates use to total
   * their rows, `=SUM(ref, ref, …)` with same-sheet cells and ranges (text and blanks count 0),
   * passing over the sheet until nothing changes (parents sum parents).
   */
  recalculate(): void {
    const sums: [CellModel, CellRect[]][] = [];
    for (const c of this.cells.values()) {
      const refs = c.formula === undefined ? null : sumRefs(c.formula);
      if (refs) sums.push([c, refs]);
    }
    for (let pass = 0; pass < 16; pass++) {
      let changed = false;
      for (const [cell, refs] of sums) {
        let total = 0;
        for (const ref of refs) {
          for (let r = ref.row; r <= ref.rowEnd; r++) {
            for (let col = ref.col; col <= ref.colEnd; col++) {
              const v = this.cells.get(this.key(r, col))?.value;
              if (typeof v === 'number') total += v;
            }
          }
        }
        // Round as Excel displays sums of 2-decimal scores, without binary noise.
        total = Math.round(total * 1e9) / 1e9;
        if (cell.value !== total) {
          cell.value = total;
          changed = true;
        }
      }
      if (!changed) return;
    }
  }

  /** Throws like Excel when a locked cell of a protected sheet would change. */
  assertEditable(rect: CellRect, what: 'content' | 'format'): void {
    if (!this.protection.protected) return;
    if (what === 'format' && this.protection.options.allowFormatCells) return;
    for (let r = rect.row; r <= rect.rowEnd; r++) {
      for (let c = rect.col; c <= rect.colEnd; c++) {
        if (what === 'format' || this.peek(r, c).locked) {
          throw new FakeOfficeError(
            'AccessDenied',
            `The cell or chart you're trying to change is on a protected sheet (${this.address(rect)}).`,
          );
        }
      }
    }
  }

  /** Office.js accepts a 2-D array of exactly the range's shape, or one scalar for every cell. */
  private grid<T>(rect: CellRect, input: unknown, property: string): (r: number, c: number) => T {
    if (!Array.isArray(input)) return () => input as T;
    const rows = rectRows(rect);
    const cols = rectCols(rect);
    const ok = input.length === rows && input.every((row) => Array.isArray(row) && row.length === cols);
    if (!ok) {
      const got = `${input.length}×${Array.isArray(input[0]) ? (input[0] as unknown[]).length : '?'}`;
      throw new FakeOfficeError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}: ${got} for ${formatLocal(rect)}, ${rows}×${cols}).`,
      );
    }
    return (r, c) => (input as T[][])[r]![c] as T;
  }

  setValues(rect: CellRect, input: unknown, origin: ChangeRecord['origin']): void {
    const at = this.grid<unknown>(rect, input, 'values');
    this.assertEditable(rect, 'content');
    this.eachCell(rect, (cell, r, c) => writeTyped(cell, at(r, c), 'values'));
    this.recalculate();
    this.workbook.recordChange(this, rect, origin);
  }

  setFormulas(rect: CellRect, input: unknown, origin: ChangeRecord['origin']): void {
    const at = this.grid<unknown>(rect, input, 'formulas');
    this.assertEditable(rect, 'content');
    this.eachCell(rect, (cell, r, c) => writeTyped(cell, at(r, c), 'formulas'));
    this.recalculate();
    this.workbook.recordChange(this, rect, origin);
  }

  setNumberFormat(rect: CellRect, input: unknown): void {
    const at = this.grid<unknown>(rect, input, 'numberFormat');
    this.assertEditable(rect, 'format');
    this.eachCell(rect, (cell, r, c) => {
      const f = at(r, c);
      if (typeof f !== 'string')
        throw new FakeOfficeError('InvalidArgument', 'numberFormat must hold strings.');
      cell.numberFormat = f === '' ? 'General' : f;
    });
  }

  setFill(rect: CellRect, color: string | undefined): void {
    this.assertEditable(rect, 'format');
    if (color !== undefined && !/^#[0-9A-Fa-f]{6}$/.test(color) && !/^[A-Za-z]+$/.test(color)) {
      throw new FakeOfficeError('InvalidArgument', `Invalid color: ${color}`);
    }
    this.eachCell(rect, (cell) => {
      cell.fill = color === undefined ? undefined : color.toUpperCase();
    });
  }

  setFont(rect: CellRect, font: { bold?: boolean; color?: string }): void {
    this.assertEditable(rect, 'format');
    this.eachCell(rect, (cell) => {
      if (font.bold !== undefined) cell.bold = font.bold;
      if (font.color !== undefined) cell.fontColor = font.color.toUpperCase();
    });
  }

  merge(rect: CellRect, across: boolean): void {
    this.assertEditable(rect, 'format');
    if (!across) {
      this.merges.push(formatLocal(rect));
      return;
    }
    for (let r = rect.row; r <= rect.rowEnd; r++)
      this.merges.push(formatLocal({ ...rect, row: r, rowEnd: r }));
  }

  setLocked(rect: CellRect, locked: boolean): void {
    if (this.protection.protected) {
      throw new FakeOfficeError(
        'AccessDenied',
        `Cannot change cell protection on a protected sheet (${this.name}).`,
      );
    }
    this.eachCell(rect, (cell) => {
      cell.locked = locked;
    });
  }

  clear(rect: CellRect, what: 'All' | 'Contents' | 'Formats', origin: ChangeRecord['origin']): void {
    this.assertEditable(rect, what === 'Formats' ? 'format' : 'content');
    if (what !== 'Contents') {
      for (let i = this.merges.length - 1; i >= 0; i--) {
        const m = parseLocal(this.merges[i] as string);
        if (m && m.row >= rect.row && m.rowEnd <= rect.rowEnd && m.col >= rect.col && m.colEnd <= rect.colEnd)
          this.merges.splice(i, 1);
      }
    }
    for (const [k, c] of [...this.cells]) {
      const [r, col] = k.split(',').map(Number) as [number, number];
      if (r < rect.row || r > rect.rowEnd || col < rect.col || col > rect.colEnd) continue;
      if (what !== 'Formats') {
        c.value = '';
        c.formula = undefined;
        c.error = undefined;
      }
      if (what !== 'Contents') {
        c.numberFormat = 'General';
        c.fill = undefined;
        c.locked = true;
        c.bold = undefined;
        c.fontColor = undefined;
      }
    }
    if (what !== 'Formats') {
      this.recalculate();
      this.workbook.recordChange(this, rect, origin);
    }
  }

  private eachCell(rect: CellRect, fn: (cell: CellModel, r: number, c: number) => void): void {
    for (let r = rect.row; r <= rect.rowEnd; r++) {
      for (let c = rect.col; c <= rect.colEnd; c++) fn(this.cell(r, c), r - rect.row, c - rect.col);
    }
  }
}

/**
 * Office.js rules for a typed value: a string starting with "=" (or "+"/"-" when not a number) is a
 * formula, a leading apostrophe forces text, a numeric string becomes a number unless the cell is
 * formatted as text ("@"), null leaves the cell unchanged.
 */
function writeTyped(cell: CellModel, input: unknown, property: 'values' | 'formulas'): void {
  if (input === null || input === undefined) return;
  cell.error = undefined;
  if (typeof input === 'number') {
    if (!Number.isFinite(input))
      throw new FakeOfficeError('InvalidArgument', `Invalid number in ${property}.`);
    cell.value = input;
    cell.formula = undefined;
    return;
  }
  if (typeof input === 'boolean') {
    cell.value = input;
    cell.formula = undefined;
    return;
  }
  if (typeof input !== 'string') {
    throw new FakeOfficeError('InvalidArgument', `Unsupported value in ${property}: ${typeof input}.`);
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    cell.formula = undefined;
    return;
  }
  if (cell.numberFormat === '@') {
    cell.value = input;
    cell.formula = undefined;
    return;
  }
  const trimmed = input.trim();
  if (trimmed !== '' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) {
    cell.value = Number(trimmed);
    cell.formula = undefined;
    return;
  }
  if (input.startsWith('=') || input.startsWith('+') || input.startsWith('-')) {
    cell.formula = input.startsWith('=') ? input : `=${input}`;
    // Literals and same-sheet SUMs are calculated (SheetModel.recalculate); any other formula keeps
    // 0 or its cached result from the file. Tests must not rely on other formulas' results.
    cell.value = evaluateConstant(cell.formula);
    return;
  }
  cell.value = input;
  cell.formula = undefined;
}

/** Literal formulas ("=5", "=\"x\"") get their value; anything else 0 until recalculated. */
function evaluateConstant(formula: string): ScalarValue {
  const body = formula.slice(1).trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(body)) return Number(body);
  const str = /^"((?:[^"]|"")*)"$/.exec(body);
  if (str) return (str[1] as string).replace(/""/g, '"');
  return 0;
}

/** The references of "=SUM(E5,E6:E9)", or null for any other formula. */
function sumRefs(formula: string): CellRect[] | null {
  const m = /^=SUM\(([^()]*)\)$/i.exec(formula.replace(/\s+/g, ''));
  if (!m) return null;
  const refs: CellRect[] = [];
  for (const part of (m[1] as string).split(',')) {
    const rect = parseLocal(part.replace(/\$/g, ''));
    if (!rect) return null;
    refs.push(rect);
  }
  return refs;
}

export interface NamedItemModel {
  name: string;
  /** "='Chấm điểm'!$E$5:$E$40" */
  formula: string;
  visible: boolean;
}

export interface CreatedWorkbook {
  base64: string;
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly names: NamedItemModel[] = [];
  activeSheet: SheetModel | null = null;
  selection: { sheet: SheetModel; rect: CellRect } | null = null;
  /** Changes made since the last flush, turned into onChanged events by the fake host. */
  changes: ChangeRecord[] = [];

  findSheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    // Excel compares sheet names case-insensitively.
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  getSheet(name: string): SheetModel {
    const s = this.findSheet(name);
    if (!s)
      throw new FakeOfficeError(
        'ItemNotFound',
        `The requested resource doesn't exist (worksheet '${name}').`,
      );
    return s;
  }

  addSheet(name?: string): SheetModel {
    const finalName = name ?? this.nextSheetName();
    if (!isValidSheetName(finalName)) {
      throw new FakeOfficeError('InvalidArgument', `The worksheet name '${finalName}' is not valid.`);
    }
    if (this.findSheet(finalName)) {
      throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named '${finalName}' already exists.`);
    }
    const sheet = new SheetModel(finalName, this);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet) {
      throw new FakeOfficeError(
        'InvalidOperation',
        'A workbook must contain at least one visible worksheet.',
      );
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.activeSheet === sheet)
      this.activeSheet = this.sheets.find((s) => s.visibility === 'Visible') ?? null;
    if (this.selection?.sheet === sheet) this.selection = null;
  }

  recordChange(sheet: SheetModel, rect: CellRect, origin: ChangeRecord['origin']): void {
    this.changes.push({ sheetId: sheet.id, address: formatLocal(rect), origin });
  }

  private nextSheetName(): string {
    for (let i = 1; ; i++) if (!this.findSheet(`Sheet${i}`)) return `Sheet${i}`;
  }
}

export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !/[\\/?*[\]:]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'")
  );
}
