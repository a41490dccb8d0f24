/**
 * RememberedByBytes (src/xlsx/ooxml/remember-last.ts), the memory of the readings remembered by
 * their bytes (shared strings, formula texts): a value comes back only for the very same bytes,
 * only bytes met a second time are kept, and it forgets everything when full.
 */
import { RememberedByBytes, RepeatedElements } from '../../src/xlsx/ooxml/remember-last';

const bytesOf = (text: string) => new TextEncoder().encode(`<t>${text}</t>`);
/** The text's bytes inside `<t>…</t>`: [3, length - 4). */
const span = (b: Uint8Array): [number, number] => [3, b.length - 4];

describe('values remembered by their bytes', () => {
  it('keeps bytes met a second time, and hands the value back for the very same bytes only', () => {
    const memory = new RememberedByBytes<string>(16);
    const a = bytesOf('Sở Tư pháp');
    memory.set(7, a, ...span(a), 'first');
    expect(memory.get(7, a, ...span(a))).toBeUndefined(); // met once: only its key is noted
    memory.set(7, a, ...span(a), 'second');
    expect(memory.get(7, a, ...span(a))).toBe('second');
    // The same key for other bytes of the same length, or another length: not this value.
    const b = bytesOf('Sở Tư phép');
    expect(memory.get(7, b, ...span(b))).toBeUndefined();
    const c = bytesOf('Sở Tư pháp ');
    expect(memory.get(7, c, ...span(c))).toBeUndefined();
  });

  it('forgets all it holds when it holds `max` values', () => {
    const memory = new RememberedByBytes<number>(2);
    const texts = ['a1', 'b2', 'c3'].map(bytesOf);
    texts.forEach((t, i) => {
      memory.set(i, t, ...span(t), i);
      memory.set(i, t, ...span(t), i);
    });
    expect(memory.get(2, texts[2], ...span(texts[2]))).toBe(2);
    expect(memory.get(0, texts[0], ...span(texts[0]))).toBeUndefined();
  });
});

describe('elements found again (RepeatedElements)', () => {
  /** A part of `<e>text</e>` elements, read as a reader reads it: each found, or noted as new. */
  function read(memory: RepeatedElements<string>, texts: string[]): { values: string[]; found: number } {
    const bytes = new TextEncoder().encode(texts.map((t) => `<e>${t}</e>`).join(''));
    const values: string[] = [];
    let found = 0;
    let at = 0;
    memory.begin();
    for (const text of texts) {
      const length = new TextEncoder().encode(`<e>${text}</e>`).length;
      let value = memory.find(bytes, at);
      if (value !== undefined) found++;
      else {
        value = `read ${text}`;
        memory.note(at, at + length, value);
      }
      values.push(value);
      at += length;
    }
    memory.end(bytes);
    return { values, found };
  }

  it('finds a part read before past strings added, removed or changed, and only for the very same bytes', () => {
    const memory = new RepeatedElements<string>();
    const base = ['Mã', 'Sở Tư pháp', 'Điểm', 'Tối đa', 'Ghi chú'];
    expect(read(memory, base).found).toBe(0);
    const unit = ['Mã', 'Phường 1', 'Sở Tư pháp', 'Điểm', 'Tối đá', 'Ghi chú'];
    const again = read(memory, unit);
    // "Phường 1" was added, "Tối đa" changed: the others found, each as the value kept for it.
    expect(again.found).toBe(4);
    expect(again.values).toEqual([
      'read Mã',
      'read Phường 1',
      'read Sở Tư pháp',
      'read Điểm',
      'read Tối đá',
      'read Ghi chú',
    ]);
  });

  it('still finds parts after one with many more elements than it keeps room for', () => {
    const memory = new RepeatedElements<string>();
    const base = ['a', 'b', 'c'];
    read(memory, base);
    read(
      memory,
      Array.from({ length: 10_000 }, (_, i) => `x${i}`),
    );
    expect(read(memory, base).found).toBe(3);
    expect(read(memory, ['y', ...base]).found).toBe(3);
  });
});
