/**
 * The `Hướng dẫn` sheet: who the workbook is for, which framework and decision it follows, the
 * deadline, how to fill it in without the add-in, and a visible warning when the framework is
 * only illustrative.
 */
import { viDateTime } from '../common/vi-time';
import { frameworkTitleText, legalBasisText } from '../framework/legal-basis';
import type { Framework } from '../framework/schema';
import type { UnitRef } from '../scoring/types';
import { NOT_APPLICABLE_MARK, SHEET_GUIDE, SHEET_SCORE, SURVEY_MARK } from './layout';
import type { PlanSheet } from './plan-types';
import { SheetBuilder } from './sheet-builder';
import { unitPageFooter } from './page-footer';

export const ILLUSTRATIVE_WARNING =
  'CẢNH BÁO: Bộ tiêu chí này chỉ để MINH HỌA, chưa phải bộ tiêu chí chính thức. ' +
  'Không dùng kết quả chấm theo mẫu này làm căn cứ chính thức.';

/** "2026-12-31" → the Excel date serial (days since 1899-12-30), or null when not a date. */
export function excelDateSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(t) || new Date(t).getUTCDate() !== Number(m[3])) return null;
  return (t - Date.UTC(1899, 11, 30)) / 86_400_000;
}

export interface GuideSheetResult {
  sheet: PlanSheet;
  /** Row of the deadline cell (column B). */
  deadlineRow: number;
}

export function buildGuideSheet(
  framework: Framework,
  unit: UnitRef,
  groupName: string,
  options: { deadline?: string; generatedAt: string },
): GuideSheetResult {
  const b = new SheetBuilder(SHEET_GUIDE);
  b.sheet.columns = [{ width: 26 }, { width: 100 }];
  let row = 1;
  b.set(row, 1, { value: 'HƯỚNG DẪN TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH', style: 'title' });
  b.merge(row, 1, 2);
  b.sheet.rowHeights[row] = 24;
  row += 1;
  if (framework.status === 'illustrative') {
    b.set(row, 1, { value: ILLUSTRATIVE_WARNING, style: 'warning' });
    b.merge(row, 1, 2);
    b.fitRow(row, [{ text: ILLUSTRATIVE_WARNING, width: 126, size: 13, bold: true }], 36);
    row += 1;
  }
  row += 1;

  const basis = framework.legalBasis;
  const info: [string, string][] = [
    ['Đơn vị', unit.name],
    ['Mã đơn vị', unit.code],
    ['Nhóm', groupName],
    ['Bộ tiêu chí', frameworkTitleText(framework)],
    ['Căn cứ', legalBasisText(basis)],
    ['Năm đánh giá', String(framework.year)],
    ['Phiên bản bộ tiêu chí', `${framework.id} ${framework.version}`],
    ['Ngày tạo mẫu', viDateTime(options.generatedAt)],
  ];
  for (const [label, value] of info) {
    b.set(row, 1, { value: label, style: 'guideLabel' });
    b.set(row, 2, { value, style: 'guideText' });
    // A long framework title or legal basis wraps: the row grows with it, or the next row's text
    // prints over its second line.
    b.fitRow(row, [{ text: value, width: 100 }]);
    row += 1;
  }
  const deadlineRow = row;
  b.set(row, 1, { value: 'Hạn gửi về Sở Nội vụ', style: 'guideLabel' });
  const serial = options.deadline ? excelDateSerial(options.deadline) : null;
  if (serial !== null) b.set(row, 2, { value: serial, numFmt: 'dd/mm/yyyy', style: 'guideLabel' });
  else
    b.set(row, 2, { value: options.deadline ?? 'Theo văn bản hướng dẫn của Sở Nội vụ', style: 'guideLabel' });
  row += 2;

  b.set(row, 1, { value: 'CÁCH ĐIỀN', style: 'subtitle' });
  row += 1;
  const steps = [
    `Chỉ nhập vào các ô nền vàng của trang "${SHEET_SCORE}"; các ô khác đã được khóa (không đặt mật khẩu).`,
    'Điểm tự đánh giá: chọn trong danh sách hoặc nhập số đúng theo cột "Cách chấm", không vượt điểm tối đa. ' +
      'Dấu thập phân theo máy của bạn (0,5 hoặc 0.5). Không nhập chữ, không nhập công thức.',
    'Tài liệu kiểm chứng: ghi số, ký hiệu, ngày ban hành văn bản và trang/mục làm căn cứ cho điểm đã chấm.',
    'Giải trình: ghi lý do khi không có tài liệu kiểm chứng hoặc khi tự chấm thấp hơn điểm tối đa.',
    `Các tiêu chí ghi "${SURVEY_MARK}" do Sở Nội vụ chấm từ kết quả điều tra xã hội học: đơn vị không tự chấm.`,
    `Các tiêu chí ghi "${NOT_APPLICABLE_MARK}" không tính cho đơn vị và không tính vào điểm tối đa.`,
    'Cột "Điểm thẩm định" và "Ý kiến thẩm định" do Hội đồng thẩm định điền.',
    'Cột "Kiểm tra" báo những dòng nhập sai (kể cả khi dán giá trị từ nơi khác): sửa hết trước khi gửi.',
    'Không chèn, xóa hay di chuyển dòng, không sửa cột "Mã" và "Điểm tối đa", không đổi tên trang: ' +
      'tệp bị sửa cấu trúc sẽ bị trả lại khi tổng hợp.',
    'Tổng điểm trên trang chỉ để tham khảo: Sở Nội vụ tính lại toàn bộ từ các điểm đã nhập.',
    'In trang "Chấm điểm" (khổ A4 ngang), thủ trưởng đơn vị ký, đóng dấu; gửi bản giấy kèm tệp Excel này.',
  ];
  steps.forEach((text, i) => {
    b.set(row, 1, { value: `Bước ${i + 1}`, style: 'guideLabel' });
    b.set(row, 2, { value: text, style: 'guideText' });
    b.fitRow(row, [{ text, width: 100 }]);
    row += 1;
  });
  row += 1;
  b.set(row, 1, { value: 'KÝ HIỆU', style: 'subtitle' });
  row += 1;
  const legend: [string, 'input' | 'surveyMark' | 'notApplicable' | 'check', string][] = [
    ['Ô nhập liệu', 'input', 'Ô đơn vị (hoặc Hội đồng thẩm định) được nhập.'],
    [SURVEY_MARK, 'surveyMark', 'Tiêu chí chấm bằng điều tra xã hội học.'],
    [NOT_APPLICABLE_MARK, 'notApplicable', 'Tiêu chí không áp dụng cho nhóm của đơn vị.'],
    ['Kiểm tra', 'check', 'Nội dung cần sửa trong dòng.'],
  ];
  for (const [label, style, text] of legend) {
    b.set(row, 1, { value: label, style });
    b.set(row, 2, { value: text, style: 'guideText' });
    row += 1;
  }

  b.sheet.protection = { password: '', allowFormatColumns: true, allowFormatRows: true };
  b.sheet.print = {
    paper: 'A4',
    orientation: 'portrait',
    fitToWidth: true,
    footer: unitPageFooter(unit.name),
  };
  return { sheet: b.sheet, deadlineRow };
}
