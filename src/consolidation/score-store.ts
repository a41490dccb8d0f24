/**
 * Where a consolidation keeps each unit's numbers from reading its file to writing the ranking:
 * the scores kept of the file (kept-values.ts) and the totals of its detail (unit-detail.ts),
 * ~0.8 KB per unit. They are written one after the other into pages of bytes; a page that is full
 * goes to a `PageKeeper`, which holds it in memory (the task pane, tests) or writes it out (the
 * CLI: a temporary file, src/cli/consolidate/temp-file-pages.ts), so 3,000 units' numbers are not
 * in the process's memory while the ranking is written. Each handle's place (page, offset,
 * length, kind) is four integers in one table; there is no object per unit. A read gives a copy,
 * so what a caller does with it never changes what is kept.
 */
import type { KeptValues } from './kept-values';

export interface ScoreStore {
  /**
   * Keeps a copy of `values` and gives the handle to read them by. With `over`, the handle of
   * values of the same kind and length, they are written over those (and `over` is given back).
   */
  keep(values: KeptValues, over?: number): number;
  /** A copy of the values kept under `at`. */
  read(at: number): KeptValues;
}

/** Where the full pages of a PagedScoreStore go. */
export interface PageKeeper {
  /** Takes page `index` (its first `used` bytes); gives the buffer the next page is written into. */
  put(index: number, page: Uint8Array, used: number): Uint8Array;
  /** Copies bytes of page `index` from `offset` into `into` (all of it). */
  get(index: number, offset: number, into: Uint8Array): void;
  /** Writes `bytes` into page `index` at `offset` (values written over). */
  patch(index: number, offset: number, bytes: Uint8Array): void;
}

/** A page's size; a larger set of values gets a page of its own size. */
export const PAGE_BYTES = 1 << 16;
/** The first page starts this small and doubles up to PAGE_BYTES: a store of one detail stays small. */
const FIRST_PAGE_BYTES = 1 << 12;

const INT16 = 0;
const FLOAT64 = 1;
/** Per handle in the table: page, byte offset, number of values, kind. */
const FIELDS = 4;

function bytesOf(values: KeptValues): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

export class PagedScoreStore implements ScoreStore {
  private table = new Int32Array(FIELDS * 256);
  private count = 0;
  private page: Uint8Array;
  private pageIndex = 0;
  private used = 0;

  constructor(
    private readonly keeper: PageKeeper,
    private readonly pageBytes = PAGE_BYTES,
  ) {
    this.page = new Uint8Array(Math.min(FIRST_PAGE_BYTES, pageBytes));
  }

  keep(values: KeptValues, over?: number): number {
    const kind = values instanceof Float64Array ? FLOAT64 : INT16;
    const bytes = bytesOf(values);
    if (over !== undefined && this.kindOf(over) === kind && this.lengthOf(over) === values.length) {
      this.patch(over, bytes);
      return over;
    }
    const at = this.room(bytes.length);
    this.page.set(bytes, at);
    this.used = at + bytes.length;
    return this.note(this.pageIndex, at, values.length, kind);
  }

  read(at: number): KeptValues {
    if (!(at >= 0 && at < this.count)) throw new RangeError(`Không có số liệu đã giữ số ${at}.`);
    const t = at * FIELDS;
    const page = this.table[t];
    const offset = this.table[t + 1];
    const length = this.table[t + 2];
    const out = this.table[t + 3] === FLOAT64 ? new Float64Array(length) : new Int16Array(length);
    const into = bytesOf(out);
    if (page === this.pageIndex) into.set(this.page.subarray(offset, offset + into.length));
    else this.keeper.get(page, offset, into);
    return out;
  }

  private kindOf(at: number): number {
    return this.table[at * FIELDS + 3];
  }

  private lengthOf(at: number): number {
    return this.table[at * FIELDS + 2];
  }

  private patch(at: number, bytes: Uint8Array): void {
    const page = this.table[at * FIELDS];
    const offset = this.table[at * FIELDS + 1];
    if (page === this.pageIndex) this.page.set(bytes, offset);
    else this.keeper.patch(page, offset, bytes);
  }

  /** Where `size` bytes go: in the open page (grown while it is the small first one), or a new page. */
  private room(size: number): number {
    // 8-byte aligned, as a Float64Array would be.
    const at = (this.used + 7) & ~7;
    if (at + size <= this.page.length) return at;
    if (this.page.length < this.pageBytes && this.pageIndex === 0 && at + size <= this.pageBytes) {
      let length = this.page.length;
      while (length < at + size) length *= 2;
      const grown = new Uint8Array(Math.min(length, this.pageBytes));
      grown.set(this.page.subarray(0, this.used));
      this.page = grown;
      return at;
    }
    const next = this.keeper.put(this.pageIndex, this.page, this.used);
    this.pageIndex++;
    this.used = 0;
    this.page =
      next.length >= size && next.length >= this.pageBytes
        ? next
        : new Uint8Array(Math.max(size, this.pageBytes));
    return 0;
  }

  private note(page: number, offset: number, length: number, kind: number): number {
    if ((this.count + 1) * FIELDS > this.table.length) {
      const grown = new Int32Array(this.table.length * 2);
      grown.set(this.table);
      this.table = grown;
    }
    this.table.set([page, offset, length, kind], this.count * FIELDS);
    return this.count++;
  }
}

/** Full pages kept as they are, in memory. */
export class MemoryPages implements PageKeeper {
  private readonly pages: Uint8Array[] = [];

  put(index: number, page: Uint8Array, used: number): Uint8Array {
    this.pages[index] = page.subarray(0, used);
    return new Uint8Array(page.length);
  }

  get(index: number, offset: number, into: Uint8Array): void {
    into.set(this.pages[index].subarray(offset, offset + into.length));
  }

  patch(index: number, offset: number, bytes: Uint8Array): void {
    this.pages[index].set(bytes, offset);
  }
}

/** A store whose pages stay in memory. */
export function memoryScoreStore(): ScoreStore {
  return new PagedScoreStore(new MemoryPages());
}
