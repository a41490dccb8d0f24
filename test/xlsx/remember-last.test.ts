/** rememberLast (src/xlsx/ooxml/remember-last.ts): a part read once per distinct text in a row. */
import { rememberLast } from '../../src/xlsx/ooxml/remember-last';
import { parseDateStyles } from '../../src/xlsx/ooxml/styles';

describe('rememberLast', () => {
  it('reads again only when the text changes, and never remembers a refusal', () => {
    const seen: string[] = [];
    const read = rememberLast((xml: string) => {
      seen.push(xml);
      if (xml === 'bad') throw new Error('refused');
      return { length: xml.length };
    });
    const first = read('<a/>');
    // An equal text built anew (another file's part) is the same text.
    expect(read(['<a', '/>'].join(''))).toBe(first);
    expect(read('<bb/>')).toEqual({ length: 5 });
    expect(() => read('bad')).toThrow('refused');
    expect(() => read('bad')).toThrow('refused');
    expect(read('<bb/>')).toEqual({ length: 5 });
    expect(seen).toEqual(['<a/>', '<bb/>', 'bad', 'bad']);
  });

  it('keeps the answers of a few texts that alternate, and forgets the least recent beyond four', () => {
    const seen: string[] = [];
    const read = rememberLast((xml: string) => {
      seen.push(xml);
      return xml.toUpperCase();
    });
    for (let i = 0; i < 3; i++) for (const x of ['so', 'huyen']) expect(read(x)).toBe(x.toUpperCase());
    expect(seen).toEqual(['so', 'huyen']);
    for (const x of ['a', 'b', 'c']) read(x);
    // 'so' is now the least recent of five texts: read again; 'huyen' was used after it: kept.
    expect(read('huyen')).toBe('HUYEN');
    expect(read('so')).toBe('SO');
    expect(seen).toEqual(['so', 'huyen', 'a', 'b', 'c', 'so']);
  });

  it('gives each styles.xml its own date styles', () => {
    const styles = (fmt: number) =>
      `<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="${fmt}"/></cellXfs></styleSheet>`;
    expect(parseDateStyles(styles(14))).toEqual([false, true]);
    expect(parseDateStyles(styles(2))).toEqual([false, false]);
    expect(parseDateStyles(styles(14))).toEqual([false, true]);
  });
});
