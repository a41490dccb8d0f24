import { matchHeader, type ColumnAliases } from '../../src/common/header-match';

type Key = 'code' | 'name' | 'max';
const lower = (t: string) => t.trim().toLowerCase();

describe('matchHeader (the one header-by-alias matcher)', () => {
  const aliases: ColumnAliases<Key> = [
    ['code', ['Mã', 'STT']],
    ['max', [/tối đa/]],
    ['name', ['Nội dung', /tiêu chí/]],
  ];

  it('finds each key by an exact alias (after normalising both sides) or a pattern, in any order', () => {
    const m = matchHeader(['  NỘI DUNG ', 'Điểm tối đa', 'stt'], aliases, lower);
    expect(m.index).toEqual({ name: 0, max: 1, code: 2 });
    expect(m.others).toEqual([]);
  });

  it('gives a title to the first key in alias order, and a key to the first title', () => {
    // "tiêu chí tối đa" matches max (tried first) and name; the second "Mã" finds code taken.
    const m = matchHeader(['Mã', 'tiêu chí tối đa', 'Mã', 'Tiêu chí'], aliases, lower);
    expect(m.index).toEqual({ code: 0, max: 1, name: 3 });
    expect(m.others).toEqual([2]);
  });

  it('lists the columns that took no key, empty titles included, so callers choose what to report', () => {
    const m = matchHeader(['Ghi chú', '', 'Mã'], aliases, lower);
    expect(m.index).toEqual({ code: 2 });
    expect(m.others).toEqual([0, 1]);
  });
});
