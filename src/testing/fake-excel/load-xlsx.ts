/**
 * Fills a fake workbook from .xlsx bytes with exceljs (which also runs in the browser), so a test or
 * the browser harness can "open" a generated template: values, formulas with their cached results,
 * number formats, fills, locked cells, sheet protection and visibility, defined names.
 */
import ExcelJS from 'exceljs';
import { splitSheet } from './address';
import type { CellModel, ScalarValue, SheetModel, Visibility, WorkbookModel } from './model';

export async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs' typings ask for a Node Buffer; in the browser it accepts any ArrayBuffer view.
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const VISIBILITY: Record<string, Visibility> = {
  visible: 'Visible',
  hidden: 'Hidden',
  veryHidden: 'VeryHidden',
};

/** Adds every sheet of `bytes` to `model` (renaming on a clash, as Excel does); returns the new sheets. */
export async function loadXlsxInto(
  model: WorkbookModel,
  bytes: Uint8Array,
  only?: string[],
): Promise<SheetModel[]> {
  const wb = await readXlsx(bytes);
  const added: SheetModel[] = [];
  wb.eachSheet((ws) => {
    if (only && !only.includes(ws.name)) return;
    let name = ws.name;
    for (let i = 2; model.findSheet(name); i++) name = `${ws.name.slice(0, 26)} (${i})`;
    const sheet = model.addSheet(name);
    sheet.visibility = VISIBILITY[ws.state] ?? 'Visible';
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      // includeEmpty: a cell with only a fill or an unlocked style matters as much as a value.
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        if (cell.value === null && !cell.fill && !cell.numFmt && cell.protection?.locked !== false) return;
        copyCell(cell, sheet.cell(rowNumber - 1, colNumber - 1));
      });
    });
    sheet.recalculate();
    ws.columns?.forEach((col, i) => {
      if (col.width) sheet.columnWidths.set(i, col.width * 7);
    });
    const prot = (ws as unknown as { sheetProtection?: { sheet?: boolean; formatCells?: boolean } })
      .sheetProtection;
    if (prot?.sheet)
      sheet.protection = {
        protected: true,
        options: { allowFormatCells: prot.formatCells === true },
        password: undefined,
      };
    added.push(sheet);
  });
  for (const dn of wb.definedNames.model as { name: string; ranges: string[] }[]) {
    if (model.names.some((n) => n.name.toLowerCase() === dn.name.toLowerCase())) continue;
    const ref = dn.ranges[0];
    if (!ref) continue;
    const { sheet } = splitSheet(ref);
    if (sheet !== null && !model.findSheet(sheet)) continue;
    model.names.push({ name: dn.name, formula: `=${ref}`, visible: true });
  }
  if (!model.activeSheet || model.activeSheet.visibility !== 'Visible') {
    model.activeSheet = model.sheets.find((s) => s.visibility === 'Visible') ?? null;
  }
  return added;
}

function copyCell(cell: ExcelJS.Cell, target: CellModel): void {
  const v = cell.value;
  target.numberFormat = cell.numFmt || 'General';
  target.locked = cell.protection?.locked !== false;
  const fill = cell.fill;
  if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb)
    target.fill = `#${fill.fgColor.argb.slice(-6).toUpperCase()}`;
  if (cell.font?.bold) target.bold = true;
  if (cell.type === ExcelJS.ValueType.Formula) {
    target.formula = `=${cell.formula}`;
    const result = (v as { result?: unknown }).result;
    target.value = toScalar(result) ?? 0;
    if (result && typeof result === 'object' && 'error' in result) target.error = true;
    return;
  }
  const scalar = toScalar(v);
  if (scalar !== undefined) target.value = scalar;
  if (v && typeof v === 'object' && 'error' in v) target.error = true;
}

/** Excel's serial date: days since 1899-12-30. */
function dateSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

function toScalar(v: unknown): ScalarValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateSerial(v);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; error?: string; text?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.error) return o.error;
    if (typeof o.text === 'string') return o.text;
  }
  return undefined;
}
