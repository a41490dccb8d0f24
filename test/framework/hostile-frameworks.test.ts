/**
 * Hostile framework files (issue 13, case 4): a tree 10,000 levels deep is refused with a sentence
 * (no "Maximum call stack size exceeded", no stack), by `framework check` and by every command
 * taking --framework; group ids "constructor" and "__proto__" pass `framework check` and then
 * work in `template` and `validate`, with their per-group maxima kept. Files built by the test.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrameworkText } from '../../src/framework/parse';
import { leafMaxFor, leaves } from '../../src/framework/tree';
import { run } from '../helpers/cli';
import { expectNoStack } from '../helpers/no-stack';

const ROOT = join(__dirname, '..', '..');

/** The JSON text of a framework whose tree is one chain `depth` levels deep (built as text: no recursion). */
function deepFrameworkText(depth: number): string {
  const head =
    '{"formatVersion":1,"id":"sau","title":"Sâu","year":2026,"level":"so","legalBasis":{"number":"1/QĐ","date":"2026-01-01"},' +
    '"status":"official","version":"1","groups":[{"id":"so","name":"Sở"}],' +
    '"declared":{"counts":{"fields":1,"criteria":1,"subCriteria":1},"points":{"self":1,"survey":0,"total":1}},"tree":[';
  const open: string[] = [];
  let code = '1';
  for (let i = 0; i < depth; i++) {
    open.push(`{"code":"${code}","name":"x","max":1,"children":[`);
    code += '.1';
  }
  return `${head}${open.join('')}{"code":"${code}","name":"x","max":1}${']}'.repeat(depth)}]}`;
}

/** The built-in An Giang 2022 with its group ids renamed to Object.prototype keys. */
function protoFrameworkText(): string {
  return readFileSync(join(ROOT, 'templates', 'an-giang-2022.json'), 'utf8')
    .replaceAll('"so"', '"constructor"')
    .replaceAll('"huyen"', '"__proto__"')
    .replace('"an-giang-2022"', '"proto-test"');
}

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cchc-hostile-fw-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a framework tree 10,000 levels deep', () => {
  it('framework check: exit 1, the depth named, no stack', async () => {
    writeFileSync(join(dir, 'sau.json'), deepFrameworkText(10_000));
    const r = await run(['framework', 'check', 'sau.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/cây tiêu chí sâu hơn 8 cấp/);
    expect(r.stdout + r.stderr).not.toMatch(/call stack/);
    expectNoStack(r.stderr);
  });

  it('template and validate --framework: exit 2 with the same sentence', async () => {
    writeFileSync(join(dir, 'sau.json'), deepFrameworkText(10_000));
    const r = await run(
      ['template', '--framework', 'sau.json', '--unit', 'A', '--group', 'so', '-o', 'a.xlsx'],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sau\.json: cây tiêu chí sâu hơn 8 cấp/);
    expectNoStack(r.stderr);
  });

  it('a tree within the limit is still read', () => {
    expect(() => parseFrameworkText(deepFrameworkText(7), 'sau.json')).not.toThrow();
    expect(() => parseFrameworkText(deepFrameworkText(8), 'sau.json')).toThrow(/sâu hơn 8 cấp/);
  });
});

describe('group ids "constructor" and "__proto__"', () => {
  it('keep their per-group maxima once parsed', () => {
    const original = parseFrameworkText(readFileSync(join(ROOT, 'templates', 'an-giang-2022.json'), 'utf8'));
    const hostile = parseFrameworkText(protoFrameworkText());
    const maxima = (f: typeof original, so: string, huyen: string) =>
      leaves(f).map((l) => [l.code, leafMaxFor(l, so), leafMaxFor(l, huyen)]);
    expect(maxima(hostile, 'constructor', '__proto__')).toEqual(maxima(original, 'so', 'huyen'));
  });

  it('pass framework check, then template and validate work for both groups', async () => {
    writeFileSync(join(dir, 'proto.json'), protoFrameworkText());
    const check = await run(['framework', 'check', 'proto.json'], dir);
    expect(check.code).toBe(0);
    for (const group of ['constructor', '__proto__']) {
      const made = await run(
        [
          'template',
          '--framework',
          'proto.json',
          '--unit',
          `Đơn vị ${group}`,
          '--group',
          group,
          '-o',
          `${group}.xlsx`,
        ],
        dir,
      );
      expect({ group, code: made.code }).toEqual({ group, code: 0 });
      expectNoStack(made.stderr);
      const checked = await run(['validate', `${group}.xlsx`, '--framework', 'proto.json', '--json'], dir);
      expectNoStack(checked.stderr);
      const json = JSON.parse(checked.stdout) as { unit: { group: string }; errors: { rule: string }[] };
      expect(json.unit.group).toBe(group);
      // An empty template: only missing scores, no structure error from a prototype lookup.
      expect(json.errors.filter((e) => e.rule !== 'score.missing')).toEqual([]);
    }
  }, 60_000);
});
