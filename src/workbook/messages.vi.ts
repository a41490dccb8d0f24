/**
 * The Vietnamese sentences of the structure problems of a returned workbook (`scoresheetFromGrid`),
 * one template per key of problem-keys.ts, from the facts in `StructureParams`. The sentence is
 * whole (it names the sheet, code or column itself). The pane's English templates
 * (src/taskpane/messages.en.ts) are typed by the same `StructureParams`.
 */
import type { MessageTemplates } from '../common/message-templates';
import { cellText, showNumber } from '../scoring/read';
import type { CellValue } from '../scoring/types';
import type { StructureProblemKey } from './problem-keys';

/** A cell's content as found (never `undefined`: an empty cell is `null`). */
export type FoundValue = Exclude<CellValue, undefined>;

/**
 * A leaf's mark cell (`Không áp dụng`, `Điều tra XHH`) that no longer holds its mark: `holds` is
 * what replaced it (null: erased). Or a self-scored leaf's cell that holds a mark (`copiedOver`):
 * the row was overwritten by a copied one.
 */
export type MarkParams<Extra = object> =
  ({ code: string; mark: string; holds: FoundValue | null } & Extra) | { code: string; copiedOver: string };

/** The facts each structure problem carries. */
export type StructureParams = {
  'structure.headerMissing': { sheet: string };
  'structure.columnDuplicate': { title: string };
  'structure.columnMissing': { title: string; headerRow: number };
  'structure.textInCode': { text: string; row: number };
  'structure.codeUnknown': { code: string; frameworkId: string };
  'structure.codeDuplicate': { code: string; firstRow: number; row: number };
  /** `name`: the criterion's name as the framework has it, cut to 60 characters. */
  'structure.rowMissing': { code: string; name: string };
  'structure.rowOrder': { code: string };
  /** `expected`: the framework's maximum; `inFile`: the cell's formula or value. */
  'structure.maxChanged': {
    code: string;
    frameworkId: string;
    expected: number;
    inFile: { formula: string } | { value: FoundValue };
  };
  'structure.formulaInInput': { code: string; column: string; formula: string };
  'structure.applicabilityChanged': MarkParams<{ group: string }>;
  'structure.surveyMarkChanged': MarkParams;
  /**
   * Another framework (`fileFramework`), or another version of this one (`fileVersion`, null: not
   * said); `file` when consolidation says it of one of the files, against the framework the
   * majority of them were made from.
   */
  'structure.otherFramework':
    | { fileFramework: string; framework: string; file?: string }
    | { framework: string; fileVersion: string | null; version: string };
  'structure.formatVersion': { inFile: string; reads: string };
  /** `codeMissing`: the unit's code is not written either. */
  'structure.unitMissing': { sheet: string; codeMissing: boolean };
  'structure.unknownGroup': { group: string; frameworkId: string };
};

function markChanged(p: StructureParams['structure.surveyMarkChanged'], why: string): string {
  if ('copiedOver' in p)
    return `Tiêu chí ${p.code} do đơn vị tự chấm nhưng ô ghi "${p.copiedOver}": dòng đã bị chép đè.`;
  return (
    `Tiêu chí ${p.code} ${why}: ô phải ghi "${p.mark}"` +
    (p.holds !== null ? ` nhưng đang có "${cellText(p.holds)}".` : ' (dấu đã bị xóa).')
  );
}

export const STRUCTURE_VI: MessageTemplates<StructureParams> = {
  'structure.headerMissing': (p) =>
    `Không tìm thấy dòng tiêu đề có cột "Mã" và "Điểm tối đa" trên trang "${p.sheet}".`,
  'structure.columnDuplicate': (p) => `Cột "${p.title}" xuất hiện hai lần; chỉ đọc cột đầu tiên.`,
  'structure.columnMissing': (p) => `Thiếu cột "${p.title}" ở dòng tiêu đề ${p.headerRow}.`,
  'structure.textInCode': (p) =>
    `Cột "Mã" có nội dung "${p.text}" không phải mã tiêu chí; dòng ${p.row} được bỏ qua.`,
  'structure.codeUnknown': (p) =>
    `Mã "${p.code}" không có trong bộ tiêu chí ${p.frameworkId} (mã bị sửa hoặc dòng bị thêm).`,
  'structure.codeDuplicate': (p) => `Mã "${p.code}" xuất hiện hai lần (dòng ${p.firstRow} và dòng ${p.row}).`,
  'structure.rowMissing': (p) => `Thiếu dòng tiêu chí ${p.code} "${p.name}" (dòng bị xóa hoặc mã bị sửa).`,
  'structure.rowOrder': (p) => `Dòng tiêu chí ${p.code} đã bị di chuyển khỏi thứ tự của bộ tiêu chí.`,
  'structure.maxChanged': (p) =>
    `Điểm tối đa của tiêu chí ${p.code} đã bị sửa: bộ tiêu chí ${p.frameworkId} quy định ` +
    `${showNumber(p.expected)}, trong tệp là ${'formula' in p.inFile ? `công thức "=${p.inFile.formula}"` : `"${cellText(p.inFile.value)}"`}.`,
  'structure.formulaInInput': (p) =>
    `Tiêu chí ${p.code}, cột "${p.column}": ô chứa công thức "=${p.formula}"; chỉ được nhập giá trị.`,
  'structure.applicabilityChanged': (p) =>
    markChanged(p, 'copiedOver' in p ? '' : `không áp dụng cho nhóm "${p.group}"`),
  'structure.surveyMarkChanged': (p) => markChanged(p, 'chấm bằng điều tra XHH, đơn vị không tự chấm'),
  'structure.otherFramework': (p) =>
    'fileFramework' in p
      ? p.file !== undefined
        ? `"${p.file}" được tạo theo bộ tiêu chí "${p.fileFramework}", không phải "${p.framework}" đang tổng hợp.`
        : `Tệp được tạo theo bộ tiêu chí "${p.fileFramework}", không phải "${p.framework}".`
      : `Tệp được tạo từ một phiên bản khác của bộ tiêu chí "${p.framework}" ` +
        `(phiên bản trong tệp: ${p.fileVersion || 'không rõ'}, hiện hành: ${p.version}); ` +
        'hãy dùng mẫu mới.',
  'structure.formatVersion': (p) =>
    `Tệp mẫu định dạng phiên bản ${p.inFile}, công cụ này đọc phiên bản ${p.reads}.`,
  'structure.unitMissing': (p) =>
    `Trang "${p.sheet}" không ghi tên đơn vị (unitName)${p.codeMissing ? ' và mã đơn vị (unitCode)' : ''}: không biết tệp là của đơn vị nào; hãy dùng đúng mẫu đã phát cho đơn vị.`,
  'structure.unknownGroup': (p) =>
    `Nhóm đơn vị "${p.group}" trong tệp không có trong bộ tiêu chí ${p.frameworkId}.`,
};

/** A structure problem's key, facts and Vietnamese sentence: what a site that raises one writes. */
export function structureMessage<K extends StructureProblemKey>(
  rule: K,
  params: StructureParams[K],
): { rule: K; params: StructureParams[K]; message: string } {
  return { rule, params, message: STRUCTURE_VI[rule](params) };
}
