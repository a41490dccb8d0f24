/**
 * The JSON of one ranked unit (DESIGN.md), shared by `cchc rank --json` and `cchc consolidate
 * --json` so the two documents cannot drift apart. `rank` is null for a unit not ranked.
 */
import type { RankedUnit } from '../scoring/types';

export function rankedUnitJson(u: RankedUnit, options: { self?: boolean } = {}) {
  return {
    unit: u.unit,
    code: u.code,
    group: u.group,
    ...(options.self ? { self: u.self } : {}),
    appraisal: u.appraisal,
    survey: u.survey,
    total: u.total,
    max: u.max,
    index: u.index,
    rank: u.rank,
    band: u.band,
    ranked: u.ranked,
  };
}
