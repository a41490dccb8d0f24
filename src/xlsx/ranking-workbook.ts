/**
 * The ranking workbook `cchc consolidate -o RANKING.xlsx` writes (exceljs; bytes out, no fs):
 * - `Xếp hạng`: the published-style table, drawn from src/workbook/ranking-plan.ts (the same plan
 *   the add-in renders with Office.js);
 * - `Chi tiết`: each unit × each leaf — self score, appraisal, the score that counts;
 * - `Hồ sơ`: each file — unit, status, every reason, SHA-256, size, generated-at from `_meta`;
 * - `Biểu đồ`: the data of a bar chart of the index per unit (exceljs cannot draw charts; the HTML
 *   report draws it, and the add-in adds a native chart from this range);
 * - `Ghi chú`: run-wide notes (survey rows not matched, units without survey data, …).
 * Strings are written as strings (shared strings), so a name like "=Sở X" is text, never a formula.
 */
import ExcelJS from 'exceljs';
import { viDateTime } from '../common/vi-time';
import { xmlSafe } from '../common/clean-text';
import { fittedRowHeight } from '../common/text-layout';
import { FILE_STATUS_LABEL, groupLabel } from '../consolidation/labels';
import type { ConsolidationResult } from '../consolidation/types';
import type { Framework } from '../framework/schema';
import { walk } from '../framework/tree';
import {
  buildRankingPlan,
  FORMAT,
  orderInGroup,
  groupsInOrder,
  type RankingRow,
} from '../workbook/ranking-plan';
import { columnLetters } from '../common/a1';

export const SHEET_DETAIL = 'Chi tiết';
export const SHEET_FILES = 'Hồ sơ';
export const SHEET_CHART = 'Biểu đồ';
export const SHEET_NOTES = 'Ghi chú';

/** Kept for callers that import it from here; the names live in src/consolidation/labels.ts. */
export const STATUS_LABEL = FILE_STATUS_LABEL;

const FONT = 'Times New Roman';
const SIZE = 12;
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
/** Every page: "Trang 3 / 12", in the sheets' font (a footer without a font prints in the default one). */
const FOOTER = `&C&"${FONT},Regular"&12Trang &P / &N`;

/**
 * Both exceljs workbooks: the in-memory one (bytes out, also in the browser) and the streaming
 * writer (Node: rows go to the output file as they are made, so a ranking of 1,000 units × 51
 * leaves never sits in memory as 50,000 cell objects).
 */
type AnyWorkbook = ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter;
type AnyWorksheet = ExcelJS.Worksheet;

/** Streaming rows and sheets must be committed; in-memory ones have nothing to commit. */
function commit(target: unknown): void {
  (target as { commit?: () => void }).commit?.();
}

export interface RankingWorkbookOptions {
  /** ISO time of the run, written under the title. */
  generatedAt: string;
}

/**
 * Fit-to-page must be given when the sheet is created: the streaming writer writes `<sheetPr>`
 * (where Excel keeps the fit flag) before the first row.
 */
const FIT: Partial<ExcelJS.PageSetup> = { paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

/**
 * A4, fitted to the page WIDTH only (as many pages down as needed), the header rows repeated on
 * every page, "Trang x / y" in the footer, and a fully absolute print area over the printed
 * columns (working columns right of them stay on screen).
 */
function printSetup(
  ws: AnyWorksheet,
  options: {
    orientation: 'portrait' | 'landscape';
    lastPrintedColumn: number;
    lastRow: number;
    titleRows?: [number, number];
  },
): void {
  const last = columnLetters(options.lastPrintedColumn);
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: options.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    // exceljs adds "$" before column letters only: "A$1" is written as Excel's own "$A$1".
    printArea: `A$1:${last}$${Math.max(1, options.lastRow)}`,
    printTitlesRow: options.titleRows ? `${options.titleRows[0]}:${options.titleRows[1]}` : undefined,
  };
  ws.headerFooter = { oddFooter: FOOTER, evenFooter: FOOTER };
}

function styleRow(row: ExcelJS.Row, plan: RankingRow): void {
  const bold = plan.kind === 'title' || plan.kind === 'groupTitle' || plan.kind === 'header';
  row.eachCell({ includeEmpty: true }, (cell, c) => {
    const fmt = plan.formats[c - 1];
    if (fmt && fmt !== FORMAT.text) cell.numFmt = fmt;
    cell.font = {
      name: FONT,
      size: plan.kind === 'title' ? 14 : SIZE,
      bold,
      italic: plan.kind === 'note' || plan.kind === 'subtitle',
    };
    if (plan.kind === 'header' || plan.kind === 'unit') cell.border = BOX;
    if (plan.kind === 'header') cell.fill = HEADER_FILL;
    cell.alignment = {
      wrapText: plan.kind !== 'unit' || c === 3,
      vertical: 'middle',
      horizontal:
        plan.kind === 'title' || plan.kind === 'groupTitle' || plan.kind === 'header' ? 'center' : undefined,
    };
  });
}

function addRankingSheet(
  wb: AnyWorkbook,
  result: ConsolidationResult,
  framework: Framework,
  options: RankingWorkbookOptions,
): void {
  const plan = buildRankingPlan(result.units, framework, {
    fieldTotals: result.fieldTotals,
    subtitle: `Tổng hợp lúc ${viDateTime(options.generatedAt)} từ ${result.files.length} tệp.`,
  });
  const ws = wb.addWorksheet(plan.sheetName, { pageSetup: FIT });
  plan.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const totalWidth = plan.columns.reduce((s, c) => s + c.width, 0);
  // Each group starts on a new page; the header row (the same in every block) repeats on each page.
  const breaks = new Set(plan.blocks.slice(1).map((b) => b.headerRow - 2));
  plan.rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    r.cells.forEach((v, c) => {
      if (v !== null) row.getCell(c + 1).value = typeof v === 'string' ? xmlSafe(v) : v;
    });
    const height =
      r.kind === 'header'
        ? fittedRowHeight(
            plan.columns.map((c) => ({
              text: c.header,
              widthChars: c.width,
              sizePt: SIZE,
              style: { bold: true },
            })),
          )
        : r.mergeAcross && typeof r.cells[0] === 'string'
          ? fittedRowHeight([
              {
                text: r.cells[0],
                widthChars: totalWidth,
                sizePt: r.kind === 'title' ? 14 : SIZE,
                style: { bold: r.kind === 'title' || r.kind === 'groupTitle', italic: r.kind !== 'title' },
              },
            ])
          : r.kind === 'unit' && typeof r.cells[2] === 'string'
            ? fittedRowHeight([{ text: r.cells[2], widthChars: plan.columns[2].width, sizePt: SIZE }])
            : 0;
    if (height > 16) row.height = height;
    styleRow(row, r);
    if (r.mergeAcross && plan.columns.length > 1) ws.mergeCells(i + 1, 1, i + 1, plan.columns.length);
    if (breaks.has(i + 1)) row.addPageBreak();
    commit(row);
  });
  const firstHeader = plan.blocks[0] ? plan.blocks[0].headerRow + 1 : undefined;
  printSetup(ws, {
    orientation: 'landscape',
    lastPrintedColumn: plan.columns.length,
    lastRow: plan.rows.length,
    titleRows: firstHeader ? [firstHeader, firstHeader] : undefined,
  });
  commit(ws);
}

type TableCell = string | number | null;

interface TableColumn {
  header: string;
  width: number;
  numFmt?: string;
  wrap?: boolean;
  /** Codes for scripts (group id, status code): kept in the file, hidden on screen and in print. */
  hidden?: boolean;
}

interface TableSheet {
  name: string;
  columns: TableColumn[];
  /** Columns 1..printed are printed; the rest are working columns (hashes, sizes, codes). */
  printed: number;
  orientation: 'portrait' | 'landscape';
}

/**
 * A plain table sheet: a frozen header row repeated on every printed page, then one row per item of
 * `rows` (an iterable, so large sheets are produced row by row and, with the streaming writer,
 * never held whole). Row heights fit the wrapped cells, measured with the font's glyph widths.
 * No autofilter: exceljs cannot write the `_xlnm._FilterDatabase` name Excel expects with one
 * (Excel has crashed on sorting such files: exceljs#400, #2289).
 */
function addTable(wb: AnyWorkbook, table: TableSheet, rows: Iterable<TableCell[]>): void {
  const { columns } = table;
  const ws: AnyWorksheet = wb.addWorksheet(table.name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: FIT,
  });
  ws.columns = columns.map((c) => ({ width: c.width, hidden: c.hidden }));
  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = xmlSafe(c.header);
    cell.font = { name: FONT, size: SIZE, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  header.height = fittedRowHeight(
    columns
      .slice(0, table.printed)
      .map((c) => ({ text: c.header, widthChars: c.width, sizePt: SIZE, style: { bold: true } })),
  );
  commit(header);
  // Heights of repeated texts (a leaf's name on every unit's rows) are measured once.
  const heights = new Map<string, number>();
  const heightOf = (text: string, width: number): number => {
    const key = `${width}\u0000${text}`;
    let h = heights.get(key);
    if (h === undefined) {
      h = fittedRowHeight([{ text, widthChars: width, sizePt: SIZE }]);
      if (heights.size > 10_000) heights.clear();
      heights.set(key, h);
    }
    return h;
  };
  let r = 2;
  for (const values of rows) {
    const row = ws.getRow(r++);
    let height = 0;
    values.forEach((v, i) => {
      const col = columns[i];
      const cell = row.getCell(i + 1);
      cell.font = { name: FONT, size: SIZE };
      cell.alignment = { wrapText: Boolean(col?.wrap), vertical: 'top' };
      if (v === null) return;
      // Plain values: a string stays a string (a shared string), never parsed as a formula.
      cell.value = typeof v === 'string' ? xmlSafe(v) : v;
      if (col?.numFmt && typeof v === 'number') cell.numFmt = col.numFmt;
      if (col?.wrap && typeof v === 'string' && i < table.printed)
        height = Math.max(height, heightOf(v, col.width));
    });
    if (height > 16) row.height = height;
    commit(row);
  }
  printSetup(ws, {
    orientation: table.orientation,
    lastPrintedColumn: table.printed,
    lastRow: r - 1,
    titleRows: [1, 1],
  });
  commit(ws);
}

function* detailRows(result: ConsolidationResult, framework: Framework): Generator<TableCell[]> {
  const nodes = new Map(walk(framework.tree).map((v) => [v.node.code, v.node]));
  for (const d of result.details) {
    const group = groupLabel(framework, d.unit.group);
    for (const leaf of d.leaves) {
      const node = nodes.get(leaf.code);
      const byGroup = node?.maxByGroup;
      const max = node
        ? byGroup && Object.hasOwn(byGroup, d.unit.group)
          ? byGroup[d.unit.group]
          : node.max
        : null;
      yield [
        d.unit.code || null,
        d.unit.name,
        group,
        leaf.code,
        node?.name ?? '',
        max,
        leaf.self,
        leaf.appraisal,
        leaf.final,
        d.unit.group,
      ];
    }
  }
}

function addDetailSheet(wb: AnyWorkbook, result: ConsolidationResult, framework: Framework): void {
  addTable(
    wb,
    {
      name: SHEET_DETAIL,
      orientation: 'landscape',
      printed: 9,
      columns: [
        { header: 'Mã đơn vị', width: 10 },
        { header: 'Đơn vị', width: 30, wrap: true },
        { header: 'Nhóm', width: 16, wrap: true },
        { header: 'Mã tiêu chí', width: 9.5 },
        { header: 'Nội dung', width: 56, wrap: true },
        { header: 'Điểm tối đa', width: 9.5, numFmt: FORMAT.points },
        { header: 'Điểm tự đánh giá', width: 10, numFmt: FORMAT.points },
        { header: 'Điểm thẩm định', width: 10, numFmt: FORMAT.points },
        { header: 'Điểm tính', width: 9.5, numFmt: FORMAT.points },
        { header: 'Mã nhóm', width: 8, hidden: true },
      ],
    },
    detailRows(result, framework),
  );
}

function addFilesSheet(wb: AnyWorkbook, result: ConsolidationResult, framework: Framework): void {
  const rows = result.files.map((f): TableCell[] => [
    f.file,
    FILE_STATUS_LABEL[f.status],
    f.unit?.code || null,
    f.unit?.name ?? null,
    f.unit ? groupLabel(framework, f.unit.group) : null,
    f.errors.length,
    [...f.errors, ...f.warnings].map((e) => (e.cell ? `${e.cell}: ${e.message}` : e.message)).join('\n') ||
      null,
    f.sha256,
    f.size,
    f.generatedAt,
    f.status,
    f.unit?.group ?? null,
  ]);
  addTable(
    wb,
    {
      name: SHEET_FILES,
      orientation: 'landscape',
      printed: 7,
      columns: [
        { header: 'Tệp', width: 28, wrap: true },
        { header: 'Trạng thái', width: 13, wrap: true },
        { header: 'Mã đơn vị', width: 10 },
        { header: 'Đơn vị', width: 26, wrap: true },
        { header: 'Nhóm', width: 14, wrap: true },
        { header: 'Số lỗi', width: 7, numFmt: '0' },
        { header: 'Lý do / ghi chú', width: 80, wrap: true },
        { header: 'SHA-256', width: 66 },
        { header: 'Kích thước (byte)', width: 12, numFmt: '#,##0' },
        { header: 'Tạo mẫu lúc (_meta)', width: 24 },
        { header: 'Mã trạng thái', width: 11, hidden: true },
        { header: 'Mã nhóm', width: 8, hidden: true },
      ],
    },
    rows,
  );
}

function addChartSheet(wb: AnyWorkbook, result: ConsolidationResult, framework: Framework): void {
  const rows: TableCell[][] = [];
  for (const g of groupsInOrder(result.units, framework)) {
    for (const u of orderInGroup(result.units.filter((x) => x.group === g.id))) {
      rows.push([g.name, u.code, u.unit, u.index, u.rank]);
    }
  }
  addTable(
    wb,
    {
      name: SHEET_CHART,
      orientation: 'portrait',
      printed: 5,
      columns: [
        { header: 'Nhóm', width: 22, wrap: true },
        { header: 'Mã', width: 10 },
        { header: 'Đơn vị', width: 36, wrap: true },
        { header: 'Chỉ số (%)', width: 10, numFmt: FORMAT.points },
        { header: 'Hạng', width: 7, numFmt: '0' },
      ],
    },
    rows,
  );
}

function addNotesSheet(wb: AnyWorkbook, result: ConsolidationResult): void {
  const rows: TableCell[][] = result.warnings.map((w) => ['Tổng hợp', null, w]);
  for (const i of result.survey?.issues ?? []) rows.push(['Điều tra XHH', i.cell || null, i.message]);
  for (const u of result.survey?.unmatchedRows ?? []) {
    const hint = u.candidates.length ? ` Gần giống: ${u.candidates.join('; ')}.` : '';
    rows.push([
      'Điều tra XHH: dòng không ghép được',
      `dòng ${u.row}`,
      `${u.code ? `${u.code} ` : ''}${u.name}: ${u.reason}${hint}`,
    ]);
  }
  addTable(
    wb,
    {
      name: SHEET_NOTES,
      orientation: 'landscape',
      printed: 3,
      columns: [
        { header: 'Nguồn', width: 30, wrap: true },
        { header: 'Vị trí', width: 14, wrap: true },
        { header: 'Nội dung', width: 100, wrap: true },
      ],
    },
    rows,
  );
}

function addSheets(
  wb: AnyWorkbook,
  result: ConsolidationResult,
  framework: Framework,
  options: RankingWorkbookOptions,
): void {
  addRankingSheet(wb, result, framework, options);
  addDetailSheet(wb, result, framework);
  addFilesSheet(wb, result, framework);
  addChartSheet(wb, result, framework);
  addNotesSheet(wb, result);
}

/** The ranking workbook as bytes (in memory; also in the browser). */
export async function writeRankingWorkbook(
  result: ConsolidationResult,
  options: RankingWorkbookOptions,
): Promise<Uint8Array> {
  const framework = result.framework;
  if (!framework) throw new Error('Không có bộ tiêu chí để lập bảng xếp hạng.');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  wb.created = new Date(options.generatedAt);
  addSheets(wb, result, framework, options);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/**
 * The same workbook streamed into a writable (Node: a file stream), row by row: memory stays flat
 * however many units there are. Resolves when everything is written and the stream is finished.
 */
export async function streamRankingWorkbook(
  result: ConsolidationResult,
  options: RankingWorkbookOptions,
  stream: NodeJS.WritableStream,
): Promise<void> {
  const framework = result.framework;
  if (!framework) throw new Error('Không có bộ tiêu chí để lập bảng xếp hạng.');
  const finished = new Promise<void>((resolveFinish, reject) => {
    stream.on('finish', () => resolveFinish());
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: stream as never,
    useStyles: true,
    useSharedStrings: true,
  });
  wb.creator = 'cchc';
  wb.created = new Date(options.generatedAt);
  addSheets(wb, result, framework, options);
  // A stream that fails (missing folder, full disk) ends the write at once: the commit would wait
  // for it forever, and its error must not float as an unhandled rejection meanwhile.
  await Promise.race([wb.commit(), finished]);
  await finished;
}
