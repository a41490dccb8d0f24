/**
 * Entry point of the `cchc` command. Dispatches to the registered sub-commands, prints Vietnamese
 * messages on stderr, and never shows a stack trace for bad input (UserError) — an unexpected
 * failure prints one line asking for a report, with the detail only under CCHC_DEBUG=1.
 */
import type { CliIO, Command } from './command';
import { UserError } from './errors';
import { commands } from './registry';

const VERSION = '0.1.0';

function defaultIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
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

export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
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
    if (e instanceof UserError) {
      io.stderr(`cchc ${command.name}: ${e.message}\n`);
      return e.exitCode;
    }
    io.stderr(
      `cchc ${command.name}: lỗi không mong đợi: ${(e as Error)?.message ?? String(e)}\n` +
        'Xin báo lỗi này cho nhóm phát triển (đặt CCHC_DEBUG=1 để xem chi tiết).\n',
    );
    if (process.env.CCHC_DEBUG === '1') io.stderr(`${(e as Error)?.stack ?? ''}\n`);
    return 3;
  }
}
