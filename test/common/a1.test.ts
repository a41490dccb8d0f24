import fc from 'fast-check';
import { cellAddress, columnLetters, columnNumber, quoteSheetName, splitSheet } from '../../src/common/a1';

describe('A1 addresses (the one codec of every layer)', () => {
  it('writes the column letters Excel writes', () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
    expect(cellAddress(12, 5)).toBe('E12');
  });

  it('reads letters back in either case, and round-trips every Excel column', () => {
    expect(columnNumber('xfd')).toBe(16384);
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (c) => columnNumber(columnLetters(c)) === c));
  });

  it('quotes sheet names as formulas need them and splits them back', () => {
    expect(quoteSheetName('Sheet_1')).toBe('Sheet_1');
    expect(quoteSheetName('Chấm điểm')).toBe("'Chấm điểm'");
    expect(quoteSheetName("Ý kiến's")).toBe("'Ý kiến''s'");
    expect(splitSheet("'Ý kiến''s'!A1:B2")).toEqual({ sheet: "Ý kiến's", local: 'A1:B2' });
    expect(splitSheet('E7')).toEqual({ sheet: null, local: 'E7' });
  });
});
