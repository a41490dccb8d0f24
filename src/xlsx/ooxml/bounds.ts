/**
 * The bounds pre-scan: before a workbook is handed to exceljs (the fallback of the direct reader,
 * and the table reader), every part exceljs would load is checked against the read limits with a
 * few regular expressions, so that exceljs never meets a merged range over the whole sheet (it
 * creates every covered cell: ~17 billion), a cell beyond the limits or a row beyond Excel's grid.
 * Stricter than the direct reader where it cannot tell cheaply (any non-empty `<c>` element
 * counts as holding something).
 */
import {
  DEFAULT_READ_LIMITS,
  EXCEL_MAX_ROW,
  ReadLimitExceeded,
  limitMessages,
  mergedAreaCounter,
  type ReadLimits,
} from '../read-limits';
import { parseAddress } from './cell-address';
import type { InflateRaw } from './zip-entries';
import { boundSheets, declaredSheets, relationshipTargets, zipParts, type ZipParts } from './workbook';
import { xmlAttribute } from './xml-scan';

/** Throws ReadLimitExceeded for the first breach in one worksheet part. */
export function checkSheetBounds(xml: string, sheet: string, limits: ReadLimits = DEFAULT_READ_LIMITS): void {
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?row\b([^>]*)>/g)) {
    const r = xmlAttribute(m[1], 'r')?.trim();
    if (r === undefined) continue;
    const n = Number(r);
    if (/^[+-]?[0-9]+$/.test(r) && !(n >= 1 && n <= EXCEL_MAX_ROW))
      throw new ReadLimitExceeded(limitMessages.rowNumber(sheet, r));
  }
  let cells = 0;
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?c\b([^>]*?)(\/?)>/g)) {
    if (++cells > limits.maxCells) throw new ReadLimitExceeded(limitMessages.cells(sheet, limits));
    const ref = xmlAttribute(m[1], 'r');
    if (ref === undefined) continue;
    const a = parseAddress(ref.trim());
    if (a === 'outside') throw new ReadLimitExceeded(limitMessages.cellAddress(sheet, ref));
    if (a === null || m[2] === '/') continue;
    if (a.row > limits.maxRows) throw new ReadLimitExceeded(limitMessages.row(sheet, ref, a.row, limits));
    if (a.col > limits.maxColumns)
      throw new ReadLimitExceeded(limitMessages.column(sheet, ref, a.col, limits));
  }
  const count = mergedAreaCounter(sheet, limits);
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?mergeCell\b([^>]*)>/g)) {
    const ref = xmlAttribute(m[1], 'ref') ?? '';
    const [p, q = p] = ref.split(':').map((x) => parseAddress(x.trim()));
    if (p === 'outside' || q === 'outside')
      throw new ReadLimitExceeded(limitMessages.cellAddress(sheet, ref));
    if (!p || !q) continue;
    count(ref, (Math.abs(q.row - p.row) + 1) * (Math.abs(q.col - p.col) + 1));
  }
}

/** Part → sheet name, for messages; the part itself where the workbook does not say. */
async function sheetNames(zip: ZipParts): Promise<Map<string, string>> {
  try {
    const workbookXml = zip.text('xl/workbook.xml');
    if (workbookXml === undefined) return new Map();
    const targets = relationshipTargets(zip.text('xl/_rels/workbook.xml.rels'));
    return new Map(
      boundSheets(declaredSheets(workbookXml).sheets, targets, zip).map((s) => [s.part, s.name]),
    );
  } catch (e) {
    if (e instanceof ReadLimitExceeded) throw e;
    return new Map();
  }
}

/**
 * Throws ReadLimitExceeded when any part exceljs loads is beyond the limits, and other errors when
 * the zip cannot be read by our reader (the caller then does not hand it to exceljs either).
 */
export async function checkWorkbookBounds(
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
  inflate?: InflateRaw,
): Promise<void> {
  const zip = zipParts(bytes, limits, inflate);
  const names = await sheetNames(zip);
  for (const part of zip.names()) {
    if (!/xl\/worksheets\/sheet(\d+)[.]xml/.test(part)) continue;
    const xml = zip.text(part);
    if (xml !== undefined) checkSheetBounds(xml, names.get(part) ?? part, limits);
  }
  const strings = zip.text('xl/sharedStrings.xml');
  if (strings !== undefined) {
    let count = 0;
    for (const _ of strings.matchAll(/<(?:[\w.-]+:)?si[\s/>]/g))
      if (++count > limits.maxSharedStrings)
        throw new ReadLimitExceeded(limitMessages.sharedStrings(count, limits));
  }
}
