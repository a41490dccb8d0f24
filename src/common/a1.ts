/**
 * A1 addresses as Excel writes them: the one codec every layer uses (templates, sheet readers,
 * the Office.js adapter, the fake Excel, messages). Columns are 1-based here, as in Excel
 * ("A" = 1); a caller with 0-based indices adds one at the call, where it is visible.
 */

/** 1-based column number → letters: 1 → "A", 26 → "Z", 27 → "AA", 16384 → "XFD". */
export function columnLetters(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letters → 1-based column number: "A" → 1, "xfd" → 16384 (case-insensitive). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & ~32) - 64;
  return n;
}

/** "E12" from row 12, column 5 (both 1-based). */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/**
 * A sheet name as it must appear in a formula, a defined name or an Office.js address: quoted
 * unless plain ASCII letters, digits, "_" and "."; a quote inside is doubled.
 */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "Sheet!A1:B2" into its sheet name (unquoted) and the local part. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}
