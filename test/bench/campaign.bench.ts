/**
 * `cchc campaign receive` of 1,000 returned workbooks into a new campaign (an-giang-2022), run
 * in-process through the CLI: each file read and judged, accepted ones copied into the campaign,
 * the register written once and its Excel view regenerated. Prints campaign.receive.1000.ms and
 * campaign.receive.1000.msPerFile.
 */
import { promises as fs } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { emit } from './emit';
import { generate } from './returned-files';

const COUNT = 1000;

async function main(): Promise<void> {
  const { main: cchc } = await import('../../src/cli/main');
  const root = await fs.mkdtemp(join(tmpdir(), 'cchc-bench-campaign-'));
  process.env.CCHC_LIBRARY = join(root, 'thu-vien');
  try {
    const inbox = join(root, 'hop-thu');
    await fs.mkdir(inbox);
    await generate(inbox, COUNT);
    // The bench files alternate sở / huyện bodies (returned-files.ts): unit n is huyện when n is odd.
    const units = Array.from({ length: COUNT }, (_, n) => {
      const code = `U${String(n).padStart(4, '0')}`;
      return `${code},Đơn vị số ${n + 1},${n % 2 ? 'huyen' : 'so'}`;
    });
    await fs.writeFile(join(root, 'units.csv'), `code,name,group\n${units.join('\n')}\n`);
    const quiet = { stdout: () => {}, stderr: () => {}, isTTY: false, cwd: root };
    const init = await cchc(
      ['campaign', 'init', 'dot', '--framework', 'an-giang-2022', '--units', 'units.csv'],
      quiet,
    );
    if (init !== 0) throw new Error(`campaign init: exit ${init}`);
    const load = loadavg()[0];
    const started = process.hrtime.bigint();
    const code = await cchc(['campaign', 'receive', 'hop-thu', '--dir', 'dot'], quiet);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const register = JSON.parse(await fs.readFile(join(root, 'dot', 'so-theo-doi.json'), 'utf8'));
    const accepted = register.receipts.filter((r: { status: string }) => r.status === 'accepted').length;
    if (register.receipts.length !== COUNT)
      throw new Error(`receive: ${register.receipts.length} receipts, exit ${code}`);
    process.stderr.write(`campaign receive: ${accepted}/${COUNT} chấp nhận, mã thoát ${code}\n`);
    emit(`campaign.receive.${COUNT}.ms`, ms, 'ms', load);
    emit(`campaign.receive.${COUNT}.msPerFile`, ms / COUNT, 'ms', load);
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
