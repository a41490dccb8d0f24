/**
 * Edits that turn a template's list of elements (shared strings, check formulas) into a return's:
 * for the properties that read returns in turn, each after the parts read before.
 */
import fc from 'fast-check';

export interface ListEdit<T> {
  kind: 'same' | 'replace' | 'insert' | 'remove' | 'reverse';
  at: number;
  item: T;
}

export const UNCHANGED: ListEdit<never> = { kind: 'same', at: 0, item: undefined as never };

export function listEdit<T>(items: readonly T[]): fc.Arbitrary<ListEdit<T>> {
  return fc.record({
    kind: fc.constantFrom(
      'same' as const,
      'replace' as const,
      'insert' as const,
      'remove' as const,
      'reverse' as const,
    ),
    at: fc.nat(12),
    item: fc.constantFrom(...items),
  });
}

/** `base` with `edit` applied (a copy). */
export function edited<T>(base: readonly T[], edit: ListEdit<T>): T[] {
  const list = [...base];
  const at = edit.at % (list.length + 1);
  if (edit.kind === 'replace') list[Math.min(at, list.length - 1)] = edit.item;
  else if (edit.kind === 'insert') list.splice(at, 0, edit.item);
  else if (edit.kind === 'remove') list.splice(at, 1);
  else if (edit.kind === 'reverse') list.reverse();
  return list;
}
