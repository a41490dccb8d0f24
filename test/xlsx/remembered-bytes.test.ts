/**
 * RememberedByBytes (src/xlsx/ooxml/remember-last.ts), the memory of the readings remembered by
 * their bytes (shared strings, formula texts): a value comes back only for the very same bytes,
 * only bytes met a second time are kept, and it forgets everything when full.
 */
import { RememberedByBytes } from '../../src/xlsx/ooxml/remember-last';

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
