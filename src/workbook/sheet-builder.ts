/** A small helper to fill a PlanSheet cell by cell without repeating address arithmetic. */
import { cellAddress } from './layout';
import type { PlanCell, PlanSheet } from './plan-types';

export class SheetBuilder {
  readonly sheet: PlanSheet;
  private readonly byAddress = new Map<string, PlanCell>();

  constructor(name: string, state: PlanSheet['state'] = 'visible') {
    this.sheet = {
      name,
      state,
      cells: [],
      merges: [],
      columns: [],
      rowHeights: {},
      validations: [],
      conditionalFormats: [],
      protection: null,
    };
  }

  /** Sets (or replaces) one cell; `fields` are merged over an existing cell at the same place. */
  set(row: number, col: number, fields: Omit<PlanCell, 'address' | 'row' | 'col'>): PlanCell {
    const address = cellAddress(row, col);
    const existing = this.byAddress.get(address);
    if (existing) {
      Object.assign(existing, fields);
      return existing;
    }
    const cell: PlanCell = { address, row, col, ...fields };
    this.byAddress.set(address, cell);
    this.sheet.cells.push(cell);
    return cell;
  }

  get(row: number, col: number): PlanCell | undefined {
    return this.byAddress.get(cellAddress(row, col));
  }

  merge(row: number, col1: number, col2: number): void {
    this.sheet.merges.push(`${cellAddress(row, col1)}:${cellAddress(row, col2)}`);
  }

  /** Row height in points estimated from the longest wrapped text of the row. */
  fitRow(row: number, texts: { text: string; width: number }[], minLines = 1): void {
    let lines = minLines;
    for (const { text, width } of texts) lines = Math.max(lines, estimateLines(text, width));
    if (lines > 1) this.sheet.rowHeights[row] = Math.min(409, lines * 15.75 + 2);
  }
}

/**
 * Wrapped lines of `text` in a column `width` characters wide. Vietnamese letters with stacked
 * diacritics are about as wide as Latin ones in Times New Roman, so ~1 character per width unit
 * with a 10 % margin is close enough; Excel keeps the height we give it.
 */
export function estimateLines(text: string, width: number): number {
  const usable = Math.max(4, width * 0.9);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / usable)), 0);
}
