import { readingCopy } from '../../src/common/kept-text';

describe('readingCopy', () => {
  it('has exactly the characters of the text, for joined, short, empty and two-byte texts', () => {
    const tail = '49 tiêu chí chưa có điểm thẩm định; dùng điểm tự đánh giá thay thế (1.1, 1.2, …).';
    const texts = ['', 'a', 'ab', `"U0001.xlsx": ${tail}`, '\u{1F600} đơn vị', 'x'.repeat(5000)];
    for (const t of texts) expect(readingCopy(t)).toBe(t);
    // Read many times, the sentence and its copies stay the same text.
    const kept = `"U0002.xlsx": ${tail}`;
    expect(JSON.stringify({ m: readingCopy(kept) })).toBe(JSON.stringify({ m: kept }));
    expect(readingCopy(readingCopy(kept))).toBe(kept);
  });
});
