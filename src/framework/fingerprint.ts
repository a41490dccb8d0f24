/**
 * A stable fingerprint of everything that changes a result: which rows exist (codes in tree
 * order), their maxima (also per group), who scores them (method/source), which groups they apply
 * to and which scores a leaf's rule allows — and the settings that turn scores into a ranking:
 * the groups, the bands (xếp loại), each survey source's conversion, the survey rounding stage,
 * the decimal places, the tie rule and the units not ranked. Two frameworks with one id but other bands or another SIPAS
 * conversion must not pass for each other (issue 13). Names, guides and titles are left out on
 * purpose: fixing a typo in a criterion's name must not invalidate templates already sent out.
 *
 * FNV-1a 64-bit over canonical JSON: pure TS (no Node crypto, so it runs in the add-in too),
 * and more than enough to detect edits — this is tamper EVIDENCE, not security.
 */
import type { FrameworkNode, Rule } from './schema';
import type { Framework } from './schema';
import { isLeaf, walk } from './tree';
import { toHundredths } from '../common/decimal';
import { ruleKind } from './rule-kinds';

/**
 * FNV-1a 64-bit of the UTF-8 bytes of `text`, as 16 lowercase hex digits. Computed on four 16-bit
 * limbs (BigInt is ~10× slower, and this runs once per returned workbook on consolidation):
 * h × prime = h × 0x1b3 + (h << 40) mod 2^64.
 */
export function fnv1a64(text: string): string {
  // Offset basis 0xcbf29ce484222325, lowest limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const byte of new TextEncoder().encode(text)) {
    h0 ^= byte;
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + ((h0 & 0xff) << 8);
    let t3 = h3 * 0x1b3 + ((h0 >>> 8) | ((h1 & 0xff) << 8));
    t1 += t0 >>> 16;
    t2 += t1 >>> 16;
    t3 += t2 >>> 16;
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((x) => x.toString(16).padStart(4, '0')).join('');
}

/** The values a rule allows, in hundredths, in a canonical order (each kind says which). */
function ruleShape(rule: Rule | undefined): unknown {
  return rule ? ruleKind(rule).shape(rule) : null;
}

function nodeShape(node: FrameworkNode): unknown {
  const base: unknown[] = [node.code, toHundredths(node.max)];
  if (!isLeaf(node)) return base;
  const byGroup = Object.entries(node.maxByGroup ?? {})
    .map(([g, m]) => [g, toHundredths(m)])
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

/** The ranking settings, in a canonical order (absent settings as the schema's defaults). */
function settingsShape(framework: Partial<Framework>): unknown {
  const sorted = (list: readonly string[] | undefined) => [...(list ?? [])].sort();
  return [
    sorted(framework.groups?.map((g) => g.id)),
    // Each entry as its JSON text, sorted: a canonical order whatever the file's order.
    (framework.bands ?? [])
      .map((b) => JSON.stringify([b.name, toHundredths(b.min), sorted(b.groups)]))
      .sort(),
    (framework.surveySources ?? [])
      .map((s) => [s.id, s.conversion ?? 'rateTimesMax'])
      .sort((a, b) => a[0].localeCompare(b[0])),
    framework.places ?? 2,
    framework.tieRule ?? 'shared',
    sorted(framework.notRanked?.map((n) => n.normalize('NFC').trim())),
    // Appended only when not the default: frameworks without the setting keep the fingerprint
    // their templates already carry, and "total" can never pass for "perCriterion".
    ...(framework.survey?.rounding === 'total' ? [['surveyRounding', 'total']] : []),
  ];
}

/** Stable across key order, names, guides and JSON formatting; changes with any edit that changes a result. */
export function frameworkFingerprint(framework: Pick<Framework, 'tree'> & Partial<Framework>): string {
  const shape = walk(framework.tree).map((v) => nodeShape(v.node));
  return fnv1a64(JSON.stringify([shape, settingsShape(framework)]));
}
