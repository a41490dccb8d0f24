/**
 * CSV as offices really send it: UTF-8 with or without BOM, comma or semicolon separated
 * (a Vietnamese-locale Excel saves ";" because "," is its decimal separator), quoted fields with
 * embedded separators, quotes and line breaks, CRLF or LF. Pure: takes text, returns rows.
 */

export interface CsvOptions {
  /** Force a delimiter; by default guessed from the first line (";" , "," or tab). */
  delimiter?: string;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Picks the delimiter that appears most often outside quotes on the first line. */
export function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Parses CSV text into rows of strings. Trailing empty lines are dropped. */
export function parseCsv(input: string, options: CsvOptions = {}): string[][] {
  const text = stripBom(input);
  const d = options.delimiter ?? guessDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === d) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  while (rows.length && rows[rows.length - 1].every((c) => c.trim() === '')) rows.pop();
  return rows;
}

/** Quotes a field when needed; formula-like text is NOT neutralised here (that is a sheet concern). */
export function csvField(value: string | number | null | undefined, delimiter = ','): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /["\r\n]/.test(s) || s.includes(delimiter) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: (string | number | null | undefined)[][], delimiter = ','): string {
  return rows.map((r) => r.map((c) => csvField(c, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}
