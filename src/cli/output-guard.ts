/**
 * Inputs are never written: an output that is an input — by the same path, through a symbolic or
 * hard link, by case (Windows, macOS) or by Unicode form (NFC/NFD, macOS) — is refused before
 * anything is read or written.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UserError } from './errors';

export interface NamedInput {
  /** The path as the user gave it (shown in the message). */
  path: string;
  /** "bảng xếp hạng kỳ trước", "tệp điều tra XHH", "bảng chấm điểm đã nộp"… */
  what: string;
}

/** The path with its existing part resolved (links followed); a missing tail is kept as given. */
function realish(full: string): string {
  const tail: string[] = [];
  let p = full;
  for (;;) {
    try {
      const real = realpathSync.native(p);
      return tail.length ? resolve(real, ...tail.reverse()) : real;
    } catch {
      const parent = dirname(p);
      if (parent === p) return full;
      tail.push(basename(p));
      p = parent;
    }
  }
}

/** Equal on a case-insensitive, normalisation-insensitive file system (the strictest we may meet). */
function foldKey(path: string): string {
  return path.normalize('NFC').toLocaleLowerCase('und').normalize('NFC');
}

function identity(full: string): { key: string; ino: string | null } {
  let ino: string | null = null;
  try {
    const st = statSync(full);
    ino = `${st.dev}:${st.ino}`;
  } catch {
    ino = null;
  }
  return { key: foldKey(realish(full)), ino };
}

/** The input that `output` would overwrite, if any. */
export function collidingInput(
  output: string,
  inputs: readonly NamedInput[],
  cwd: string,
): NamedInput | null {
  const out = identity(resolve(cwd, output));
  for (const input of inputs) {
    const id = identity(resolve(cwd, input.path));
    if (id.key === out.key || (id.ino !== null && id.ino === out.ino)) return input;
  }
  return null;
}

/** Throws (exit 2) when an output is an input, or two outputs are the same file. */
export function refuseOutputOverInput(
  outputs: readonly NamedInput[],
  inputs: readonly NamedInput[],
  cwd: string,
): void {
  outputs.forEach((o, i) => {
    const hit = collidingInput(o.path, [...inputs, ...outputs.slice(0, i)], cwd);
    if (!hit) return;
    const isOutput = outputs.includes(hit);
    throw new UserError(
      isOutput
        ? `${capitalize(o.what)} "${o.path}" trùng với ${hit.what} "${hit.path}": hãy đặt hai tên khác nhau.`
        : `Tệp kết quả trùng tệp đầu vào: ${o.what} "${o.path}" chính là ${hit.what} "${hit.path}"` +
            (o.path === hit.path ? '' : ' (cùng một tệp qua liên kết, chữ hoa/thường hoặc dạng Unicode)') +
            ': không ghi đè tệp đầu vào, hãy chọn tên khác.',
    );
  });
}

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}
