/** Shared formulas (filled down in Excel): the text a follower cell reads as. */
import { columnLetters, columnNumber, decodeAddress } from './cell-address';

/**
 * exceljs' `slideFormula`: a shared formula's text as it reads in another cell of its range
 * (relative references moved by the offset, `$` references kept). Ported as is, so the formula
 * text named in messages is the same.
 */
export function slideFormula(formula: string, from: string, to: string): string {
  const a = decodeAddress(from);
  const b = decodeAddress(to);
  return formula.replace(
    /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi,
    (
      refMatch: string,
      sheet: string | undefined,
      _s: string,
      addrPart: string,
      paren: string | undefined,
    ) => {
      if (paren) return refMatch;
      const match = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i.exec(addrPart);
      if (!match) return refMatch;
      const [, colDollar, colRaw, rowDollar, rowStr] = match;
      const colStr = colRaw.toUpperCase();
      if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return refMatch;
      let col = columnNumber(colStr);
      let row = parseInt(rowStr, 10);
      if (!colDollar) col += b.col - a.col;
      if (!rowDollar) row += b.row - a.row;
      return (sheet || '') + (colDollar || '') + columnLetters(col) + (rowDollar || '') + row;
    },
  );
}
