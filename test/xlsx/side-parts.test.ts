/**
 * The side parts (workbook.xml, its relationships, styles.xml) remembered by their stored bytes
 * (src/xlsx/ooxml/workbook.ts): a return stored byte for byte like an earlier one gets the very
 * text of last time; one byte changed, another declared size or method, and it is read anew;
 * the size limit is checked before anything remembered is used.
 */
import { strToU8, zipSync } from 'fflate';
import { zipParts } from '../../src/xlsx/ooxml/workbook';
import { inflateWithFflate, type InflateRaw } from '../../src/xlsx/ooxml/zip-entries';
import { DEFAULT_READ_LIMITS, ReadLimitExceeded } from '../../src/xlsx/read-limits';

const STYLES = 'xl/styles.xml';
const styles = (fill: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><styleSheet><fills><fill>${fill}</fill></fills><numFmts count="0"/></styleSheet>`;
const zipOf = (text: string, level: 0 | 6 = 6) => zipSync({ [STYLES]: [strToU8(text), { level }] });

/** The declared uncompressed size in the central directory, changed in place (a lying zip). */
function withDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let i = copy.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    view.setUint32(i + 24, size, true);
    return copy;
  }
  throw new Error('no central directory entry');
}

describe('side parts remembered by their stored bytes', () => {
  it('inflates the same stored bytes once, and a changed part anew', () => {
    let inflated = 0;
    const counting: InflateRaw = (data, size) => {
      inflated++;
      return inflateWithFflate(data, size);
    };
    const read = (text: string) => zipParts(zipOf(text), DEFAULT_READ_LIMITS, counting).sideText(STYLES);
    expect(read(styles('a'))).toBe(styles('a'));
    expect(read(styles('a'))).toBe(styles('a'));
    expect(inflated).toBe(1);
    expect(read(styles('b'))).toBe(styles('b'));
    expect(inflated).toBe(2);
    // `text` is never remembered.
    zipParts(zipOf(styles('a')), DEFAULT_READ_LIMITS, counting).text(STYLES);
    expect(inflated).toBe(3);
    // Stored rather than deflated: the same text, read from its own bytes.
    expect(zipParts(zipOf(styles('a'), 0)).sideText(STYLES)).toBe(styles('a'));
    expect(zipParts(zipOf(styles('a'))).sideText(STYLES)).toBe(styles('a'));
  });

  it('does not reuse a text for the same stored bytes with another declared size', () => {
    const zip = zipOf(styles('c'));
    expect(zipParts(zip).sideText(STYLES)).toBe(styles('c'));
    const lying = withDeclaredSize(zip, styles('c').length + 5);
    expect(() => zipParts(lying).sideText(STYLES)).toThrow(/smaller than declared/);
  });

  it('checks the size limit before using a remembered text', () => {
    const zip = zipOf(styles('d'));
    expect(zipParts(zip).sideText(STYLES)).toBe(styles('d'));
    const small = { ...DEFAULT_READ_LIMITS, maxPartBytes: 10 };
    expect(() => zipParts(zip, small).sideText(STYLES)).toThrow(ReadLimitExceeded);
  });

  it('answers undefined for a part the zip does not have', () => {
    expect(zipParts(zipOf(styles('e'))).sideText('xl/workbook.xml')).toBeUndefined();
  });
});
