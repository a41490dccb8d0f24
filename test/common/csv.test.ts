import { guessDelimiter, parseCsv, toCsv } from '../../src/common/csv';

describe('parseCsv', () => {
  it('reads a BOM, semicolons, decimal commas and quoted fields', () => {
    const text = '\uFEFFunit;group;appraisal\r\n"Sở Tư pháp; tỉnh";so;67,5\r\n';
    expect(parseCsv(text)).toEqual([
      ['unit', 'group', 'appraisal'],
      ['Sở Tư pháp; tỉnh', 'so', '67,5'],
    ]);
  });

  it('keeps embedded quotes and line breaks inside quotes', () => {
    expect(parseCsv('a,b\n"x ""y""","line1\nline2"\n')).toEqual([
      ['a', 'b'],
      ['x "y"', 'line1\nline2'],
    ]);
  });

  it('guesses the delimiter from the first line and round-trips through toCsv', () => {
    expect(guessDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    const rows = [
      ['Mã', 'Tên, đầy đủ', 'Điểm'],
      ['1', 'Sở "A"', '0,5'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('drops trailing blank lines but keeps empty fields', () => {
    expect(parseCsv('a,,c\n\n\n')).toEqual([['a', '', 'c']]);
  });
});
