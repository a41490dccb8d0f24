/**
 * The figures a person checks a framework by (DESIGN.md `cchc frameworks` / `framework check`):
 * counts per level and points by method, taken from the TREE (what is really there), not from
 * what the framework declares — the checks compare the two.
 */
import { treePoints } from './checks';
import type { Framework } from './schema';
import { countByDepth } from './tree';

export interface FrameworkCounts {
  fields: number;
  criteria: number;
  subCriteria: number;
}

export interface FrameworkPoints {
  self: number;
  survey: number;
  total: number;
}

export interface FrameworkSummary {
  id: string;
  title: string;
  year: number;
  level: string;
  status: 'official' | 'illustrative';
  groups: { id: string; name: string }[];
  counts: FrameworkCounts;
  points: FrameworkPoints;
}

export function frameworkSummary(f: Framework): FrameworkSummary {
  return {
    id: f.id,
    title: f.title,
    year: f.year,
    level: f.level,
    status: f.status,
    groups: f.groups.map((g) => ({ id: g.id, name: g.name })),
    counts: countByDepth(f.tree),
    points: treePoints(f),
  };
}
