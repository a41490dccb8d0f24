/** Shapes shared by the importer modules. */

/** One cell of an appendix table, as readTableRows or the CSV parser give it. */
export type TableCell = string | number | null;

/** A row the importer could not understand, or a note about how it read one. */
export interface ImportIssue {
  /** 1-based row number in the table (the number Excel shows), or 0 for the table as a whole. */
  row: number;
  /** Node code when known. */
  code?: string;
  /** 0-based column of the cell at fault, when one cell is. */
  column?: number;
  message: string;
}

/** Records one issue: a row not understood (`fail`) or a row read with an assumption (`note`). */
export type Report = (row: number, message: string, code?: string, column?: number) => void;

/** The two lists an import fills, and the functions that fill them. */
export interface IssueLists {
  errors: ImportIssue[];
  notes: ImportIssue[];
  fail: Report;
  note: Report;
}

export function issueLists(): IssueLists {
  const errors: ImportIssue[] = [];
  const notes: ImportIssue[] = [];
  const issue = (row: number, message: string, code?: string, column?: number): ImportIssue => ({
    row,
    ...(code ? { code } : {}),
    ...(column !== undefined ? { column } : {}),
    message,
  });
  return {
    errors,
    notes,
    fail: (row, message, code, column) => errors.push(issue(row, message, code, column)),
    note: (row, message, code, column) => notes.push(issue(row, message, code, column)),
  };
}
