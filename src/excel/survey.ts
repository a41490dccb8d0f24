/**
 * Writing survey points (điểm điều tra XHH) into the open template: one read sync (the same picture
 * as a check: where each survey leaf's row and the survey column are, and the protection state),
 * then one sync with one 2-D write per run of consecutive rows. Which points to write is the
 * caller's business (src/scoring computes them); this only places numbers in cells.
 */
import { isSurveyLeaf, nodeIndex } from '../framework/tree';
import { FIELD_COLUMN } from '../workbook/columns';
import { SHEET_SCORE } from '../workbook/layout';
import { columnLetters } from '../common/a1';
import { ExcelAdapterError, translated } from './errors';
import { contiguousRuns } from './grid';
import { type ExcelHost, officeHost } from './host';
import { noteOwnWrite } from './own-writes';
import { whileUnprotected } from './protection';
import { type ReadOptions, loadOpenTemplate } from './read';

export interface SurveyWriteResult {
  /** Leaf codes written. */
  written: string[];
  /** Number of 2-D writes (one per run of consecutive rows). */
  blocks: number;
}

/** Points keyed by survey leaf code; null clears the cell. */
export async function writeSurveyPoints(
  points: Record<string, number | null>,
  options: Omit<ReadOptions, 'mode'>,
  host: ExcelHost = officeHost(),
): Promise<SurveyWriteResult> {
  return translated('Ghi điểm điều tra XHH', () =>
    host.run(async (context) => {
      const open = await loadOpenTemplate(context, { ...options, mode: 'draft' });
      if (!open.read.ok) throw new ExcelAdapterError(open.read.reason, open.read.message);
      const { framework, layout } = open.read;
      const surveyCol = layout?.columns.survey;
      if (!layout || surveyCol === undefined) {
        throw new ExcelAdapterError(
          'notTemplate',
          `Trang "${SHEET_SCORE}" không có cột "${FIELD_COLUMN.survey.title}".`,
        );
      }
      const nodes = nodeIndex(framework);
      const rowOf = new Map<number, string>();
      for (const [code, value] of Object.entries(points)) {
        const node = nodes.get(code)?.node;
        if (!node || !isSurveyLeaf(node)) {
          throw new ExcelAdapterError(
            'badInput',
            `Tiêu chí ${code} không phải tiêu chí chấm bằng điều tra XHH của bộ ${framework.id}.`,
          );
        }
        if (value !== null && !Number.isFinite(value)) {
          throw new ExcelAdapterError('badInput', `Điểm điều tra XHH của tiêu chí ${code} không phải là số.`);
        }
        const row = layout.rows[code];
        if (row === undefined)
          throw new ExcelAdapterError(
            'notTemplate',
            `Không tìm thấy dòng tiêu chí ${code} trên trang "${SHEET_SCORE}".`,
          );
        rowOf.set(row, code);
      }
      const runs = contiguousRuns([...rowOf.keys()]);
      whileUnprotected(open.sheet, open.protection, () => {
        for (const [first, last] of runs) {
          const range = open.sheet.getRangeByIndexes(first - 1, surveyCol - 1, last - first + 1, 1);
          const rows = Array.from(
            { length: last - first + 1 },
            (_, i) => points[rowOf.get(first + i) as string],
          );
          range.numberFormat = rows.map(() => ['0.00']);
          // null would leave a cell unchanged in Office.js; "" clears it.
          range.values = rows.map((v) => [v ?? '']);
          noteOwnWrite(open.sheetId, rangeAddress(first, last, surveyCol));
        }
      });
      await context.sync();
      return { written: [...rowOf.values()], blocks: runs.length };
    }),
  );
}

function rangeAddress(first: number, last: number, col: number): string {
  const c = columnLetters(col);
  return first === last ? `${c}${first}` : `${c}${first}:${c}${last}`;
}
