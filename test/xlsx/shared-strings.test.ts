/**
 * The shared strings' indexOf path (plainSharedStrings) against the tokenizer it shortcuts, on
 * random xl/sharedStrings.xml mixing the plain shape with what it must leave to the tokenizer
 * (rich text, phonetic runs, comments hiding an <si>, other attributes, a self-closing <t>,
 * entities, `_x000D_` escapes, stray "&", an <extLst>): whenever it answers, the tokenizer gives
 * the same strings; parseSharedStrings always answers as the tokenizer does (strings or the same
 * refusal); and the plain shape is answered, so the property is not met by giving up everywhere.
 * The part read as bytes (as the reader reads it, its strings remembered by their bytes between
 * parts) answers as the tokenizer on the text those bytes decode to, a BOM, bad UTF-8 and a
 * U+FEFF at a string's start among them.
 */
import fc from 'fast-check';
import {
  parseSharedStrings,
  parseSharedStringsBytes,
  plainSharedStrings,
  tokenizedSharedStrings,
} from '../../src/xlsx/ooxml/shared-strings';
import { concat } from '../../src/xlsx/write/zip-stream';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../../src/xlsx/read-limits';
import { UNCHANGED, edited, listEdit } from '../helpers/list-edits';

const HEAD = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">',
];

const PLAIN = [
  '<si><t>Mã</t></si>',
  '<si><t>Sở Tư pháp</t></si>',
  '<si><t xml:space="preserve"> Đơn vị: Sở &amp; Ban </t></si>',
  '<si><t></t></si>',
  '<si><t>dòng 1_x000D_\ndòng 2</t></si>',
  '<si><t>a\r\nb &#x1EA1; &lt;=5</t></si>',
  '\n',
];

const ODD = [
  '<si><r><t>Điểm</t></r><r><rPr><b/></rPr><t> tối đa</t></r></si>',
  '<si><t>Mã</t><rPh sb="0" eb="1"><t>ma</t></rPh></si>',
  '<!-- <si><t>ẩn</t></si> -->',
  '<si><t xml:space="default">x</t></si>',
  '<si><t/></si>',
  '<si ><t>y</t></si>',
  '<si><t>a & b</t></si>',
  '<si><t>&nbsp;</t></si>',
  '<si></si>',
  '<extLst><ext uri="x"/></extLst>',
  '<si><t>z</t ></si>',
];

function outcome(read: () => string[]): string[] | string {
  try {
    return read();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

const parts = fc.array(
  fc.oneof(
    { arbitrary: fc.constantFrom(...PLAIN), weight: 6 },
    { arbitrary: fc.constantFrom(...ODD), weight: 1 },
  ),
  { maxLength: 12 },
);

const small: ReadLimits = { ...DEFAULT_READ_LIMITS, maxSharedStrings: 4, maxCellTextChars: 12 };

describe('shared strings: indexOf path = tokenizer', () => {
  it('answers as the tokenizer whenever it answers, and parseSharedStrings always does', () => {
    fc.assert(
      fc.property(parts, fc.boolean(), fc.boolean(), (body, withLimits, tail) => {
        const xml = HEAD.join('') + body.join('') + (tail ? '</sst>' : '');
        const limits = withLimits ? small : DEFAULT_READ_LIMITS;
        const reference = outcome(() => tokenizedSharedStrings(xml, limits));
        expect(outcome(() => parseSharedStrings(xml, limits))).toEqual(reference);
        const fast = outcome(() => plainSharedStrings(xml, limits) ?? []);
        if (Array.isArray(fast) && plainSharedStrings(xml, limits) !== null) expect(fast).toEqual(reference);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the plain shape itself', () => {
    const xml = `${HEAD.join('')}${PLAIN.join('')}</sst>`;
    const fast = plainSharedStrings(xml);
    expect(fast).toEqual(tokenizedSharedStrings(xml));
    expect(fast).toEqual(['Mã', 'Sở Tư pháp', ' Đơn vị: Sở & Ban ', '', 'dòng 1\r\ndòng 2', 'a\nb ạ <=5']);
  });

  it('leaves rich text and a comment hiding an <si> to the tokenizer', () => {
    for (const odd of [ODD[0], ODD[2]]) {
      const xml = `${HEAD.join('')}${PLAIN[0]}${odd}</sst>`;
      expect(plainSharedStrings(xml)).toBeNull();
    }
    expect(parseSharedStrings(`${HEAD.join('')}${PLAIN[0]}${ODD[2]}</sst>`)).toEqual(['Mã']);
  });

  /** Bytes the text path never meets: a BOM, a lone continuation byte, a cut sequence, U+FEFF. */
  const RAW: Uint8Array[] = [
    Uint8Array.of(0xef, 0xbb, 0xbf),
    Uint8Array.of(0x80),
    Uint8Array.of(0xe1, 0xba),
    Uint8Array.of(0xef, 0xbb, 0xbf, 0x41),
  ];
  const encoder = new TextEncoder();

  const bytePart = fc.oneof(
    { arbitrary: fc.constantFrom(...PLAIN, ...ODD).map((t) => encoder.encode(t)), weight: 6 },
    {
      // The raw bytes at a string's start (where a decoder could take them for a BOM) or inside it.
      arbitrary: fc
        .tuple(fc.constantFrom(...RAW), fc.constantFrom('<si><t>', '<si><t>x'))
        .map(([r, open]) => concat([encoder.encode(open), r, encoder.encode('</t></si>')])),
      weight: 2,
    },
  );

  it('reads a part given as bytes as the tokenizer reads the text they decode to', () => {
    fc.assert(
      fc.property(
        fc.array(bytePart, { maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (body, bom, withLimits, tail) => {
          const bytes = concat([
            bom ? RAW[0] : new Uint8Array(0),
            encoder.encode(HEAD.join('')),
            ...body,
            encoder.encode(tail ? '</sst>' : ''),
          ]);
          const limits = withLimits ? small : DEFAULT_READ_LIMITS;
          const reference = outcome(() => tokenizedSharedStrings(new TextDecoder().decode(bytes), limits));
          expect(outcome(() => parseSharedStringsBytes(bytes, limits))).toEqual(reference);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads the returns of one template as the tokenizer, element after element repeating a part read before', () => {
    // Strings that begin as a base string does (one of the same length): only the whole
    // element's bytes may decide.
    const NEAR = [
      '<si><t>Mà</t></si>',
      '<si><t>Mã số</t></si>',
      '<si><t>Sở Tư pháp tỉnh</t></si>',
      '<si><t>Mã</t></si>\n',
    ];
    // A base part, then returns made from it: the same, a string replaced, one inserted or
    // removed, its order changed, sometimes cut short: each read in turn, the parts before remembered.
    const edit = fc.tuple(
      listEdit([...PLAIN, ...NEAR, ...ODD]),
      fc.integer({ min: 0, max: 11 }).map((n) => n === 0),
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PLAIN), { minLength: 1, maxLength: 12 }),
        fc.array(edit, { maxLength: 8 }),
        fc.boolean(),
        (base, edits, withLimits) => {
          const limits = withLimits ? small : DEFAULT_READ_LIMITS;
          for (const [e, cut] of [[UNCHANGED, false] as const, ...edits]) {
            const xml = HEAD.join('') + edited(base, e).join('') + (cut ? '' : '</sst>');
            const reference = outcome(() => tokenizedSharedStrings(xml, limits));
            expect(outcome(() => parseSharedStringsBytes(encoder.encode(xml), limits))).toEqual(reference);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('reads a string changed in one byte anew, not as the string it remembers', () => {
    const part = (name: string) =>
      encoder.encode(`${HEAD.join('')}<si><t>Mã</t></si><si><t>${name}</t></si></sst>`);
    expect(parseSharedStringsBytes(part('Phường Bình Đức'))).toEqual(['Mã', 'Phường Bình Đức']);
    expect(parseSharedStringsBytes(part('Phường Bình Đứa'))).toEqual(['Mã', 'Phường Bình Đứa']);
    expect(parseSharedStringsBytes(part('Phường Bình Đức'))).toEqual(['Mã', 'Phường Bình Đức']);
  });
});
