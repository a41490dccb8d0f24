/**
 * The ranking workbook `cchc consolidate -o RANKING.xlsx` writes (exceljs; bytes out, no fs):
 * - `Xếp hạng`: the published-style table, drawn from src/workbook/ranking-plan.ts (the same plan
 *   the add-in renders with Office.js);
 * - `Chi tiết`: a row per unit, a column per leaf — the score that counts (shaded where the
 *   appraisal differs from the self score), under each group's maxima;
 * - `Hồ sơ`: each file — unit, status, every reason, SHA-256, size, generated-at from `_meta`;
 * - `Biểu đồ`: the data of a bar chart of the index per unit (exceljs cannot draw charts; the HTML
 *   report draws it, and the add-in adds a native chart from this range);
 * - `Ghi chú`: run-wide notes (survey rows not matched, units without survey data, …).
 * Strings are written as strings (shared strings), so a name like "=Sở X" is text, never a formula.
 */
import ExcelJS from 'exceljs';
import { withDefaultFont } from './render';
import { formatVi } from '../common/vi-number';
import { pointsLost } from '../consolidation/points-lost';
import { viDateTime } from '../common/vi-time';
import { xmlSafe } from '../common/clean-text';
import { fittedRowHeight, rowHeightForLines, widthCharsFor } from '../common/text-layout';
import { samePoints } from '../common/decimal';
import { FILE_STATUS_LABEL, groupLabel } from '../consolidation/labels';
import type { ConsolidationResult } from '../consolidation/types';
import type { Framework } from '../framework/schema';
import { appliesTo, leafMaxFor, leaves } from '../framework/tree';
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
export const SHEET_LOST = 'Điểm còn thiếu';

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
    /** Columns repeated on every page across ("A:B"). */
    titleColumns?: string;
    /** false: printed at 100 %, running on across pages (default: fitted to the width). */
    fit?: boolean;
  },
): void {
  const last = columnLetters(options.lastPrintedColumn);
  const fit = options.fit !== false;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: options.orientation,
    fitToPage: fit,
    ...(fit ? { fitToWidth: 1, fitToHeight: 0 } : { scale: 100 }),
    horizontalCentered: true,
    margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    // exceljs adds "$" before column letters only: "A$1" is written as Excel's own "$A$1".
    printArea: `A$1:${last}$${Math.max(1, options.lastRow)}`,
    printTitlesRow: options.titleRows ? `${options.titleRows[0]}:${options.titleRows[1]}` : undefined,
    printTitlesColumn: options.titleColumns,
  };
  ws.headerFooter = { oddFooter: FOOTER, evenFooter: FOOTER };
}

/**
 * Cell styles as one shared object per distinct style. exceljs turns every cell's font, border,
 * fill and alignment into XML to find its style id, unless it has met the very same style OBJECT
 * before (a WeakMap): with a fresh object per cell that was half of the ranking writer's time
 * (CPU profile, 1,000 units). The file is the same: the ids are found in the same order.
 * exceljs gives a number without a number format the "General" format and text none, and keeps
 * the first answer for an object, so numbers and other values never share one.
 */
class SharedStyles {
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();

  /** Gives `cell` (its value already set) the style `make` builds, built once per `key`. */
  apply(cell: ExcelJS.Cell, key: string, make: () => Partial<ExcelJS.Style>): void {
    const full = `${typeof cell.value === 'number' ? 'n' : 'o'}\u0000${key}`;
    let style = this.styles.get(full);
    if (!style) {
      style = Object.freeze(make());
      this.styles.set(full, style);
    }
    cell.style = style;
  }
}

function styleRow(row: ExcelJS.Row, plan: RankingRow, styles: SharedStyles): void {
  const bold = plan.kind === 'title' || plan.kind === 'groupTitle' || plan.kind === 'header';
  row.eachCell({ includeEmpty: true }, (cell, c) => {
    const fmt = plan.formats[c - 1];
    styles.apply(cell, `${plan.kind}\u0000${fmt}\u0000${c === 3}`, () => {
      const style: Partial<ExcelJS.Style> = {};
      if (fmt && fmt !== FORMAT.text) style.numFmt = fmt;
      style.font = {
        name: FONT,
        size: plan.kind === 'title' ? 14 : SIZE,
        bold,
        italic: plan.kind === 'note' || plan.kind === 'subtitle',
      };
      if (plan.kind === 'header' || plan.kind === 'unit') style.border = BOX;
      if (plan.kind === 'header') style.fill = HEADER_FILL;
      style.alignment = {
        wrapText: plan.kind !== 'unit' || c === 3,
        vertical: 'middle',
        horizontal:
          plan.kind === 'title' || plan.kind === 'groupTitle' || plan.kind === 'header'
            ? 'center'
            : undefined,
      };
      return style;
    });
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
  const styles = new SharedStyles();
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
    styleRow(row, r, styles);
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
  const styles = new SharedStyles();
  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = xmlSafe(c.header);
    styles.apply(cell, 'header', () => ({
      font: { name: FONT, size: SIZE, bold: true },
      fill: HEADER_FILL,
      border: BOX,
      alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' },
    }));
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
      // Plain values: a string stays a string (a shared string), never parsed as a formula.
      if (v !== null) cell.value = typeof v === 'string' ? xmlSafe(v) : v;
      const numFmt = col?.numFmt && typeof v === 'number' ? col.numFmt : undefined;
      const wrap = Boolean(col?.wrap);
      styles.apply(cell, `row\u0000${wrap}\u0000${numFmt}`, () => ({
        font: { name: FONT, size: SIZE },
        alignment: { wrapText: wrap, vertical: 'top' },
        ...(numFmt ? { numFmt } : {}),
      }));
      if (v === null) return;
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

/** Text size of the detail matrix, printed at 100 %: the sheet is not shrunk to the page width. */
const DETAIL_SIZE = 10;
/** A leaf column: "10.00" and "10.1.2" at 10 pt with room to spare. */
const LEAF_WIDTH = 5;
/** Light yellow: the council's appraisal differs from the unit's self score. */
const CHANGED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

/**
 * `Chi tiết`: one row per unit (by group, in ranking order), one column per leaf with the score that
 * counts, under a row per group with the group's maximum of each leaf (empty where a leaf does not
 * apply). Printed at 100 % on A4 landscape: the leaf columns run on over as many pages across as
 * they need, each page repeating the title and header rows and the unit's code and name (print
 * titles), so no page is a strip of bare numbers. The group id stays in a hidden last column.
 */
function addDetailSheet(wb: AnyWorkbook, result: ConsolidationResult, framework: Framework): void {
  const leafNodes = leaves(framework);
  const details = new Map(result.details.map((d) => [d.key, d]));
  const font = { name: FONT, size: DETAIL_SIZE };
  const codes = result.details.map((d) => d.unit.code);
  const codeWidth = widthCharsFor(['Mã đơn vị', 'Tối đa', ...codes], DETAIL_SIZE, 8);
  // As wide as the longest name on one line, up to 32 characters (longer names wrap).
  const nameWidth = Math.min(
    32,
    widthCharsFor(
      result.details.map((d) => d.unit.name),
      DETAIL_SIZE,
      16,
    ),
  );
  const first = 3;
  const groupCol = first + leafNodes.length;
  const ws: AnyWorksheet = wb.addWorksheet(SHEET_DETAIL, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: false, scale: 100 },
  });
  ws.columns = [
    { width: codeWidth },
    { width: nameWidth },
    ...leafNodes.map(() => ({ width: LEAF_WIDTH })),
    { width: 18 },
    { width: 8, hidden: true },
  ];
  const title = ws.getRow(1);
  title.getCell(1).value = 'Điểm tính theo tiêu chí';
  title.getCell(1).font = { name: FONT, size: 12, bold: true };
  title.height = fittedRowHeight([{ text: 'Điểm tính theo tiêu chí', widthChars: 200, sizePt: 12 }]);
  commit(title);
  const styles = new SharedStyles();
  const header = ws.getRow(2);
  ['Mã đơn vị', 'Đơn vị', ...leafNodes.map((l) => l.code), 'Nhóm', 'Mã nhóm'].forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = xmlSafe(text);
    styles.apply(cell, 'header', () => ({
      font: { ...font, bold: true },
      fill: HEADER_FILL,
      border: BOX,
      alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' },
    }));
  });
  header.height = fittedRowHeight([
    { text: 'Mã đơn vị', widthChars: codeWidth, sizePt: DETAIL_SIZE, style: { bold: true } },
  ]);
  commit(header);
  let r = 3;
  const put = (values: TableCell[], style: { bold?: boolean; changed?: boolean[] }, name: string) => {
    const row = ws.getRow(r++);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      if (v !== null) cell.value = typeof v === 'string' ? xmlSafe(v) : v;
      const boxed = i < groupCol;
      const changed = Boolean(style.changed?.[i]);
      styles.apply(cell, `${style.bold}\u0000${boxed}\u0000${i === 1}\u0000${changed}`, () => {
        const s: Partial<ExcelJS.Style> = { font: { ...font, bold: style.bold } };
        if (boxed) s.border = BOX;
        s.alignment = { wrapText: i === 1, vertical: 'middle' };
        if (changed) s.fill = CHANGED_FILL;
        if (typeof v === 'number') s.numFmt = FORMAT.points;
        return s;
      });
    });
    const height = fittedRowHeight([
      { text: name, widthChars: nameWidth, sizePt: DETAIL_SIZE, style: { bold: style.bold } },
    ]);
    // One line keeps the default height; only wrapped names make a row taller.
    if (height > rowHeightForLines(1, DETAIL_SIZE)) row.height = height;
    commit(row);
  };
  for (const g of groupsInOrder(result.units, framework)) {
    const name = `Điểm tối đa — ${g.name}`;
    put(
      [
        'Tối đa',
        name,
        ...leafNodes.map((l) => (appliesTo(l, g.id) ? leafMaxFor(l, g.id) : null)),
        g.name,
        g.id,
      ],
      { bold: true },
      name,
    );
    for (const u of orderInGroup(result.units.filter((x) => x.group === g.id))) {
      const d = details.get(u.code ?? u.unit);
      if (!d) continue;
      const byCode = new Map(d.leaves.map((l) => [l.code, l]));
      const changed: boolean[] = [];
      const scores = leafNodes.map((l, i) => {
        const leaf = byCode.get(l.code);
        if (!appliesTo(l, g.id) || !leaf) return null;
        changed[first - 1 + i] =
          leaf.self !== null && leaf.appraisal !== null && !samePoints(leaf.self, leaf.appraisal);
        return leaf.final;
      });
      put([d.unit.code || null, d.unit.name, ...scores, g.name, g.id], { changed }, d.unit.name);
    }
  }
  r++;
  const notes = [
    'Điểm tính: điểm thẩm định (lần 2 nếu có), nơi chưa thẩm định là điểm tự đánh giá; tiêu chí điều tra XHH: điểm điều tra. Ô trống: tiêu chí không áp dụng cho nhóm.',
    'Ô tô vàng: điểm thẩm định khác điểm tự đánh giá.',
  ];
  for (const text of notes) {
    const row = ws.getRow(r);
    row.getCell(1).value = text;
    row.getCell(1).font = { ...font, italic: true };
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = fittedRowHeight([
      { text, widthChars: codeWidth + nameWidth, sizePt: DETAIL_SIZE, style: { italic: true } },
    ]);
    ws.mergeCells(r, 1, r, 2);
    commit(row);
    r++;
  }
  printSetup(ws, {
    orientation: 'landscape',
    lastPrintedColumn: groupCol - 1,
    lastRow: r - 1,
    titleRows: [1, 2],
    titleColumns: 'A:B',
    fit: false,
  });
  commit(ws);
}

/** How many leaves and fields the `Điểm còn thiếu` sheet names per unit. */
const LOST_TOP = 3;

/**
 * `Điểm còn thiếu`: per unit (by group and rank) where its points were lost — the leaves that lost
 * the most (maximum − the score that counts, with self and appraisal), the lĩnh vực furthest below
 * the group's average (with the average and best), and the change from the previous ranking.
 * Computed by src/consolidation/points-lost.ts, the same figures as each unit's result.
 */
function addLostSheet(wb: AnyWorkbook, result: ConsolidationResult, framework: Framework): void {
  const all = new Map(pointsLost(result, { top: LOST_TOP }).map((u) => [u.key, u]));
  const pts = (n: number) => formatVi(n, framework.places);
  const rows: TableCell[][] = [];
  for (const g of groupsInOrder(result.units, framework)) {
    for (const u of orderInGroup(result.units.filter((x) => x.group === g.id))) {
      const s = all.get(u.code ?? u.unit);
      if (!s) continue;
      const leavesText = s.leaves
        .map((l) => {
          const how = l.survey
            ? 'điều tra XHH'
            : l.appraisal !== null
              ? `TĐG ${l.self === null ? '—' : pts(l.self)}, TĐ ${pts(l.appraisal)}`
              : `TĐG ${l.self === null ? '—' : pts(l.self)}, chưa TĐ`;
          return `${l.code}: thiếu ${pts(l.lost)} (${pts(l.score)}/${pts(l.max)}; ${how})`;
        })
        .join('\n');
      const behind = s.fields
        .filter((f) => f.toAverage !== null && f.toAverage < 0)
        .sort((a, b) => (a.toAverage as number) - (b.toAverage as number))
        .slice(0, LOST_TOP)
        .map(
          (f) =>
            `Lĩnh vực ${f.code}: ${pts(f.points)} (TB ${pts(f.groupAverage as number)}; cao nhất ${pts(f.groupBest as number)})`,
        )
        .join('\n');
      rows.push([
        s.code,
        s.ranked ? s.unit : `${s.unit} (*)`,
        g.name,
        s.rank,
        s.index,
        s.lost,
        leavesText || 'Không mất điểm ở tiêu chí nào.',
        behind || 'Không lĩnh vực nào dưới trung bình nhóm.',
        s.previous?.indexChange ?? null,
        s.previous?.rankChange ?? null,
      ]);
    }
  }
  addTable(
    wb,
    {
      name: SHEET_LOST,
      orientation: 'landscape',
      printed: 10,
      columns: [
        {
          header: 'Mã',
          width: widthCharsFor(
            result.units.map((u) => u.code ?? ''),
            SIZE,
            7,
          ),
        },
        { header: 'Đơn vị', width: 22, wrap: true },
        { header: 'Nhóm', width: 12, wrap: true },
        { header: 'Hạng', width: 6, numFmt: '0' },
        { header: 'Chỉ số (%)', width: 8, numFmt: FORMAT.points },
        { header: 'Điểm còn thiếu', width: 8.5, numFmt: FORMAT.points },
        {
          header: `${LOST_TOP} tiêu chí mất nhiều điểm nhất (TĐG: tự đánh giá; TĐ: thẩm định)`,
          width: 44,
          wrap: true,
        },
        { header: 'Lĩnh vực dưới trung bình (TB) nhóm', width: 40, wrap: true },
        { header: 'Thay đổi chỉ số', width: 8, numFmt: FORMAT.indexChange },
        { header: 'Thay đổi hạng', width: 7, numFmt: FORMAT.rankChange },
      ],
    },
    rows,
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
  addLostSheet(wb, result, framework);
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
  return withDefaultFont(new Uint8Array(buffer as ArrayBuffer), FONT);
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
  // The workbook's default font (style font 0, in whose digits column widths are counted) is Times
  // New Roman 11 as in the in-memory writer (render.ts withDefaultFont): the streaming writer takes
  // the first font added as font 0, so it is added before any cell style.
  (wb as unknown as { styles: { _addFont(font: Partial<ExcelJS.Font>): number } }).styles._addFont({
    size: 11,
    color: { theme: 1 } as ExcelJS.Color,
    name: FONT,
    family: 1,
  });
  addSheets(wb, result, framework, options);
  // A stream that fails (missing folder, full disk) ends the write at once: the commit would wait
  // for it forever, and its error must not float as an unhandled rejection meanwhile.
  await Promise.race([wb.commit(), finished]);
  await finished;
}
