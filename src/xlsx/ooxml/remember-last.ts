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
 * FNV-1a's basis and prime, for the keys of readings remembered by their bytes: each reader
 * hashes a text's bytes in the loop that looks for its end ("h = Math.imul(h ^ byte, FNV_PRIME)").
 */
export const FNV_BASIS = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

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
