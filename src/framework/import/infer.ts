/**
 * What a plain appendix table says about its framework without any meta: the title from its title
 * row, the id from the file name, the year and level from the title ("năm 2026", "cấp xã", "sở,
 * ban, ngành"), the decision from the "(Kèm theo Quyết định số … ngày …)" row, status `official`
 * (illustrative when the title says "minh họa"), one group per level named, and a survey source
 * for every survey source the method column names ("Điều tra XHH" alone = SIPAS). Pure.
 *
 * Only what the caller did not give is inferred (a meta file and options always win); each
 * assumption comes back as a Vietnamese note naming the option that changes it, and what cannot be
 * inferred comes back as one sentence naming the option to add.
 */
import { asciiSlug } from '../../common/names';
import { findHeader } from './header';
import { decodeLegacyCells } from './legacy';
import { cellText, folded } from './text';
import type { TableCell } from './types';

export interface InferredMeta {
  /** The given meta with every inferred key filled in. */
  meta: Record<string, unknown>;
  /** "Giả định: …; dùng --year để đổi." — one per inferred key. */
  notes: string[];
  /** One sentence per key that could not be inferred, naming the option to add. */
  missing: string[];
}

/** Levels a title can name, in the order they are listed; `words` on folded (lower-case NFC) text. */
const LEVELS: ReadonlyArray<{ id: string; name: string; words: RegExp }> = [
  { id: 'bo', name: 'Bộ, cơ quan ngang bộ', words: /cấp bộ|các bộ|cơ quan ngang bộ/ },
  { id: 'tinh', name: 'UBND cấp tỉnh', words: /cấp tỉnh|các tỉnh|ubnd tỉnh, thành phố/ },
  { id: 'so', name: 'Sở, ban, ngành', words: /cấp sở|sở, ban, ngành|sở ban ngành|các sở\b/ },
  { id: 'huyen', name: 'UBND cấp huyện', words: /cấp huyện|ubnd (các )?huyện|huyện, thị xã/ },
  { id: 'phuong', name: 'UBND phường', words: /ubnd (các )?phường|cấp phường/ },
  { id: 'xa', name: 'UBND cấp xã', words: /cấp xã|ubnd (các )?xã|xã, phường|xã, đặc khu/ },
];

const KNOWN_SOURCES: Record<string, string> = {
  sipas: 'Khảo sát sự hài lòng của người dân, tổ chức (SIPAS)',
  cbccvc: 'Khảo sát cán bộ, công chức, viên chức',
};

const has = (given: Record<string, unknown>, key: string) =>
  given[key] !== undefined && given[key] !== null && given[key] !== '';

/** The text of a row that holds one text (a title spanning merged cells, or in its first cell). */
function rowText(row: readonly TableCell[]): string | null {
  const values = row.map((c) => cellText(c)).filter(Boolean);
  if (!values.length || values.some((v) => v !== values[0])) return null;
  return values[0].replace(/\s+/g, ' ').trim();
}

function isoDate(d: string, m: string, y: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** "(Kèm theo Quyết định số 2366/QĐ-UBND ngày 14/10/2021 của UBND tỉnh An Giang)". */
function readLegalBasis(text: string): { number: string; date: string; issuer?: string } | null {
  const m =
    /^\(?\s*kèm theo\s+(.+?)\s+ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+của\s+(.+?))?\s*\)?\s*$/iu.exec(
      text,
    );
  if (!m) return null;
  const number = m[1].replace(/^(quyết định|qđ)\s+số\s+/iu, '').trim();
  if (!number) return null;
  return { number, date: isoDate(m[2], m[3], m[4]), ...(m[5] ? { issuer: m[5].trim() } : {}) };
}

/** Survey source ids named by the method column ("Điều tra XHH (CBCCVC)" → cbccvc; alone → sipas). */
function surveySourceIds(rows: readonly (readonly TableCell[])[], from: number, column: number | undefined) {
  const ids: string[] = [];
  if (column === undefined) return ids;
  for (let i = from; i < rows.length; i++) {
    const f = folded(cellText(rows[i][column] ?? null));
    if (!/điều tra|đtxhh|xhh|khảo sát|sipas|hài lòng|xã hội học/.test(f)) continue;
    const inner = /\(([^)]+)\)/.exec(f)?.[1];
    const id = inner ? asciiSlug(inner) : /cbccvc|công chức/.test(f) ? 'cbccvc' : 'sipas';
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

export function inferImportMeta(
  input: readonly (readonly TableCell[])[],
  fileName: string,
  given: Record<string, unknown>,
): InferredMeta {
  const meta: Record<string, unknown> = { ...given };
  const notes: string[] = [];
  const missing: string[] = [];
  const rows = decodeLegacyCells(input).rows;
  const header = findHeader(rows);
  const above = (header ? rows.slice(0, header.index) : rows.slice(0, 5))
    .map(rowText)
    .filter((t): t is string => t !== null);
  const basisRow = above.find((t) => /^\(?\s*kèm theo/i.test(t)) ?? null;
  // The title: the first row above the header that names a bộ tiêu chí / chỉ số, else the first
  // that is not "Phụ lục …" or the legal-basis row.
  const candidates = above.filter((t) => t !== basisRow && !/^phụ lục\b/i.test(folded(t)));
  const title =
    (has(given, 'title') ? String(given.title) : null) ??
    candidates.find((t) => /bộ tiêu chí|chỉ số/i.test(folded(t))) ??
    candidates[0] ??
    null;
  const titleFolded = title ? folded(title) : '';
  const quoted = title ? `"${title.length > 80 ? `${title.slice(0, 80)}…` : title}"` : '';

  if (!has(given, 'title')) {
    if (title) {
      meta.title = title;
      notes.push(`Giả định: tên bộ tiêu chí là ${quoted} (dòng tiêu đề của bảng); dùng --title để đổi.`);
    } else
      missing.push(
        'Không xác định được tên bộ tiêu chí: bảng không có dòng tiêu đề phía trên dòng tiêu đề cột; hãy thêm --title TÊN.',
      );
  }

  if (!has(given, 'id')) {
    const stem = fileName.replace(/\.[^.]*$/, '');
    const id = asciiSlug(stem);
    if (id) {
      meta.id = id;
      notes.push(`Giả định: mã bộ tiêu chí là "${id}" (theo tên tệp ${fileName}); dùng --id để đổi.`);
    } else
      missing.push(
        `Không tạo được mã bộ tiêu chí từ tên tệp "${fileName}"; hãy thêm --id MÃ (ví dụ tinh-x-2026).`,
      );
  }

  if (!has(given, 'year')) {
    const years = [...new Set([...titleFolded.matchAll(/năm\s+(\d{4})\b/g)].map((m) => Number(m[1])))];
    if (years.length === 1) {
      meta.year = years[0];
      notes.push(`Giả định: năm ${years[0]} (theo tiêu đề); dùng --year để đổi.`);
    } else
      missing.push(
        title
          ? `Không xác định được năm của bộ tiêu chí từ tiêu đề ${quoted}${years.length > 1 ? ` (có nhiều năm: ${years.join(', ')})` : ''}; hãy thêm --year NĂM.`
          : 'Không xác định được năm của bộ tiêu chí (bảng không có dòng tiêu đề); hãy thêm --year NĂM.',
      );
  }

  // Levels the title names, and those the "Áp dụng cho" / "Điểm tối đa theo nhóm" cells name
  // ("UBND phường" under a title that says "cấp xã"): every group a row refers to must exist.
  const fromColumns = new Set<string>();
  let specialZone = /đặc khu/.test(titleFolded);
  for (const col of [header?.columns.appliesTo, header?.columns.maxByGroup]) {
    if (col === undefined || !header) continue;
    for (let i = header.index + 1; i < rows.length; i++) {
      const cell = folded(cellText(rows[i][col] ?? null));
      if (/đặc khu/.test(cell)) specialZone = true;
      for (const part of cell.split(/[;/+\n]/)) {
        const name = part.replace(/:.*$/, '').trim();
        const level = LEVELS.find((l) => l.words.test(name) || folded(l.name) === name);
        if (level) fromColumns.add(level.id);
      }
    }
  }
  const levels = LEVELS.filter((l) => l.words.test(titleFolded) || fromColumns.has(l.id));
  if (!has(given, 'level')) {
    // The level is what the title says; groups the rows name besides (phường under "cấp xã") are
    // groups, not levels.
    const titled = levels.filter((l) => l.words.test(titleFolded));
    const named = titled.length ? titled : levels;
    if (named.length) {
      meta.level = named.map((l) => l.id).join('-');
      notes.push(
        `Giả định: cấp ${named.map((l) => l.name).join(' và ')} (cấp "${meta.level}", theo ${titled.length ? 'tiêu đề' : 'cột áp dụng cho'}); dùng --level để đổi.`,
      );
    } else
      missing.push(
        `Không xác định được cấp của bộ tiêu chí từ tiêu đề ${quoted || '(bảng không có dòng tiêu đề)'}; hãy thêm --level CẤP (so, huyen, xa, …).`,
      );
  }

  if (!has(given, 'groups')) {
    const level = String(meta.level ?? '');
    const named = levels.length
      ? levels.map((l) => (l.id === 'xa' && specialZone ? { ...l, name: 'UBND xã, đặc khu' } : l))
      : LEVELS.filter((l) => l.id === level).length
        ? LEVELS.filter((l) => l.id === level)
        : level
          ? [{ id: asciiSlug(level) || level, name: level }]
          : [];
    if (named.length) {
      meta.groups = named.map((l) => ({ id: l.id, name: l.name }));
      notes.push(
        `Giả định: ${named.length === 1 ? 'một nhóm đơn vị' : `${named.length} nhóm đơn vị`} ${named.map((l) => `${l.id} = ${l.name}`).join('; ')} (theo cấp); dùng --groups để đổi.`,
      );
    } else missing.push('Không xác định được nhóm đơn vị; hãy thêm --groups "so=Sở, ban, ngành".');
  }

  if (!has(given, 'status')) {
    const illustrative = /minh họa|minh hoạ/.test(titleFolded);
    meta.status = illustrative ? 'illustrative' : 'official';
    notes.push(
      illustrative
        ? 'Giả định: bộ tiêu chí minh họa (tiêu đề ghi "minh họa"); dùng --status official để đổi.'
        : 'Giả định: bộ tiêu chí chính thức (official); dùng --status illustrative để đổi.',
    );
  }

  if (!has(given, 'legalBasis')) {
    const basis = basisRow ? readLegalBasis(basisRow) : null;
    if (basis) {
      meta.legalBasis = basis;
      notes.push(
        `Giả định: căn cứ ${basis.number} ngày ${basis.date.split('-').reverse().join('/')}${basis.issuer ? ` của ${basis.issuer}` : ''} (dòng "Kèm theo" của bảng); dùng --decision, --date, --issuer để đổi.`,
      );
    } else
      missing.push(
        'Không xác định được quyết định ban hành bộ tiêu chí (bảng không có dòng "(Kèm theo Quyết định số … ngày …)"); hãy thêm --decision SỐ --date NGÀY.',
      );
  }

  if (!has(given, 'surveySources')) {
    const ids = surveySourceIds(rows, header ? header.index + 1 : 0, header?.columns.method);
    if (ids.length) {
      meta.surveySources = ids.map((id) => ({
        id,
        name: KNOWN_SOURCES[id] ?? `Khảo sát ${id.toUpperCase()}`,
        conversion: 'rateTimesMax',
      }));
      notes.push(
        `Giả định: nguồn điều tra ${ids.join(', ')} (theo cột phương pháp đánh giá), điểm = tỷ lệ × điểm tối đa; dùng --sources để đổi.`,
      );
    }
  }
  return { meta, notes, missing };
}
