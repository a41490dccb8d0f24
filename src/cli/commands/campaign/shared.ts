/**
 * What every `cchc campaign` sub-command shares: the exit codes its help states, the --dir option,
 * the clock (CCHC_NOW for replayed campaigns), opening the campaign folder, and turning the use
 * cases' CampaignError into the CLI's UserError (same message, same exit code).
 */
import { resolve } from 'node:path';
import {
  openCampaign,
  type Campaign,
  type Clock,
  type RegisterView,
} from '../../../usecases/campaign/campaign';
import { CampaignError } from '../../../usecases/campaign/folder';
import { registerWorkbook } from '../../../xlsx/register-workbook';
import { parseArgs } from '../../args';
import { nodeCampaignFolder, removeStaleTemps } from '../../campaign/node-folder';
import type { CliIO, Command } from '../../command';
import { UserError } from '../../errors';

export const EXIT_CODES = [
  'Mã thoát: 0 xong; 1 xong nhưng có phần bị từ chối (tệp bị từ chối, nộp muộn, không đọc được;',
  'đơn vị chưa phát được phiếu; không có gì để xếp hạng); 2 sai cách dùng hoặc không phải thư mục',
  'đợt đánh giá; 3 lỗi không mong đợi.',
].join('\n');

/** The clock: the system's, or a fixed instant from CCHC_NOW (scripts replaying a campaign). */
export function clockOf(): Clock {
  const fixed = process.env.CCHC_NOW;
  if (fixed && !Number.isNaN(Date.parse(fixed))) return { now: () => new Date(fixed).toISOString() };
  return { now: () => new Date().toISOString() };
}

export const viewOf =
  (clock: Clock): RegisterView =>
  (r, framework) =>
    registerWorkbook(r, clock.now(), framework);

export async function open(dir: string | undefined, io: CliIO): Promise<Campaign> {
  // What a command killed mid-write (SIGKILL) left behind goes first: the register itself is
  // always whole (temp file + rename), only its orphaned temp files remain.
  await removeStaleTemps(resolve(io.cwd, dir ?? '.'));
  try {
    return await openCampaign(nodeCampaignFolder(dir ?? '.', io.cwd));
  } catch (e) {
    if (e instanceof CampaignError) throw new UserError(e.message, e.exitCode);
    throw e;
  }
}

export function guard<T>(p: Promise<T>): Promise<T> {
  return p.catch((e) => {
    if (e instanceof CampaignError) throw new UserError(e.message, e.exitCode);
    throw e;
  });
}

export const DIR_OPTION = '  --dir THƯ_MỤC      thư mục đợt đánh giá (mặc định: thư mục hiện tại)';

/** A sub-command's help: its own lines, then the --dir option and the exit codes every one shares. */
export function usageWithDir(...lines: string[]): string {
  return [...lines, DIR_OPTION, '', EXIT_CODES].join('\n');
}

/**
 * The units a command works on: those named by --unit (repeated or comma-separated), `explicit`,
 * else every unit of the campaign.
 */
export function unitsOf(
  campaign: Campaign,
  all: Record<string, string[]>,
): { units: string[]; explicit: boolean } {
  const list = (all.unit ?? [])
    .flatMap((u) => u.split(','))
    .map((u) => u.trim())
    .filter(Boolean);
  return list.length
    ? { units: list, explicit: true }
    : { units: campaign.register.units.map((u) => u.code), explicit: false };
}

/** A campaign opened for some of its units (see unitsOf). */
export interface OpenedForUnits {
  campaign: Campaign;
  units: string[];
  explicit: boolean;
}

/** `[--dir THƯ_MỤC] [--unit MÃ …]`, the arguments of issue and respond: the campaign and its units. */
export async function openForUnits(argv: string[], io: CliIO): Promise<OpenedForUnits> {
  const args = parseArgs(argv, { values: ['dir', 'unit'] });
  const campaign = await open(args.values.dir, io);
  return { campaign, ...unitsOf(campaign, args.all) };
}

/**
 * A sub-command that takes exactly `[--dir THƯ_MỤC] [--unit MÃ …]` (issue, respond): its usage
 * line and its arguments are written once here, so the two cannot drift apart. `help` is the text
 * after the usage line.
 */
export function unitsCommand(spec: {
  name: string;
  summary: string;
  help: string[];
  run(opened: OpenedForUnits, io: CliIO): Promise<number>;
}): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    usage: usageWithDir(`Cách dùng: cchc ${spec.name} [--dir THƯ_MỤC] [--unit MÃ …]`, '', ...spec.help),
    run: async (argv, io) => spec.run(await openForUnits(argv, io), io),
  };
}
