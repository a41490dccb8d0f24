/** The far search for an ASCII mark (byte-search.ts FarMark) finds what a plain search finds. */
import fc from 'fast-check';
import { FarMark, asciiBytes } from '../../src/xlsx/ooxml/byte-search';

function naive(bytes: Uint8Array, mark: Uint8Array, from: number): number {
  for (let i = Math.max(0, from); i + mark.length <= bytes.length; i++) {
    let j = 0;
    while (j < mark.length && bytes[i + j] === mark[j]) j++;
    if (j === mark.length) return i;
  }
  return -1;
}

describe('FarMark', () => {
  it('finds the first occurrence at or after a position, as a plain search does', () => {
    // A small alphabet so that marks, near misses and overlaps are common.
    const text = fc
      .array(fc.constantFrom('<', '/', 'd', 'a', 'V', '>', 'ệ'), { maxLength: 120 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        text,
        fc
          .array(fc.constantFrom('<', '/', 'd', 'a', 'V', '>'), { minLength: 1, maxLength: 6 })
          .map((cs) => cs.join('')),
        fc.nat(130),
        (t, m, from) => {
          const bytes = new TextEncoder().encode(t);
          const mark = new FarMark(m);
          expect(mark.indexIn(bytes, from)).toBe(naive(bytes, asciiBytes(m), from));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('finds the end of a data validations element past Vietnamese prompts', () => {
    const prompt = 'Chọn mức: Đạt/Không đạt — tiêu chí được chấm theo văn bản </dataValidation>';
    const xml = `<dataValidations count="9">${`<dataValidation prompt="${prompt}"/>`.repeat(9)}</dataValidations><x/>`;
    const bytes = new TextEncoder().encode(xml);
    const at = new FarMark('</dataValidations>').indexIn(bytes, 0);
    expect(new TextDecoder().decode(bytes.subarray(at))).toBe('</dataValidations><x/>');
    expect(new FarMark('</dataValidations>').indexIn(bytes, at + 1)).toBe(-1);
  });
});
