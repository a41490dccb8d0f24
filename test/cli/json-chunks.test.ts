/**
 * `--json` in pieces (src/cli/json-chunks.ts) is the very text of JSON.stringify(value, null, 2)
 * plus a newline, for any document: nested arrays and objects, empty ones, undefined and
 * functions left out or written as null where JSON.stringify does, toJSON, Vietnamese and control
 * characters in strings — and a large document does come in several chunks.
 */
import fc from 'fast-check';
import { MappedList, writeJsonChunks } from '../../src/cli/json-chunks';

function chunks(value: Record<string, unknown>): string[] {
  const out: string[] = [];
  writeJsonChunks(value, (c) => out.push(c));
  return out;
}

const leaf = fc.oneof(
  fc.string(),
  fc.constantFrom('Sở Tư pháp', 'dòng 1\ndòng 2', '\u001b[31m', '"', '\\'),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(() => 1),
  fc.date({ noInvalidDate: true }),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 4 }),
}));

describe('writeJsonChunks', () => {
  it('writes JSON.stringify(value, null, 2) and a newline, for any document', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), json.value, { maxKeys: 5 }), (doc) => {
        expect(chunks(doc).join('')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
      }),
      { numRuns: 1500 },
    );
  });

  it('sends a large document in pieces, none past 64 KB', () => {
    const units = Array.from({ length: 3000 }, (_, i) => ({ unit: `Đơn vị số ${i}`, rank: i, index: 80.5 }));
    const doc = { framework: { id: 'x' }, units, files: [], warnings: ['một'] };
    const out = chunks(doc);
    expect(out.join('')).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(out.length).toBeGreaterThan(3);
    expect(Math.max(...out.map((c) => c.length))).toBeLessThan(70_000);
  });

  it('writes a MappedList as the array it maps to, making each element only when it is written', () => {
    const items = Array.from({ length: 3000 }, (_, i) => i);
    let made = 0;
    const list = new MappedList(items, (i) => {
      made++;
      return { unit: `Đơn vị số ${i}`, rank: i };
    });
    const madeAtChunk: number[] = [];
    const out: string[] = [];
    writeJsonChunks({ units: list, files: new MappedList([], (x) => x) }, (c) => {
      madeAtChunk.push(made);
      out.push(c);
    });
    const plain = { units: items.map((i) => ({ unit: `Đơn vị số ${i}`, rank: i })), files: [] };
    expect(out.join('')).toBe(`${JSON.stringify(plain, null, 2)}\n`);
    expect(JSON.stringify({ units: list, files: [] }, null, 2)).toBe(JSON.stringify(plain, null, 2));
    // The first chunk went out before most elements were made.
    expect(madeAtChunk[0]).toBeLessThan(items.length / 2);
  });
});
