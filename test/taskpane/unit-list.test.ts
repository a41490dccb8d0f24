import { parseUnitList } from '../../src/taskpane/unit-list';
import { isDarkTheme, luminance } from '../../src/taskpane/office-host';
import { levelName, localeFromSearch } from '../../src/taskpane/strings';

const groups = [
  { id: 'so', name: 'Sở, ban, ngành' },
  { id: 'huyen', name: 'UBND cấp huyện' },
];
const messages = {
  unknownGroup: (g: string) => `không có nhóm "${g}"`,
  missingName: 'thiếu tên',
  duplicate: (n: string) => `lặp "${n}"`,
};

describe('parseUnitList (the pasted list of units)', () => {
  it('reads names alone, code;name;group, tab-separated rows pasted from Excel, and group names', () => {
    const text = [
      'Sở Tư pháp',
      'SO02; Sở Y tế; so',
      'H01\tUBND huyện An Phú\tUBND cấp huyện',
      '',
      'Sở Tài chính; huyen',
    ].join('\n');
    const r = parseUnitList(text, groups, 'so', messages);
    expect(r.problems).toEqual([]);
    expect(r.units).toEqual([
      { code: '', name: 'Sở Tư pháp', group: 'so' },
      { code: 'SO02', name: 'Sở Y tế', group: 'so' },
      { code: 'H01', name: 'UBND huyện An Phú', group: 'huyen' },
      { code: '', name: 'Sở Tài chính', group: 'huyen' },
    ]);
  });

  it('reports, with line numbers, an unknown group, a missing name and a repeated unit (NFD = NFC)', () => {
    const nfd = 'Sở Tư pháp'.normalize('NFD');
    const text = ['Sở Tư pháp', 'SO09; Sở Nội vụ; tinh', 'SO10; ; so', nfd].join('\n');
    const r = parseUnitList(text, groups, 'so', messages);
    expect(r.units.map((u) => u.name)).toEqual(['Sở Tư pháp']);
    expect(r.problems).toEqual([
      { line: 2, message: 'không có nhóm "tinh"' },
      { line: 3, message: 'thiếu tên' },
      { line: 4, message: 'lặp "Sở Tư pháp"' },
    ]);
  });
});

describe('Office theme and locale', () => {
  it('follows a dark Office body colour, a light one, and the browser when Office says nothing', () => {
    expect(isDarkTheme({ bodyBackgroundColor: '#262626' }, false)).toBe(true);
    expect(isDarkTheme({ bodyBackgroundColor: '#FFFFFF' }, true)).toBe(false);
    expect(isDarkTheme(undefined, true)).toBe(true);
    expect(isDarkTheme({ bodyBackgroundColor: 'not a colour' }, false)).toBe(false);
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1, 6);
  });

  it('is Vietnamese unless ?lang=en, and names levels in the chosen language', () => {
    expect(localeFromSearch('')).toBe('vi');
    expect(localeFromSearch('?lang=en')).toBe('en');
    expect(localeFromSearch('?lang=fr')).toBe('vi');
    expect(levelName('so-huyen', 'vi')).toBe('sở, huyện');
    expect(levelName('bo', 'en')).toBe('ministry');
    expect(levelName('vung', 'vi')).toBe('vung');
  });
});
