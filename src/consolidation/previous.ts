/**
 * A previous ranking (`--previous`) read back from rows: our own ranking workbook's `Xếp hạng`
 * sheet (several blocks, each with its header row) or a CSV with columns for the unit, the index
 * and optionally the code and the rank. Pure on rows; matching to the current units is done by
 * the consolidation (code, then normalised name).
 */
import { nameKey } from '../common/names';
import { parseNumberText } from '../common/vi-number';
import type { CellValue, PreviousResult } from '../scoring/types';

const NAME = ['đơn vị', 'tên đơn vị', 'unit', 'name', 'cơ quan', 'địa phương'].map(nameKey);
const CODE = ['mã', 'mã đơn vị', 'code'].map(nameKey);
const INDEX = ['chỉ số (%)', 'chỉ số', 'chỉ số cchc', 'index'].map(nameKey);
const RANK = ['hạng', 'xếp hạng', 'rank', 'stt'].map(nameKey);

function text(v: CellValue): string {
  if (v === null || v === undefined || typeof v === 'object') return '';
  return String(v).normalize('NFC').trim();
}

function num(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const t = text(v);
  return t ? parseNumberText(t) : null;
}

export interface PreviousRead {
  results: PreviousResult[];
  /** Vietnamese, when nothing usable was found. */
  problem?: string;
}

export function previousFromRows(rows: readonly CellValue[][]): PreviousRead {
  const results: PreviousResult[] = [];
  let cols: { name: number; code: number; index: number; rank: number } | null = null;
  for (const row of rows) {
    const keys = row.map((c) => nameKey(text(c)));
    const name = keys.findIndex((k) => NAME.includes(k));
    const index = keys.findIndex((k) => INDEX.includes(k));
    if (name >= 0 && index >= 0) {
      cols = {
        name,
        index,
        code: keys.findIndex((k) => CODE.includes(k)),
        rank: keys.findIndex((k) => RANK.includes(k)),
      };
      continue;
    }
    if (!cols) continue;
    const unit = text(row[cols.name]).replace(/\s*\(\*\)$/u, '');
    const value = num(row[cols.index]);
    if (!unit || value === null) continue;
    const rank = cols.rank >= 0 ? num(row[cols.rank]) : null;
    const code = cols.code >= 0 ? text(row[cols.code]) : '';
    results.push({
      unit,
      code: code || undefined,
      rank: rank !== null && Number.isInteger(rank) ? rank : null,
      index: value,
    });
  }
  if (!results.length) {
    return { results, problem: 'không tìm thấy bảng có cột "Đơn vị" và "Chỉ số (%)" (hoặc "Chỉ số").' };
  }
  return { results };
}
