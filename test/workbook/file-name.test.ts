import {
  isPortableFileName,
  safeFileStem,
  truncateGraphemes,
  unitFileName,
  utf8Bytes,
} from '../../src/workbook/file-name';

describe('file names (src/workbook/file-name.ts)', () => {
  it.each([
    'CON',
    'prn',
    'Aux',
    'NUL',
    'COM1',
    'com9',
    'LPT1',
    'COM¹',
    'COM²',
    'COM³',
    'LPT¹',
    'lpt³',
    'CONIN$',
    'conout$',
  ])('avoids the Windows device name %s, with or without an extension', (name) => {
    expect(safeFileStem(name)).toBe(`_${name}`);
    expect(isPortableFileName(`${name}.xlsx`)).toBe(false);
    expect(isPortableFileName(`${name} .xlsx`)).toBe(false);
    const file = unitFileName({ code: '', name }, new Set());
    expect(file).toBe(`_${name}.xlsx`);
    expect(isPortableFileName(file)).toBe(true);
    expect(unitFileName({ code: '', name: `${name}.txt` }, new Set())).toBe(`_${name}.txt.xlsx`);
  });

  it('keeps names that only begin like a device', () => {
    expect(safeFileStem('Console')).toBe('Console');
    expect(safeFileStem('COM10')).toBe('COM10');
  });

  it('cuts an emoji name by whole graphemes, never leaving U+FFFD', () => {
    const name = '👨‍👩‍👧'.repeat(100);
    const stem = safeFileStem(name);
    expect(stem).not.toContain('\uFFFD');
    expect(Buffer.from(stem, 'utf8').toString('utf8')).toBe(stem);
    expect(name.startsWith(stem)).toBe(true);
    expect(stem.length % '👨‍👩‍👧'.length).toBe(0);
    expect(truncateGraphemes('Ệ'.normalize('NFD').repeat(10), 7)).toBe('Ệ'.normalize('NFD'));
  });

  it('keeps every name within 255 bytes, suffix and extension included', () => {
    const taken = new Set<string>();
    const long = { code: 'STP', name: 'Ủy ban nhân dân xã Đông Hưng Thuận '.repeat(20) };
    const first = unitFileName(long, taken);
    const second = unitFileName(long, taken);
    for (const n of [first, second]) {
      expect(utf8Bytes(n)).toBeLessThanOrEqual(255);
      expect(isPortableFileName(n)).toBe(true);
    }
    expect(second).toMatch(/ \(2\)\.xlsx$/);
  });

  it('replaces bidi overrides and C1 controls', () => {
    expect(safeFileStem('a\u202Exslx.exe\u0085')).toBe('a_xslx.exe_');
  });
});
