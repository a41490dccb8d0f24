/**
 * `cchc campaign init`: a new campaign folder from a framework and a unit list.
 */
import { promises as fs } from 'node:fs';
import { basename, resolve } from 'node:path';
import { isStageId, stageList, type StageId } from '../../../campaign';
import { frameworkFingerprint } from '../../../framework/fingerprint';
import { initCampaign, slug } from '../../../usecases/campaign/campaign';
import { parseUnitList, unitListProblemText } from '../../../workbook/unit-list';
import { registerWorkbook } from '../../../xlsx/register-workbook';
import { parseArgs } from '../../args';
import { nodeCampaignFolder } from '../../campaign/node-folder';
import type { Command } from '../../command';
import { UserError } from '../../errors';
import { illustrativeWarning, loadFrameworkArg } from '../../framework-arg';
import { rememberFramework } from '../../framework-library';
import { EXIT_CODES, clockOf, guard } from './shared';

function parseDeadline(text: string): { stage: StageId; date: string } {
  const m = /^([a-z0-9-]+)=(.+)$/.exec(text.trim());
  if (!m || !isStageId(m[1]))
    throw new UserError(
      `--deadline "${text}": cần dạng GIAI_ĐOẠN=NGÀY, giai đoạn là một trong: ${stageList()}.`,
    );
  const date = m[2].trim();
  if (!/^\d{4}-\d{2}-\d{2}(T.+)?$/.test(date) || Number.isNaN(Date.parse(date)))
    throw new UserError(
      `--deadline "${text}": ngày "${date}" phải có dạng NĂM-THÁNG-NGÀY, ví dụ 2026-03-31.`,
    );
  return { stage: m[1], date };
}

export const campaignInitCommand: Command = {
  name: 'campaign init',
  summary: 'Tạo đợt đánh giá trong một thư mục (sổ theo dõi, bộ tiêu chí, khóa xác thực)',
  usage: [
    'Cách dùng: cchc campaign init THƯ_MỤC --framework MÃ|TỆP.json --units DON_VI.csv',
    '             [--deadline GIAI_ĐOẠN=NGÀY …] [--id MÃ_ĐỢT] [--title "TÊN ĐỢT"]',
    '',
    'Tạo đợt đánh giá: sổ theo dõi so-theo-doi.json (và bản xem so-theo-doi.xlsx), bản sao bộ tiêu chí,',
    'khóa bí mật .khoa-xac-thuc (không gửi đi: dùng để ký các phiếu thẩm định). DON_VI.csv có các cột',
    'code, name, group (mã, tên, nhóm); mỗi đơn vị phải có mã.',
    `  --deadline        hạn của một giai đoạn, ví dụ --deadline chot-tu-cham=2026-03-31 (hết ngày, giờ VN).`,
    `                    Giai đoạn: ${stageList()}.`,
    '',
    EXIT_CODES,
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['framework', 'units', 'deadline', 'id', 'title'] });
    const dir = args.positionals[0];
    if (!dir || args.positionals.length > 1) throw new UserError('Cần đúng một THƯ_MỤC cho đợt đánh giá.');
    if (!args.values.framework) throw new UserError('Thiếu --framework MÃ|TỆP.json.');
    if (!args.values.units) throw new UserError('Thiếu --units DON_VI.csv (các cột code, name, group).');
    const framework = loadFrameworkArg(args.values.framework, io);
    const unitsPath = resolve(io.cwd, args.values.units);
    let text: string;
    try {
      text = await fs.readFile(unitsPath, 'utf8');
    } catch {
      throw new UserError(`Không đọc được danh sách đơn vị "${args.values.units}".`);
    }
    const list = parseUnitList(text, framework.groups, { frameworkId: framework.id });
    const units = list.units;
    const errors = list.problems.map((p) => unitListProblemText(args.values.units as string, p));
    for (const u of units.filter((x) => !x.unit.code))
      errors.push(
        `${args.values.units} dòng ${u.line} (${u.unit.name}): thiếu mã đơn vị — đợt đánh giá cần mã để nhận diện tệp.`,
      );
    if (errors.length) throw new UserError(errors.join('\n'));
    if (!units.length) throw new UserError(`"${args.values.units}" không có đơn vị nào.`);
    const deadlines = (args.all.deadline ?? []).map(parseDeadline);
    const id = args.values.id ?? (slug(basename(resolve(io.cwd, dir))) || 'dot-danh-gia');
    const clock = clockOf();
    const folder = nodeCampaignFolder(dir, io.cwd);
    const campaign = await guard(
      initCampaign(folder, {
        id,
        title: args.values.title ?? `Đánh giá Chỉ số CCHC năm ${framework.year}`,
        framework,
        units: units.map((u) => u.unit),
        deadlines,
        clock,
      }),
    );
    await folder.writeAtomic(
      'so-theo-doi.xlsx',
      await registerWorkbook(campaign.register, clock.now(), campaign.framework),
    );
    rememberFramework(framework, io);
    const warning = illustrativeWarning(framework);
    if (warning) io.stderr(warning);
    io.stdout(
      `Đã tạo đợt đánh giá "${id}" trong ${folder.describe('.')}: ${units.length} đơn vị, bộ tiêu chí ${framework.id} (${frameworkFingerprint(framework)}).\n` +
        `Tiếp theo: cchc campaign issue --dir ${folder.describe('.')}\n`,
    );
    return 0;
  },
};
