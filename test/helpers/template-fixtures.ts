/**
 * Template fixtures built from the generator, never hand-made binaries (issue 4): a small framework
 * covering every rule kind, the plan as a value grid (what Office.js hands the reader), filling a
 * template by editing its sheet XML directly (a second writer, not exceljs), and exceljs-made
 * tampering (a maximum edited, a row deleted, a code changed, …). Reused by the consolidation tests.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { frameworkSchema, type Framework, type FrameworkInput } from '../../src/framework/schema';
import type { CellValue, EntryField, UnitRef } from '../../src/scoring/types';
import { COLUMN_NUMBER, SHEET_SCORE, type ColumnKey } from '../../src/workbook/layout';
import { cellAddress } from '../../src/common/a1';
import { buildTemplatePlan, type TemplateOptions } from '../../src/workbook/plan';
import type { PlanSheet, ScoreLayout, WorkbookPlan } from '../../src/workbook/plan-types';
import type { CellGrid } from '../../src/workbook/read-grid';
import { renderPlan } from '../../src/xlsx/render';
import { frameworkHead, planLevelsRule } from './framework-parts';

export const FIXED_TIME = '2026-11-22T08:00:00.000Z';

/** A small framework with every rule kind, a survey leaf, a leaf only for huyện and a per-group max. */
export function sampleFrameworkInput(overrides: Partial<FrameworkInput> = {}): FrameworkInput {
  return {
    ...frameworkHead({
      id: 'mau-thu',
      title: 'Bộ tiêu chí thử nghiệm',
      year: 2026,
      level: 'so-huyen',
      legalBasis: { number: '99/QĐ-UBND', date: '2026-01-15', issuer: 'UBND tỉnh Thử' },
    }),
    declared: {
      counts: { fields: 2, criteria: 6, subCriteria: 3 },
      points: { self: 12, survey: 10, total: 22 },
    },
    bands: [{ name: 'Tốt', min: 90 }],
    surveySources: [{ id: 'sipas', name: 'SIPAS', conversion: 'rateTimesMax' }],
    tree: [
      {
        code: '1',
        name: 'Công tác chỉ đạo, điều hành CCHC',
        max: 12,
        children: [
          {
            code: '1.1',
            name: 'Kế hoạch CCHC năm',
            max: 3,
            children: [
              {
                code: '1.1.1',
                name: 'Ban hành kế hoạch CCHC năm',
                max: 1,
                method: 'self',
                evidenceRequired: true,
                rule: planLevelsRule(),
              },
              {
                code: '1.1.2',
                name: 'Mức độ thực hiện kế hoạch',
                max: 2,
                method: 'self',
                rule: {
                  kind: 'tiers',
                  measure: 'Tỷ lệ hoàn thành kế hoạch',
                  tiers: [
                    {
                      label: 'Trên 90%',
                      min: 90,
                      minInclusive: false,
                      max: null,
                      maxInclusive: false,
                      points: 2,
                    },
                    {
                      label: 'Từ 70% đến 90%',
                      min: 70,
                      minInclusive: true,
                      max: 90,
                      maxInclusive: true,
                      points: 1,
                    },
                    {
                      label: 'Dưới 70%',
                      min: null,
                      minInclusive: false,
                      max: 70,
                      maxInclusive: false,
                      points: 0,
                    },
                  ],
                },
              },
            ],
          },
          {
            code: '1.2',
            name: 'Tuyên truyền CCHC',
            max: 3,
            method: 'self',
            rule: { kind: 'range', step: 0.25 },
          },
          {
            code: '1.3',
            name: 'Kiểm tra CCHC tại cấp xã',
            max: 2,
            method: 'self',
            appliesTo: ['huyen'],
            rule: { kind: 'range', step: 0.5 },
          },
          {
            code: '1.4',
            name: 'Sáng kiến CCHC',
            max: 4,
            method: 'self',
            maxByGroup: { huyen: 3 },
            rule: { kind: 'range', step: 0.25 },
          },
          {
            code: '1.5',
            name: 'Vi phạm kỷ luật hành chính',
            max: 0,
            method: 'self',
            rule: { kind: 'deduction', cap: 1, step: 0.5 },
          },
        ],
      },
      {
        code: '2',
        name: 'Mức độ hài lòng của người dân',
        max: 10,
        children: [
          {
            code: '2.1',
            name: 'Chỉ số hài lòng SIPAS',
            max: 10,
            children: [
              {
                code: '2.1.1',
                name: 'Hài lòng về thủ tục hành chính',
                max: 10,
                method: 'survey',
                source: 'sipas',
              },
            ],
          },
        ],
      },
    ],
    ...overrides,
  } as FrameworkInput;
}

export function sampleFramework(overrides: Partial<FrameworkInput> = {}): Framework {
  return frameworkSchema.parse(sampleFrameworkInput(overrides));
}

export const UNIT_SO: UnitRef = { code: 'STP', name: 'Sở Tư pháp', group: 'so' };
export const UNIT_HUYEN: UnitRef = { code: 'HCT', name: 'UBND huyện Châu Thành', group: 'huyen' };

export function samplePlan(
  framework = sampleFramework(),
  unit: UnitRef = UNIT_SO,
  options: TemplateOptions = {},
): WorkbookPlan {
  return buildTemplatePlan(framework, unit, { generatedAt: FIXED_TIME, ...options });
}

export async function sampleTemplate(
  framework = sampleFramework(),
  unit: UnitRef = UNIT_SO,
  options: TemplateOptions = {},
): Promise<{ plan: WorkbookPlan; bytes: Uint8Array }> {
  const plan = samplePlan(framework, unit, options);
  return { plan, bytes: await renderPlan(plan) };
}

/** A plan sheet as the value grid a renderer would produce (formulas reported with their result). */
export function planSheetGrid(sheet: PlanSheet): CellGrid {
  const rows = Math.max(0, ...sheet.cells.map((c) => c.row));
  const cols = Math.max(0, ...sheet.cells.map((c) => c.col));
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array(cols).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: rows }, () => new Array(cols).fill(null));
  for (const c of sheet.cells) {
    values[c.row - 1][c.col - 1] = c.formula !== undefined ? (c.result ?? null) : (c.value ?? null);
    formulas[c.row - 1][c.col - 1] = c.formula ?? null;
  }
  return { values, formulas, firstRow: 1, firstCol: 1 };
}

export function scoreSheetOf(plan: WorkbookPlan): PlanSheet {
  return plan.sheets.find((s) => s.name === SHEET_SCORE) as PlanSheet;
}

/**
 * A formula, optionally shared (as Excel writes a formula filled down): the master carries the text
 * and `ref`, the other cells only the shared index `si`.
 */
export type FillValue =
  number | string | boolean | { formula: string; shared?: { si: number; ref?: string } };
/** Leaf code → field → what to write. */
export type Fills = Record<string, Partial<Record<EntryField, FillValue>>>;

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Path of a sheet's XML part inside the zip, found through workbook.xml and its relationships. */
export async function sheetPart(zip: JSZip, sheetName: string): Promise<string> {
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const sheet = [...wbXml.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`name="${xmlEscape(sheetName)}"`));
  const rid = sheet && /r:id="([^"]+)"/.exec(sheet)?.[1];
  const rel =
    rid &&
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rid}"`));
  const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
  if (!target) throw new Error(`sheet ${sheetName} not found`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

function cellXml(ref: string, style: string, v: FillValue): string {
  const s = style ? ` s="${style}"` : '';
  if (typeof v === 'number') return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === 'string')
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(v)}</t></is></c>`;
  if (v.shared && !v.shared.ref) return `<c r="${ref}"${s}><f t="shared" si="${v.shared.si}"/></c>`;
  if (v.shared) {
    return `<c r="${ref}"${s}><f t="shared" ref="${v.shared.ref}" si="${v.shared.si}">${xmlEscape(v.formula)}</f></c>`;
  }
  return `<c r="${ref}"${s}><f>${xmlEscape(v.formula)}</f></c>`;
}

/**
 * Fills a template the way another program would: by rewriting the cells in the sheet XML (no
 * exceljs), at the addresses of the plan's layout. Every target cell exists in a fresh template
 * (input cells are written with their style), so each is replaced in place.
 */
export async function fillTemplateXml(
  bytes: Uint8Array,
  layout: ScoreLayout,
  fills: Fills,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const part = await sheetPart(zip, SHEET_SCORE);
  let xml = await zip.file(part)!.async('string');
  for (const [code, fields] of Object.entries(fills)) {
    for (const [field, v] of Object.entries(fields) as [EntryField, FillValue][]) {
      const ref = cellAddress(layout.rows[code], layout.columns[field as ColumnKey]);
      const re = new RegExp(`<c r="${ref}"([^>]*?)(/>|>[\\s\\S]*?</c>)`);
      const m = re.exec(xml);
      if (!m) throw new Error(`cell ${ref} not in the sheet XML`);
      const style = /s="(\d+)"/.exec(m[1])?.[1] ?? '';
      xml = xml.replace(re, cellXml(ref, style, v));
    }
  }
  zip.file(part, xml);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

/** Loads a template with exceljs, lets `edit` tamper with it, and saves it again. */
export async function tamper(
  bytes: Uint8Array,
  edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void | Promise<void>,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(SHEET_SCORE);
  if (!ws) throw new Error('no score sheet');
  await edit(ws, wb);
  const out = (await wb.xlsx.writeBuffer()) as ArrayBuffer | Uint8Array;
  return ArrayBuffer.isView(out)
    ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
    : new Uint8Array(out);
}

/** The address of a leaf's field in a fresh template ("Chấm điểm!E7"). */
export function cellOf(layout: ScoreLayout, code: string, key: ColumnKey): string {
  return `${SHEET_SCORE}!${cellAddress(layout.rows[code], layout.columns[key] ?? COLUMN_NUMBER[key])}`;
}

/** Reads the raw XML of a sheet part, for assertions on what is really in the file. */
export async function sheetXml(bytes: Uint8Array, sheetName: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file(await sheetPart(zip, sheetName))!.async('string');
}

export async function workbookXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('xl/workbook.xml')!.async('string');
}

/**
 * The value a spreadsheet engine cached in each cell of a sheet, straight from the XML (exceljs
 * drops a formula result of 0): numbers as numbers, formula text results and inline strings as
 * text. Shared strings are not resolved (templates keep text results inline).
 */
export async function cachedValues(
  bytes: Uint8Array,
  sheetName: string,
): Promise<Map<string, number | string>> {
  // Empty cells are self-closing: drop them first so the pattern below never spans two cells.
  const xml = (await sheetXml(bytes, sheetName)).replace(/<c [^>]*\/>/g, '');
  const out = new Map<string, number | string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)>([\s\S]*?)<\/c>/g)) {
    const [, ref, attrs, inner] = m;
    const t = /t="([^"]+)"/.exec(attrs)?.[1] ?? 'n';
    const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
    if (t === 'n' && v !== undefined) out.set(ref, Number(v));
    else if (t === 'str')
      out.set(
        ref,
        (v ?? '')
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"'),
      );
    else if (t === 'inlineStr') out.set(ref, /<t[^>]*>([\s\S]*?)<\/t>/.exec(inner)?.[1] ?? '');
  }
  return out;
}
