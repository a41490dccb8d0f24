/**
 * The "several units" box of the Tạo mẫu panel: one unit per line, as staff paste it from Excel
 * (tab-separated), from a CSV (";" or ",") or type it by hand. A line is `code; name; group`,
 * `name; group`, `code; name` or just `name`; the group may be written as its id ("so") or its
 * name ("Sở, ban, ngành"). Every line that cannot be used is reported with its line number rather
 * than guessed.
 */
import type { UnitRef } from '../scoring/types';

export interface UnitListMessages {
  unknownGroup(group: string): string;
  missingName: string;
  duplicate(name: string): string;
}

export interface UnitListResult {
  units: UnitRef[];
  problems: { line: number; message: string }[];
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/** A code is short and has no spaces, e.g. "SO01", "21.3", "X-12". */
const looksLikeCode = (s: string) => /^[\p{L}\d][\p{L}\d._-]{0,15}$/u.test(s) && /\d/.test(s);

export function parseUnitList(
  text: string,
  groups: readonly { id: string; name: string }[],
  defaultGroup: string,
  messages: UnitListMessages,
): UnitListResult {
  const units: UnitRef[] = [];
  const problems: { line: number; message: string }[] = [];
  const seen = new Set<string>();
  const findGroup = (s: string) => groups.find((g) => fold(g.id) === fold(s) || fold(g.name) === fold(s));

  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const sep = raw.includes('\t') ? '\t' : raw.includes(';') ? ';' : null;
    const parts = (sep ? raw.split(sep) : [raw]).map((p) => p.normalize('NFC').trim());
    while (parts.length && parts[parts.length - 1] === '') parts.pop();

    let code = '';
    let group = defaultGroup;
    let rest = parts;
    if (rest.length >= 2 && looksLikeCode(rest[0])) {
      code = rest[0];
      rest = rest.slice(1);
    }
    if (rest.length >= 2) {
      const g = findGroup(rest[rest.length - 1]);
      if (!g) {
        problems.push({ line, message: messages.unknownGroup(rest[rest.length - 1]) });
        return;
      }
      group = g.id;
      rest = rest.slice(0, -1);
    }
    const name = rest.join(' ').replace(/\s+/g, ' ').trim();
    if (!name) {
      problems.push({ line, message: messages.missingName });
      return;
    }
    const key = fold(code || name);
    if (seen.has(key)) {
      problems.push({ line, message: messages.duplicate(name) });
      return;
    }
    seen.add(key);
    units.push({ code, name, group });
  });
  return { units, problems };
}
