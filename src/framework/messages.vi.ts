/**
 * The Vietnamese sentences of a framework's problems (`checkFramework`, the rule kinds' checks,
 * the schema), one template per key of problem-keys.ts, from the facts in `FrameworkParams`. The
 * sentence is whole: it names the node ("tiêu chí 1.1: …") itself. The pane's English templates
 * (src/taskpane/messages.en.ts) are typed by the same `FrameworkParams`.
 */
import type { MessageTemplates } from '../common/message-templates';
import { formatPoints as fmt } from '../common/vi-number';
import type { FrameworkProblemKey } from './problem-keys';

/**
 * The node a problem is about: its code and its depth in the tree (1 = field), which names it
 * ("lĩnh vực 1", "tiêu chí 1.1"). The depth is where the node sits, not what its code looks like.
 */
export type NodeParam = { code: string; depth: number };

/**
 * Figures written as the file has them (not rounded to hundredths): the problem is that they have
 * more decimals than a point may (max.decimals, leaf.maxByGroup), or they are rates (tiers).
 */
type Raw = number;

/** The counts the framework declares (`declared.counts`). */
export type CountedLevel = 'fields' | 'criteria' | 'subCriteria';

/** The facts each framework problem carries (numbers as numbers; each locale writes them its way). */
export type FrameworkParams = {
  /** `path`: the field as `describePath` names it; `detail`: the schema's (Vietnamese) sentence. */
  schema:
    { why: 'shape'; path: string; detail: string } | { why: 'tooDeep'; levels: number; at: string | null };
  'code.duplicate': { code: string };
  /** `parent`: null when the node sits at the top (a field) but is coded like a child. */
  'code.tree': { code: string; parent: string | null; expected: string };
  'code.sequence': { code: string; position: number; expected: string };
  'tree.depth': NodeParam;
  'max.sum': NodeParam & { max: number; children: { code: string; max: number }[]; sum: number };
  'max.decimals': NodeParam & { max: Raw };
  'max.negative': NodeParam & { max: number };
  /** `fields`: the leaf-only fields the parent has. */
  'parent.leafField': NodeParam & { fields: string[] };
  'leaf.source':
    (NodeParam & { why: 'missing' | 'notSurvey' }) | (NodeParam & { why: 'unknown'; source: string });
  'leaf.rule': NodeParam & { why: 'onSurvey' | 'missing' };
  'leaf.ruleKind': NodeParam & { kind: string };
  'leaf.appliesTo': (NodeParam & { why: 'unknownGroup'; group: string }) | (NodeParam & { why: 'empty' });
  /** `levels` / `tiers`: the leaf's rule is of that kind, which one set of points cannot fit two maxima. */
  'leaf.maxByGroup':
    | (NodeParam & { why: 'unknownGroup' | 'notApplied'; group: string })
    | (NodeParam & { why: 'invalid'; group: string; max: Raw })
    | (NodeParam & { why: 'levels' | 'tiers' });
  'levels.range': NodeParam & { value: number; max: number };
  'levels.max': NodeParam & { max: number; values: number[] };
  /** `level`: the label written twice, trimmed and in lower case. */
  'levels.duplicate': NodeParam & { level: string };
  'tiers.range': NodeParam & { value: number; max: number };
  'tiers.max': NodeParam & { max: number; values: number[] };
  /** `min` / `max`: the tier's bounds in %, null when open. */
  'tiers.empty': NodeParam & { tier: string; min: Raw | null; max: Raw | null };
  /** Rates (%) no tier covers: below the first tier, between two, or above the last. */
  'tiers.gap':
    | (NodeParam & { why: 'below'; min: Raw })
    | (NodeParam & { why: 'between'; tier: string; next: string; from: Raw; to: Raw })
    | (NodeParam & { why: 'above'; max: Raw });
  'tiers.overlap': NodeParam & { tier: string; next: string; rate: Raw };
  /** The leaf's maximum (or a group's: `group`) is not a multiple of the step. */
  'range.step':
    | (NodeParam & { value: number; step: number })
    | (NodeParam & { group: string; max: number; step: number });
  'deduction.max': NodeParam & { max: number };
  'deduction.step': NodeParam & { value: number; step: number };
  'bonus.max': NodeParam & { max: number };
  'bonus.step': NodeParam & { value: number; step: number };
  'declared.counts': { what: CountedLevel; declared: number; counted: number };
  'declared.points': { declared: number; counted: number };
  'declared.survey': { declared: number; counted: number };
  /** `self` / `survey`: the declared points the total should add up from. */
  'declared.total': { declared: number; counted: number; self: number; survey: number };
  'group.duplicate': { group: string };
  /** `group`: the group's name. */
  'group.noPoints': { group: string };
  'survey.sourceDuplicate': { source: string };
  'band.group': { band: string; group: string };
  /** `group`: the group's name. */
  'band.duplicate': { group: string; band: string };
};

const DEPTH_NAMES = ['lĩnh vực', 'tiêu chí', 'tiêu chí thành phần'];

/** "tiêu chí 1.1": a node by its depth and code. */
function nodeLabel(p: NodeParam): string {
  return `${DEPTH_NAMES[p.depth - 1] ?? 'mục'} ${p.code}`;
}

const COUNTED: Record<CountedLevel, string> = {
  fields: 'lĩnh vực',
  criteria: 'tiêu chí',
  subCriteria: 'tiêu chí thành phần',
};

const CHOICE_NAME = { levels: 'mức điểm', tiers: 'mức theo tỷ lệ' } as const;

const choiceRange = (name: string) => (p: FrameworkParams['levels.range']) =>
  `${nodeLabel(p)}: ${name} ${fmt(p.value)} điểm nằm ngoài khoảng 0 đến ${fmt(p.max)}.`;
const choiceMax = (name: string) => (p: FrameworkParams['levels.max']) =>
  `${nodeLabel(p)}: không có ${name} nào bằng điểm tối đa ${fmt(p.max)} (${p.values.map(fmt).join('; ')}).`;
const outsideScale = (word: string) => (p: FrameworkParams['deduction.max']) =>
  `${nodeLabel(p)}: tiêu chí ${word} phải có điểm tối đa 0 (điểm ${word} nằm ngoài thang điểm), đang là ${fmt(p.max)}.`;
const offStep = (p: FrameworkParams['deduction.step']) =>
  `${nodeLabel(p)}: ${fmt(p.value)} điểm không chia hết cho bước ${fmt(p.step)}.`;

function leafMaxByGroup(p: FrameworkParams['leaf.maxByGroup']): string {
  const label = nodeLabel(p);
  switch (p.why) {
    case 'unknownGroup':
      return `${label}: điểm tối đa riêng cho nhóm "${p.group}" không có trong danh sách nhóm đơn vị.`;
    case 'notApplied':
      return `${label}: có điểm tối đa riêng cho nhóm "${p.group}" nhưng không áp dụng cho nhóm này.`;
    case 'invalid':
      return `${label}: điểm tối đa riêng cho nhóm "${p.group}" (${p.max}) phải là số không âm, tối đa 2 chữ số thập phân.`;
    default:
      return `${label}: cách chấm theo ${CHOICE_NAME[p.why]} không dùng được với điểm tối đa riêng theo nhóm; dùng khoảng điểm hoặc tách thành tiêu chí riêng.`;
  }
}

function tiersGap(p: FrameworkParams['tiers.gap']): string {
  const label = nodeLabel(p);
  if (p.why === 'below') return `${label}: các mức theo tỷ lệ bỏ trống tỷ lệ từ 0% đến ${p.min}%.`;
  if (p.why === 'above') return `${label}: các mức theo tỷ lệ bỏ trống tỷ lệ từ ${p.max}% đến 100%.`;
  return `${label}: giữa mức "${p.tier}" và mức "${p.next}" có tỷ lệ không thuộc mức nào (quanh ${p.from}%–${p.to}%).`;
}

export const FRAMEWORK_VI: MessageTemplates<FrameworkParams> = {
  schema: (p) =>
    p.why === 'shape'
      ? `${p.path}: ${p.detail}`
      : `cây tiêu chí sâu hơn ${p.levels} cấp (tại mục ${p.at === null ? 'không có mã' : `"${p.at}"`}): không phải bộ tiêu chí hợp lệ.`,
  'code.duplicate': (p) => `Mã ${p.code} bị trùng: mỗi mục phải có mã riêng.`,
  'code.tree': (p) =>
    p.parent === null
      ? `Mã ${p.code} nằm ở cấp lĩnh vực nhưng có dạng của cấp con (mong đợi ${p.expected}).`
      : `Mã ${p.code} nằm dưới mục ${p.parent} nhưng không bắt đầu bằng "${p.parent}." ở đúng cấp (mong đợi ${p.expected}).`,
  'code.sequence': (p) =>
    `Mã ${p.code} không đúng thứ tự: mục thứ ${p.position} ở đây phải có mã ${p.expected} (thiếu hoặc thừa một mục?).`,
  'tree.depth': (p) => `${nodeLabel(p)}: bộ tiêu chí chỉ có 3 cấp (lĩnh vực, tiêu chí, tiêu chí thành phần).`,
  'max.sum': (p) =>
    `${nodeLabel(p)}: điểm tối đa ${fmt(p.max)} khác tổng điểm tối đa của các mục con (${p.children
      .map((c) => `${c.code}: ${fmt(c.max)}`)
      .join(' + ')} = ${fmt(p.sum)}).`,
  'max.decimals': (p) => `${nodeLabel(p)}: điểm tối đa ${p.max} có quá 2 chữ số thập phân.`,
  'max.negative': (p) => `${nodeLabel(p)}: điểm tối đa không được âm (${fmt(p.max)}).`,
  'parent.leafField': (p) =>
    `${nodeLabel(p)} có mục con nên không được có ${p.fields.join(', ')} (chỉ dành cho mục lá).`,
  'leaf.source': (p) =>
    p.why === 'missing'
      ? `${nodeLabel(p)}: tiêu chí điều tra xã hội học phải ghi nguồn điều tra (ví dụ sipas).`
      : p.why === 'unknown'
        ? `${nodeLabel(p)}: nguồn điều tra "${p.source}" không có trong danh sách nguồn điều tra của bộ tiêu chí.`
        : `${nodeLabel(p)}: chỉ tiêu chí điều tra xã hội học mới có nguồn điều tra.`,
  'leaf.rule': (p) =>
    p.why === 'onSurvey'
      ? `${nodeLabel(p)}: tiêu chí điều tra xã hội học không tự chấm nên không có cách chấm (rule).`
      : `${nodeLabel(p)}: tiêu chí tự đánh giá phải có cách chấm (mức điểm, thang tỷ lệ, khoảng điểm, trừ điểm hoặc cộng điểm).`,
  'leaf.ruleKind': (p) =>
    `${nodeLabel(p)}: cách chấm loại "${p.kind}" không được phiên bản này hỗ trợ (chỉ có mức điểm, thang tỷ lệ, khoảng điểm, trừ điểm, cộng điểm).`,
  'leaf.appliesTo': (p) =>
    p.why === 'unknownGroup'
      ? `${nodeLabel(p)}: áp dụng cho nhóm "${p.group}" không có trong danh sách nhóm đơn vị.`
      : `${nodeLabel(p)}: danh sách nhóm áp dụng trống (bỏ trường này nếu áp dụng cho mọi nhóm).`,
  'leaf.maxByGroup': leafMaxByGroup,
  'levels.range': choiceRange(CHOICE_NAME.levels),
  'levels.max': choiceMax(CHOICE_NAME.levels),
  'levels.duplicate': (p) => `${nodeLabel(p)}: mức "${p.level}" được ghi hai lần.`,
  'tiers.range': choiceRange(CHOICE_NAME.tiers),
  'tiers.max': choiceMax(CHOICE_NAME.tiers),
  'tiers.empty': (p) =>
    `${nodeLabel(p)}: mức "${p.tier}" không chứa tỷ lệ nào (cận dưới ${p.min ?? '−∞'}, cận trên ${p.max ?? '+∞'}).`,
  'tiers.gap': tiersGap,
  'tiers.overlap': (p) =>
    `${nodeLabel(p)}: mức "${p.tier}" và mức "${p.next}" chồng lên nhau (tỷ lệ ${p.rate}% thuộc cả hai).`,
  'range.step': (p) =>
    'group' in p
      ? `${nodeLabel(p)}: điểm tối đa của nhóm "${p.group}" (${fmt(p.max)}) không chia hết cho bước ${fmt(p.step)}.`
      : offStep(p),
  'deduction.max': outsideScale('trừ điểm'),
  'deduction.step': offStep,
  'bonus.max': outsideScale('cộng điểm'),
  'bonus.step': offStep,
  'declared.counts': (p) =>
    `Số ${COUNTED[p.what]} khai báo là ${p.declared} nhưng cây tiêu chí có ${p.counted}.`,
  'declared.points': (p) =>
    `Điểm tự đánh giá/thẩm định khai báo là ${fmt(p.declared)} nhưng các tiêu chí tự đánh giá cộng lại ${fmt(p.counted)}.`,
  'declared.survey': (p) =>
    `Điểm điều tra xã hội học khai báo là ${fmt(p.declared)} nhưng các tiêu chí điều tra cộng lại ${fmt(p.counted)}.`,
  'declared.total': (p) =>
    `Tổng điểm khai báo là ${fmt(p.declared)} nhưng cây tiêu chí cộng lại ${fmt(p.counted)} (tự đánh giá ${fmt(p.self)} + điều tra ${fmt(p.survey)}).`,
  'group.duplicate': (p) => `Nhóm đơn vị "${p.group}" được khai báo hai lần.`,
  'group.noPoints': (p) => `Nhóm "${p.group}" không có tiêu chí nào có điểm: không tính được chỉ số.`,
  'survey.sourceDuplicate': (p) => `Nguồn điều tra "${p.source}" được khai báo hai lần.`,
  'band.group': (p) =>
    `Xếp loại "${p.band}" áp dụng cho nhóm "${p.group}" không có trong danh sách nhóm đơn vị.`,
  'band.duplicate': (p) => `Nhóm "${p.group}" có hai xếp loại cùng tên "${p.band}".`,
};

/** A framework problem's key, facts and Vietnamese sentence: what a site that raises one writes. */
export function frameworkMessage<K extends FrameworkProblemKey>(
  rule: K,
  params: FrameworkParams[K],
): { rule: K; params: FrameworkParams[K]; message: string } {
  return { rule, params, message: FRAMEWORK_VI[rule](params) };
}
