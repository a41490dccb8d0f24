/**
 * A stable fingerprint of what a returned workbook must keep: which rows exist (codes in tree
 * order), their maxima (also per group), who scores them (method/source), which groups they apply
 * to and which scores a leaf's rule allows. Names, guides, titles and bands are left out on
 * purpose: fixing a typo in a criterion's name must not invalidate templates already sent out,
 * while changing a maximum must.
 *
 * FNV-1a 64-bit over canonical JSON: pure TS (no Node crypto, so it runs in the add-in too),
 * and more than enough to detect edits — this is tamper EVIDENCE, not security.
 */
import type { FrameworkNode, Rule } from './schema';
import type { Framework } from './schema';
import { isLeaf, walk } from './tree';
import { toCents } from './points';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** FNV-1a 64-bit of the UTF-8 bytes of `text`, as 16 lowercase hex digits. */
export function fnv1a64(text: string): string {
  let h = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * FNV_PRIME) & MASK;
  }
  return h.toString(16).padStart(16, '0');
}

/** The values a rule allows, in hundredths, in a canonical order. */
function ruleShape(rule: Rule | undefined): unknown {
  if (!rule) return null;
  switch (rule.kind) {
    case 'levels':
      return ['levels', [...new Set(rule.options.map((o) => toCents(o.points)))].sort((a, b) => a - b)];
    case 'tiers':
      return ['tiers', [...new Set(rule.tiers.map((t) => toCents(t.points)))].sort((a, b) => a - b)];
    case 'range':
      return ['range', toCents(rule.step)];
    case 'deduction':
    case 'bonus':
      return [rule.kind, toCents(rule.cap), toCents(rule.step)];
  }
}

function nodeShape(node: FrameworkNode): unknown {
  const base: unknown[] = [node.code, toCents(node.max)];
  if (!isLeaf(node)) return base;
  const byGroup = Object.entries(node.maxByGroup ?? {})
    .map(([g, m]) => [g, toCents(m)])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return [
    ...base,
    node.method ?? 'self',
    node.source ?? null,
    node.appliesTo ? [...node.appliesTo].sort() : null,
    byGroup,
    ruleShape(node.rule),
  ];
}

/** Stable across key order, names, guides and JSON formatting; changes with any structural edit. */
export function frameworkFingerprint(framework: Pick<Framework, 'tree'>): string {
  const shape = walk(framework.tree).map((v) => nodeShape(v.node));
  return fnv1a64(JSON.stringify(shape));
}
