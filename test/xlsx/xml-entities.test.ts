/**
 * decodeFormulaXml remembers decodeXml's answers for formula text (the same check formulas come
 * back in every returned workbook): it must give decodeXml's answer for every text, whatever was
 * remembered before, and refuse what decodeXml refuses, every time.
 */
import fc from 'fast-check';
import { decodeFormulaXml, decodeXml } from '../../src/xlsx/ooxml/xml-entities';

const piece = fc.constantFrom(
  'A1',
  '&gt;',
  '&quot;',
  '&amp;',
  '&#65;',
  '&#x1F600;',
  'Điểm',
  '\r\n',
  '\r',
  ' ',
  '0',
);

describe('decodeFormulaXml', () => {
  it('answers as decodeXml for every text, asked in any order and again', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
          { maxLength: 20 },
        ),
        (texts) => {
          for (const raw of [...texts, ...texts.reverse()])
            expect(decodeFormulaXml(raw)).toBe(decodeXml(raw));
        },
      ),
    );
  });

  it('is not fooled by a text one character away from a remembered one', () => {
    const raw = 'TRIM(IF(LEN(E7)&gt;0,&quot;Điểm không hợp lệ&quot;,&quot;&quot;))';
    expect(decodeFormulaXml(raw)).toBe('TRIM(IF(LEN(E7)>0,"Điểm không hợp lệ",""))');
    expect(decodeFormulaXml(raw.replace('E7', 'E8'))).toBe('TRIM(IF(LEN(E8)>0,"Điểm không hợp lệ",""))');
    expect(decodeFormulaXml(raw.replace('&gt;', '&lt;'))).toBe('TRIM(IF(LEN(E7)<0,"Điểm không hợp lệ",""))');
  });

  it('refuses a stray "&" or an unknown entity each time it is asked, and keeps answering past its bound', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => decodeFormulaXml('A1&B1')).toThrow();
      expect(() => decodeFormulaXml('&nbsp;A1')).toThrow();
    }
    for (let i = 0; i < 5000; i++) expect(decodeFormulaXml(`A${i}&gt;0`)).toBe(`A${i}>0`);
    expect(decodeFormulaXml('A1&gt;0')).toBe('A1>0');
  });
});
