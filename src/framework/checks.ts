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
import { formatPoints } from '../common/vi-number';
import { ruleKind } from './rule-kinds';
import type { Framework, FrameworkNode, Rule } from './schema';
import { countByDepth, isLeaf, leafMaxFor, walk } from './tree';

export type { FrameworkProblem } from './errors';

const DEPTH_NAMES = ['lĩnh vực', 'tiêu chí', 'tiêu chí thành phần'];

function nodeLabel(code: string, depth: number): string {
  return `${DEPTH_NAMES[depth - 1] ?? 'mục'} ${code}`;
}

const fmt = formatPoints;

/** Every problem of the framework, in tree order, then framework-level ones. Empty = usable. */
export function checkFramework(framework: Framework): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const add = (code: string, rule: FrameworkProblemKey, message: string) =>
    problems.push({ code, rule, message });
  const groupIds = new Set(framework.groups.map((g) => g.id));
  const sourceIds = new Set(framework.surveySources.map((s) => s.id));

  // Codes: unique, consistent with the position in the tree, numbered 1, 2, 3 … under each parent.
  const seen = new Set<string>();
  const checkSiblings = (nodes: readonly FrameworkNode[], parentCode: string | null, depth: number) => {
    nodes.forEach((node, i) => {
      const label = nodeLabel(node.code, depth);
      if (seen.has(node.code))
        add(node.code, 'code.duplicate', `Mã ${node.code} bị trùng: mỗi mục phải có mã riêng.`);
      seen.add(node.code);
      const expected = parentCode === null ? `${i + 1}` : `${parentCode}.${i + 1}`;
      const segments = node.code.split('.');
      const prefixOk =
        parentCode === null
          ? segments.length === 1
          : node.code.startsWith(`${parentCode}.`) && segments.length === depth;
      if (!prefixOk) {
        add(
          node.code,
          'code.tree',
          parentCode === null
            ? `Mã ${node.code} nằm ở cấp lĩnh vực nhưng có dạng của cấp con (mong đợi ${expected}).`
            : `Mã ${node.code} nằm dưới mục ${parentCode} nhưng không bắt đầu bằng "${parentCode}." ở đúng cấp (mong đợi ${expected}).`,
        );
      } else if (node.code !== expected) {
        add(
          node.code,
          'code.sequence',
          `Mã ${node.code} không đúng thứ tự: mục thứ ${i + 1} ở đây phải có mã ${expected} (thiếu hoặc thừa một mục?).`,
        );
      }
      if (depth > 3)
        add(
          node.code,
          'tree.depth',
          `${label}: bộ tiêu chí chỉ có 3 cấp (lĩnh vực, tiêu chí, tiêu chí thành phần).`,
        );
      if (node.children?.length) checkSiblings(node.children, node.code, depth + 1);
    });
  };
  checkSiblings(framework.tree, null, 1);

  for (const { node, depth } of walk(framework.tree)) {
    const label = nodeLabel(node.code, depth);
    if (!isHundredths(node.max))
      add(node.code, 'max.decimals', `${label}: điểm tối đa ${node.max} có quá 2 chữ số thập phân.`);
    if (node.max < 0)
      add(node.code, 'max.negative', `${label}: điểm tối đa không được âm (${fmt(node.max)}).`);
    if (!isLeaf(node)) {
      const children = node.children ?? [];
      const sum = sumHundredths(children.map((c) => c.max));
      if (sum !== toHundredths(node.max)) {
        add(
          node.code,
          'max.sum',
          `${label}: điểm tối đa ${fmt(node.max)} khác tổng điểm tối đa của các mục con (${children
            .map((c) => `${c.code}: ${fmt(c.max)}`)
            .join(' + ')} = ${fmt(fromHundredths(sum))}).`,
        );
      }
      const leafOnly = (
        ['method', 'source', 'rule', 'evidenceRequired', 'appliesTo', 'maxByGroup'] as const
      ).filter((k) => node[k] !== undefined);
      if (leafOnly.length) {
        add(
          node.code,
          'parent.leafField',
          `${label} có mục con nên không được có ${leafOnly.join(', ')} (chỉ dành cho mục lá).`,
        );
      }
      continue;
    }
    checkLeaf(node, label, groupIds, sourceIds, add);
  }

  // Declared counts and points against the tree.
  const counts = countByDepth(framework.tree);
  const dc = framework.declared.counts;
  for (const [key, name] of [
    ['fields', 'lĩnh vực'],
    ['criteria', 'tiêu chí'],
    ['subCriteria', 'tiêu chí thành phần'],
  ] as const) {
    if (counts[key] !== dc[key]) {
      add('', 'declared.counts', `Số ${name} khai báo là ${dc[key]} nhưng cây tiêu chí có ${counts[key]}.`);
    }
  }
  const pts = treePoints(framework);
  const dp = framework.declared.points;
  if (toHundredths(dp.self) !== toHundredths(pts.self)) {
    add(
      '',
      'declared.points',
      `Điểm tự đánh giá/thẩm định khai báo là ${fmt(dp.self)} nhưng các tiêu chí tự đánh giá cộng lại ${fmt(pts.self)}.`,
    );
  }
  if (toHundredths(dp.survey) !== toHundredths(pts.survey)) {
    add(
      '',
      'declared.survey',
      `Điểm điều tra xã hội học khai báo là ${fmt(dp.survey)} nhưng các tiêu chí điều tra cộng lại ${fmt(pts.survey)}.`,
    );
  }
  if (
    toHundredths(dp.total) !== toHundredths(dp.self) + toHundredths(dp.survey) ||
    toHundredths(dp.total) !== toHundredths(pts.total)
  ) {
    add(
      '',
      'declared.total',
      `Tổng điểm khai báo là ${fmt(dp.total)} nhưng cây tiêu chí cộng lại ${fmt(pts.total)} (tự đánh giá ${fmt(dp.self)} + điều tra ${fmt(dp.survey)}).`,
    );
  }

  // Groups, bands, sources.
  const dupes = <T>(items: T[]) => items.filter((x, i) => items.indexOf(x) !== i);
  for (const id of new Set(dupes(framework.groups.map((g) => g.id))))
    add('', 'group.duplicate', `Nhóm đơn vị "${id}" được khai báo hai lần.`);
  for (const id of new Set(dupes(framework.surveySources.map((s) => s.id)))) {
    add('', 'survey.sourceDuplicate', `Nguồn điều tra "${id}" được khai báo hai lần.`);
  }
  for (const band of framework.bands) {
    for (const g of band.groups ?? []) {
      if (!groupIds.has(g))
        add(
          '',
          'band.group',
          `Xếp loại "${band.name}" áp dụng cho nhóm "${g}" không có trong danh sách nhóm đơn vị.`,
        );
    }
  }
  for (const g of framework.groups) {
    const names = framework.bands.filter((b) => !b.groups || b.groups.includes(g.id)).map((b) => b.name);
    for (const name of new Set(dupes(names)))
      add('', 'band.duplicate', `Nhóm "${g.name}" có hai xếp loại cùng tên "${name}".`);
    const total = walk(framework.tree)
      .filter((v) => isLeaf(v.node))
      .reduce((s, v) => s + toHundredths(leafMaxFor(v.node, g.id)), 0);
    if (total <= 0)
      add('', 'group.noPoints', `Nhóm "${g.name}" không có tiêu chí nào có điểm: không tính được chỉ số.`);
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

type Add = (code: string, rule: FrameworkProblemKey, message: string) => void;

function checkLeaf(
  node: FrameworkNode,
  label: string,
  groupIds: Set<string>,
  sourceIds: Set<string>,
  add: Add,
) {
  const code = node.code;
  for (const g of node.appliesTo ?? []) {
    if (!groupIds.has(g))
      add(code, 'leaf.appliesTo', `${label}: áp dụng cho nhóm "${g}" không có trong danh sách nhóm đơn vị.`);
  }
  if (node.appliesTo && node.appliesTo.length === 0)
    add(
      code,
      'leaf.appliesTo',
      `${label}: danh sách nhóm áp dụng trống (bỏ trường này nếu áp dụng cho mọi nhóm).`,
    );
  for (const [g, m] of Object.entries(node.maxByGroup ?? {})) {
    if (!groupIds.has(g))
      add(
        code,
        'leaf.maxByGroup',
        `${label}: điểm tối đa riêng cho nhóm "${g}" không có trong danh sách nhóm đơn vị.`,
      );
    else if (node.appliesTo && !node.appliesTo.includes(g))
      add(
        code,
        'leaf.maxByGroup',
        `${label}: có điểm tối đa riêng cho nhóm "${g}" nhưng không áp dụng cho nhóm này.`,
      );
    if (m < 0 || !isHundredths(m))
      add(
        code,
        'leaf.maxByGroup',
        `${label}: điểm tối đa riêng cho nhóm "${g}" (${m}) phải là số không âm, tối đa 2 chữ số thập phân.`,
      );
  }

  if (node.method === 'survey') {
    if (!node.source)
      add(
        code,
        'leaf.source',
        `${label}: tiêu chí điều tra xã hội học phải ghi nguồn điều tra (ví dụ sipas).`,
      );
    else if (!sourceIds.has(node.source))
      add(
        code,
        'leaf.source',
        `${label}: nguồn điều tra "${node.source}" không có trong danh sách nguồn điều tra của bộ tiêu chí.`,
      );
    if (node.rule)
      add(
        code,
        'leaf.rule',
        `${label}: tiêu chí điều tra xã hội học không tự chấm nên không có cách chấm (rule).`,
      );
    return;
  }
  if (node.source)
    add(code, 'leaf.source', `${label}: chỉ tiêu chí điều tra xã hội học mới có nguồn điều tra.`);
  if (!node.rule) {
    add(
      code,
      'leaf.rule',
      `${label}: tiêu chí tự đánh giá phải có cách chấm (mức điểm, thang tỷ lệ, khoảng điểm, trừ điểm hoặc cộng điểm).`,
    );
    return;
  }
  checkRule(node, node.rule, label, add);
}

function checkRule(node: FrameworkNode, rule: Rule, label: string, add: Add) {
  ruleKind(rule).check(rule, node, label, add);
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
