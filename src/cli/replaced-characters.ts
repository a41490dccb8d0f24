/**
 * Said, not silent: text going into a workbook with characters XML 1.0 forbids (U+FFFE, U+FFFF,
 * lone surrogates, C0 controls) is written with them replaced by U+FFFD (common/clean-text); the
 * user is told which, and where.
 */
import { REPLACEMENT, xmlInvalidCharacters } from '../common/clean-text';
import type { UnitRef } from '../scoring/types';

/** A Vietnamese warning line, or null when the unit's name and code are clean. */
export function replacedCharactersNote(unit: Pick<UnitRef, 'name' | 'code'>): string | null {
  const bad = [...new Set([...xmlInvalidCharacters(unit.name), ...xmlInvalidCharacters(unit.code)])];
  if (!bad.length) return null;
  return `Cảnh báo: tên hoặc mã đơn vị "${unit.name}" có ký tự ${bad.join(', ')} không được phép trong tệp Excel; đã thay bằng "${REPLACEMENT}" trong mẫu.\n`;
}
