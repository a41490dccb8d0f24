/* global process */
// Lints probe sources with ESLint's Node API, outside jest (whose VM refuses the dynamic import
// ESLint loads its config with). stdin: [{ filePath, source }] (or "TREE" to lint src/); stdout:
// for each probe, the messages of no-restricted-imports.
import { ESLint } from 'eslint';

const input = JSON.parse(
  await new Promise((resolve) => {
    let text = '';
    process.stdin.on('data', (d) => (text += d));
    process.stdin.on('end', () => resolve(text));
  }),
);
const eslint = new ESLint({ cwd: process.cwd() });
const restricted = (r) =>
  r.messages
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => `${r.filePath}:${m.line} ${m.message}`);
if (input === 'TREE') {
  process.stdout.write(JSON.stringify((await eslint.lintFiles(['src'])).flatMap(restricted)));
} else {
  const out = [];
  for (const p of input) out.push(restricted((await eslint.lintText(p.source, { filePath: p.filePath }))[0]));
  process.stdout.write(JSON.stringify(out));
}
