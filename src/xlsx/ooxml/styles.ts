/** From xl/styles.xml only what changes a value: which cell styles make a number a date. */
import { rememberLast } from './remember-last';
import { xmlAttribute, xmlAttributes, scanXml } from './xml-scan';

/** Built-in number formats exceljs knows (ids without an entry have no format there either). */
const BUILTIN_NUM_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** exceljs' `isDateFmt`. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/** For each cell style index (cellXfs), whether exceljs reads a number in it as a date. */
export const parseDateStyles: (xml: string) => readonly boolean[] = rememberLast(readDateStyles);

function readDateStyles(xml: string): boolean[] {
  const custom: Record<number, string> = {};
  const xfFormats: number[] = [];
  let inCellXfs = false;
  let inNumFmts = false;
  scanXml(xml, {
    open(name, attrs) {
      // Only <numFmts> counts: the <numFmt> of differential formats (dxfs) is not a cell's format.
      if (name === 'numFmts') inNumFmts = true;
      else if (name === 'numFmt' && inNumFmts) {
        const a = xmlAttributes(attrs);
        if (a.formatCode !== undefined)
          custom[parseInt(a.numFmtId, 10)] = a.formatCode.replace(/[\\](.)/g, '$1');
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs)
        xfFormats.push(parseInt(xmlAttribute(attrs, 'numFmtId') ?? '', 10));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
      else if (name === 'numFmts') inNumFmts = false;
    },
    text() {},
  });
  return xfFormats.map((id) => (id ? isDateFormat(custom[id] || BUILTIN_NUM_FORMATS[id]) : false));
}

/** exceljs' `excelToDate`, then plainCell's rendering of a date as the text people saw. */
export function serialAsDateText(serial: unknown, date1904: boolean): string {
  const ms = Math.round((Number(serial) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const d = new Date(ms);
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}
