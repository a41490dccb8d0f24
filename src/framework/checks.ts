/**
 * Whether a framework adds up. The schema (schema.ts) only checks each value's shape; these checks
 * look at the whole: sums, counts, codes, rules. Every problem names the node (its code) and has a
 * stable `rule` key. A framework with any problem cannot be used to make templates
 * (`assertUsable`), because every later step — templates, validation, totals, ranking — trusts it.
 *
 * Rule keys:
 *   code.duplicate, code.tree, code.sequence, tree.depth,
 *   max.sum, max.decimals, max.negative, parent.leafField,
 *   leaf.source, leaf.rule, leaf.appliesTo, leaf.maxByGroup,
 *   levels.range, levels.max, levels.duplicate,
 *   tiers.range, tiers.max, tiers.empty, tiers.gap, tiers.overlap,
 *   range.step, deduction.max, deduction.step, bonus.max, bonus.step,
 *   declared.counts, declared.points, declared.survey, declared.total,
 *   group.duplicate, survey.sourceDuplicate, band.group, band.duplicate, group.noPoints
 */
import type { FrameworkProblemKey } from './problem-keys';
import { FrameworkError, type FrameworkProblem } from './errors';
import { fromHundredths, isHundredths, sumHundredths, toHundredths } from '../common/decimal';
import { FRAMEWORK_VI, type FrameworkParams, type NodeParam } from './messages.vi';
import { ruleKind, type CheckAdd } from './rule-kinds';
import type { Framework, FrameworkNode, Rule } from './schema';
import { countByDepth, isLeaf, leafMaxFor, walk } from './tree';

export type { FrameworkProblem } from './errors';

/** Raises the problem `rule` about the node `code` ("" = the framework), worded from its facts. */
type Raise = <K extends FrameworkProblemKey>(code: string, rule: K, params: FrameworkParams[K]) => void;

/** Every problem of the framework, in tree order, then framework-level ones. Empty = usable. */
export function checkFramework(framework: Framework): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const add: CheckAdd = (code, rule, message, params) => problems.push({ code, rule, message, params });
  const raise: Raise = (code, rule, params) => add(code, rule, FRAMEWORK_VI[rule](params), params);
  const groupIds = new Set(framework.groups.map((g) => g.id));
  const sourceIds = new Set(framework.surveySources.map((s) => s.id));

  // Codes: unique, consistent with the position in the tree, numbered 1, 2, 3 … under each parent.
  const seen = new Set<string>();
  const checkSiblings = (nodes: readonly FrameworkNode[], parentCode: string | null, depth: number) => {
    nodes.forEach((node, i) => {
      const at: NodeParam = { code: node.code, depth };
      if (seen.has(node.code)) raise(node.code, 'code.duplicate', { code: node.code });
      seen.add(node.code);
      const expected = parentCode === null ? `${i + 1}` : `${parentCode}.${i + 1}`;
      const segments = node.code.split('.');
      const prefixOk =
        parentCode === null
          ? segments.length === 1
          : node.code.startsWith(`${parentCode}.`) && segments.length === depth;
      if (!prefixOk) raise(node.code, 'code.tree', { code: node.code, parent: parentCode, expected });
      else if (node.code !== expected)
        raise(node.code, 'code.sequence', { code: node.code, position: i + 1, expected });
      if (depth > 3) raise(node.code, 'tree.depth', at);
      if (node.children?.length) checkSiblings(node.children, node.code, depth + 1);
    });
  };
  checkSiblings(framework.tree, null, 1);

  for (const { node, depth } of walk(framework.tree)) {
    const at: NodeParam = { code: node.code, depth };
    if (!isHundredths(node.max)) raise(node.code, 'max.decimals', { ...at, max: node.max });
    if (node.max < 0) raise(node.code, 'max.negative', { ...at, max: node.max });
    if (!isLeaf(node)) {
      const children = (node.children ?? []).map((c) => ({ code: c.code, max: c.max }));
      const sum = sumHundredths(children.map((c) => c.max));
      if (sum !== toHundredths(node.max))
        raise(node.code, 'max.sum', { ...at, max: node.max, children, sum: fromHundredths(sum) });
      const leafOnly = (
        ['method', 'source', 'rule', 'evidenceRequired', 'appliesTo', 'maxByGroup'] as const
      ).filter((k) => node[k] !== undefined);
      if (leafOnly.length) raise(node.code, 'parent.leafField', { ...at, fields: [...leafOnly] });
      continue;
    }
    checkLeaf(node, at, groupIds, sourceIds, raise, add);
  }

  // Declared counts and points against the tree.
  const counts = countByDepth(framework.tree);
  const dc = framework.declared.counts;
  for (const what of ['fields', 'criteria', 'subCriteria'] as const) {
    if (counts[what] !== dc[what])
      raise('', 'declared.counts', { what, declared: dc[what], counted: counts[what] });
  }
  const pts = treePoints(framework);
  const dp = framework.declared.points;
  if (toHundredths(dp.self) !== toHundredths(pts.self))
    raise('', 'declared.points', { declared: dp.self, counted: pts.self });
  if (toHundredths(dp.survey) !== toHundredths(pts.survey))
    raise('', 'declared.survey', { declared: dp.survey, counted: pts.survey });
  if (
    toHundredths(dp.total) !== toHundredths(dp.self) + toHundredths(dp.survey) ||
    toHundredths(dp.total) !== toHundredths(pts.total)
  ) {
    raise('', 'declared.total', { declared: dp.total, counted: pts.total, self: dp.self, survey: dp.survey });
  }

  // Groups, bands, sources.
  const dupes = <T>(items: T[]) => items.filter((x, i) => items.indexOf(x) !== i);
  for (const id of new Set(dupes(framework.groups.map((g) => g.id))))
    raise('', 'group.duplicate', { group: id });
  for (const id of new Set(dupes(framework.surveySources.map((s) => s.id))))
    raise('', 'survey.sourceDuplicate', { source: id });
  for (const band of framework.bands) {
    for (const g of band.groups ?? []) {
      if (!groupIds.has(g)) raise('', 'band.group', { band: band.name, group: g });
    }
  }
  for (const g of framework.groups) {
    const names = framework.bands.filter((b) => !b.groups || b.groups.includes(g.id)).map((b) => b.name);
    for (const name of new Set(dupes(names))) raise('', 'band.duplicate', { group: g.name, band: name });
    const total = walk(framework.tree)
      .filter((v) => isLeaf(v.node))
      .reduce((s, v) => s + toHundredths(leafMaxFor(v.node, g.id)), 0);
    if (total <= 0) raise('', 'group.noPoints', { group: g.name });
  }
  return problems;
}

/** Points of the tree by method (leaf maxima; absent method = self). */
export function treePoints(framework: Pick<Framework, 'tree'>): {
  self: number;
  survey: number;
  total: number;
} {
  let self = 0;
  let survey = 0;
  for (const { node } of walk(framework.tree)) {
    if (!isLeaf(node)) continue;
    if (node.method === 'survey') survey += toHundredths(node.max);
    else self += toHundredths(node.max);
  }
  return { self: fromHundredths(self), survey: fromHundredths(survey), total: fromHundredths(self + survey) };
}

function checkLeaf(
  node: FrameworkNode,
  at: NodeParam,
  groupIds: Set<string>,
  sourceIds: Set<string>,
  raise: Raise,
  add: CheckAdd,
) {
  const code = node.code;
  for (const g of node.appliesTo ?? []) {
    if (!groupIds.has(g)) raise(code, 'leaf.appliesTo', { ...at, why: 'unknownGroup', group: g });
  }
  if (node.appliesTo && node.appliesTo.length === 0) raise(code, 'leaf.appliesTo', { ...at, why: 'empty' });
  for (const [g, m] of Object.entries(node.maxByGroup ?? {})) {
    if (!groupIds.has(g)) raise(code, 'leaf.maxByGroup', { ...at, why: 'unknownGroup', group: g });
    else if (node.appliesTo && !node.appliesTo.includes(g))
      raise(code, 'leaf.maxByGroup', { ...at, why: 'notApplied', group: g });
    if (m < 0 || !isHundredths(m))
      raise(code, 'leaf.maxByGroup', { ...at, why: 'invalid', group: g, max: m });
  }

  if (node.method === 'survey') {
    if (!node.source) raise(code, 'leaf.source', { ...at, why: 'missing' });
    else if (!sourceIds.has(node.source))
      raise(code, 'leaf.source', { ...at, why: 'unknown', source: node.source });
    if (node.rule) raise(code, 'leaf.rule', { ...at, why: 'onSurvey' });
    return;
  }
  if (node.source) raise(code, 'leaf.source', { ...at, why: 'notSurvey' });
  if (!node.rule) {
    raise(code, 'leaf.rule', { ...at, why: 'missing' });
    return;
  }
  checkRule(node, node.rule, at, add);
}

function checkRule(node: FrameworkNode, rule: Rule, at: NodeParam, add: CheckAdd) {
  ruleKind(rule).check(rule, node, at, add);
}

/** Refuses a framework that fails any check: it cannot be used to make templates. */
export function assertUsable(framework: Framework, source = framework.id): void {
  const problems = checkFramework(framework);
  if (problems.length === 0) return;
  const lines = problems.slice(0, 10).map((p) => `  - ${p.code ? `[${p.code}] ` : ''}${p.message}`);
  const more = problems.length > 10 ? [`  … và ${problems.length - 10} lỗi khác`] : [];
  throw new FrameworkError(
    `Bộ tiêu chí ${source} không dùng được (${problems.length} lỗi), phải sửa trước khi tạo mẫu chấm điểm:\n${[...lines, ...more].join('\n')}`,
    problems,
  );
}
