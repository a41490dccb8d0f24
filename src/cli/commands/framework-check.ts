/**
 * `cchc framework check FILE.json [--json]`: is this framework usable? Exit 0 when it passes every
 * check, 1 when it does not (each problem names the node), 2 when the file cannot be read at all.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { getBuiltinFramework } from '../../framework/builtins';
import { checkFramework } from '../../framework/checks';
import { FrameworkError } from '../../framework/errors';
import { parseFramework } from '../../framework/parse';
import { frameworkSummary, type FrameworkCounts, type FrameworkPoints } from '../../framework/summary';
import { illustrativeWarning } from '../framework-arg';
import { parseArgs } from '../args';
import type { Command } from '../command';
import { UserError } from '../errors';
import { pointsText } from './frameworks';

interface CheckReport {
  ok: boolean;
  counts: FrameworkCounts;
  points: FrameworkPoints;
  problems: { code: string; rule: string; message: string }[];
}

/**
 * Counts and points of a tree the schema refused, as far as they can be read, so the JSON report
 * keeps its shape even then.
 */
function rawFigures(json: unknown): { counts: FrameworkCounts; points: FrameworkPoints } {
  const counts = { fields: 0, criteria: 0, subCriteria: 0 };
  let self = 0;
  let survey = 0;
  // Iterative: the file may be a tree thousands of levels deep (refused, but still summarised).
  const pending: Array<{ nodes: unknown; depth: number }> = [
    { nodes: (json as { tree?: unknown } | null)?.tree, depth: 1 },
  ];
  while (pending.length) {
    const { nodes, depth } = pending.pop() as { nodes: unknown; depth: number };
    if (!Array.isArray(nodes)) continue;
    for (const n of nodes as Record<string, unknown>[]) {
      if (!n || typeof n !== 'object') continue;
      if (depth === 1) counts.fields++;
      else if (depth === 2) counts.criteria++;
      else if (depth === 3) counts.subCriteria++;
      if (Array.isArray(n.children) && n.children.length)
        pending.push({ nodes: n.children, depth: depth + 1 });
      else if (typeof n.max === 'number' && Number.isFinite(n.max)) {
        if (n.method === 'survey') survey += Math.round(n.max * 100);
        else self += Math.round(n.max * 100);
      }
    }
  }
  return { counts, points: { self: self / 100, survey: survey / 100, total: (self + survey) / 100 } };
}

export const frameworkCheckCommand: Command = {
  name: 'framework check',
  summary: 'Kiểm tra một bộ tiêu chí (tổng điểm, số lượng, mã, cách chấm)',
  usage: [
    'Cách dùng: cchc framework check TỆP.json [--json]',
    '',
    'Kiểm tra bộ tiêu chí: điểm tối đa của mục cha bằng tổng các mục con; số lĩnh vực / tiêu chí /',
    'tiêu chí thành phần và điểm khai báo khớp với cây; mã không trùng và đúng thứ tự; mức điểm nằm',
    'trong 0..tối đa và có mức bằng điểm tối đa; các mức theo tỷ lệ phủ 0–100% không hở, không chồng;',
    'điểm điều tra XHH cộng lại đúng điểm khai báo. Có thể ghi mã bộ tiêu chí có sẵn thay cho tệp.',
    '',
    '  --json   in { "ok", "counts", "points", "problems": [ { "code", "rule", "message" } ] }',
    '',
    'Mã thoát: 0 hợp lệ; 1 có lỗi (bộ tiêu chí không dùng được); 2 tệp không dùng được; 3 không đọc được tệp.',
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { booleans: ['json'] });
    if (args.positionals.length !== 1)
      throw new UserError('Cần đúng một tệp bộ tiêu chí. Xem: cchc framework check --help');
    const arg = args.positionals[0];
    let report: CheckReport;
    let title = arg;
    let warning: string | null = null;
    const builtin = getBuiltinFramework(arg);
    let json: unknown = builtin;
    if (!builtin) {
      const full = resolve(io.cwd, arg);
      if (!existsSync(full) || !statSync(full).isFile())
        throw new UserError(`Không tìm thấy tệp bộ tiêu chí "${arg}".`);
      const text = readFileSync(full, 'utf8');
      try {
        json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      } catch (e) {
        throw new UserError(`${arg}: không đọc được JSON (${(e as Error).message}).`);
      }
    }
    try {
      const framework = parseFramework(json, arg);
      const summary = frameworkSummary(framework);
      const problems = checkFramework(framework);
      title = `${framework.id} (${framework.title})`;
      warning = illustrativeWarning(framework);
      report = { ok: problems.length === 0, counts: summary.counts, points: summary.points, problems };
    } catch (e) {
      if (!(e instanceof FrameworkError)) throw e;
      report = { ok: false, ...rawFigures(json), problems: e.problems };
    }
    if (warning) io.stderr(warning);
    if (args.flags.has('json')) {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const c = report.counts;
      io.stdout(
        `Bộ tiêu chí ${title}\n` +
          `  ${c.fields} lĩnh vực, ${c.criteria} tiêu chí, ${c.subCriteria} tiêu chí thành phần; ` +
          `điểm (tự đánh giá + điều tra XHH = tổng): ${pointsText(report.points)}\n`,
      );
      if (report.ok) io.stdout('  Hợp lệ: dùng được để tạo mẫu chấm điểm.\n');
      else {
        io.stdout(`  KHÔNG HỢP LỆ: ${report.problems.length} lỗi\n`);
        for (const p of report.problems) io.stdout(`  - ${p.code ? `[${p.code}] ` : ''}${p.message}\n`);
      }
    }
    return report.ok ? 0 : 1;
  },
};
