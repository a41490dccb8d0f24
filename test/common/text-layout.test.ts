import fc from 'fast-check';
import { lineHeightPt, textWidthPt, wrappedLineCount } from '../../src/common/text-layout';

describe('Times New Roman text measure', () => {
  it('uses the real advance widths (digits 0.5 em, "m" 0.778 em, bold wider)', () => {
    expect(textWidthPt('0000', 12)).toBeCloseTo(24, 5);
    expect(textWidthPt('m', 10)).toBeCloseTo(7.78, 1);
    expect(textWidthPt('Điểm thẩm định', 12, { bold: true })).toBeGreaterThan(
      textWidthPt('Điểm thẩm định', 12),
    );
  });

  it('counts the horn letters wider than their base letters (ư, ơ)', () => {
    expect(textWidthPt('ư', 12)).toBeGreaterThan(textWidthPt('u', 12));
    // Decomposed input measures like composed input.
    expect(textWidthPt('Nội vụ'.normalize('NFD'), 12)).toBeCloseTo(textWidthPt('Nội vụ', 12), 6);
  });

  it('wraps at spaces, keeps hard breaks and breaks words longer than the line', () => {
    const w = textWidthPt('Ban hành kịp thời', 12);
    expect(wrappedLineCount('Ban hành kịp thời', w, 12)).toBe(1);
    expect(wrappedLineCount('Ban hành kịp thời', w - 1, 12)).toBe(2);
    expect(wrappedLineCount('a\nb\nc', 100, 12)).toBe(3);
    expect(wrappedLineCount('x'.repeat(30), textWidthPt('x'.repeat(10), 12), 12)).toBe(3);
  });

  it('gives Excel’s own 15.75 pt line for 12 pt', () => {
    expect(lineHeightPt(12)).toBe(15.75);
  });

  /** Characters of every kind the measure meets: in the table, decomposed, beyond it, astral, lone halves. */
  const CHARACTERS = [
    ...'aĐđươạệữỹ0 ',
    'Nội vụ'.normalize('NFD'),
    'Được ưu tiên'.normalize('NFD'),
    '\u0301',
    '\u0323',
    '\n',
    '\r\n',
    '–“”…',
    '漢',
    '\u212b',
    '😀',
    '\ud800',
    'x'.repeat(12),
  ];
  const texts = fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 40 }).map((parts) => parts.join(''));
  const styles = fc.constantFrom({}, { bold: true }, { italic: true }, { bold: true, italic: true });

  it('measures a character the table lacks as "m", an astral one once', () => {
    expect(textWidthPt('a😀b漢', 12)).toBe(textWidthPt('ambm', 12));
  });

  it('measures a text as the sum of its characters in NFC, to the last bit', () => {
    fc.assert(
      fc.property(texts, styles, (text, style) => {
        const perCharacter = [...text.normalize('NFC')].reduce((em, ch) => em + textWidthPt(ch, 1, style), 0);
        expect(textWidthPt(text, 10.5, style)).toBe(perCharacter * 10.5);
      }),
      { numRuns: 500 },
    );
  });

  it('wraps a text as it wraps the same words each normalised on its own', () => {
    // The text is normalised once, not word by word: the same lines either way, since NFC never
    // changes a space or a line end, nor composes across one.
    const wordByWord = (text: string) =>
      text
        .split(/(\r?\n| )/)
        .map((piece) => piece.normalize('NFC'))
        .join('');
    fc.assert(
      fc.property(texts, fc.integer({ min: 5, max: 200 }), styles, (text, width, style) => {
        expect(wrappedLineCount(text, width, 10, style)).toBe(
          wrappedLineCount(wordByWord(text), width, 10, style),
        );
      }),
      { numRuns: 500 },
    );
  });
});
