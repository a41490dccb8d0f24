/**
 * The `--framework` argument of every command: a built-in id ("an-giang-2022") or a path to a
 * framework JSON file. A framework that fails a check is refused here, naming the node, so no
 * command can make templates, validate or rank against a framework that does not add up; an
 * illustrative framework is announced on stderr every time it is used.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinFrameworkIds, getBuiltinFramework } from '../framework/builtins';
import { checkFramework } from '../framework/checks';
import { FrameworkError } from '../framework/errors';
import { parseFrameworkText } from '../framework/parse';
import type { Framework } from '../framework/schema';
import type { CliIO } from './command';
import { UserError } from './errors';
import { findInLibrary, rememberFramework } from './framework-library';

/** Reads and parses a framework file (schema only, no checks). Throws UserError. */
export function readFrameworkFile(path: string, io: Pick<CliIO, 'cwd'>): Framework {
  const full = resolve(io.cwd, path);
  if (!existsSync(full) || !statSync(full).isFile()) {
    throw new UserError(`Không tìm thấy tệp bộ tiêu chí "${path}".`);
  }
  try {
    return parseFrameworkText(readFileSync(full, 'utf8'), path);
  } catch (e) {
    if (e instanceof FrameworkError) throw new UserError(e.message);
    throw new UserError(`Không đọc được tệp bộ tiêu chí "${path}": ${(e as Error).message}`);
  }
}

/** The Vietnamese warning printed whenever an illustrative framework is used. */
export function illustrativeWarning(framework: Pick<Framework, 'id' | 'title' | 'status'>): string | null {
  if (framework.status !== 'illustrative') return null;
  return (
    `CẢNH BÁO: bộ tiêu chí "${framework.id}" là bản MINH HỌA, không phải văn bản chính thức ` +
    '(các tiêu chí dưới cấp lĩnh vực được soạn để minh họa). Không dùng để công bố kết quả.\n'
  );
}

/**
 * Resolves `--framework`: a built-in id first, else a file path (relative to io.cwd). Throws
 * UserError when it is neither, when the file is not a framework, or when a check fails.
 */
export function loadFrameworkArg(arg: string, io: CliIO): Framework {
  if (!arg) throw new UserError('Thiếu --framework: ghi mã bộ tiêu chí có sẵn hoặc đường dẫn tệp JSON.');
  let framework = getBuiltinFramework(arg);
  const source = framework ? `bộ tiêu chí có sẵn "${arg}"` : arg;
  if (!framework) {
    const full = resolve(io.cwd, arg);
    // An id remembered in the library (an imported framework) works like a built-in id.
    const remembered = existsSync(full) ? undefined : findInLibrary(arg);
    if (remembered) framework = remembered;
    else if (!existsSync(full)) {
      throw new UserError(
        `"${arg}" không phải mã bộ tiêu chí có sẵn (${builtinFrameworkIds().join(', ')}) cũng không phải tệp JSON có thật.`,
      );
    } else framework = readFrameworkFile(arg, io);
  }
  const fromFile = !getBuiltinFramework(arg);
  const problems = checkFramework(framework);
  if (problems.length) {
    const lines = problems.slice(0, 10).map((p) => `  - ${p.code ? `[${p.code}] ` : ''}${p.message}`);
    if (problems.length > 10)
      lines.push(`  … và ${problems.length - 10} lỗi khác (xem: cchc framework check ${arg})`);
    throw new UserError(
      `${source}: bộ tiêu chí không dùng được (${problems.length} lỗi), phải sửa trước khi dùng:\n${lines.join('\n')}`,
    );
  }
  const warning = illustrativeWarning(framework);
  if (warning) io.stderr(warning);
  // Used from a file: remembered by id + fingerprint, so its workbooks validate later without it.
  if (fromFile) rememberFramework(framework, io);
  return framework;
}

/**
 * The CLI's hint after the readers' front-end-neutral "… mà công cụ không có." (the pane gives its
 * own: import the framework on the "Tạo mẫu" tab).
 */
export const UNKNOWN_FRAMEWORK_HINT = 'Hãy chỉ ra tệp bộ tiêu chí bằng --framework.';

export function withFrameworkHint(rule: string, message: string): string {
  return rule === 'file.unknownFramework' ? `${message} ${UNKNOWN_FRAMEWORK_HINT}` : message;
}

/** `--framework` in every command's --help: one meaning everywhere. */
export const FRAMEWORK_OPTION_HELP = [
  '  --framework MÃ|TỆP.json  bộ tiêu chí để kiểm tra: mã có sẵn (cchc frameworks) hoặc tệp JSON',
  '                     (vd. bộ nhập từ phụ lục); tệp được tạo theo bộ khác bị báo lỗi',
];
