/**
 * The printable report (`cchc consolidate --report REPORT.html`): one self-contained Vietnamese
 * HTML page — ranking tables per group, an inline SVG bar chart of the index per unit, the
 * status of every file — that Sở Nội vụ can print or publish. No external asset (no font, script,
 * image or stylesheet is fetched), and every piece of text from a file is escaped: unit names come
 * from untrusted workbooks. Pure: returns a string.
 */
import { escapeControls, xmlSafe } from '../common/clean-text';
import type { Framework } from '../framework/schema';
import { formatVi } from '../common/vi-number';
import { surveyRoundingRule } from '../scoring/survey';
import type { RankedUnit } from '../scoring/types';
import { viDateTime } from '../common/vi-time';
import { frameworkTitleText, legalBasisText } from '../framework/legal-basis';
import { groupsInOrder, orderInGroup } from '../workbook/ranking-plan';
import { FILE_STATUS_LABEL } from './labels';
import type { ConsolidationResult, FileStatus } from './types';

/** Text for HTML: markup escaped, controls and bidi overrides shown as \\uXXXX (common/clean-text). */
export function escapeHtml(text: unknown): string {
  return escapeControls(xmlSafe(String(text ?? ''))).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

function signed(n: number | null | undefined, places: number): string {
  if (n === null || n === undefined) return '';
  if (n === 0) return places ? formatVi(0, places) : '0';
  return `${n > 0 ? '+' : ''}${formatVi(n, places)}`;
}

const STYLE = `
  body { font-family: "Times New Roman", Times, serif; margin: 24px; color: #111; }
  h1 { font-size: 20px; text-align: center; margin: 0 0 4px; }
  h2 { font-size: 16px; margin: 24px 0 8px; }
  p.sub { text-align: center; margin: 2px 0; }
  p.warn { text-align: center; color: #9c0006; font-weight: bold; }
  table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13px; }
  th, td { border: 1px solid #808080; padding: 3px 6px; vertical-align: top; }
  th { background: #ddebf7; }
  td.n { text-align: right; white-space: nowrap; }
  tr.unranked td { color: #555; font-style: italic; }
  .st-accepted { color: #006100; } .st-rejected, .st-unreadable { color: #9c0006; } .st-duplicate { color: #9c5700; }
  ul.reasons { margin: 0; padding-left: 18px; }
  /* A group's table may run over a page (a province has ~170 communes); its rows, the header
     repeated by the browser, and the chart each stay whole. */
  tr, svg { break-inside: avoid; }
  thead { display: table-header-group; }
  h2 { break-after: avoid; }
  svg text { font-family: "Times New Roman", Times, serif; font-size: 12px; }
  @page { size: A4 landscape; margin: 12mm; }
  @media print { body { margin: 0; } h2 { page-break-after: avoid; } }
`;

/** A horizontal bar chart of the index (0–100 %) of each unit of a group, drawn as inline SVG. */
export function indexChartSvg(units: readonly RankedUnit[], places: number, title: string): string {
  const labelWidth = 260;
  const barWidth = 420;
  const rowHeight = 20;
  const top = 24;
  const height = top + units.length * rowHeight + 24;
  const width = labelWidth + barWidth + 70;
  const x = (v: number) => labelWidth + (Math.max(0, Math.min(100, v)) / 100) * barWidth;
  const parts: string[] = [];
  parts.push(`<title>${escapeHtml(title)}</title>`);
  for (const t of [0, 25, 50, 75, 100]) {
    parts.push(`<line x1="${x(t)}" y1="${top - 4}" x2="${x(t)}" y2="${height - 20}" stroke="#ccc"/>`);
    parts.push(`<text x="${x(t)}" y="${height - 6}" text-anchor="middle">${t}%</text>`);
  }
  units.forEach((u, i) => {
    const y = top + i * rowHeight;
    const label = u.rank === null ? `${u.unit} (*)` : `${u.rank}. ${u.unit}`;
    parts.push(
      `<text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end">${escapeHtml(label.length > 42 ? `${label.slice(0, 41)}…` : label)}</text>`,
    );
    parts.push(
      `<rect x="${labelWidth}" y="${y + 3}" width="${(x(u.index) - labelWidth).toFixed(1)}" height="${rowHeight - 6}" fill="${u.ranked ? '#2f6fb0' : '#9db7d5'}"><title>${escapeHtml(`${u.unit}: ${formatVi(u.index, places)}%`)}</title></rect>`,
    );
    parts.push(`<text x="${(x(u.index) + 4).toFixed(1)}" y="${y + 14}">${formatVi(u.index, places)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

function rankingTable(units: readonly RankedUnit[], places: number, withChange: boolean): string {
  const head = [
    'Hạng',
    'Mã',
    'Đơn vị',
    'Điểm thẩm định',
    'Điểm điều tra XHH',
    'Tổng điểm',
    'Điểm tối đa',
    'Chỉ số (%)',
    'Xếp loại',
    ...(withChange ? ['Hạng kỳ trước', 'Thay đổi hạng', 'Thay đổi chỉ số'] : []),
  ];
  const rows = units.map((u) => {
    const cells = [
      `<td class="n">${u.rank ?? '—'}</td>`,
      `<td>${escapeHtml(u.code ?? '')}</td>`,
      `<td>${escapeHtml(u.unit)}${u.ranked ? '' : ' (*)'}</td>`,
      `<td class="n">${formatVi(u.appraisal, places)}</td>`,
      `<td class="n">${formatVi(u.survey, places)}</td>`,
      `<td class="n">${formatVi(u.total, places)}</td>`,
      `<td class="n">${formatVi(u.max, places)}</td>`,
      `<td class="n"><b>${formatVi(u.index, places)}</b></td>`,
      `<td>${escapeHtml(u.band ?? '')}</td>`,
    ];
    if (withChange) {
      cells.push(
        `<td class="n">${u.previous?.rank ?? ''}</td>`,
        `<td class="n">${signed(u.previous?.rankChange, 0)}</td>`,
        `<td class="n">${signed(u.previous?.indexChange, places)}</td>`,
      );
    }
    return `<tr${u.ranked ? '' : ' class="unranked"'}>${cells.join('')}</tr>`;
  });
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function filesTable(result: ConsolidationResult): string {
  const rows = result.files.map((f) => {
    const reasons = [...f.errors, ...f.warnings].map(
      (e) => `<li>${escapeHtml(e.cell ? `${e.cell}: ${e.message}` : e.message)}</li>`,
    );
    return (
      `<tr><td>${escapeHtml(f.file)}</td><td class="st-${f.status}">${FILE_STATUS_LABEL[f.status]}</td>` +
      `<td>${escapeHtml(f.unit ? `${f.unit.name}${f.unit.code ? ` (${f.unit.code})` : ''}` : '')}</td>` +
      `<td>${reasons.length ? `<ul class="reasons">${reasons.join('')}</ul>` : ''}</td></tr>`
    );
  });
  return `<table><thead><tr><th>Tệp</th><th>Trạng thái</th><th>Đơn vị</th><th>Lý do / ghi chú</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export interface ReportOptions {
  generatedAt: string;
  /** Main title; default "KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}". */
  title?: string;
}

export function renderReportHtml(result: ConsolidationResult, options: ReportOptions): string {
  const framework = result.framework as Framework;
  const places = framework?.places ?? 2;
  const title = options.title ?? `KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${framework?.year ?? ''}`;
  const withChange = result.units.some((u) => u.previous);
  const body: string[] = [];
  body.push(`<h1>${escapeHtml(title)}</h1>`);
  if (framework) {
    body.push(
      `<p class="sub">Bộ tiêu chí: ${escapeHtml(frameworkTitleText(framework))}; căn cứ ${escapeHtml(legalBasisText(framework.legalBasis))}</p>`,
    );
    if (framework.status === 'illustrative')
      body.push('<p class="warn">Bộ tiêu chí MINH HỌA — kết quả không phải số liệu chính thức.</p>');
    const surveyRule = surveyRoundingRule(framework);
    if (surveyRule) body.push(`<p class="sub">${escapeHtml(surveyRule)}</p>`);
  }
  const counts = (s: FileStatus) => result.files.filter((f) => f.status === s).length;
  body.push(
    `<p class="sub">Tổng hợp lúc ${escapeHtml(viDateTime(options.generatedAt))} từ ${result.files.length} tệp: ` +
      `${counts('accepted')} chấp nhận, ${counts('rejected')} bị từ chối, ${counts('duplicate')} trùng đơn vị, ${counts('unreadable')} không đọc được.</p>`,
  );
  for (const g of framework ? groupsInOrder(result.units, framework) : []) {
    const members = orderInGroup(result.units.filter((u) => u.group === g.id));
    body.push(`<section class="group"><h2>${escapeHtml(g.name.toLocaleUpperCase('vi'))}</h2>`);
    body.push(rankingTable(members, places, withChange));
    if (members.some((u) => !u.ranked))
      body.push('<p><i>(*) Đơn vị được đánh giá nhưng không xếp hạng.</i></p>');
    body.push(indexChartSvg(members, places, `Chỉ số CCHC (%) — ${g.name}`));
    body.push('</section>');
  }
  if (!result.units.length) body.push('<p class="warn">Không có đơn vị nào đủ điều kiện xếp hạng.</p>');
  body.push('<h2>Tình trạng các tệp</h2>', filesTable(result));
  const notes = [
    ...result.warnings,
    ...(result.survey?.issues ?? []).map((i) => (i.cell ? `${i.cell}: ${i.message}` : i.message)),
  ];
  for (const u of result.survey?.unmatchedRows ?? [])
    notes.push(`Tệp điều tra XHH, dòng ${u.row} (${u.name}): ${u.reason}`);
  if (notes.length)
    body.push('<h2>Ghi chú</h2>', `<ul>${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`);
  return (
    '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">' +
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">' +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>\n${body.join('\n')}\n</body></html>\n`
  );
}
