/**
 * The shared strings' indexOf path (plainSharedStrings) against the tokenizer it shortcuts, on
 * random xl/sharedStrings.xml mixing the plain shape with what it must leave to the tokenizer
 * (rich text, phonetic runs, comments hiding an <si>, other attributes, a self-closing <t>,
 * entities, `_x000D_` escapes, stray "&", an <extLst>): whenever it answers, the tokenizer gives
 * the same strings; parseSharedStrings always answers as the tokenizer does (strings or the same
 * refusal); and the plain shape is answered, so the property is not met by giving up everywhere.
 */
import fc from 'fast-check';
import {
  parseSharedStrings,
  plainSharedStrings,
  tokenizedSharedStrings,
} from '../../src/xlsx/ooxml/shared-strings';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../../src/xlsx/read-limits';

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
});
