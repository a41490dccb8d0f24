/**
 * A small argument parser: `--flag value`, `--flag=value`, boolean flags, repeated flags and
 * positionals. Hand-written because the commands are few and the messages must be Vietnamese.
 */
import { UserError } from './errors';

export interface ParsedArgs {
  positionals: string[];
  /** Last value of each value flag. */
  values: Record<string, string>;
  /** Every value of each value flag, in order (for repeatable flags). */
  all: Record<string, string[]>;
  flags: Set<string>;
}

export interface ArgSpec {
  /** Flags that take a value, without dashes: ["framework", "o"]. */
  values?: string[];
  /** Boolean flags, without dashes: ["json"]. */
  booleans?: string[];
}

export function parseArgs(argv: string[], spec: ArgSpec): ParsedArgs {
  const valueFlags = new Set(spec.values ?? []);
  const boolFlags = new Set([...(spec.booleans ?? []), 'help', 'h']);
  const out: ParsedArgs = { positionals: [], values: {}, all: {}, flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    const m = /^--?([A-Za-z][\w-]*)(?:=(.*))?$/.exec(arg);
    if (!m) {
      out.positionals.push(arg);
      continue;
    }
    const [, name, inline] = m;
    if (boolFlags.has(name)) {
      if (inline !== undefined) throw new UserError(`Tùy chọn --${name} không nhận giá trị.`);
      out.flags.add(name);
    } else if (valueFlags.has(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UserError(`Tùy chọn --${name} cần một giá trị.`);
      out.values[name] = v;
      (out.all[name] ??= []).push(v);
    } else {
      throw new UserError(`Không biết tùy chọn "${arg}". Xem --help.`);
    }
  }
  return out;
}
