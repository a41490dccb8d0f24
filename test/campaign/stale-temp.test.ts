/**
 * Temp files a killed command left (SIGKILL between writing ".PID.MS.RANDOM.tmp" and renaming it;
 * test/campaign/sigkill.test.ts shows they can remain) are removed when the next campaign command
 * starts — only those of our own naming whose process no longer runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempDir } from '../helpers/cli';
import { campaignFramework } from './fixtures';

it('removes stale temp files of our naming at the next campaign command, keeps the rest', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'fw.json'), JSON.stringify(campaignFramework));
  writeFileSync(join(dir, 'units.csv'), 'code,name,group\nSTP,Sở Tư pháp,so\n');
  expect(
    (await run(['campaign', 'init', 'dot', '--framework', 'fw.json', '--units', 'units.csv'], dir)).code,
  ).toBe(0);
  const register = readFileSync(join(dir, 'dot', 'so-theo-doi.json'), 'utf8');
  // A pid that has surely exited: a child that already ran.
  const gone = spawnSync(process.execPath, ['-e', '0']).pid as number;
  const stale = join(dir, 'dot', `.${gone}.1767225600000.k3j9x2.tmp`);
  mkdirSync(join(dir, 'dot', 'da-nhan', 'tu-cham'), { recursive: true });
  const staleCopy = join(dir, 'dot', 'da-nhan', 'tu-cham', `.${gone}.1767225600001.a1b2c3.tmp`);
  const running = join(dir, 'dot', `.${process.ppid}.1767225600002.zz9.tmp`); // a live process's
  const usersOwn = join(dir, 'dot', 'ghi-chu.tmp'); // not our naming
  for (const p of [stale, staleCopy, running, usersOwn]) writeFileSync(p, '{"half":');

  const r = await run(['campaign', 'status', '--dir', 'dot'], dir);
  expect(r.code).toBe(0);
  expect(existsSync(stale)).toBe(false);
  expect(existsSync(staleCopy)).toBe(false);
  expect(existsSync(running)).toBe(true);
  expect(existsSync(usersOwn)).toBe(true);
  expect(readFileSync(join(dir, 'dot', 'so-theo-doi.json'), 'utf8')).toBe(register);
});
