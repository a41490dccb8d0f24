/**
 * `cchc campaign rank`: the final ranking and report from the register.
 */
import { relative, resolve } from 'node:path';
import { renderReportHtml } from '../../../consolidation/report-html';
import { rankCampaign } from '../../../usecases/campaign/campaign';
import { campaignSurveyRows } from '../../../usecases/campaign/documents';
import { writeRankingWorkbook } from '../../../xlsx/ranking-workbook';
import { zlibZipCompression } from '../../native-deflate';
import { parseArgs } from '../../args';
import { writeFileDurably } from '../../campaign/node-folder';
import type { Command } from '../../command';
import { consolidationText } from '../../consolidate/consolidation-text';
import { fileRecordJson } from '../../consolidate/consolidation-json';
import { refuseUnusableSurvey, surveyGapsNotice } from '../consolidate';
import { DIR_OPTION, EXIT_CODES, clockOf, guard, open } from './shared';

export const campaignRankCommand: Command = {
  name: 'campaign rank',
  summary: 'Bảng xếp hạng cuối và báo cáo từ sổ theo dõi của đợt',
  usage: [
    'Cách dùng: cchc campaign rank [--dir THƯ_MỤC] [-o XEP_HANG.xlsx] [--report BAO_CAO.html] [--json]',
    '                          [--allow-missing-survey]',
    '',
    'Xếp hạng từ sổ theo dõi: điểm tự chấm của tệp đã chấp nhận, điểm thẩm định của các phiếu thẩm định',
    'đã xác thực (lần 2 thay lần 1; điểm cộng/trừ của Hội đồng), điểm điều tra XHH từ tệp đã ghi bằng',
    'cchc campaign survey. Không lấy điểm thẩm định từ tệp của đơn vị.',
    DIR_OPTION,
    '  -o TỆP            bảng xếp hạng (mặc định ket-qua/xep-hang.xlsx trong thư mục đợt)',
    '  --report TỆP      báo cáo HTML (mặc định ket-qua/bao-cao.html)',
    '  --json            in { units, files } như cchc consolidate --json',
    '  --allow-missing-survey  xếp hạng cả đơn vị thiếu số liệu điều tra XHH, tính phần đó bằng 0',
    '                    (mỗi đơn vị như vậy được ghi chú); mặc định đơn vị đó là lỗi, chưa xếp hạng',
    '',
    EXIT_CODES,
  ].join('\n'),
  async run(argv, io) {
    const args = parseArgs(argv, {
      values: ['dir', 'o', 'output', 'report', 'not-ranked'],
      booleans: ['json', 'allow-missing-survey'],
    });
    const allowMissingSurvey = args.flags.has('allow-missing-survey');
    const campaign = await open(args.values.dir, io);
    const survey = await guard(campaignSurveyRows(campaign));
    const result = rankCampaign(campaign, survey, args.all['not-ranked'], { allowMissingSurvey });
    refuseUnusableSurvey(result, allowMissingSurvey, io);
    const root = resolve(io.cwd, args.values.dir ?? '.');
    const out = resolve(
      io.cwd,
      args.values.o ?? args.values.output ?? resolve(root, 'ket-qua', 'xep-hang.xlsx'),
    );
    const report = resolve(io.cwd, args.values.report ?? resolve(root, 'ket-qua', 'bao-cao.html'));
    const generatedAt = clockOf().now();
    if (!result.units.length) {
      if (args.flags.has('json'))
        io.stdout(
          `${JSON.stringify({ units: [], files: result.files.map(fileRecordJson), warnings: result.warnings }, null, 2)}\n`,
        );
      else io.stdout(consolidationText(result));
      surveyGapsNotice(result, io);
      io.stderr('Chưa có đơn vị nào được xếp hạng: không ghi bảng xếp hạng.\n');
      return 1;
    }
    await writeFileDurably(
      out,
      await writeRankingWorkbook(result, { generatedAt, compression: zlibZipCompression }),
    );
    await writeFileDurably(report, renderReportHtml(result, { generatedAt }));
    if (args.flags.has('json'))
      io.stdout(
        `${JSON.stringify({ units: result.units, files: result.files.map(fileRecordJson), warnings: result.warnings }, null, 2)}\n`,
      );
    else {
      io.stdout(consolidationText(result));
      io.stdout(
        `\nĐã ghi bảng xếp hạng: ${relative(io.cwd, out)}\nĐã ghi báo cáo: ${relative(io.cwd, report)}\n`,
      );
    }
    surveyGapsNotice(result, io);
    return 0;
  },
};
