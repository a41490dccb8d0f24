/**
 * Runs `cchc ARGS` in this (child) process and prints one last line `CHILD_RESULT {"code",
 * "maxRssMB"}`: the bounded-reading tests start it with a small heap (node --max-old-space-size)
 * to show that a hostile file costs bounded memory and is reported, not fatal.
 */
import { main } from '../../src/cli/main';

void main(process.argv.slice(2)).then((code) => {
  const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`\nCHILD_RESULT ${JSON.stringify({ code, maxRssMB })}\n`);
  process.exitCode = code;
});
