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
