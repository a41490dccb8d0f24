/**
 * `cchc framework import TABLE.(xlsx|csv) -o FILE.json`: a decision's appendix table to a
 * framework JSON. The table gives the tree; what it lacks (id, title, year, groups, …) comes from
 * a meta JSON (--meta) and/or options, options winning. Nothing is written unless every row was
 * understood and the framework passes every check (--force writes it anyway, for hand-fixing).
 * The input table is only read, never modified.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { z } from 'zod';
import { parseCsv } from '../../common/csv';
import { importFrameworkTable, type ImportResult } from '../../framework/import/import-table';
import { decodeLegacyCells } from '../../framework/import/legacy';
import { inferImportMeta } from '../../framework/import/infer';
import { importMetaSchema, type ImportMeta } from '../../framework/import/meta';
import type { ImportIssue, TableCell } from '../../framework/import/types';
import { frameworkSummary } from '../../framework/summary';
import { csvLineCountProblem, csvRowsProblem, dataFileSizeProblem } from '../../xlsx/read-limits';
import { readTableRows, TableReadError } from '../../xlsx/table';
import { parseArgs } from '../args';
import { writeAtomically } from '../atomic-write';
import type { Command, CliIO } from '../command';
import { UserError } from '../errors';
import { illustrativeWarning } from '../framework-arg';
import { rememberFramework } from '../framework-library';
import { ioFailure } from '../io-errors';
import { refuseOutputOverInput } from '../output-guard';
import { pointsText } from './frameworks';
import { columnLetters } from '../../common/a1';

const USAGE = `Cách dùng: cchc framework import BẢNG.xlsx|BẢNG.csv -o BỘ-TIÊU-CHÍ.json [tùy chọn]

Đọc bảng phụ lục của quyết định (STT | Nội dung | Điểm tối đa | Cách chấm | …) thành bộ tiêu chí.
Chỉ ghi tệp khi mọi dòng đều đọc được và bộ tiêu chí qua mọi kiểm tra (như cchc framework check).

BẢNG ĐƯỢC CHẤP NHẬN
  - .xlsx (trang tính đầu tiên; ô gộp được trải ra) hoặc .csv (UTF-8, có/không BOM, dấu ; hoặc ,).
  - Chữ Unicode (NFC/NFD); bảng mã TCVN3 (ABC), kể cả CSV 8 bit, được chuyển sang Unicode và báo lại;
    bảng mã VNI và CSV 8 bit khác bị từ chối.
  - Dòng tiêu đề cột tìm trong 30 dòng đầu; các dòng phía trên (tên phụ lục, số quyết định) bỏ qua.
    Cột nhận theo chữ trong tiêu đề: "STT"/"Mã"; "Nội dung"/"Tiêu chí"; "Điểm tối đa"/"Điểm chuẩn";
    "Cách chấm"/"Hướng dẫn chấm" (nên có); "Phương pháp đánh giá" (Tự đánh giá / Điều tra XHH (SIPAS));
    "Áp dụng cho" (Sở / Huyện / Xã / tên hoặc mã nhóm; trống = mọi nhóm); "Điểm tối đa theo nhóm"
    ("Sở: 1,5; Huyện: 1"); "Tài liệu kiểm chứng" (x / Có / Bắt buộc).
  - Mã: 1, 1.1, 1.1.1, có hoặc không có dấu chấm cuối ("1.1.1."); lĩnh vực đánh số La Mã (I, II, …)
    với mã tiêu chí tính trong lĩnh vực ("1", "1.2") hoặc đầy đủ ("2.1"); chữ a), b), c) là mục con
    của mục đánh số phía trên.
  - Bỏ qua: dòng trống, dòng tiêu đề viết HOA hoặc trải qua ô gộp, dòng tiêu đề cột lặp lại,
    dòng đánh số cột (1) (2) (3). Dòng "Tổng cộng" được đối chiếu với tổng các lĩnh vực.
  - Điểm: số hoặc chữ có dấu phẩy thập phân ("0,5", "1,5 điểm"); điểm tối đa âm ("-2") = trừ tối đa 2.
  - Cách chấm trên một dòng ("Kịp thời: 1; Không kịp thời: 0,5; Không: 0") hoặc nhiều dòng (trong một
    ô, hoặc các dòng tiếp theo chỉ có ô cách chấm, hoặc ô gộp), có hoặc không có chữ "điểm";
    mức theo tỷ lệ có "%": "trên 90%", "từ 70% - 90%", "từ 80% đến dưới 100%", "dưới 70%",
    "từ 98% trở lên", "đạt 100%"; "Chấm từ 0 đến điểm tối đa, bước 0,25"; "Mỗi … trừ 0,5 điểm, trừ tối
    đa 2 điểm"; "Mỗi … cộng 0,5 điểm, cộng tối đa 1 điểm".
  - Phương pháp trống: theo dòng cha; không có thì theo "surveyCodes" của tệp meta; không có nữa là
    tự đánh giá.
BỊ TỪ CHỐI (báo số dòng và ô): mã không đọc được hoặc trùng, mục con đứng trước mục cha, cấp thứ 4,
  thiếu nội dung hoặc điểm tối đa, cách chấm không đọc được, nhóm hay nguồn điều tra không có,
  dòng chỉ có chữ thường không rõ là tiêu đề hay phần tiếp, dòng tổng cộng sai.

KHÔNG CẦN TÙY CHỌN với một bảng phụ lục thường: tên lấy từ dòng tiêu đề của bảng, mã từ tên tệp,
  năm và cấp từ tiêu đề ("năm 2026", "cấp xã", "sở, ban, ngành"), căn cứ từ dòng "(Kèm theo Quyết
  định số … ngày …)", trạng thái official (illustrative khi tiêu đề ghi "minh họa"), mỗi cấp một
  nhóm đơn vị, dòng "Điều tra XHH" → nguồn SIPAS. Mỗi giả định được in ra ("Giả định: …; dùng --year
  để đổi"); điều không suy ra được thì lệnh dừng (mã 2) và nói cần thêm tùy chọn nào.
THÔNG TIN KHÔNG CÓ TRONG BẢNG: tệp meta (--meta) và/hoặc tùy chọn (tùy chọn được ưu tiên, rồi tệp
  meta, rồi điều suy ra từ bảng)
  --meta META.json      { "id", "title", "year", "level", "legalBasis": { "number", "date",
                        "issuer" }, "status", "groups": [ { "id", "name" } ], "surveySources":
                        [ { "id", "name", "conversion" } ], "bands", "notRanked", "tieRule",
                        "places", "declared": { "counts", "points" }, "surveyCodes": { "9": "sipas" } }
                        (mẫu: templates/appendix/an-giang-2022.meta.json). Nên ghi "declared" theo
                        quyết định: bảng được đối chiếu với nó; thiếu thì lấy theo bảng và báo lại.
  --id ID               mã bộ tiêu chí, ví dụ tinh-x-2024
  --title TÊN           --year NĂM      --level CẤP (so, huyen, xa, …)
  --status official|illustrative
  --decision SỐ         số quyết định, ví dụ 2366/QĐ-UBND
  --date NGÀY           ngày quyết định, 14/10/2021 hoặc 2021-10-14     --issuer CƠ QUAN
  --groups "so=Sở, ban, ngành;huyen=UBND cấp huyện"
  --sources "sipas=Khảo sát SIPAS;cbccvc=Khảo sát CBCCVC"
  -o TỆP.json           tệp kết quả (bắt buộc)
  --force               vẫn ghi tệp khi bộ tiêu chí chưa qua kiểm tra (để sửa tay)
  --json                in { "ok", "output", "counts", "points", "errors", "assumptions", "notes",
                        "problems" }

Mã thoát: 0 đã ghi; 1 có dòng không đọc được hoặc bộ tiêu chí chưa qua kiểm tra; 2 sai cách dùng;
3 không đọc/ghi được tệp hoặc thư mục.`;

function parsePairs(text: string, flag: string): Array<{ id: string; name: string }> {
  return text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const m = /^([a-z0-9_-]+)\s*=\s*(.+)$/.exec(p);
      if (!m) throw new UserError(`--${flag}: "${p}" phải có dạng mã=tên, ví dụ so=Sở, ban, ngành.`);
      return { id: m[1], name: m[2].trim() };
    });
}

function isoDate(text: string): string {
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (vn) return `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}`;
  return text.trim();
}

const FIELD_VI: Record<string, string> = {
  id: '--id',
  title: '--title',
  year: '--year',
  level: '--level',
  legalBasis: '--decision / --date',
  status: '--status',
  groups: '--groups',
};

/** The meta the user gave: the --meta file, then each option over it. */
function givenMeta(values: Record<string, string>, io: CliIO): Record<string, unknown> {
  let base: Record<string, unknown> = {};
  if (values.meta) {
    const full = resolve(io.cwd, values.meta);
    if (!existsSync(full)) throw new UserError(`Không tìm thấy tệp meta "${values.meta}".`);
    try {
      const text = readFileSync(full, 'utf8');
      base = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (e) {
      throw new UserError(`${values.meta}: không đọc được JSON (${(e as Error).message}).`);
    }
  }
  const meta: Record<string, unknown> = { ...base };
  if (values.id) meta.id = values.id;
  if (values.title) meta.title = values.title;
  if (values.year) meta.year = Number(values.year);
  if (values.level) meta.level = values.level;
  if (values.status) meta.status = values.status;
  if (values.decision || values.date || values.issuer) {
    const lb = { ...((base.legalBasis as Record<string, unknown>) ?? {}) };
    if (values.decision) lb.number = values.decision;
    if (values.date) lb.date = isoDate(values.date);
    if (values.issuer) lb.issuer = values.issuer;
    meta.legalBasis = lb;
  }
  if (values.groups) meta.groups = parsePairs(values.groups, 'groups');
  if (values.sources) meta.surveySources = parsePairs(values.sources, 'sources');
  return meta;
}

function validMeta(meta: Record<string, unknown>): ImportMeta {
  const parsed = importMetaSchema.safeParse(meta, { error: z.locales.vi().localeError });
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.slice(0, 8).map((i) => {
    const key = String(i.path[0] ?? '');
    const missing = i.path.length <= 1 && (meta as Record<string, unknown>)[key] === undefined;
    const where = FIELD_VI[key]
      ? `${FIELD_VI[key]} (hoặc "${key}" trong tệp meta)`
      : `"${i.path.join('.')}" trong tệp meta`;
    return missing ? `  - thiếu ${where}` : `  - ${where}: giá trị không hợp lệ (${i.message})`;
  });
  throw new UserError(
    `Thiếu hoặc sai thông tin bộ tiêu chí mà bảng không có:\n${lines.join('\n')}\nXem: cchc framework import --help`,
  );
}

async function readTable(path: string, io: CliIO): Promise<{ sheet: string | null; rows: TableCell[][] }> {
  const full = resolve(io.cwd, path);
  if (!existsSync(full)) throw new UserError(`Không tìm thấy bảng "${path}".`);
  const ext = extname(path).toLowerCase();
  const tooLarge = dataFileSizeProblem(statSync(full).size);
  if (tooLarge) throw new UserError(`${path}: ${tooLarge}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch (e) {
    throw ioFailure(e, path, 'read');
  }
  if (ext === '.csv' || ext === '.txt') {
    const utf8 = bytes.toString('utf8');
    const bounded = (text: string) => {
      const problem = csvLineCountProblem(text);
      if (problem) throw new UserError(`${path}: ${problem}`);
      const rows = parseCsv(text);
      const beyond = csvRowsProblem(rows);
      if (beyond) throw new UserError(`${path}: ${beyond}`);
      return rows;
    };
    if (!utf8.includes('\ufffd')) return { sheet: null, rows: bounded(utf8.normalize('NFC')) };
    // Not UTF-8: an old Excel saving "CSV" in the 8-bit code page. TCVN3 text read as Latin-1 is
    // exactly what the importer's TCVN3 decoder expects; anything else cannot be read safely.
    const rows = bounded(bytes.toString('latin1'));
    if (decodeLegacyCells(rows).tcvn3Rows.length) return { sheet: null, rows };
    throw new UserError(
      `${path}: tệp CSV không ở dạng UTF-8. Trong Excel hãy lưu lại bằng "CSV UTF-8 (Comma delimited)".`,
    );
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    try {
      return await readTableRows(new Uint8Array(bytes));
    } catch (e) {
      if (e instanceof TableReadError) throw new UserError(`${path}: ${e.message}`);
      throw e;
    }
  }
  throw new UserError(
    `${path}: chỉ đọc được bảng .xlsx hoặc .csv (tệp .docx/.xls hãy mở và lưu lại dạng .xlsx).`,
  );
}

/** "bảng.xlsx, trang Bảng, ô D12: …" — file, sheet and cell (or row) of an issue. */
function where(file: string, sheet: string | null, issue: ImportIssue): string {
  if (issue.row === 0) return file;
  const place =
    issue.column !== undefined ? `ô ${columnLetters(issue.column + 1)}${issue.row}` : `dòng ${issue.row}`;
  return sheet ? `${file}, trang "${sheet}", ${place}` : `${file}, ${place}`;
}

export const frameworkImportCommand: Command = {
  name: 'framework import',
  summary: 'Đọc bảng phụ lục (.xlsx/.csv) thành bộ tiêu chí JSON',
  usage: USAGE,
  async run(argv, io) {
    const args = parseArgs(argv, {
      values: [
        'o',
        'meta',
        'id',
        'title',
        'year',
        'level',
        'status',
        'decision',
        'date',
        'issuer',
        'groups',
        'sources',
      ],
      booleans: ['json', 'force'],
    });
    if (args.positionals.length !== 1)
      throw new UserError('Cần đúng một bảng phụ lục. Xem: cchc framework import --help');
    const output = args.values.o;
    if (!output) throw new UserError('Thiếu -o TỆP.json (nơi ghi bộ tiêu chí).');
    const table = args.positionals[0];
    refuseOutputOverInput(
      [{ path: output, what: 'tệp kết quả (-o)' }],
      [
        { path: table, what: 'bảng phụ lục đầu vào' },
        ...(args.values.meta ? [{ path: args.values.meta, what: 'tệp meta (--meta)' }] : []),
      ],
      io.cwd,
    );
    const given = givenMeta(args.values, io);
    const { sheet, rows } = await readTable(table, io);
    const file = basename(table);
    // What neither the meta file nor an option says is read from the table itself (title row,
    // file name, "năm 2026", "cấp xã", the "Kèm theo" row, the method column); each assumption is
    // printed, and what cannot be read is asked for by name.
    const inferred = inferImportMeta(rows, file, given);
    if (inferred.missing.length)
      throw new UserError(
        inferred.missing.length === 1
          ? `${file}: ${inferred.missing[0]}`
          : `${file}:\n${inferred.missing.map((m) => `  - ${m}`).join('\n')}`,
      );
    const meta = validMeta(inferred.meta);
    if (!args.flags.has('json')) for (const n of inferred.notes) io.stderr(`${n}\n`);
    const result: ImportResult = importFrameworkTable(rows, meta);

    const ok = result.errors.length === 0 && result.framework !== null && result.problems.length === 0;
    const write = result.framework !== null && (ok || args.flags.has('force'));
    if (write && result.framework)
      await writeAtomically(resolve(io.cwd, output), `${JSON.stringify(result.framework, null, 2)}\n`);
    // A clean import is remembered (id + fingerprint) so the templates made from it validate
    // later without --framework; best effort, a note when the library cannot be written.
    if (ok && write && result.framework) rememberFramework(result.framework, io);
    const summary = result.framework ? frameworkSummary(result.framework) : null;

    if (args.flags.has('json')) {
      io.stdout(
        `${JSON.stringify(
          {
            ok,
            output: write ? output : null,
            counts: summary?.counts ?? null,
            points: summary?.points ?? null,
            errors: result.errors.map((e) => ({ ...e, where: where(file, sheet, e) })),
            assumptions: inferred.notes,
            notes: result.notes.map((e) => ({ ...e, where: where(file, sheet, e) })),
            problems: result.problems,
          },
          null,
          2,
        )}\n`,
      );
    } else {
      for (const n of result.notes) io.stderr(`Ghi chú — ${where(file, sheet, n)}: ${n.message}\n`);
      for (const e of result.errors) io.stderr(`LỖI — ${where(file, sheet, e)}: ${e.message}\n`);
      for (const p of result.problems)
        io.stderr(`LỖI KIỂM TRA — ${p.code ? `[${p.code}] ` : ''}${p.message}\n`);
      if (summary) {
        io.stdout(
          `Bộ tiêu chí ${summary.id}: ${summary.counts.fields} lĩnh vực, ${summary.counts.criteria} tiêu chí, ` +
            `${summary.counts.subCriteria} tiêu chí thành phần; điểm ${pointsText(summary.points)}.\n`,
        );
      }
      if (write)
        io.stdout(
          ok ? `Đã ghi ${output}.\n` : `Đã ghi ${output} (--force) dù còn lỗi: chưa dùng được để tạo mẫu.\n`,
        );
      else if (result.errors.length)
        io.stdout(`Không ghi tệp: ${result.errors.length} dòng chưa đọc được, hãy sửa bảng rồi chạy lại.\n`);
      else
        io.stdout(
          `Không ghi tệp: bộ tiêu chí chưa qua ${result.problems.length} kiểm tra (dùng --force để vẫn ghi và sửa tay).\n`,
        );
    }
    if (result.framework && write) {
      const warning = illustrativeWarning(result.framework);
      if (warning) io.stderr(warning);
    }
    return ok ? 0 : 1;
  },
};
