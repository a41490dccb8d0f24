/**
 * Reading untrusted cell values (DESIGN.md "Bad input"): a score cell may hold a number, text that
 * is clearly a number ("1,5", " 2 "), other text ("hai"), an Excel error (#VALUE!), a boolean, or
 * nothing. Adapters call `readScore` for every input cell; validation turns its findings into
 * problems with the leaf code and the cell address.
 */
import { parseNumberText, showNumber } from '../common/vi-number';
import { scoringMessage, type NotANumberParams, type ScoringParams } from './messages.vi';
import type { CellValue, Severity } from './types';

export { showNumber };

export type ReadRule = 'value.notANumber' | 'value.numericText';

/** What reading found, with its facts (`params`, worded by messages.vi.ts). */
export type ReadProblem = {
  [K in ReadRule]: {
    rule: K;
    severity: Severity;
    params: ScoringParams[K];
    /** Vietnamese, without the leaf/field prefix (validation adds it). */
    message: string;
  };
}[ReadRule];

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
    return notANumber({ found: 'notFinite' });
  }
  if (typeof value === 'string') {
    if (value.trim() === '') return EMPTY;
    const n = parseNumberText(value);
    if (n === null) return notANumber({ found: 'text', text: value.trim() });
    return {
      value: n,
      empty: false,
      problem: { severity: 'warning', ...scoringMessage('value.numericText', { text: value, value: n }) },
    };
  }
  if (typeof value === 'boolean') return notANumber({ found: 'boolean', value });
  if (isErrorValue(value)) return notANumber({ found: 'excelError', error: value.error });
  return notANumber({ found: 'unreadable' });
}

function notANumber(params: NotANumberParams): ScoreReading {
  return {
    value: null,
    empty: false,
    problem: { severity: 'error', ...scoringMessage('value.notANumber', params) },
  };
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
  if (typeof value === 'number') return showNumber(value);
  return String(value);
}
