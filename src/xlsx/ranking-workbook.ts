/**
 * The ranking workbook `cchc consolidate -o RANKING.xlsx` and `cchc campaign rank` write (bytes or
 * a stream out, no fs), with our own streaming writer (src/xlsx/write/): every row is XML text the
 * moment it is made, compressed into the zip as it goes, so a ranking of 10,000 units × 51 leaves
 * never sits in memory (only the shared strings and styles do). Its sheets:
 * - `Xếp hạng`: the published-style table (ranking/ranking-sheet.ts, from the ranking plan);
 * - `Chi tiết`: a row per unit, a column per leaf (ranking/detail-sheet.ts);
 * - `Điểm còn thiếu`: where each unit lost its points (ranking/lost-sheet.ts);
 * - `Hồ sơ`, `Biểu đồ`, `Ghi chú`: files, chart data, run-wide notes (ranking/run-sheets.ts).
 * Strings are written as shared or inline strings (write/shared-strings.ts), so a name like "=Sở X" is text, never a formula.
 */
import { FILE_STATUS_LABEL } from '../consolidation/labels';
import type { ConsolidationResult } from '../consolidation/types';
import { writeDetailSheet } from './ranking/detail-sheet';
import { writeLostSheet } from './ranking/lost-sheet';
import { writeRankingSheet } from './ranking/ranking-sheet';
import { writeRunSheets } from './ranking/run-sheets';
import { FONT } from './ranking/sheet-format';
import { XlsxStreamWriter } from './write/workbook-writer';
import { concat, fflateCompression, type ByteSink, type ZipCompression } from './write/zip-stream';

export { SHEET_CHART, SHEET_DETAIL, SHEET_FILES, SHEET_LOST, SHEET_NOTES } from './ranking/sheet-format';

/** Kept for callers that import it from here; the names live in src/consolidation/labels.ts. */
export const STATUS_LABEL = FILE_STATUS_LABEL;

export interface RankingWorkbookOptions {
  /** ISO time of the run, written under the title and as the workbook's created time. */
  generatedAt: string;
  /** The zip's compressor: fflate by default (also in the browser); the CLI gives Node's zlib. */
  compression?: ZipCompression;
}

async function writeWorkbook(result: ConsolidationResult, options: RankingWorkbookOptions, sink: ByteSink) {
  const framework = result.framework;
  if (!framework) throw new Error('Không có bộ tiêu chí để lập bảng xếp hạng.');
  // The default font (font 0, in whose digits column widths are counted) is Times New Roman 11,
  // as in the templates (render.ts withDefaultFont).
  const wb = new XlsxStreamWriter(sink, options.compression ?? fflateCompression, {
    creator: 'cchc',
    created: options.generatedAt,
    defaultFont: { name: FONT, size: 11 },
  });
  await writeRankingSheet(wb, result, framework, options.generatedAt);
  await writeDetailSheet(wb, result, framework);
  await writeLostSheet(wb, result, framework);
  await writeRunSheets(wb, result, framework);
  await wb.finish();
}

/** The ranking workbook as bytes (the same stream, gathered in memory). */
export async function writeRankingWorkbook(
  result: ConsolidationResult,
  options: RankingWorkbookOptions,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeWorkbook(result, options, (chunk) => void chunks.push(chunk));
  return concat(chunks);
}

/**
 * The same workbook streamed into a writable (Node: a file stream), row by row, waiting for the
 * stream to drain: memory stays flat however many units there are. Resolves when everything is
 * written and the stream is finished; a stream that fails (missing folder, full disk) ends the
 * write at once with its error.
 */
export async function streamRankingWorkbook(
  result: ConsolidationResult,
  options: RankingWorkbookOptions,
  stream: NodeJS.WritableStream,
): Promise<void> {
  const failed = new Promise<never>((_, reject) => stream.on('error', reject));
  // Awaited below in every path; this keeps an early failure from floating unhandled meanwhile.
  failed.catch(() => undefined);
  const finished = new Promise<void>((resolve) => stream.on('finish', () => resolve()));
  const sink: ByteSink = (chunk) => {
    if (stream.write(chunk)) return undefined;
    const drained = Promise.race([new Promise<void>((r) => stream.once('drain', r)), failed]);
    // A small header's wait may go unawaited; the failure itself is raised by the race below.
    drained.catch(() => undefined);
    return drained;
  };
  await Promise.race([writeWorkbook(result, options, sink), failed]);
  stream.end();
  await Promise.race([finished, failed]);
}
