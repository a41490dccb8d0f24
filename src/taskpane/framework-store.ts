/**
 * The frameworks the task pane offers: the built-ins plus those imported in this add-in, which are
 * kept in the browser's localStorage (per user and machine; nothing leaves the computer). Stored
 * JSON is untrusted like any input: it is parsed and checked again on every load.
 */
import { listBuiltinFrameworks } from '../framework/builtins';
import { checkFramework } from '../framework/checks';
import { parseFramework } from '../framework/parse';
import type { Framework } from '../framework/schema';
import { frameworkSummary } from '../framework/summary';
import type { FrameworkChoice } from './services';

const STORAGE_KEY = 'cchc.importedFrameworks.v1';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Some Office webviews refuse storage access (privacy settings): imports then last the session.
    return null;
  }
}

let sessionOnly: unknown[] = [];

function readStored(): unknown[] {
  const s = storage();
  if (!s) return sessionOnly;
  try {
    const parsed: unknown = JSON.parse(s.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function writeStored(list: unknown[]): void {
  const s = storage();
  if (!s) {
    sessionOnly = list;
    return;
  }
  s.setItem(STORAGE_KEY, JSON.stringify(list));
}

export function importedFrameworks(): Framework[] {
  const out: Framework[] = [];
  for (const json of readStored()) {
    try {
      out.push(parseFramework(json, 'bộ tiêu chí đã nhập'));
    } catch {
      // A stored copy from an older format that no longer parses is skipped, not fatal.
    }
  }
  return out;
}

/** Saves (or replaces, by id) an imported framework. */
export function saveImported(framework: Framework): void {
  const others = readStored().filter((j) => (j as { id?: unknown })?.id !== framework.id);
  writeStored([...others, framework]);
}

export function allFrameworks(): { framework: Framework; imported: boolean }[] {
  const builtins = listBuiltinFrameworks().map((framework) => ({ framework, imported: false }));
  const ids = new Set(builtins.map((b) => b.framework.id));
  // A built-in id cannot be shadowed by an import: the built-in is what templates name.
  const imported = importedFrameworks()
    .filter((f) => !ids.has(f.id))
    .map((framework) => ({ framework, imported: true }));
  return [...builtins, ...imported];
}

export function findFramework(id: string): Framework | undefined {
  return allFrameworks().find((f) => f.framework.id === id)?.framework;
}

export function toChoice(framework: Framework, imported: boolean): FrameworkChoice {
  return {
    // The same figures `cchc frameworks` prints, from the one summary.
    ...frameworkSummary(framework),
    imported,
    legalBasis: { number: framework.legalBasis.number, date: framework.legalBasis.date },
    problems: checkFramework(framework).map(({ code, rule, message, params }) => ({
      code,
      rule,
      message,
      params,
    })),
  };
}
