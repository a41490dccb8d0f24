import fc from 'fast-check';
import { XmlBytes } from '../../src/xlsx/write/xml-bytes';

const piece = fc.oneof(
  fc.record({ text: fc.string({ unit: 'grapheme' }) }),
  // Lone surrogates and every other UTF-16 unit: encoded as TextEncoder does (U+FFFD).
  fc.record({ text: fc.string({ unit: 'binary' }) }),
  fc.record({ text: fc.constantFrom('Đơn vị số 1', '<c r="A1"', '\u{1F600}x', '\uD800', 'a\uDC00b') }),
  fc.record({ number: fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }) }),
  fc.record({ number: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
  fc.record({ number: fc.constantFrom(-0, 0, 1e21, 2 ** 31, -(2 ** 30), 0.1 + 0.2, 15.75) }),
);

describe('XmlBytes', () => {
  it('gives exactly the UTF-8 of the same text made as a string, and counts its UTF-16 units', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 4 }), (pieces, takes) => {
        const out = new XmlBytes();
        // Taken in a few chunks, as a sheet's text is: each chunk is its own text's bytes.
        const per = Math.ceil(pieces.length / takes) || 1;
        for (let start = 0; start < Math.max(1, pieces.length); start += per) {
          let text = '';
          for (const p of pieces.slice(start, start + per)) {
            if ('text' in p) {
              out.text(p.text);
              text += p.text;
            } else {
              out.number(p.number);
              text += String(p.number);
            }
          }
          expect(out.chars).toBe(text.length);
          expect(Buffer.from(out.take()).equals(Buffer.from(new TextEncoder().encode(text)))).toBe(true);
          expect(out.chars).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('grows past its first buffer without losing what came before', () => {
    const out = new XmlBytes();
    const line = 'Lĩnh vực 1: thiếu 0,50 (TĐG 0,50, chưa TĐ)\n';
    let text = '';
    for (let i = 0; i < 20_000; i++) {
      out.text(line);
      out.number(i);
      text += line + i;
    }
    expect(Buffer.from(out.take()).toString('utf8')).toBe(text);
  });
});
