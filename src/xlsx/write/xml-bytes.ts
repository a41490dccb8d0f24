/**
 * A sheet's XML appended as UTF-8 bytes, not as strings. Made as strings, each row was a chain of
 * pieces (every cell's reference, style and value) flattened into one two-byte string per 64K
 * characters and then encoded: ~115 of the 320 MB the ranking workbook's writer allocated for
 * 3,000 units (sampling heap profile), and a third of its young collections. Bytes are the same
 * as TextEncoder's for the same text;
 * `chars` counts UTF-16 units, so a chunk ends where the string version's did.
 */
export class XmlBytes {
  private bytes = new Uint8Array(1 << 18);
  private at = 0;
  /** UTF-16 units appended since the last `take`. */
  chars = 0;
  private readonly encoder = new TextEncoder();

  private room(n: number): void {
    if (this.at + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.at + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
  }

  /** Any text (already escaped for XML); ASCII is copied unit by unit, the rest encoded. */
  text(s: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair: 4 bytes for 2 units).
    this.room(s.length * 3);
    const b = this.bytes;
    let at = this.at;
    let i = 0;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) break;
      b[at++] = c;
    }
    if (i < s.length) at += this.encoder.encodeInto(i === 0 ? s : s.slice(i), b.subarray(at)).written;
    this.at = at;
    this.chars += s.length;
  }

  /** A number as `String(n)` writes it (integers without making their string). */
  number(n: number): void {
    if (!Number.isInteger(n) || Math.abs(n) > 0x3fffffff) return this.text(String(n));
    this.room(11);
    let v = n;
    if (v < 0) {
      this.bytes[this.at++] = 0x2d;
      this.chars++;
      v = -v;
    }
    let digits = 1;
    for (let t = v; t >= 10; t = Math.floor(t / 10)) digits++;
    for (let k = digits - 1, t = v; k >= 0; k--, t = Math.floor(t / 10))
      this.bytes[this.at + k] = 0x30 + (t % 10);
    this.at += digits;
    this.chars += digits;
  }

  /** The bytes appended so far, as an array of their own; the buffer starts again. */
  take(): Uint8Array {
    const out = this.bytes.slice(0, this.at);
    this.at = 0;
    this.chars = 0;
    return out;
  }
}
