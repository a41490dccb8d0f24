/**
 * Entry point of the `cchc` command. Dispatches to the registered sub-commands, prints Vietnamese
 * messages on stderr, and never shows a stack trace: bad input (UserError) is its message, an
 * operating-system failure (missing folder, no permission, full disk…) a sentence naming the path
 * (exit 3, io-errors), anything else one line asking for a report (exit 4), with the detail only
 * under CCHC_DEBUG=1. Everything printed passes through `terminalSafe`: a unit or file name cannot
 * send escape sequences or bidi overrides to the terminal.
 */
import { terminalSafe } from '../common/clean-text';
import { PRODUCT_VERSION } from '../common/version';
import type { CliIO, Command } from './command';
import { UserError } from './errors';
import { EXIT_INTERNAL, EXIT_IO, ioErrorMessage, isErrnoException } from './io-errors';
import { commands } from './registry';

const VERSION = PRODUCT_VERSION;

function defaultIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}

/** The same IO with every chunk made safe for a terminal (and still valid JSON on stdout). */
function safeIO(io: CliIO): CliIO {
  return {
    ...io,
    stdout: (t) => io.stdout(terminalSafe(t)),
    stderr: (t) => io.stderr(terminalSafe(t)),
  };
}

/** The one sentence for a failure that escaped a command. */
function failureText(e: unknown): { text: string; code: number } {
  if (e instanceof UserError) return { text: e.message, code: e.exitCode };
  if (isErrnoException(e)) return { text: ioErrorMessage(e, e.path), code: EXIT_IO };
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return {
    text:
      `lỗi không mong đợi: ${message}\n` +
      'Xin báo lỗi này cho nhóm phát triển (đặt CCHC_DEBUG=1 để xem chi tiết).',
    code: EXIT_INTERNAL,
  };
}

let guardsInstalled = false;
/**
 * For the real process only: an error thrown outside the command's promise (a stream's 'error'
 * event nobody listened to) would otherwise print Node's stack trace.
 */
function installProcessGuards(io: CliIO): void {
  if (guardsInstalled) return;
  guardsInstalled = true;
  const die = (e: unknown) => {
    const { text, code } = failureText(e);
    io.stderr(`cchc: ${text}\n`);
    if (process.env.CCHC_DEBUG === '1') io.stderr(`${(e as Error)?.stack ?? ''}\n`);
    process.exit(code);
  };
  process.on('uncaughtException', die);
  process.on('unhandledRejection', die);
}

export function helpText(list: Command[] = commands): string {
  const width = Math.max(0, ...list.map((c) => c.name.length));
  const lines = list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'cchc — chấm điểm và xếp hạng Chỉ số cải cách hành chính (PAR INDEX)',
    '',
    'Cách dùng: cchc LỆNH [tùy chọn]   (cchc LỆNH --help để xem chi tiết)',
    '',
    'Các lệnh:',
    ...lines,
    '',
    'Tùy chọn chung: --help, --version',
    '',
    'Mã thoát chung: 0 xong; 1 đầu vào đọc được nhưng có lỗi (mỗi lệnh ghi rõ); 2 tham số sai hoặc tệp',
    'đầu vào không dùng được; 3 không đọc/ghi được tệp hoặc thư mục (thiếu thư mục, không có quyền, ổ đầy…);',
    '4 lỗi không mong đợi của chương trình.',
    '',
  ].join('\n');
}

/** Finds the longest command name matching the start of argv ("framework check" before "framework"). */
function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  const sorted = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of sorted) {
    const words = command.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return { command, rest: argv.slice(words.length) };
  }
  return null;
}

export async function main(argv: string[], given?: CliIO): Promise<number> {
  const io = safeIO(given ?? defaultIO());
  if (!given) installProcessGuards(io);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(helpText());
    return 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.stderr(`cchc: không có lệnh "${argv.slice(0, 2).join(' ')}".\n\n${helpText()}`);
    return 2;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    const { text, code } = failureText(e);
    io.stderr(`cchc ${command.name}: ${text}\n`);
    if (code === EXIT_INTERNAL && process.env.CCHC_DEBUG === '1') io.stderr(`${(e as Error)?.stack ?? ''}\n`);
    return code;
  }
}
