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
});
