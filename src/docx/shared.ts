/** Pieces the three documents share beyond Nghị định 30's layout (src/docx/nd30.ts). */
import type { FrameworkRef, ScoreTableRow } from '../workbook/document-content';
import { body, type GridRow } from './nd30';

/** Who issues a document, where and when (the place-and-date line is already written out). */
export interface IssueContext {
  /** Cơ quan chủ quản above the issuing body ("UBND TỈNH AN GIANG"), optional. */
  parent?: string;
  /** The issuing body of the Sở's documents ("SỞ NỘI VỤ"). */
  issuer: string;
  /** "An Giang, ngày 02 tháng 12 năm 2026". */
  placeDate: string;
}

/** Score rows: lĩnh vực bold and shaded, tiêu chí bold, tiêu chí thành phần plain. */
export function scoreRows(rows: readonly ScoreTableRow[]): GridRow[] {
  return rows.map((r) => ({
    cells: [r.code, r.name, r.max, ...r.values],
    bold: r.depth === 1 || (r.depth === 2 && !r.leaf),
    shade: r.depth === 1,
  }));
}

/** The sentence an illustrative framework's document carries (never taken for an official result). */
export function illustrativeNote(framework: FrameworkRef) {
  return framework.illustrative
    ? [
        body('(Bộ tiêu chí minh họa, không phải bộ tiêu chí chính thức: văn bản này chỉ để minh họa.)', {
          italics: true,
          align: 'center',
          indent: 0,
        }),
      ]
    : [];
}
