/**
 * Adapter failures with a Vietnamese message for the task pane. Office.js errors carry a `code`
 * (ItemNotFound, AccessDenied, …); they are translated here so the user never sees an English
 * stack trace, and the original is kept as `cause` for the developer console.
 */
export type ExcelFailure =
  | 'notTemplate'
  | 'unknownFramework'
  | 'sheetMissing'
  | 'protected'
  | 'sheetExists'
  | 'badAddress'
  | 'badInput'
  /** The host lacks the requirement set (or platform feature) this needs; the message says what works. */
  | 'unsupported'
  | 'office';

export class ExcelAdapterError extends Error {
  constructor(
    readonly reason: ExcelFailure,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'ExcelAdapterError';
  }
}

function officeCode(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

/** Runs an Office.js batch and turns its failures into ExcelAdapterError. */
export async function translated<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ExcelAdapterError) throw e;
    const code = officeCode(e);
    const detail = e instanceof Error ? e.message : String(e);
    switch (code) {
      case 'ItemNotFound':
        throw new ExcelAdapterError(
          'sheetMissing',
          `${what}: không tìm thấy trang hoặc ô cần dùng trong sổ làm việc.`,
          e,
        );
      case 'AccessDenied':
        throw new ExcelAdapterError(
          'protected',
          `${what}: trang tính đang được bảo vệ (có mật khẩu) nên không ghi được. Hãy bỏ bảo vệ trang rồi thử lại.`,
          e,
        );
      case 'InvalidArgument':
        throw new ExcelAdapterError('office', `${what}: Excel từ chối dữ liệu (${detail}).`, e);
      default:
        throw new ExcelAdapterError(
          'office',
          `${what}: Excel báo lỗi${code ? ` ${code}` : ''} (${detail}).`,
          e,
        );
    }
  }
}
