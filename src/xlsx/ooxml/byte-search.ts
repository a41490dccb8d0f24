/**
 * Searching a part's bytes for ASCII marks. UTF-8 never uses an ASCII byte inside a multi-byte
 * character, so a mark found in the bytes is where it is in the decoded text.
 */

/** An ASCII mark as bytes. */
export function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** Whether the ASCII `pattern` is in `bytes` at `at`. */
export function bytesAt(bytes: Uint8Array, pattern: Uint8Array, at: number): boolean {
  if (at < 0 || at + pattern.length > bytes.length) return false;
  for (let j = 0; j < pattern.length; j++) if (bytes[at + j] !== pattern[j]) return false;
  return true;
}

/**
 * A mark to look for far ahead (Horspool): each miss moves by up to the mark's length, so the
 * ~37 KB of data validations a template's sheet ends with are passed in ~2,000 steps, not a byte
 * or a "<" at a time.
 */
export class FarMark {
  readonly bytes: Uint8Array;
  private readonly shift = new Uint8Array(256);

  constructor(text: string) {
    this.bytes = asciiBytes(text);
    const m = this.bytes.length;
    if (m === 0 || m > 255) throw new RangeError(`mark length ${m}`);
    this.shift.fill(m);
    for (let j = 0; j < m - 1; j++) this.shift[this.bytes[j]] = m - 1 - j;
  }

  /** Where the mark first starts in `bytes` at or after `from`; -1 when nowhere. */
  indexIn(bytes: Uint8Array, from: number): number {
    const mark = this.bytes;
    const last = mark.length - 1;
    const lastByte = mark[last];
    for (let i = Math.max(0, from) + last; i < bytes.length; i += this.shift[bytes[i]]) {
      if (bytes[i] !== lastByte) continue;
      let j = last - 1;
      while (j >= 0 && bytes[i - last + j] === mark[j]) j--;
      if (j < 0) return i - last;
    }
    return -1;
  }
}
