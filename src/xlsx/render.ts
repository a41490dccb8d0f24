/**
 * Draws a WorkbookPlan with exceljs and returns the .xlsx bytes. Bytes in, bytes out (no fs), so
 * the same code runs in the CLI and in the add-in's browser bundle. No business logic here: every
 * decision is in the plan.
 */
import type ExcelJS from 'exceljs';
import { newExcelWorkbook } from './exceljs-workbook';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { xmlSafe } from '../common/clean-text';
import type { Framework } from '../framework/schema';
import type { UnitRef } from '../scoring/types';
import { buildTemplatePlan, type TemplateOptions } from '../workbook/plan';
import type {
  PlanCell,
  PlanConditionalFormat,
  PlanSheet,
  PlanStyle,
  WorkbookPlan,
} from '../workbook/plan-types';

const CONDITIONAL_STYLES: Record<PlanConditionalFormat['style'], Partial<ExcelJS.Style>> = {
  // Excel's own "Bad" and "Neutral" colours, which every user recognises.
  invalid: {
    fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } },
    font: { color: { argb: 'FF9C0006' }, bold: true },
  },
  missingEvidence: {
    fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFEB9C' } },
    font: { color: { argb: 'FF9C5700' } },
  },
};

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };

function cellStyle(plan: WorkbookPlan, cell: PlanCell): Partial<ExcelJS.Style> {
  const s: PlanStyle = cell.style ? plan.styles[cell.style] : {};
  const style: Partial<ExcelJS.Style> = {
    font: {
      name: plan.font.name,
      size: s.size ?? plan.font.size,
      bold: s.bold,
      italic: s.italic,
      color: s.color ? { argb: s.color } : undefined,
    },
    alignment: {
      wrapText: s.wrap,
      horizontal: s.horizontal,
      vertical: s.vertical,
      indent: cell.indent || undefined,
    },
    protection: { locked: cell.locked !== false },
  };
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: s.fill } };
  if (s.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (cell.numFmt) style.numFmt = cell.numFmt;
  return style;
}

/** Text from a framework or a unit list, made writable as XML (see common/clean-text). */
function cleanText(text: string | undefined): string | undefined {
  return text === undefined ? undefined : xmlSafe(text);
}

function cellValue(cell: PlanCell): ExcelJS.CellValue {
  if (cell.formula !== undefined) {
    const result = typeof cell.result === 'string' ? xmlSafe(cell.result) : cell.result;
    return { formula: xmlSafe(cell.formula), result } as ExcelJS.CellFormulaValue;
  }
  // Strings stay strings: exceljs writes them as shared strings, so text beginning with
  // = + - @ is never turned into a formula.
  return typeof cell.value === 'string' ? xmlSafe(cell.value) : (cell.value ?? null);
}

async function drawSheet(wb: ExcelJS.Workbook, plan: WorkbookPlan, s: PlanSheet): Promise<void> {
  const ws = wb.addWorksheet(s.name, {
    state: s.state,
    properties: s.tabColor ? { tabColor: { argb: s.tabColor } } : undefined,
    views: s.freeze
      ? [{ state: 'frozen', xSplit: s.freeze.cols, ySplit: s.freeze.rows, topLeftCell: undefined }]
      : undefined,
  });
  s.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  for (const cell of s.cells) {
    const target = ws.getCell(cell.row, cell.col);
    target.value = cellValue(cell);
    target.style = cellStyle(plan, cell);
  }
  for (const m of s.merges) ws.mergeCells(m);
  for (const [row, height] of Object.entries(s.rowHeights)) ws.getRow(Number(row)).height = height;
  for (const v of s.validations) {
    const dv: ExcelJS.DataValidation = {
      type: v.type,
      allowBlank: v.allowBlank,
      formulae: [v.formula, v.formula2].filter((f): f is string => f !== undefined),
      showInputMessage: Boolean(v.prompt),
      promptTitle: cleanText(v.promptTitle),
      prompt: cleanText(v.prompt),
      showErrorMessage: v.type !== 'any',
      errorStyle: v.errorStyle,
      errorTitle: cleanText(v.errorTitle),
      error: cleanText(v.error),
    } as ExcelJS.DataValidation;
    if (v.type === 'decimal') dv.operator = 'between';
    ws.getCell(v.ref).dataValidation = dv;
  }
  s.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: cf.ref,
      rules: [
        { type: 'expression', priority: i + 1, formulae: [cf.formula], style: CONDITIONAL_STYLES[cf.style] },
      ],
    });
  });
  if (s.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: s.print.orientation,
      fitToPage: s.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: s.print.titleRows ? `${s.print.titleRows[0]}:${s.print.titleRows[1]}` : undefined,
      printArea: s.print.area && absolutePrintArea(s.print.area),
    };
    if (s.print.footer) ws.headerFooter = { oddFooter: xmlSafe(s.print.footer) };
  }
  if (s.protection) {
    await ws.protect(s.protection.password, {
      formatColumns: s.protection.allowFormatColumns,
      formatRows: s.protection.allowFormatRows,
      selectLockedCells: true,
      selectUnlockedCells: true,
    });
  }
}

/** The .xlsx bytes of a plan. */
export async function renderPlan(plan: WorkbookPlan): Promise<Uint8Array> {
  const wb = await newExcelWorkbook();
  wb.creator = xmlSafe(plan.properties.creator);
  wb.title = xmlSafe(plan.properties.title);
  wb.subject = xmlSafe(plan.properties.subject);
  const created = new Date(plan.properties.created);
  if (!Number.isNaN(created.getTime())) wb.created = created;
  // Cached results are only a courtesy for viewers that do not calculate: ask every engine to
  // recalculate on open.
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of plan.sheets) await drawSheet(wb, plan, sheet);
  for (const n of plan.definedNames) wb.definedNames.add(n.ref, n.name);
  const active = Math.max(
    0,
    plan.sheets.findIndex((s) => s.name === plan.activeSheet),
  );
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: 'visible' },
  ];
  // A Node Buffer in Node, an ArrayBuffer in the browser: both become a plain Uint8Array view.
  const out: ArrayBuffer | Uint8Array = (await wb.xlsx.writeBuffer()) as ArrayBuffer | Uint8Array;
  const bytes = ArrayBuffer.isView(out)
    ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
    : new Uint8Array(out);
  return withDefaultFont(bytes, plan.font.name);
}

/**
 * A print area as exceljs must be given it to write Excel's own fully absolute "$A$1:$M$97":
 * exceljs puts "$" before the column letters only, so "A1:M97" would come out half-relative
 * ("$A1:$M97"), which moves when Excel re-reads it and which LibreOffice ignores, printing every
 * column. Rows get their "$" here: "A1:M97" → "A$1:M$97".
 */
export function absolutePrintArea(area: string): string {
  return area.replace(/\$/g, '').replace(/([A-Z]+)(\d+)/g, '$1$$$2');
}

/** The default ("Normal") font name of .xlsx bytes, or undefined. */
export function defaultFontName(bytes: Uint8Array): string | undefined {
  const styles = unzipSync(bytes, { filter: (f) => f.name === 'xl/styles.xml' })['xl/styles.xml'];
  if (!styles) return undefined;
  return /<fonts[^>]*>\s*<font>(?:(?!<\/font>)[\s\S])*?<name val="([^"]+)"/.exec(strFromU8(styles))?.[1];
}

/**
 * exceljs always writes Calibri 11 as the workbook's default ("Normal") font. Column widths are
 * counted in digits of that font, and where Calibri is missing (LibreOffice on Linux, WPS) the
 * substitute is much wider, so every page would print smaller than planned. Times New Roman 11 has
 * the same 7-pixel digit as Calibri 11 in Excel and exists everywhere our sheets are printed.
 */
export function withDefaultFont(bytes: Uint8Array, fontName: string): Uint8Array {
  const files = unzipSync(bytes);
  const styles = files['xl/styles.xml'];
  if (!styles) return bytes;
  const xml = strFromU8(styles);
  const patched = xml.replace(
    /<font>(?:(?!<\/font>).)*<name val="Calibri"\/>(?:(?!<\/font>).)*<\/font>/s,
    `<font><sz val="11"/><color theme="1"/><name val="${fontName}"/><family val="1"/></font>`,
  );
  if (patched === xml) return bytes;
  files['xl/styles.xml'] = strToU8(patched);
  return zipSync(files, { level: 6 });
}

/** A unit's template as .xlsx bytes (plan + render). */
export async function renderTemplate(
  framework: Framework,
  unit: UnitRef,
  options?: TemplateOptions,
): Promise<Uint8Array> {
  return renderPlan(buildTemplatePlan(framework, unit, options));
}
