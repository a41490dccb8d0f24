/** A small helper to fill a PlanSheet cell by cell without repeating address arithmetic. */
import { fittedRowHeight, rowHeightForLines } from '../common/text-layout';
import { cellAddress } from '../common/a1';
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

  /**
   * Sets the row's height to fit its wrapped texts, measured with Times New Roman's glyph widths
   * (`width` in Excel character units, `size` in points, default 12). Rows that fit on one line
   * keep the default height.
   */
  fitRow(
    row: number,
    texts: {
      text: string;
      width: number;
      size?: number;
      bold?: boolean;
      italic?: boolean;
      indent?: number;
    }[],
    minHeight = 0,
  ): void {
    const height = fittedRowHeight(
      texts.map((t) => ({
        text: t.text,
        widthChars: t.width,
        sizePt: t.size ?? 12,
        style: { bold: t.bold, italic: t.italic },
        indent: t.indent,
      })),
    );
    const oneLine = rowHeightForLines(1, Math.max(12, ...texts.map((t) => t.size ?? 12)));
    const target = Math.max(height, minHeight);
    if (target > oneLine) this.sheet.rowHeights[row] = target;
  }
}
