/**
 * The sentence of consolidation.notYetAppraised, whose part after the file name is made once per
 * list of codes (messages.vi.ts): each file still gets its own name, and its own list's count and
 * first eight codes, whichever list was seen first.
 */
import { consolidationMessage } from '../../src/consolidation/messages.vi';

const said = (file: string, codes: string[]) =>
  consolidationMessage('consolidation.notYetAppraised', { file, codes }).message;

describe('consolidation.notYetAppraised', () => {
  const nine = ['1.1', '1.2', '2.1', '2.2', '3.1', '3.2', '4.1', '4.2', '5.1'];

  it('names the file, counts the codes and shows the first eight', () => {
    expect(said('so-tai-chinh.xlsx', nine)).toBe(
      '"so-tai-chinh.xlsx": 9 tiêu chí chưa có điểm thẩm định; dùng điểm tự đánh giá thay thế (1.1, 1.2, 2.1, 2.2, 3.1, 3.2, 4.1, 4.2, …).',
    );
    expect(said('xa-a.xlsx', ['6.1', '6.2'])).toBe(
      '"xa-a.xlsx": 2 tiêu chí chưa có điểm thẩm định; dùng điểm tự đánh giá thay thế (6.1, 6.2).',
    );
  });

  it('the same list again gives the same sentence for another file; another list its own', () => {
    const list = ['7.1', '7.2', '7.3'];
    const first = said('a.xlsx', list);
    expect(said('b.xlsx', list)).toBe(first.replace('"a.xlsx"', '"b.xlsx"'));
    expect(said('b.xlsx', [...list])).toBe(said('b.xlsx', list));
    expect(said('b.xlsx', ['7.1'])).toBe(
      '"b.xlsx": 1 tiêu chí chưa có điểm thẩm định; dùng điểm tự đánh giá thay thế (7.1).',
    );
  });
});
