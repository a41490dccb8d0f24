/** `cchc frameworks [--json]`: the built-in frameworks and their shape. */
import { listBuiltinFrameworks } from '../../framework/builtins';
import { formatPoints } from '../../common/vi-number';
import { frameworkSummary, type FrameworkSummary } from '../../framework/summary';
import { frameworkFingerprint } from '../../framework/fingerprint';
import { parseArgs } from '../args';
import { libraryDir, libraryFrameworks } from '../framework-library';
import type { Command } from '../command';
import { UserError } from '../errors';

/** A plain text table with padded columns (Vietnamese text: pad by code points, not bytes). */
export function renderTable(headers: string[], rows: string[][]): string {
  // reduce, not Math.max(...rows): a spread over an input-sized list overflows the stack.
  const width = headers.map((h, i) =>
    rows.reduce((w, r) => Math.max(w, [...(r[i] ?? '')].length), [...h].length),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat(width[i] - [...c].length))
      .join('  ')
      .trimEnd();
  return [line(headers), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

export const STATUS_VI: Record<FrameworkSummary['status'], string> = {
  official: 'chính thức',
  illustrative: 'MINH HỌA',
};

const LEVEL_VI: Record<string, string> = { so: 'sở', huyen: 'huyện', xa: 'xã', bo: 'bộ', tinh: 'tỉnh' };

/** "so-huyen" → "cấp sở, cấp huyện"; an unknown level is shown as written. */
export function levelText(level: string): string {
  const parts = level.split(/[-,;\s]+/).filter(Boolean);
  return parts.every((p) => LEVEL_VI[p]) ? parts.map((p) => `cấp ${LEVEL_VI[p]}`).join(', ') : level;
}

export function pointsText(p: FrameworkSummary['points']): string {
  return `${formatPoints(p.self)} + ${formatPoints(p.survey)} = ${formatPoints(p.total)}`;
}

export const frameworksCommand: Command = {
  name: 'frameworks',
  summary: 'Liệt kê các bộ tiêu chí có sẵn',
  usage: [
    'Cách dùng: cchc frameworks [--json]',
    '',
    'Liệt kê các bộ tiêu chí có sẵn: mã (dùng cho --framework), năm, cấp, trạng thái, nhóm đơn vị,',
    'số lĩnh vực / tiêu chí / tiêu chí thành phần và điểm (tự đánh giá + điều tra XHH = tổng).',
    'Bộ tiêu chí "MINH HỌA" không phải văn bản chính thức.',
    '',
    'Sau đó là các bộ tiêu chí trong thư viện của người dùng (đã nhập bằng cchc framework import hoặc đã',
    'dùng qua --framework TỆP), đánh dấu "(thư viện)"; mẫu tạo từ chúng kiểm tra được không cần --framework.',
    '',
    '  --json   in một tài liệu JSON: { "frameworks": [ { "id", "title", "year", "level", "status",',
    '           "groups", "counts", "points", "source": "builtin"|"library" } ] }',
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { booleans: ['json'] });
    if (args.positionals.length)
      throw new UserError(`Lệnh frameworks không nhận tham số "${args.positionals[0]}".`);
    // Built-ins first, then the per-user library (frameworks imported or used), marked as such.
    const list = [
      ...listBuiltinFrameworks().map((f) => ({ ...frameworkSummary(f), source: 'builtin' as const })),
      ...libraryFrameworks().map((f) => ({
        ...frameworkSummary(f),
        source: 'library' as const,
        fingerprint: frameworkFingerprint(f),
      })),
    ];
    if (args.flags.has('json')) {
      io.stdout(`${JSON.stringify({ frameworks: list }, null, 2)}\n`);
      return 0;
    }
    const rows = list.map((s) => [
      s.source === 'library' ? `${s.id} (thư viện)` : s.id,
      String(s.year),
      levelText(s.level),
      STATUS_VI[s.status],
      s.groups.map((g) => g.name).join('; '),
      `${s.counts.fields} / ${s.counts.criteria} / ${s.counts.subCriteria}`,
      pointsText(s.points),
    ]);
    io.stdout(
      renderTable(
        ['Mã', 'Năm', 'Cấp', 'Trạng thái', 'Nhóm đơn vị', 'LV / TC / TCTP', 'Điểm (tự ĐG + ĐTXHH)'],
        rows,
      ),
    );
    for (const s of list) io.stdout(`  ${s.id}: ${s.title}\n`);
    if (list.some((s) => s.source === 'library'))
      io.stdout(`(thư viện) = bộ tiêu chí đã nhập hoặc đã dùng, lưu trong ${libraryDir()}\n`);
    if (list.some((s) => s.status === 'illustrative')) {
      io.stderr(
        'Lưu ý: bộ tiêu chí MINH HỌA có các tiêu chí dưới cấp lĩnh vực được soạn để minh họa, không phải văn bản chính thức.\n',
      );
    }
    return 0;
  },
};
