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
import type { ConsolidationResult, FileStatus } from '../consolidation/types';
import type { Framework } from '../framework/schema';
import { walk } from '../framework/tree';
import {
  buildRankingPlan,
  FORMAT,
  orderInGroup,
  groupsInOrder,
  type RankingRow,
} from '../workbook/ranking-plan';

export const SHEET_DETAIL = 'Chi tiết';
export const SHEET_FILES = 'Hồ sơ';
export const SHEET_CHART = 'Biểu đồ';
export const SHEET_NOTES = 'Ghi chú';

export const STATUS_LABEL: Record<FileStatus, string> = {
  accepted: 'Chấp nhận',
  rejected: 'Bị từ chối',
  duplicate: 'Trùng đơn vị',
  unreadable: 'Không đọc được',
};

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

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

function styleRow(row: ExcelJS.Row, plan: RankingRow): void {
  const bold = plan.kind === 'title' || plan.kind === 'groupTitle' || plan.kind === 'header';
  row.eachCell({ includeEmpty: true }, (cell, c) => {
    const fmt = plan.formats[c - 1];
    if (fmt && fmt !== FORMAT.text) cell.numFmt = fmt;
    cell.font = {
      name: FONT,
      size: plan.kind === 'title' ? 14 : 12,
      bold,
      italic: plan.kind === 'note' || plan.kind === 'subtitle',
    };
    if (plan.kind === 'header' || plan.kind === 'unit') cell.border = BOX;
    if (plan.kind === 'header') cell.fill = HEADER_FILL;
    cell.alignment = {
      wrapText: plan.kind === 'header',
      vertical: 'middle',
      horizontal:
        plan.kind === 'title' || plan.kind === 'groupTitle' || plan.kind === 'header' ? 'center' : undefined,
    };
  });
}

function addRankingSheet(
  wb: ExcelJS.Workbook,
  result: ConsolidationResult,
  framework: Framework,
  options: RankingWorkbookOptions,
): void {
  const plan = buildRankingPlan(result.units, framework, {
    fieldTotals: result.fieldTotals,
    subtitle: `Tổng hợp lúc ${viDateTime(options.generatedAt)} từ ${result.files.length} tệp.`,
  });
  const ws = wb.addWorksheet(plan.sheetName, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  plan.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  plan.rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    r.cells.forEach((v, c) => {
      if (v !== null) row.getCell(c + 1).value = typeof v === 'string' ? xmlSafe(v) : v;
    });
    if (r.kind === 'header') row.height = 48;
    styleRow(row, r);
    if (r.mergeAcross && plan.columns.length > 1) ws.mergeCells(i + 1, 1, i + 1, plan.columns.length);
    commit(row);
  });
  commit(ws);
}

type TableCell = string | number | null;

interface TableColumn {
  header: string;
  width: number;
  numFmt?: string;
  wrap?: boolean;
}

/**
 * A plain table sheet: a frozen, filtered header row, then one row per item of `rows` (an iterable,
 * so large sheets are produced row by row and, with the streaming writer, never held whole).
 */
function addTable(wb: AnyWorkbook, name: string, columns: TableColumn[], rows: Iterable<TableCell[]>): void {
  const ws: AnyWorksheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = xmlSafe(c.header);
    cell.font = { name: FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  commit(header);
  let r = 2;
  for (const values of rows) {
    const row = ws.getRow(r++);
    values.forEach((v, i) => {
      if (v === null) return;
      const cell = row.getCell(i + 1);
      // Plain values: a string stays a string (a shared string), never parsed as a formula.
      cell.value = typeof v === 'string' ? xmlSafe(v) : v;
      const col = columns[i];
      if (col?.numFmt && typeof v === 'number') cell.numFmt = col.numFmt;
      if (col?.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
    });
    commit(row);
  }
  commit(ws);
}

function* detailRows(result: ConsolidationResult, framework: Framework): Generator<TableCell[]> {
  const nodes = new Map(walk(framework.tree).map((v) => [v.node.code, v.node]));
  for (const d of result.details) {
    for (const leaf of d.leaves) {
      const node = nodes.get(leaf.code);
      const max = node ? (node.maxByGroup?.[d.unit.group] ?? node.max) : null;
      yield [
        d.unit.code || null,
        d.unit.name,
        d.unit.group,
        leaf.code,
        node?.name ?? '',
        max,
        leaf.self,
        leaf.appraisal,
        leaf.final,
      ];
    }
  }
}

function addDetailSheet(wb: AnyWorkbook, result: ConsolidationResult, framework: Framework): void {
  addTable(
    wb,
    SHEET_DETAIL,
    [
      { header: 'Mã đơn vị', width: 10 },
      { header: 'Đơn vị', width: 32 },
      { header: 'Nhóm', width: 8 },
      { header: 'Mã tiêu chí', width: 10 },
      { header: 'Nội dung', width: 60 },
      { header: 'Điểm tối đa', width: 10, numFmt: FORMAT.points },
      { header: 'Điểm tự đánh giá', width: 11, numFmt: FORMAT.points },
      { header: 'Điểm thẩm định', width: 11, numFmt: FORMAT.points },
      { header: 'Điểm tính', width: 10, numFmt: FORMAT.points },
    ],
    detailRows(result, framework),
  );
}

function addFilesSheet(wb: AnyWorkbook, result: ConsolidationResult): void {
  const rows = result.files.map((f): TableCell[] => [
    f.file,
    STATUS_LABEL[f.status],
    f.status,
    f.unit?.code || null,
    f.unit?.name ?? null,
    f.unit?.group ?? null,
    f.errors.length,
    [...f.errors, ...f.warnings].map((e) => (e.cell ? `${e.cell}: ${e.message}` : e.message)).join('\n') ||
      null,
    f.sha256,
    f.size,
    f.generatedAt,
  ]);
  addTable(
    wb,
    SHEET_FILES,
    [
      { header: 'Tệp', width: 30 },
      { header: 'Trạng thái', width: 14 },
      { header: 'Mã trạng thái', width: 11 },
      { header: 'Mã đơn vị', width: 10 },
      { header: 'Đơn vị', width: 30 },
      { header: 'Nhóm', width: 8 },
      { header: 'Số lỗi', width: 7, numFmt: '0' },
      { header: 'Lý do / ghi chú', width: 80, wrap: true },
      { header: 'SHA-256', width: 66 },
      { header: 'Kích thước (byte)', width: 12, numFmt: '#,##0' },
      { header: 'Tạo mẫu lúc (_meta)', width: 24 },
    ],
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
    SHEET_CHART,
    [
      { header: 'Nhóm', width: 26 },
      { header: 'Mã', width: 10 },
      { header: 'Đơn vị', width: 36 },
      { header: 'Chỉ số (%)', width: 10, numFmt: FORMAT.points },
      { header: 'Hạng', width: 7, numFmt: '0' },
    ],
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
    SHEET_NOTES,
    [
      { header: 'Nguồn', width: 30 },
      { header: 'Vị trí', width: 14 },
      { header: 'Nội dung', width: 100, wrap: true },
    ],
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
  addFilesSheet(wb, result);
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
  await wb.commit();
  await finished;
}
