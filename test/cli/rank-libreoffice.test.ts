/**
 * The ranking workbook of `cchc rank -o OUT.xlsx` opened by a real spreadsheet (LibreOffice): the
 * numbers are numbers shown with 2 decimals, and a formula-like unit name stays text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../src/common/csv';
import { describeWithEngine, libreOffice } from '../helpers/engines';
import { convertWithLibreOffice } from '../helpers/libreoffice';
import { run, tempDir } from '../helpers/cli';

describeWithEngine(libreOffice, 'cchc rank -o .xlsx in LibreOffice', () => {
  it('shows the published values with 2 decimals and keeps formula-like names as text', async () => {
    const dir = tempDir();
    const input = readFileSync(join(__dirname, '../fixtures/an-giang-2016.csv'), 'utf8');
    writeFileSync(join(dir, 'in.csv'), `${input}=1+1;Sở, ban, ngành;10;5\r\n`);
    const r = await run(['rank', 'in.csv', '-o', 'xep-hang.xlsx'], dir);
    expect(r.code).toBe(0);
    const csvPath = await convertWithLibreOffice(
      join(dir, 'xep-hang.xlsx'),
      'csv:Text - txt - csv (StarCalc):59,34,76,1',
      join(dir, 'lo'),
    );
    const rows = parseCsv(readFileSync(csvPath, 'utf8'), { delimiter: ';' });
    expect(rows).toContainEqual(['1', 'Sở Giao thông Vận tải', '68.50', '26.39', '94.89', '']);
    expect(rows).toContainEqual(['16', 'Thanh tra tỉnh', '56.50', '26.00', '82.50', '']);
    expect(rows).toContainEqual(['1', 'Châu Đốc', '66.50', '25.56', '92.06', '']);
    // "=1+1" is shown as written, not computed to 2.
    expect(rows.some((row) => row[1] === '=1+1')).toBe(true);
    expect(rows.filter((row) => row[0] === 'Hạng')).toHaveLength(2);
  });
});
