/**
 * What a reader sees in an .xlsx, read back with exceljs (and, for what exceljs does not read, the
 * page breaks and the default font, from the XML): sheet names and order, values with their
 * types, every cell's style (number format, font, fill, border, alignment), column widths and
 * hidden columns, row heights, merges, frozen panes, page setup, margins, header/footer, print
 * area and titles, row page breaks, the creator and created time. Styles are numbered in a table
 * so the facts of a large sheet stay compact (a fixture of the ranking writer, test/fixtures/).
 * Two workbooks with equal facts look and print the same, whatever their bytes.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { defaultFontName } from '../../src/xlsx/render';

export interface SheetFacts {
  name: string;
  state: string;
  views: unknown[];
  cols: Array<[number | null, boolean]>;
  /** [row, height] of rows with a custom height. */
  heights: Array<[number, number]>;
  merges: string[];
  rowBreaks: number[];
  pageSetup: Record<string, unknown>;
  headerFooter: unknown;
  /** "A1" → [exceljs ValueType as text ("0" Null, "1" Merge, "2" Number, "3" String…), value, style index]. */
  cells: Record<string, [string, unknown, number]>;
}

export interface WorkbookFacts {
  creator: string;
  created: string | null;
  defaultFont: string | undefined;
  styles: string[];
  sheets: SheetFacts[];
}

/** Keys sorted, undefined dropped: the same style always gives the same text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

function rowBreaksOf(xml: string): number[] {
  const block = /<rowBreaks[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(xml)?.[1] ?? '';
  return [...block.matchAll(/<brk [^>]*id="(\d+)"/g)].map((m) => Number(m[1]));
}

export async function workbookFacts(bytes: Uint8Array): Promise<WorkbookFacts> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const files = unzipSync(bytes);
  const styles: string[] = [];
  const styleIndex = new Map<string, number>();
  const styleOf = (cell: ExcelJS.Cell): number => {
    const text = JSON.stringify(canonical(cell.style ?? {}));
    let i = styleIndex.get(text);
    if (i === undefined) {
      i = styles.length;
      styles.push(text);
      styleIndex.set(text, i);
    }
    return i;
  };
  const sheets = wb.worksheets.map((ws, n): SheetFacts => {
    const cells: SheetFacts['cells'] = {};
    const heights: SheetFacts['heights'] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.height !== undefined && row.height !== null) heights.push([r, row.height]);
      row.eachCell({ includeEmpty: true }, (cell) => {
        const merged = cell.type === ExcelJS.ValueType.Merge;
        cells[cell.address] = [String(cell.type), merged ? null : (cell.value ?? null), styleOf(cell)];
      });
    });
    const cols: SheetFacts['cols'] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const col = ws.getColumn(c);
      cols.push([col.width ?? null, Boolean(col.hidden)]);
    }
    const model = ws.model as unknown as { merges?: string[] };
    const sheetXml = strFromU8(files[`xl/worksheets/sheet${n + 1}.xml`] ?? new Uint8Array());
    return {
      name: ws.name,
      state: ws.state,
      views: canonical(ws.views) as unknown[],
      cols,
      heights,
      merges: [...(model.merges ?? [])].sort(),
      rowBreaks: rowBreaksOf(sheetXml),
      pageSetup: canonical(ws.pageSetup) as Record<string, unknown>,
      headerFooter: canonical(ws.headerFooter),
      cells,
    };
  });
  return {
    creator: wb.creator,
    created: wb.created ? wb.created.toISOString() : null,
    defaultFont: defaultFontName(bytes),
    styles,
    sheets,
  };
}
