/**
 * Which column of a table holds what, from its header row: each column key has its aliases (the
 * titles different offices give it), and a title takes the first key one of whose aliases it
 * matches. One matcher for every table we read (appendix tables, ranking inputs, unit lists), so
 * "first key wins a title, first title wins a key" means the same everywhere.
 */

/** An exact title (compared after `normalize`) or a pattern tested on the normalised title. */
export type Alias = string | RegExp;

/** Keys in the order they are tried, each with its aliases. */
export type ColumnAliases<K extends string> = ReadonlyArray<readonly [K, readonly Alias[]]>;

export interface HeaderMatch<K extends string> {
  /** 0-based column of each key found. */
  index: Partial<Record<K, number>>;
  /** 0-based columns that took no key: no alias matched, or their key was taken by an earlier column. */
  others: number[];
}

export function matchHeader<K extends string>(
  titles: readonly string[],
  aliases: ColumnAliases<K>,
  normalize: (title: string) => string = (t) => t,
): HeaderMatch<K> {
  const exact = aliases.map(
    ([key, list]) => [key, list.map((a) => (typeof a === 'string' ? normalize(a) : a))] as const,
  );
  const index: Partial<Record<K, number>> = {};
  const others: number[] = [];
  titles.forEach((title, i) => {
    const t = normalize(title);
    const hit = t
      ? exact.find(([, list]) => list.some((a) => (typeof a === 'string' ? a === t : a.test(t))))
      : undefined;
    if (hit && index[hit[0]] === undefined) index[hit[0]] = i;
    else others.push(i);
  });
  return { index, others };
}
