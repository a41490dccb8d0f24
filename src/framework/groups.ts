/**
 * A framework's groups as people write them in lists and tables: by id ("so") or by name
 * ("Sở, ban, ngành", "SỞ BAN NGÀNH"). One rule for the unit list of templates and campaigns and for
 * the ranking CSV, so a group accepted in one file is accepted in the others.
 */
import { nameKey } from '../common/names';

export interface GroupRef {
  id: string;
  name: string;
}

/** The group a cell names, by id or by name (case, spacing, punctuation and tone placement aside). */
export function findGroup<G extends GroupRef>(groups: readonly G[], text: string): G | undefined {
  const key = nameKey(text);
  return groups.find((g) => g.id === text.trim() || nameKey(g.id) === key || nameKey(g.name) === key);
}

/** The accepted ways to write the groups, for messages: "so = Sở, ban, ngành; huyen = …". */
export function acceptedGroups(groups: readonly GroupRef[]): string {
  return groups.map((g) => `${g.id} = ${g.name}`).join('; ');
}
