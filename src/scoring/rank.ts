/**
 * Ranking (xếp hạng) of units by index, per group (sở apart from huyện, …), as published by
 * decision: index descending; equal indices AT THE PUBLISHED PRECISION share a rank and the next
 * rank skips (1, 2, 2, 4) unless the tie rule is `dense` (1, 2, 2, 3); units assessed but not ranked
 * (e.g. Thanh tra tỉnh) are listed without a rank and consume none; a band (xếp loại) per group; the
 * change against a previous ranking, matched by unit code, then by normalised name.
 */
import { nameKey } from '../common/names';
import type { Band, TieRule } from '../framework/schema';
import { divRoundHalfUp, fromScaled, toScaled } from '../common/decimal';
import type { PreviousResult, RankedUnit, RankInput } from './types';

export interface RankOptions {
  /** Published decimal places (default 2): indices are compared, and ties decided, at this precision. */
  places?: number;
  tieRule?: TieRule;
  /** The framework's bands; a band applies to the groups it lists, or to all when it lists none. */
  bands?: Band[];
  /** Groups listed first, in this order; other groups follow in order of first appearance. */
  groupOrder?: string[];
  previous?: PreviousResult[];
}

export const MISSING_SURVEY_WARNING = 'Chưa có điểm điều tra XHH: tạm tính 0 điểm để xếp hạng.';

/**
 * Unit names compared across years and files: the shared key of src/common/names.ts (NFC, case,
 * spacing, punctuation, common abbreviations; diacritics kept).
 */
export function normalizeUnitName(name: string): string {
  return nameKey(name);
}

/** The band for an index in a group: the one with the highest `min` not above the index. */
export function bandFor(index: number, group: string, bands: readonly Band[]): string | null {
  let best: Band | null = null;
  for (const b of bands) {
    if (b.groups && !b.groups.includes(group)) continue;
    if (toScaled(index, 4) < toScaled(b.min, 4)) continue;
    if (!best || b.min > best.min) best = b;
  }
  return best?.name ?? null;
}

interface Scored {
  order: number;
  unit: RankedUnit;
  /** Index at the published precision, as an integer: the sort and tie key. */
  key: number;
}

export function rankUnits(inputs: readonly RankInput[], options: RankOptions = {}): RankedUnit[] {
  const places = options.places ?? 2;
  const scale = Math.max(2, places);
  const shrink = 10 ** (scale - places);
  const publish = (scaled: number) => fromScaled(divRoundHalfUp(scaled, shrink), places);

  const scored: Scored[] = inputs.map((input, order) => {
    const warnings: string[] = [];
    const hasSurvey = input.survey !== null && input.survey !== undefined;
    if (!hasSurvey) warnings.push(MISSING_SURVEY_WARNING);
    const appraisal = toScaled(input.appraisal, scale);
    const survey = hasSurvey ? toScaled(input.survey as number, scale) : 0;
    const max = toScaled(input.max, scale);
    const total = appraisal + survey;
    let key = 0;
    if (max <= 0) warnings.push('Điểm tối đa phải lớn hơn 0: không tính được chỉ số.');
    else {
      key = divRoundHalfUp(total * 100 * 10 ** places, max);
      if (total > max) warnings.push('Tổng điểm vượt điểm tối đa.');
    }
    const index = fromScaled(key, places);
    const unit: RankedUnit = {
      unit: input.unit,
      code: input.code ?? null,
      group: input.group,
      self: input.self ?? null,
      appraisal: publish(appraisal),
      survey: publish(survey),
      total: publish(total),
      max: publish(max),
      index,
      rank: null,
      band: bandFor(index, input.group, options.bands ?? []),
      ranked: input.ranked,
      // A copy holds exactly its sentences: an array grown by push keeps room for 17 (~120 bytes
      // more per unit, for 3,300 units held until the ranking is written).
      warnings: warnings.slice(),
    };
    return { order, unit, key };
  });

  const groups = groupSequence(
    scored.map((s) => s.unit.group),
    options.groupOrder ?? [],
  );
  const byIndex = (a: Scored, b: Scored) => b.key - a.key || a.order - b.order;
  const out: RankedUnit[] = [];
  for (const group of groups) {
    const members = scored.filter((s) => s.unit.group === group);
    const ranked = members.filter((s) => s.unit.ranked).sort(byIndex);
    let distinct = 0;
    ranked.forEach((s, i) => {
      const tied = i > 0 && ranked[i - 1].key === s.key;
      if (!tied) distinct++;
      s.unit.rank = tied
        ? (ranked[i - 1].unit.rank as number)
        : options.tieRule === 'dense'
          ? distinct
          : i + 1;
    });
    const unranked = members.filter((s) => !s.unit.ranked).sort(byIndex);
    for (const s of [...ranked, ...unranked]) out.push(s.unit);
  }
  if (options.previous?.length) attachPrevious(out, options.previous, places);
  return out;
}

function groupSequence(groups: readonly string[], preferred: readonly string[]): string[] {
  const present = new Set(groups);
  const seq = preferred.filter((g, i) => present.has(g) && preferred.indexOf(g) === i);
  for (const g of groups) if (!seq.includes(g)) seq.push(g);
  return seq;
}

function attachPrevious(units: RankedUnit[], previous: readonly PreviousResult[], places: number): void {
  const byCode = new Map<string, PreviousResult>();
  const byName = new Map<string, PreviousResult[]>();
  for (const p of previous) {
    if (p.code) byCode.set(p.code, p);
    const key = normalizeUnitName(p.unit);
    byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  for (const u of units) {
    let match = u.code ? byCode.get(u.code) : undefined;
    if (!match) {
      const candidates = byName.get(normalizeUnitName(u.unit)) ?? [];
      match =
        candidates.find((p) => p.group === u.group) ??
        candidates.find((p) => p.group === undefined) ??
        candidates[0];
    }
    if (!match) continue;
    u.previous = {
      rank: match.rank,
      index: match.index,
      rankChange: match.rank !== null && u.rank !== null ? match.rank - u.rank : null,
      indexChange: fromScaled(toScaled(u.index, places) - toScaled(match.index, places), places),
    };
  }
}
