/**
 * `cchc campaign survey`: the survey results file copied into the campaign and recorded.
 */
import { promises as fs } from 'node:fs';
import { basename, resolve } from 'node:path';
import { receiveSurvey } from '../../../usecases/campaign/campaign';
import { DataFileError, readDataRows } from '../../../xlsx/survey-file';
import { parseArgs } from '../../args';
import type { Command } from '../../command';
import { UserError } from '../../errors';
import { clockOf, guard, open, usageWithDir, viewOf } from './shared';

export const campaignSurveyCommand: Command = {
  name: 'campaign survey',
  summary: 'Ghi tệp kết quả điều tra XHH vào đợt đánh giá',
  usage: usageWithDir(
    'Cách dùng: cchc campaign survey TỆP.csv|TỆP.xlsx [--dir THƯ_MỤC]',
    '',
    'Chép tệp điều tra xã hội học vào đợt (dieu-tra-xhh/) và ghi vào sổ; cchc campaign rank dùng tệp này.',
  ),
  async run(argv, io) {
    const args = parseArgs(argv, { values: ['dir'] });
    if (args.positionals.length !== 1) throw new UserError('Cần đúng một tệp điều tra XHH.');
    const campaign = await open(args.values.dir, io);
    const file = args.positionals[0];
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await fs.readFile(resolve(io.cwd, file)));
    } catch {
      throw new UserError(`Không đọc được tệp điều tra XHH "${file}".`);
    }
    try {
      await readDataRows(file, bytes);
    } catch (e) {
      if (e instanceof DataFileError) throw new UserError(`Tệp điều tra XHH: ${e.message}`);
      throw e;
    }
    const clock = clockOf();
    await guard(receiveSurvey(campaign, basename(file), bytes, { clock, view: viewOf(clock) }));
    io.stdout(`Đã ghi tệp điều tra XHH "${file}" vào đợt.\n`);
    return 0;
  },
};
