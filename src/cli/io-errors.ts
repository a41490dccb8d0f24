/**
 * Operating-system failures (a missing folder, no permission, a full disk…) as Vietnamese
 * sentences naming the path, with one exit code for all of them in every command.
 *
 * Exit codes of every `cchc` command: 0 done; 1 the input was read but has problems (rule errors,
 * no unit could be ranked — each command says which); 2 bad arguments or an input that cannot be
 * used; 3 a file or folder could not be read or written (EXIT_IO); 4 an unexpected internal error.
 */
import { UserError } from './errors';

export const EXIT_IO = 3;
export const EXIT_INTERNAL = 4;

export type IoAction = 'read' | 'write';

/** Duck-typed: errors from Node's fs may come from another realm (workers, vm, test runners). */
export function isErrnoException(e: unknown): e is NodeJS.ErrnoException {
  const code = typeof e === 'object' && e !== null ? (e as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) && typeof (e as Error).message === 'string';
}

const WRITE_SYSCALLS = new Set(['open', 'write', 'rename', 'mkdir', 'copyfile', 'unlink', 'close', 'fsync']);

/** The Vietnamese sentence for an errno failure on `path` (the path the user knows, not a temp file). */
export function ioErrorMessage(
  e: NodeJS.ErrnoException,
  path: string | undefined,
  action?: IoAction,
): string {
  const p = `"${path ?? e.path ?? 'tệp'}"`;
  const writing = action
    ? action === 'write'
    : e.syscall !== undefined && WRITE_SYSCALLS.has(e.syscall) && e.syscall !== 'open';
  const verb = writing ? 'ghi' : 'đọc';
  switch (e.code) {
    case 'ENOENT':
      return writing ? `Không ghi được ${p}: thư mục chứa nó không tồn tại.` : `Không tìm thấy ${p}.`;
    case 'EACCES':
    case 'EPERM':
      return `Không có quyền ${verb} ${p}.`;
    case 'ENOSPC':
      return `Không ghi được ${p}: ổ đĩa đã đầy.`;
    case 'EFBIG':
      return `Không ghi được ${p}: tệp vượt giới hạn kích thước tệp mà hệ thống cho phép.`;
    case 'EDQUOT':
      return `Không ghi được ${p}: đã hết hạn mức dung lượng của người dùng.`;
    case 'EISDIR':
      return `${p} là một thư mục, không phải tệp: không ${verb} được.`;
    case 'ENOTDIR':
      return `Không ${verb} được ${p}: một phần của đường dẫn là tệp, không phải thư mục.`;
    case 'EROFS':
      return `Không ghi được ${p}: ổ đĩa chỉ cho đọc.`;
    case 'EMFILE':
    case 'ENFILE':
      return `Không mở được ${p}: đang mở quá nhiều tệp cùng lúc; hãy đóng bớt chương trình rồi chạy lại.`;
    case 'ENAMETOOLONG':
      return `Không ${verb} được ${p}: tên tệp hoặc đường dẫn quá dài.`;
    case 'EEXIST':
      return `Không ghi được ${p}: đã có một tệp hoặc thư mục cùng tên.`;
    case 'EBUSY':
      return `Không ${verb} được ${p}: tệp đang được chương trình khác dùng (có thể đang mở trong Excel).`;
    case 'EIO':
      return `Lỗi đọc/ghi của ổ đĩa với ${p}.`;
    default:
      return `Không ${verb} được ${p} (mã lỗi hệ thống ${e.code}).`;
  }
}

/** A UserError with exit code 3 for an errno failure; other errors are returned unchanged. */
export function ioFailure(e: unknown, path: string, action: IoAction): unknown {
  if (e instanceof UserError) return e;
  if (isErrnoException(e)) return new UserError(ioErrorMessage(e, path, action), EXIT_IO);
  return e;
}
