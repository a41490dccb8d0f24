/**
 * The ScoreStore that keeps each unit's numbers from reading its file to writing the ranking
 * (src/consolidation/score-store.ts), in memory and in the CLI's temporary file
 * (src/cli/consolidate/temp-file-pages.ts): every handle reads back exactly the values kept under
 * it, whatever came before and after, across pages, with values written over, and a copy each time.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TempFilePages } from '../../src/cli/consolidate/temp-file-pages';
import type { KeptValues } from '../../src/consolidation/kept-values';
import { MemoryPages, PagedScoreStore } from '../../src/consolidation/score-store';

/** Kept values as the consolidation makes them: hundredths in an Int16Array, or any numbers. */
const keptValues: fc.Arbitrary<KeptValues> = fc.oneof(
  fc.array(fc.integer({ min: -32768, max: 32767 }), { maxLength: 400 }).map((a) => Int16Array.from(a)),
  fc
    .array(fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -0, 0.1 + 0.2)), { maxLength: 400 })
    .map((a) => Float64Array.from(a)),
);

type Step = { keep: KeptValues } | { over: number; with: KeptValues };

const steps: fc.Arbitrary<Step[]> = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: keptValues.map((v) => ({ keep: v })) },
    { weight: 1, arbitrary: fc.tuple(fc.nat(), keptValues).map(([over, v]) => ({ over, with: v })) },
  ),
  { minLength: 1, maxLength: 120 },
);

const same = (a: KeptValues, b: KeptValues) =>
  a.constructor === b.constructor && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/** Runs the steps on a store and checks every handle against what was kept under it. */
function check(store: PagedScoreStore, list: Step[]): void {
  const expected: KeptValues[] = [];
  for (const step of list) {
    if ('keep' in step) {
      expect(store.keep(step.keep)).toBe(expected.length);
      expected.push(step.keep.slice());
      continue;
    }
    if (!expected.length) continue;
    const over = step.over % expected.length;
    // Over values of the same kind and length it writes in place; else it keeps them anew.
    const fits =
      expected[over].constructor === step.with.constructor && expected[over].length === step.with.length;
    const at = store.keep(step.with, over);
    if (fits) {
      expect(at).toBe(over);
      expected[over] = step.with.slice();
    } else {
      expect(at).toBe(expected.length);
      expected.push(step.with.slice());
    }
  }
  expected.forEach((v, at) => expect(same(store.read(at), v)).toBe(true));
  // A copy each time: changing what was read changes nothing kept.
  if (expected.length && expected[0].length) {
    const read = store.read(0);
    read[0] = read[0] === 1 ? 2 : 1;
    expect(same(store.read(0), expected[0])).toBe(true);
  }
}

describe('PagedScoreStore', () => {
  // Small pages, so that a few hundred values already fill several, and one set can outgrow a page.
  it('in memory: every handle reads back its own values', () => {
    fc.assert(fc.property(steps, (list) => check(new PagedScoreStore(new MemoryPages(), 1024), list)));
  });

  it('in a temporary file: the same, and the file is gone from its folder while in use', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-store-'));
    try {
      fc.assert(
        fc.property(steps, (list) => {
          const pages = TempFilePages.open(dir);
          try {
            expect(pages.onDisk).toBe(true);
            check(new PagedScoreStore(pages, 1024), list);
            expect(readdirSync(dir)).toEqual([]);
          } finally {
            pages.close();
          }
        }),
        { numRuns: 60 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a handle it never gave is refused, not read as numbers', () => {
    const store = new PagedScoreStore(new MemoryPages());
    store.keep(Int16Array.of(1, 2, 3));
    expect(() => store.read(1)).toThrow(RangeError);
    expect(() => store.read(-1)).toThrow(RangeError);
  });
});

describe('TempFilePages', () => {
  it('keeps the pages in memory when no temporary file can be made, with the same numbers', () => {
    const pages = TempFilePages.open(join(tmpdir(), 'no-such-folder-cchc', 'deeper'));
    expect(pages.onDisk).toBe(false);
    const store = new PagedScoreStore(pages, 1024);
    const kept = Array.from({ length: 50 }, (_, i) =>
      Float64Array.from({ length: 30 }, (_, j) => i + j / 100),
    );
    const at = kept.map((v) => store.keep(v));
    at.forEach((h, i) => expect(same(store.read(h), kept[i])).toBe(true));
  });

  it('a page that cannot be read back is a Vietnamese error naming the file (exit 3), never numbers', () => {
    const pages = TempFilePages.open();
    const store = new PagedScoreStore(pages, 1024);
    const handles = Array.from({ length: 20 }, (_, i) =>
      store.keep(Float64Array.from({ length: 40 }, () => i)),
    );
    pages.close();
    let said: unknown;
    try {
      store.read(handles[0]);
    } catch (e) {
      said = e;
    }
    expect(said).toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/^Không đọc lại được điểm .*"\S+cchc-diem-\S+\.tmp"/),
    });
  });

  it('a page not written (a full disk) stays in memory; the pages written before are read from the file', () => {
    const real = fs.writeSync;
    let writes = 0;
    const spy = jest.spyOn(fs, 'writeSync').mockImplementation(((
      ...args: Parameters<typeof fs.writeSync>
    ) => {
      if (++writes > 2) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return (real as (...a: unknown[]) => number)(...args);
    }) as typeof fs.writeSync);
    try {
      const pages = TempFilePages.open();
      const store = new PagedScoreStore(pages, 1024);
      const kept = Array.from({ length: 12 }, (_, i) =>
        Float64Array.from({ length: 100 }, (_, j) => i * 1000 + j),
      );
      const at = kept.map((v) => store.keep(v));
      expect(writes).toBeGreaterThan(2);
      at.forEach((h, i) => expect(same(store.read(h), kept[i])).toBe(true));
      pages.close();
    } finally {
      spy.mockRestore();
    }
  });
});
