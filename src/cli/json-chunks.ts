/**
 * `--json` written in pieces: byte for byte `JSON.stringify(value, null, 2)` plus a newline, but
 * the arrays (and MappedLists) directly under the top-level object are turned into text one
 * element at a time and handed to `write` in chunks of about 16K characters. A consolidation's
 * document is ~3 MB per 1,000 units, two bytes per character once a Vietnamese name is in it: as
 * one string it was the last thing to grow the command's memory (13 MB of heap at 3,000 units).
 * Chunks of 64K characters were each flattened (by terminalSafe, by the stream) into a 128 KB
 * string, past V8's largest ordinary object: every one took pages of its own until the next young
 * collection, 2–3 MB at the peak of `cchc consolidate --json` (heap spaces sampled at each
 * write). At 16K characters they stay ordinary young strings.
 */
const CHUNK_CHARS = 1 << 14;

/**
 * A top-level array whose elements are made as they are written: `--json` turns 3,000 file
 * records into their JSON shape one at a time instead of copying them all first (a copy of every
 * record and unit held at once, ~2 MB at 3,000 files, while the rest of the result is still
 * held). JSON.stringify sees the whole array (toJSON), so the text is the same either way.
 */
export class MappedList<T, U> {
  constructor(
    private readonly items: readonly T[],
    private readonly make: (item: T) => U,
  ) {}

  get length(): number {
    return this.items.length;
  }

  *[Symbol.iterator](): Generator<U> {
    for (const item of this.items) yield this.make(item);
  }

  toJSON(): U[] {
    return this.items.map(this.make);
  }
}

/** JSON.stringify(v, null, 2) of a value nested `depth` levels deep (continuation lines indented). */
function nested(v: unknown, depth: number): string {
  const text = JSON.stringify(v, null, 2) ?? 'null';
  // Formatting is the only source of newlines: strings escape theirs as \n.
  return text.replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/** Whether JSON.stringify leaves a property out (undefined, a function, a symbol). */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

export function writeJsonChunks(value: Record<string, unknown>, write: (chunk: string) => void): void {
  let pending = '';
  const put = (text: string) => {
    pending += text;
    if (pending.length >= CHUNK_CHARS) {
      write(pending);
      pending = '';
    }
  };
  const entries = Object.entries(value).filter(([, v]) => !omitted(v));
  if (!entries.length) put('{}');
  else {
    put('{\n');
    entries.forEach(([key, v], i) => {
      put(`  ${JSON.stringify(key)}: `);
      if ((Array.isArray(v) || v instanceof MappedList) && v.length) {
        put('[\n');
        let j = 0;
        for (const item of v as Iterable<unknown>) {
          put(`    ${omitted(item) ? 'null' : nested(item, 2)}${j < v.length - 1 ? ',' : ''}\n`);
          j++;
        }
        put('  ]');
      } else put(nested(v, 1));
      put(i < entries.length - 1 ? ',\n' : '\n');
    });
    put('}');
  }
  write(`${pending}\n`);
}
