/**
 * Office.js range payloads → the CellGrid the pure reader takes. Empty cells come back as "" and
 * errors as their text ("#DIV/0!"); valueTypes tells a real error from text that looks like one.
 * A cell holds a formula when its `formulas` entry starts with "=" and differs from its value
 * (a text cell typed as "'=abc" has the same text in both).
 */
import type { CellValue } from '../scoring/types';
import type { CellGrid } from '../workbook/read-grid';

export interface RangePayload {
  values: unknown[][];
  formulas?: unknown[][];
  valueTypes?: string[][];
  rowIndex: number;
  columnIndex: number;
}

function cellValue(v: unknown, type: string | undefined): CellValue {
  if (type === 'Error') return { error: String(v) };
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

export function gridFromRange(range: RangePayload): CellGrid {
  const values = range.values.map((row, r) => row.map((v, c) => cellValue(v, range.valueTypes?.[r]?.[c])));
  const formulas = range.formulas?.map((row, r) =>
    row.map((f, c) => {
      if (typeof f !== 'string' || !f.startsWith('=')) return null;
      return f === range.values[r]?.[c] ? null : f.slice(1);
    }),
  );
  return { values, formulas, firstRow: range.rowIndex + 1, firstCol: range.columnIndex + 1 };
}

/** "Chấm điểm!E12" or "'Chấm điểm'!E12" → sheet name and local address. */
export function splitAddress(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1).replace(/\$/g, '') };
}

/** Rows of consecutive numbers → [first, last] runs: one 2-D write per run. */
export function contiguousRuns(rows: readonly number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}
