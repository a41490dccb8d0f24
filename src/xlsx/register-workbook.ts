/**
 * The Excel view of the register ("Sổ theo dõi"): what staff open to read the campaign. Generated
 * from the JSON register after every write, never read back (the JSON is the source of truth).
 */
import ExcelJS from 'exceljs';
import { campaignStatus, stageCellText, STAGES, type Register } from '../campaign';
import { FILE_STAGES } from '../campaign/state';

const STATUS_TEXT: Record<string, string> = {
  accepted: 'Chấp nhận',
  rejected: 'Từ chối',
  duplicate: 'Trùng tệp đã nhận',
  unreadable: 'Không đọc được',
  superseded: 'Đã thay bằng tệp mới hơn',
  'late-pending': 'Nộp muộn — chờ quyết định',
  'late-refused': 'Nộp muộn — không chấp nhận',
};

function sheet(wb: ExcelJS.Workbook, name: string, headers: string[], widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((h, i) => ({ header: h, width: widths[i] ?? 16 }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

/** Text cells stay text: exceljs writes strings as shared strings, never as formulas. */
export async function registerWorkbook(register: Register, now: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  const status = campaignStatus(register, now);
  const s1 = sheet(
    wb,
    'Tình trạng',
    ['Mã', 'Đơn vị', 'Nhóm', ...FILE_STAGES.map((s) => STAGES[s].name)],
    [10, 36, 10, ...FILE_STAGES.map(() => 26)],
  );
  for (const u of status.units) s1.addRow([u.code, u.name, u.group, ...u.stages.map(stageCellText)]);
  const s2 = sheet(
    wb,
    'Tệp đã nhận',
    ['Số', 'Tệp', 'Nhận lúc', 'Đơn vị', 'Giai đoạn', 'Trạng thái', 'Nộp muộn', 'Lý do', 'SHA-256', 'Bản lưu'],
    [6, 36, 22, 10, 22, 26, 10, 80, 66, 40],
  );
  for (const r of register.receipts)
    s2.addRow([
      r.seq,
      r.file,
      r.receivedAt,
      r.unit ?? '',
      r.stage ? STAGES[r.stage].name : '',
      STATUS_TEXT[r.status] ?? r.status,
      r.late ? 'có' : '',
      [...r.reasons.map((x) => (x.cell ? `${x.cell}: ${x.message}` : x.message)), r.decision?.note ?? '']
        .filter(Boolean)
        .join('\n'),
      r.sha256,
      r.storedAs ?? '',
    ]);
  const s3 = sheet(
    wb,
    'Thay đổi điểm',
    ['Đơn vị', 'Mã tiêu chí', 'Giai đoạn', 'Ai', 'Cũ', 'Mới', 'Lần nhận', 'Lúc'],
    [10, 12, 22, 26, 8, 8, 10, 22],
  );
  for (const c of register.changes)
    s3.addRow([c.unit, c.leaf, STAGES[c.stage].name, c.who, c.old, c.new, c.receipt, c.at]);
  const s4 = sheet(
    wb,
    'Phát hành',
    ['Đơn vị', 'Giai đoạn', 'Vòng', 'Tệp', 'Lúc', 'Tệp nguồn (SHA-256)', 'Còn hiệu lực'],
    [10, 22, 6, 50, 22, 66, 12],
  );
  for (const i of register.issued)
    s4.addRow([
      i.unit,
      STAGES[i.stage].name,
      i.round,
      i.file,
      i.issuedAt,
      i.sourceSha256 ?? '',
      i.superseded ? 'không' : 'có',
    ]);
  const s5 = sheet(
    wb,
    'Hạn và mở lại',
    ['Giai đoạn', 'Đơn vị', 'Hạn', 'Mở lại lúc', 'Lý do'],
    [22, 10, 24, 24, 50],
  );
  for (const d of register.deadlines) s5.addRow([STAGES[d.stage].name, 'tất cả', d.date, '', '']);
  for (const r of register.reopenings)
    s5.addRow([STAGES[r.stage].name, r.unit, r.until ?? 'không hạn', r.at, r.reason]);
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
