/**
 * Reading untrusted cell values (DESIGN.md "Bad input"): a score cell may hold a number, text that
 * is clearly a number ("1,5", " 2 "), other text ("hai"), an Excel error (#VALUE!), a boolean, or
 * nothing. Adapters call `readScore` for every input cell; validation turns its findings into
 * problems with the leaf code and the cell address.
 */
import { formatVi, parseNumberText } from '../common/vi-number';
import type { CellValue, Severity } from './types';

export type ReadRule = 'value.notANumber' | 'value.numericText';

export interface ReadProblem {
  rule: ReadRule;
  severity: Severity;
  /** Vietnamese, without the leaf/field prefix (validation adds it). */
  message: string;
}

export interface ScoreReading {
  /** The number read, or null when the cell is empty or unreadable. */
  value: number | null;
  /** Nothing was entered (null, undefined, blank text). */
  empty: boolean;
  problem?: ReadProblem;
}

const EMPTY: ScoreReading = Object.freeze({ value: null, empty: true }) as ScoreReading;

function isErrorValue(value: CellValue): value is { error: string } {
  return typeof value === 'object' && value !== null && 'error' in value;
}

export function readScore(value: CellValue): ScoreReading {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return { value, empty: false };
    return notANumber('Giá trị không phải là một số hữu hạn.');
  }
  if (typeof value === 'string') {
    if (value.trim() === '') return EMPTY;
    const n = parseNumberText(value);
    if (n === null) return notANumber(`"${value.trim()}" không phải là số.`);
    return {
      value: n,
      empty: false,
      problem: {
        rule: 'value.numericText',
        severity: 'warning',
        message: `"${value}" được nhập dưới dạng chữ; đã đọc thành số ${formatVi(n, decimalsOf(n))}. Hãy nhập lại dưới dạng số.`,
      },
    };
  }
  if (typeof value === 'boolean')
    return notANumber(`Giá trị ${value ? 'TRUE' : 'FALSE'} không phải là điểm.`);
  if (isErrorValue(value)) return notANumber(`Ô đang báo lỗi ${value.error}, không đọc được điểm.`);
  return notANumber('Giá trị không đọc được.');
}

function notANumber(message: string): ScoreReading {
  return { value: null, empty: false, problem: { rule: 'value.notANumber', severity: 'error', message } };
}

/** A number for a message, Vietnamese style, with as many decimals as it has (0,5 · 68,25 · 3). */
export function showNumber(n: number): string {
  return formatVi(n, decimalsOf(n));
}

/** Number of decimals to show a value without losing digits (at least 0, at most 4). */
function decimalsOf(n: number): number {
  const s = String(Math.abs(n));
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(4, s.length - dot - 1);
}

/** Whether a text-like cell (evidence, explanation, comment) is blank. Errors and booleans are not text. */
export function isBlankText(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return false;
  return typeof value === 'boolean' ? false : true;
}

/** Any cell as display text (for messages). */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'number') return formatVi(value, decimalsOf(value));
  return String(value);
}
