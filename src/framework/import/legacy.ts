/**
 * Appendix tables copied from old Word files may carry Vietnamese in the legacy TCVN3 (ABC) or
 * VNI encodings, read as Latin-1 ("Néi dung", "Sôû"). TCVN3 has an unambiguous table, so its cells
 * are decoded (and the user told); VNI cannot be decoded safely, so its rows are refused.
 */
import { decodeTcvn3, detectLegacyEncoding } from '../../common/names';
import type { TableCell } from './types';

export interface LegacyScan {
  rows: TableCell[][];
  /** 1-based rows with TCVN3 cells that were decoded. */
  tcvn3Rows: number[];
  /** 1-based rows with VNI-looking cells. */
  vniRows: number[];
}

/** Letters of modern Vietnamese beyond Latin-1: a cell holding one is Unicode, not TCVN3. */
const VIETNAMESE_UNICODE =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/u;

/**
 * A table is written in one encoding. The per-cell detector is conservative ("Néi dung" could be
 * Latin-1), so when some cells are surely TCVN3 and no cell holds a Unicode Vietnamese letter,
 * every cell is decoded; in a mixed table only the cells detected as TCVN3 are.
 */
export function decodeLegacyCells(rows: readonly (readonly TableCell[])[]): LegacyScan {
  const texts = rows.flatMap((r) => r.filter((c): c is string => typeof c === 'string' && c !== ''));
  const wholeTable =
    texts.some((t) => detectLegacyEncoding(t) === 'tcvn3') && !texts.some((t) => VIETNAMESE_UNICODE.test(t));
  const tcvn3Rows: number[] = [];
  const vniRows: number[] = [];
  const out = rows.map((row, i) => {
    let tcvn3 = false;
    let vni = false;
    const cells = row.map((cell) => {
      if (typeof cell !== 'string' || !cell) return cell;
      const legacy = detectLegacyEncoding(cell);
      if (legacy === 'tcvn3' || (wholeTable && legacy === null)) {
        const decoded = decodeTcvn3(cell);
        if (decoded !== cell) tcvn3 = true;
        return decoded;
      }
      if (legacy === 'vni') vni = true;
      return cell;
    });
    if (tcvn3) tcvn3Rows.push(i + 1);
    if (vni) vniRows.push(i + 1);
    return cells;
  });
  return { rows: out, tcvn3Rows, vniRows };
}
