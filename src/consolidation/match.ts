/**
 * Matching a row that names a unit (a survey line, a previous ranking line) to one of the units
 * being consolidated: by code first, then by normalised name (src/common/names.ts), then by the
 * name without its administrative kind ("UBND huyện Châu Phú" → "Châu Phú"). Each step only
 * counts when it points at exactly ONE unit: a match that is not certain is not made, and the
 * reason is given so a person can fix the file. Pure.
 */
import { foldDiacritics, nameKey, normaliseIncomingName, shortNameKey } from '../common/names';

export interface MatchableUnit {
  code: string | null;
  name: string;
}

export type MatchedBy = 'code' | 'name' | 'shortName';

export type MatchResult<U> =
  | { unit: U; by: MatchedBy; warning?: string }
  | { unit: null; reason: string; candidates: string[]; warning?: string };

export interface UnitIndex<U extends MatchableUnit> {
  units: readonly U[];
  byCode: Map<string, U[]>;
  byName: Map<string, U[]>;
  byShortName: Map<string, U[]>;
  byFolded: Map<string, U[]>;
}

function push<U>(map: Map<string, U[]>, key: string | null, unit: U): void {
  if (!key) return;
  const list = map.get(key);
  if (list) {
    if (!list.includes(unit)) list.push(unit);
  } else map.set(key, [unit]);
}

/**
 * Keys of codes already met: a campaign's register asks for the same few hundred codes millions of
 * times (each receipt against each unit), and NFKC normalisation is the cost. Bounded.
 */
const codeKeys = new Map<string, string>();

export function codeKey(code: string): string {
  let key = codeKeys.get(code);
  if (key === undefined) {
    // NFKC: a full-width "ＳＴＰ" (typed with a Vietnamese or East Asian IME) is the code "STP".
    key = code.normalize('NFKC').trim().toUpperCase();
    if (codeKeys.size >= 10_000) codeKeys.clear();
    codeKeys.set(code, key);
  }
  return key;
}

export function buildUnitIndex<U extends MatchableUnit>(units: readonly U[]): UnitIndex<U> {
  const index: UnitIndex<U> = {
    units,
    byCode: new Map(),
    byName: new Map(),
    byShortName: new Map(),
    byFolded: new Map(),
  };
  for (const u of units) {
    if (u.code) push(index.byCode, codeKey(u.code), u);
    push(index.byName, nameKey(u.name), u);
    // A unit's short key also answers a row that carries the prefix the unit's own name lacks, and
    // the other way round: "Châu Phú" (unit) ↔ "UBND huyện Châu Phú" (row).
    push(index.byShortName, shortNameKey(u.name) ?? nameKey(u.name), u);
    push(index.byFolded, foldDiacritics(shortNameKey(u.name) ?? u.name), u);
  }
  return index;
}

function names<U extends MatchableUnit>(list: readonly U[]): string[] {
  return list.map((u) => (u.code ? `${u.name} (${u.code})` : u.name));
}

/**
 * Finds the one unit a row means. `code` wins when it is known; an unknown code falls back to the
 * name (files often carry stale or local codes) with a warning saying so.
 */
export function matchUnit<U extends MatchableUnit>(
  row: { code?: string | null; name?: string | null },
  index: UnitIndex<U>,
): MatchResult<U> {
  const code = row.code ? codeKey(row.code) : '';
  let warning: string | undefined;
  if (code) {
    const hits = index.byCode.get(code) ?? [];
    if (hits.length === 1) return { unit: hits[0], by: 'code' };
    if (hits.length > 1)
      return { unit: null, reason: `Mã "${row.code}" thuộc nhiều đơn vị.`, candidates: names(hits) };
    warning = `Mã "${row.code}" không có trong danh sách đơn vị; đã thử ghép theo tên.`;
  }
  const rawName = row.name?.trim() ?? '';
  if (!rawName)
    return {
      unit: null,
      reason: code
        ? `Mã "${row.code}" không khớp đơn vị nào và dòng không có tên.`
        : 'Dòng không có mã và tên đơn vị.',
      candidates: [],
      warning,
    };
  const incoming = normaliseIncomingName(rawName);
  const combine = (w?: string) => [warning, incoming.warning, w].filter(Boolean).join(' ') || undefined;
  const full = index.byName.get(nameKey(incoming.name)) ?? [];
  if (full.length === 1) return { unit: full[0], by: 'name', warning: combine() };
  if (full.length > 1) {
    return {
      unit: null,
      reason: `Tên "${incoming.name}" khớp nhiều đơn vị; hãy ghi mã đơn vị.`,
      candidates: names(full),
      warning: combine(),
    };
  }
  const shortKey = shortNameKey(incoming.name) ?? nameKey(incoming.name);
  const short = index.byShortName.get(shortKey) ?? [];
  if (short.length === 1) return { unit: short[0], by: 'shortName', warning: combine() };
  if (short.length > 1) {
    return {
      unit: null,
      reason: `Tên "${incoming.name}" khớp nhiều đơn vị; hãy ghi đầy đủ tên hoặc mã.`,
      candidates: names(short),
      warning: combine(),
    };
  }
  // Never matched on letters without diacritics ("Tân Châu" vs "Tấn Châu"); only suggested.
  const similar = index.byFolded.get(foldDiacritics(shortKey)) ?? [];
  return {
    unit: null,
    reason: similar.length
      ? `Tên "${incoming.name}" không khớp chính xác đơn vị nào (chỉ giống khi bỏ dấu).`
      : `Tên "${incoming.name}" không khớp đơn vị nào trong các tệp đọc được.`,
    candidates: names(similar),
    warning: combine(),
  };
}
