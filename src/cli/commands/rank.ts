/**
 * `cchc rank INPUT.csv [-o OUT.xlsx|OUT.csv] [--json] [--framework ID]`: ranks units from a table
 * of appraisal and survey points (what Sở Nội vụ has once the council and the survey are done),
 * per group, in the published style. Exit 0 ranked; 1 rows with errors (every one listed, nothing
 * written: a ranking missing a unit would be wrong); 2 the file cannot be read or used at all.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Framework } from '../../framework/schema';
import { parseRankCsv } from '../../scoring/rank-csv';
import { rankTableBlocks, rankTableCsv, rankTableText } from '../../scoring/rank-table';
import { rankUnits } from '../../scoring/rank';
import { renderRankTable } from '../../xlsx/rank-table';
import { parseArgs } from '../args';
import { writeAtomically } from '../atomic-write';
import type { Command } from '../command';
import { UserError } from '../errors';
import { loadFrameworkArg } from '../framework-arg';
import { refuseOutputOverInput } from '../output-guard';
import { rankedUnitJson } from '../ranked-unit-json';

const MAX_INPUT_BYTES = 5 * 1024 * 1024;

function readInput(path: string, cwd: string): string {
  const full = resolve(cwd, path);
  if (!existsSync(full) || !statSync(full).isFile()) throw new UserError(`Không tìm thấy tệp "${path}".`);
  if (statSync(full).size > MAX_INPUT_BYTES) {
    throw new UserError(`${path}: tệp lớn hơn 5 MB, không phải một bảng xếp hạng.`);
  }
  const bytes = readFileSync(full);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(
      `${path}: tệp không ở mã UTF-8 (có thể lưu bằng "CSV (Comma delimited)" kiểu cũ). ` +
        'Hãy mở trong Excel và lưu lại bằng "CSV UTF-8 (Comma delimited)".',
    );
  }
}

export const rankCommand: Command = {
  name: 'rank',
  summary: 'Xếp hạng các đơn vị từ bảng điểm thẩm định và điểm điều tra XHH (CSV)',
  usage: [
    'Cách dùng: cchc rank BẢNG.csv [-o KẾT_QUẢ.xlsx|KẾT_QUẢ.csv] [--json] [--framework MÃ]',
    '',
    'Đọc bảng điểm (UTF-8, có hoặc không có BOM; phân cách ";" hoặc ","; số thập phân dấu phẩy',
    'hoặc dấu chấm), mỗi dòng một đơn vị, các cột:',
    '  unit       tên đơn vị (hoặc "Đơn vị")',
    '  group      nhóm: sở, huyện… (hoặc "Nhóm"); với --framework: mã hoặc tên nhóm của bộ tiêu chí',
    '  appraisal  điểm thẩm định (hoặc "Điểm thẩm định")',
    '  survey     điểm điều tra XHH (hoặc "Điểm điều tra XHH"); để trống = chưa có, tạm tính 0 và cảnh báo',
    '  code       (tùy chọn) mã đơn vị',
    '  max        (tùy chọn) điểm tối đa; mặc định tổng điểm của bộ tiêu chí, hoặc 100',
    '  ranked     (tùy chọn) có/không (yes/no): không = được đánh giá nhưng không xếp hạng',
    '',
    'Chỉ số = (thẩm định + điều tra XHH) / điểm tối đa × 100, làm tròn 2 chữ số (hoặc theo bộ tiêu chí).',
    'Xếp hạng theo từng nhóm, chỉ số giảm dần; bằng chỉ số thì đồng hạng và hạng sau bị bỏ qua (1, 2, 2, 4).',
    '',
    '  -o TỆP         ghi bảng xếp hạng theo mẫu công bố: .xlsx hoặc .csv (dấu ";" và dấu phẩy thập phân)',
    '  --json         in { "units": [ { "unit", "code", "group", "appraisal", "survey", "total", "max",',
    '                 "index", "rank", "band", "ranked" } ] } (rank null: không xếp hạng)',
    '  --framework M  bộ tiêu chí (mã có sẵn hoặc tệp JSON): nhóm, xếp loại, cách xử lý đồng hạng,',
    '                 số chữ số thập phân, đơn vị không xếp hạng',
    '',
    'Mã thoát: 0 đã xếp hạng; 1 có dòng sai (liệt kê tất cả, không ghi tệp); 2 tệp không dùng được; 3 không đọc/ghi được tệp.',
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['o', 'output', 'framework'], booleans: ['json'] });
    if (args.positionals.length !== 1) throw new UserError('Cần đúng một tệp CSV. Xem: cchc rank --help');
    const inputPath = args.positionals[0];
    const outPath = args.values.o ?? args.values.output;
    const json = args.flags.has('json');
    const outKind = outPath ? extname(outPath).toLowerCase() : null;
    if (outPath && outKind !== '.xlsx' && outKind !== '.csv') {
      throw new UserError(`-o ${outPath}: chỉ ghi được tệp .xlsx hoặc .csv.`);
    }
    if (outPath) {
      refuseOutputOverInput(
        [{ path: outPath, what: 'tệp kết quả (-o)' }],
        [
          { path: inputPath, what: 'bảng điểm đầu vào' },
          ...(args.values.framework && /\.json$/i.test(args.values.framework)
            ? [{ path: args.values.framework, what: 'tệp bộ tiêu chí' }]
            : []),
        ],
        io.cwd,
      );
    }

    const framework: Framework | undefined = args.values.framework
      ? loadFrameworkArg(args.values.framework, io)
      : undefined;
    const text = readInput(inputPath, io.cwd);
    const parsed = parseRankCsv(text, inputPath, { framework });
    for (const p of parsed.problems)
      io.stderr(`${p.severity === 'error' ? 'Lỗi' : 'Cảnh báo'}: ${p.message}\n`);
    const errors = parsed.problems.filter((p) => p.severity === 'error');
    if (errors.length) {
      if (parsed.headerOk)
        io.stderr(`${inputPath}: ${errors.length} lỗi; chưa xếp hạng. Sửa tệp rồi chạy lại.\n`);
      if (json) {
        const list = errors.map((e) => ({ line: e.line, column: e.column ?? null, message: e.message }));
        io.stdout(`${JSON.stringify({ units: [], errors: list }, null, 2)}\n`);
      }
      // A file that cannot be used at all (no header, empty) is 2; rows with mistakes are 1.
      return parsed.headerOk ? 1 : 2;
    }

    const places = framework?.places ?? 2;
    const units = rankUnits(parsed.inputs, {
      places,
      tieRule: framework?.tieRule,
      bands: framework?.bands,
      groupOrder: framework?.groups.map((g) => g.id),
    });
    // Null prototype: a group "constructor" in the table must not find Object.prototype.constructor.
    const groupNames: Record<string, string> = Object.assign(
      Object.create(null),
      Object.fromEntries((framework?.groups ?? []).map((g) => [g.id, g.name])),
    );
    // An illustrative framework is labelled wherever it is used, the published table included.
    const title = framework
      ? `XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${framework.year}${framework.status === 'illustrative' ? ' (MINH HỌA)' : ''}`
      : undefined;
    const blocks = rankTableBlocks(units, { groupNames, title, places });

    if (outPath) {
      const bytes =
        outKind === '.xlsx'
          ? await renderRankTable(blocks, places)
          : Buffer.from(rankTableCsv(blocks, places), 'utf8');
      await writeAtomically(resolve(io.cwd, outPath), bytes);
      io.stderr(`Đã ghi ${outPath} (${units.length} đơn vị, ${blocks.length} nhóm).\n`);
    }
    if (json) io.stdout(`${JSON.stringify({ units: units.map((u) => rankedUnitJson(u)) }, null, 2)}\n`);
    else io.stdout(rankTableText(blocks, places));
    return 0;
  },
};
