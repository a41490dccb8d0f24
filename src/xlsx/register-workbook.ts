/**
 * The Excel view of the register ("Sổ theo dõi"): what staff open, and print, to read the campaign.
 * Generated from the JSON register after every write, never read back (the JSON is the source of
 * truth), so it is written for people: times in Vietnam's time, group and status names in words,
 * each sheet printable on A4 landscape with its header row repeated and "Trang x / y". The
 * SHA-256 and stored-copy columns, for checking files rather than reading, sit after the printed
 * area.
 */
import type ExcelJS from 'exceljs';
import { newExcelWorkbook } from './exceljs-workbook';
import { campaignStatus, RECEIPT_STATUS_TEXT, stageCellText, STAGES, type Register } from '../campaign';
import { FILE_STAGES } from '../campaign/state';
import { fittedRowHeight } from '../common/text-layout';
import { viDateTime } from '../common/vi-time';
import type { Framework } from '../framework/schema';
import { TEMPLATE_FONT, unitPageFooter } from '../workbook/page-footer';

/** One column of a sheet: its title, width (characters) and whether it is printed. */
interface Column<T> {
  title: string;
  width: number;
  value: (row: T) => string | number | null;
  /** false: kept in the file, after the print area (hashes, paths). */
  printed?: boolean;
}

/**
 * Printed columns of a sheet sum to about 150 characters: A4 landscape at 12 pt fitted to the width
 * then prints at 9 pt or more (what offices sign; measured in test/print/print-layout.test.ts).
 */
function addSheet<T>(
  wb: ExcelJS.Workbook,
  name: string,
  columns: Column<T>[],
  rows: T[],
  footer: string,
): void {
  const printed = columns.filter((c) => c.printed !== false);
  const ordered = [...printed, ...columns.filter((c) => c.printed === false)];
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = ordered.map((c) => ({ width: c.width }));
  const font = { name: TEMPLATE_FONT.name, size: TEMPLATE_FONT.size };
  const addRow = (values: (string | number | null)[], bold: boolean) => {
    const row = ws.addRow(values);
    row.font = { ...font, bold };
    row.alignment = { vertical: 'top', wrapText: true };
    // Excel does not fit wrapped rows on open: the height is written, from the printed cells.
    row.height = fittedRowHeight(
      printed.map((c, i) => ({
        text: String(values[i] ?? ''),
        widthChars: c.width,
        sizePt: font.size,
        style: { bold },
      })),
    );
  };
  addRow(
    ordered.map((c) => c.title),
    true,
  );
  for (const r of rows)
    addRow(
      ordered.map((c) => c.value(r)),
      false,
    );
  const last = String.fromCharCode(64 + printed.length);
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    // exceljs adds "$" before the column letters: "A$1" is written as "$A$1".
    printArea: `A$1:${last}$${ws.rowCount}`,
    printTitlesRow: '1:1',
  };
  ws.headerFooter = { oddFooter: footer, evenFooter: footer };
}

const when = (iso: string | null | undefined) => (iso ? viDateTime(iso) : '');

/** Text cells stay text: exceljs writes strings as shared strings, never as formulas. */
export async function registerWorkbook(
  register: Register,
  now: string,
  framework?: Pick<Framework, 'groups'>,
): Promise<Uint8Array> {
  const wb = await newExcelWorkbook();
  wb.creator = 'cchc';
  const footer = unitPageFooter(`Sổ theo dõi: ${register.campaign.title}`);
  const groupName = (id: string) => framework?.groups.find((g) => g.id === id)?.name ?? id;
  const stageName = (s: keyof typeof STAGES) => STAGES[s].name;
  const status = campaignStatus(register, now);

  type UnitRow = (typeof status.units)[number];
  addSheet<UnitRow>(
    wb,
    'Tình trạng',
    [
      { title: 'Mã', width: 8, value: (u) => u.code },
      { title: 'Đơn vị', width: 24, value: (u) => u.name },
      { title: 'Nhóm', width: 16, value: (u) => groupName(u.group) },
      ...FILE_STAGES.map((s, i): Column<UnitRow> => ({
        title: stageName(s),
        width: 18,
        value: (u) => stageCellText(u.stages[i]),
      })),
    ],
    status.units,
    footer,
  );

  type Receipt = Register['receipts'][number];
  addSheet<Receipt>(
    wb,
    'Tệp đã nhận',
    [
      { title: 'Số', width: 5, value: (r) => r.seq },
      { title: 'Tệp', width: 26, value: (r) => r.file },
      { title: 'Nhận lúc', width: 18, value: (r) => when(r.receivedAt) },
      { title: 'Đơn vị', width: 8, value: (r) => r.unit ?? '' },
      { title: 'Giai đoạn', width: 16, value: (r) => (r.stage ? stageName(r.stage) : '') },
      { title: 'Trạng thái', width: 16, value: (r) => RECEIPT_STATUS_TEXT[r.status] },
      { title: 'Nộp muộn', width: 8, value: (r) => (r.late ? 'có' : '') },
      {
        title: 'Lý do',
        width: 46,
        value: (r) =>
          [...r.reasons.map((x) => (x.cell ? `${x.cell}: ${x.message}` : x.message)), r.decision?.note ?? '']
            .filter(Boolean)
            .join('\n'),
      },
      { title: 'SHA-256', width: 66, value: (r) => r.sha256, printed: false },
      { title: 'Bản lưu', width: 40, value: (r) => r.storedAs ?? '', printed: false },
    ],
    register.receipts,
    footer,
  );

  type Change = Register['changes'][number];
  addSheet<Change>(
    wb,
    'Thay đổi điểm',
    [
      { title: 'Đơn vị', width: 10, value: (c) => c.unit },
      { title: 'Mã tiêu chí', width: 12, value: (c) => c.leaf },
      { title: 'Giai đoạn', width: 22, value: (c) => stageName(c.stage) },
      { title: 'Ai', width: 26, value: (c) => c.who },
      { title: 'Cũ', width: 8, value: (c) => c.old },
      { title: 'Mới', width: 8, value: (c) => c.new },
      { title: 'Lần nhận', width: 10, value: (c) => c.receipt },
      { title: 'Lúc', width: 22, value: (c) => when(c.at) },
    ],
    register.changes,
    footer,
  );

  type Issued = Register['issued'][number];
  addSheet<Issued>(
    wb,
    'Phát hành',
    [
      { title: 'Đơn vị', width: 10, value: (i) => i.unit },
      { title: 'Giai đoạn', width: 22, value: (i) => stageName(i.stage) },
      { title: 'Vòng', width: 6, value: (i) => i.round },
      { title: 'Tệp', width: 50, value: (i) => i.file },
      { title: 'Lúc', width: 22, value: (i) => when(i.issuedAt) },
      { title: 'Còn hiệu lực', width: 12, value: (i) => (i.superseded ? 'không' : 'có') },
      { title: 'Tệp nguồn (SHA-256)', width: 66, value: (i) => i.sourceSha256 ?? '', printed: false },
    ],
    register.issued,
    footer,
  );

  type Deadline = { stage: string; unit: string; until: string; at: string; reason: string };
  addSheet<Deadline>(
    wb,
    'Hạn và mở lại',
    [
      { title: 'Giai đoạn', width: 22, value: (d) => d.stage },
      { title: 'Đơn vị', width: 10, value: (d) => d.unit },
      { title: 'Hạn', width: 24, value: (d) => d.until },
      { title: 'Mở lại lúc', width: 24, value: (d) => d.at },
      { title: 'Lý do', width: 50, value: (d) => d.reason },
    ],
    [
      ...register.deadlines.map((d) => ({
        stage: stageName(d.stage),
        unit: 'tất cả',
        until: when(d.date),
        at: '',
        reason: '',
      })),
      ...register.reopenings.map((r) => ({
        stage: stageName(r.stage),
        unit: r.unit,
        until: r.until ? when(r.until) : 'không hạn',
        at: when(r.at),
        reason: r.reason,
      })),
    ],
    footer,
  );
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
