/**
 * The frameworks shipped with the product. Imported as modules (never read with fs) so the same
 * code works in the Node CLI and in the browser bundle of the add-in.
 */
import anGiang2021 from '../../templates/an-giang-2021.json';
import anGiang2022 from '../../templates/an-giang-2022.json';
import minhHoa2025 from '../../templates/minh-hoa-2025.json';
import { parseFramework } from './parse';
import type { Framework } from './schema';

const sources: Array<[string, unknown]> = [
  ['templates/an-giang-2022.json', anGiang2022],
  ['templates/an-giang-2021.json', anGiang2021],
  // The two-level (2025) shape, added after the An Giang ones so the pane's default stays put.
  ['templates/minh-hoa-2025.json', minhHoa2025],
];

let cache: Framework[] | null = null;

/** Every built-in framework, in the order above (the first is the pane's default). Parsed once; callers get fresh copies to mutate freely. */
export function listBuiltinFrameworks(): Framework[] {
  cache ??= sources.map(([file, json]) => parseFramework(json, file));
  return cache.map((f) => structuredClone(f));
}

export function getBuiltinFramework(id: string): Framework | undefined {
  return listBuiltinFrameworks().find((f) => f.id === id);
}

export function builtinFrameworkIds(): string[] {
  return sources.map(([, json]) => (json as { id: string }).id);
}
