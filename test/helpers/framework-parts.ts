/**
 * The pieces every test framework is made of, in one place: the head (all but the tree and the
 * declared totals), the two usual groups, and the two rules most fixtures use ("Ban hành kế hoạch"
 * levels and the 90 % / 70 % tiers). Fixtures state only what makes them different.
 */
import type { FrameworkInput } from '../../src/framework/schema';

type Head = Omit<FrameworkInput, 'tree' | 'declared'>;

/** Sở and huyện: the two groups of the An Giang frameworks the fixtures imitate. */
export const SO_HUYEN: FrameworkInput['groups'] = [
  { id: 'so', name: 'Sở, ban, ngành' },
  { id: 'huyen', name: 'UBND cấp huyện' },
];

/** A framework head with format version 1, version 1.0.0, level `so`, the sở/huyện groups and SIPAS. */
export function frameworkHead(
  fields: Pick<Head, 'id' | 'title' | 'year' | 'legalBasis'> & Partial<Head>,
): Head {
  return {
    formatVersion: 1,
    level: 'so',
    status: 'official',
    version: '1.0.0',
    groups: SO_HUYEN,
    surveySources: [{ id: 'sipas', name: 'SIPAS' }],
    ...fields,
  };
}

/** "Ban hành kịp thời: 1; Ban hành không kịp thời: 0,5; Không ban hành: 0", scaled to `points`. */
export function planLevelsRule(points = 1) {
  return {
    kind: 'levels' as const,
    options: [
      { label: 'Ban hành kịp thời', points },
      { label: 'Ban hành không kịp thời', points: points / 2 },
      { label: 'Không ban hành', points: 0 },
    ],
  };
}

/** "Trên 90%: 2; Từ 70% - 90%: 1; Dưới 70%: 0" (points given high to low), with an optional measure. */
export function percentTiersRule(points: readonly [number, number, number] = [2, 1, 0], measure?: string) {
  return {
    kind: 'tiers' as const,
    ...(measure ? { measure } : {}),
    tiers: [
      { label: 'Trên 90%', min: 90, minInclusive: false, max: null, maxInclusive: false, points: points[0] },
      { label: 'Từ 70% - 90%', min: 70, minInclusive: true, max: 90, maxInclusive: true, points: points[1] },
      { label: 'Dưới 70%', min: null, minInclusive: false, max: 70, maxInclusive: false, points: points[2] },
    ],
  };
}
