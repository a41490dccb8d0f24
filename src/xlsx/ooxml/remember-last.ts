/**
 * What the direct reader remembers between the returns of a consolidation: readings of a part's
 * text (rememberLast), and the helpers of the readings remembered by their bytes (side parts in
 * workbook.ts, shared strings, formula texts in cell-scan.ts).
 *
 * rememberLast: a pure reading of one part's text that remembers its last few answers. The returned workbooks
 * of a consolidation come from one framework's templates, so styles.xml, workbook.xml and its
 * relationships are the same few texts file after file: comparing the text is far cheaper than
 * tokenizing it again (~4 % of a consolidation, CPU profile of 1,500 bench files). A few, not
 * one: the templates of a framework's groups (sở, huyện…) differ in styles.xml, and returns
 * arrive in any order, so one slot missed on nearly every file (bench returns alternate between
 * two: 0.19 ms per file). The answers are shared between files: callers only read them. A
 * reading that throws is not remembered.
 */
const SLOTS = 4;

export function rememberLast<T>(read: (xml: string) => T): (xml: string) => T {
  /** Most recently used first; at most SLOTS. */
  const remembered: { xml: string; answer: T }[] = [];
  return (xml) => {
    for (let i = 0; i < remembered.length; i++) {
      const slot = remembered[i];
      if (slot.xml !== xml) continue;
      if (i > 0) {
        remembered.splice(i, 1);
        remembered.unshift(slot);
      }
      return slot.answer;
    }
    const answer = read(xml);
    remembered.unshift({ xml, answer });
    if (remembered.length > SLOTS) remembered.pop();
    return answer;
  };
}

/**
 * Whether `kept` holds exactly bytes [start, end) of `bytes`: the check every reading remembered
 * by its bytes makes before it hands back what it remembered (a shared hash only costs a decode).
 */
export function sameBytes(kept: Uint8Array, bytes: Uint8Array, start = 0, end = bytes.length): boolean {
  if (kept.length !== end - start) return false;
  for (let i = 0; i < kept.length; i++) if (kept[i] !== bytes[start + i]) return false;
  return true;
}

/**
 * Values remembered by the bytes they were read from (a formula's or a shared string's text):
 * the bytes are copied into one pool, not an ArrayBuffer each. (An ArrayBuffer per shared string
 * held ~5 MB more at the peak of a 1,000-file consolidation, measured: each unit brings a few new
 * strings, and each buffer is freed only by a full collection.) A value is handed back only for
 * the very same bytes. Only bytes met a second time are kept: a unit's own strings (its name,
 * code, timestamp) come once and would only churn the pool; their keys alone are noted. Bounded:
 * when `max` values are held or the pool is full, all are forgotten (the noted keys at 4 × max).
 */
export class RememberedByBytes<T> {
  private pool = new Uint8Array(1 << 16);
  private used = 0;
  private readonly slots = new Map<number, { at: number; length: number; value: T }>();
  /** Keys of bytes met once, not kept. */
  private readonly seen = new Set<number>();

  constructor(private readonly max: number) {}

  get(key: number, bytes: Uint8Array, start: number, end: number): T | undefined {
    const slot = this.slots.get(key);
    if (!slot || slot.length !== end - start) return undefined;
    const pool = this.pool;
    for (let i = 0; i < slot.length; i++) if (pool[slot.at + i] !== bytes[start + i]) return undefined;
    return slot.value;
  }

  set(key: number, bytes: Uint8Array, start: number, end: number, value: T): void {
    const length = end - start;
    if (length > this.pool.length >> 2) return; // a text this long is not worth a quarter of the pool
    if (!this.seen.has(key)) {
      if (this.seen.size >= 4 * this.max) this.seen.clear();
      this.seen.add(key);
      return;
    }
    if (this.slots.size >= this.max || this.used + length > this.pool.length) {
      this.slots.clear();
      this.used = 0;
    }
    this.pool.set(bytes.subarray(start, end), this.used);
    this.slots.set(key, { at: this.used, length, value });
    this.used += length;
  }
}

/**
 * Elements of parts read before, found again in the part being read by one comparison each. The
 * returns of a consolidation come from a few templates and list the same elements (shared
 * strings, check formulas) in the same order, with each unit's own among them where they first
 * appear, and Excel keeps that order when it saves. So each element is looked for in a kept part
 * just after the last element found there (LOOKAHEAD places on: an element the part lacks is
 * passed over; one it added is read anew, and the next is found again). An element is given as
 * bytes that end with its closing tag, and its text holds no "<": equal bytes are the whole
 * element, and it reads as the value kept for it (no hashing, lookup or decoding).
 *
 * A reader calls `begin` before a part, `find` at each element, `note` for each element it had
 * to read itself (a found one is noted by `find`), and `end` after a part it read through. A part is kept when fewer than half of
 * its elements were found in the kept ones (the first of a template), as a copy of its elements'
 * bytes (a view would keep its whole return alive): at most KNOWN_PARTS, none whose elements
 * come to more than KNOWN_PART_BYTES.
 */
const KNOWN_PARTS = 4;
const KNOWN_PART_BYTES = 1 << 20;
const LOOKAHEAD = 3;
/** Bounds of this many elements are kept between parts (16 KB each array); beyond, made anew. */
const RECORDED_KEPT = 4096;

interface KnownPart<T> {
  bytes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  values: readonly T[];
  /** The index after the element last found in this part, in the part being read. */
  next: number;
}

export class RepeatedElements<T> {
  private parts: KnownPart<T>[] = [];
  /** The length of the element `find` found last. */
  matchedLength = 0;
  // The part being read: its elements' bounds and values, and how many were found.
  private starts: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private ends: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private values: T[] = [];
  private found = 0;

  begin(): void {
    for (const p of this.parts) p.next = 0;
    this.values.length = 0;
    this.found = 0;
    // A part of very many elements (as many as the read limits allow) leaves no large arrays behind.
    if (this.starts.length > RECORDED_KEPT) {
      this.starts = new Int32Array(1024);
      this.ends = new Int32Array(1024);
    }
  }

  /** The value of the kept element whose bytes are those at `at` (up to `limit`), noted as read; undefined when none. */
  find(bytes: Uint8Array, at: number, limit = bytes.length): T | undefined {
    const parts = this.parts;
    for (let t = 0; t < parts.length; t++) {
      const p = parts[t];
      const last = Math.min(p.next + LOOKAHEAD, p.values.length);
      for (let k = p.next; k < last; k++) {
        const s = p.starts[k];
        const length = p.ends[k] - s;
        if (at + length > limit) continue;
        const kept = p.bytes;
        let j = 0;
        while (j < length && kept[s + j] === bytes[at + j]) j++;
        if (j < length) continue;
        p.next = k + 1;
        this.matchedLength = length;
        this.found++;
        this.note(at, at + length, p.values[k]);
        if (t > 0) {
          // The part that answers is asked first next time.
          parts.splice(t, 1);
          parts.unshift(p);
        }
        return p.values[k];
      }
    }
    return undefined;
  }

  note(start: number, end: number, value: T): void {
    const k = this.values.length;
    if (k >= this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
    }
    this.starts[k] = start;
    this.ends[k] = end;
    this.values.push(value);
  }

  end(bytes: Uint8Array): void {
    const count = this.values.length;
    if (2 * this.found >= count) return;
    let size = 0;
    for (let k = 0; k < count; k++) size += this.ends[k] - this.starts[k];
    if (size > KNOWN_PART_BYTES) return;
    // Only the elements' bytes, one after another (a sheet's formulas: ~12 KB of its ~110 KB).
    const kept = new Uint8Array(size);
    const starts = new Int32Array(count);
    const ends = new Int32Array(count);
    let at = 0;
    for (let k = 0; k < count; k++) {
      kept.set(bytes.subarray(this.starts[k], this.ends[k]), at);
      starts[k] = at;
      at += this.ends[k] - this.starts[k];
      ends[k] = at;
    }
    this.parts.unshift({ bytes: kept, starts, ends, values: this.values.slice(), next: 0 });
    if (this.parts.length > KNOWN_PARTS) this.parts.pop();
  }
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
