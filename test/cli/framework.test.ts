import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFrameworkArg } from '../../src/cli/framework-arg';
import { UserError } from '../../src/cli/errors';
import { capture, run, tempDir } from '../helpers/cli';

const builtinJson = (id: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../templates', `${id}.json`), 'utf8'));

describe('cchc frameworks', () => {
  it('--json lists the built-in frameworks, the An Giang ones with the published numbers', async () => {
    const r = await run(['frameworks', '--json'], tempDir());
    expect(r.code).toBe(0);
    const frameworks = JSON.parse(r.stdout).frameworks.filter(
      (f: { source: string }) => f.source === 'builtin',
    );
    expect(frameworks.map((f: { id: string }) => f.id)).toEqual([
      'an-giang-2022',
      'an-giang-2021',
      'minh-hoa-2025',
    ]);
    const byId = Object.fromEntries(frameworks.map((f: { id: string }) => [f.id, f]));
    expect(byId['an-giang-2022']).toEqual({
      id: 'an-giang-2022',
      title: expect.stringContaining('An Giang năm 2022'),
      year: 2022,
      level: 'so-huyen',
      status: 'illustrative',
      groups: [
        { id: 'so', name: 'Sở, ban, ngành' },
        { id: 'huyen', name: 'UBND cấp huyện' },
      ],
      counts: { fields: 9, criteria: 30, subCriteria: 51 },
      points: { self: 68, survey: 32, total: 100 },
      source: 'builtin',
    });
    expect(byId['an-giang-2021'].points).toEqual({ self: 60, survey: 40, total: 100 });
    expect(byId['an-giang-2021'].counts.fields).toBe(9);
  });

  it('prints a readable Vietnamese table and says the frameworks are illustrative', async () => {
    const r = await run(['frameworks'], tempDir());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/an-giang-2022\s+2022\s+cấp sở, cấp huyện\s+MINH HỌA/);
    expect(r.stdout).toContain('9 / 30 / 51');
    expect(r.stdout).toContain('68 + 32 = 100');
    expect(r.stderr).toContain('MINH HỌA');
  });

  it('refuses stray arguments and answers --help', async () => {
    expect((await run(['frameworks', 'x'], tempDir())).code).toBe(2);
    const help = await run(['frameworks', '--help'], tempDir());
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Cách dùng: cchc frameworks');
  });
});

describe('cchc framework check', () => {
  it('accepts a valid file (exit 0) with the contract JSON', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ok.json'), JSON.stringify(builtinJson('an-giang-2022')));
    const r = await run(['framework', 'check', 'ok.json', '--json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: true,
      counts: { fields: 9, criteria: 30, subCriteria: 51 },
      points: { self: 68, survey: 32, total: 100 },
      problems: [],
    });
    expect(r.stderr).toContain('MINH HỌA');
  });

  it('refuses a copy with one maximum changed and names the node', async () => {
    const dir = tempDir();
    const f = builtinJson('an-giang-2022');
    f.tree[2].children[0].children[1].max = 1.5; // 3.1.2: 1 → 1.5
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(f));
    const r = await run(['framework', 'check', 'bad.json', '--json'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p: { code: string }) => p.code)).toContain('3.1');
    expect(report.problems.find((p: { code: string }) => p.code === '3.1').message).toContain('3.1.2: 1,5');
    const human = await run(['framework', 'check', 'bad.json'], dir);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('KHÔNG HỢP LỆ');
    expect(human.stdout).toContain('[3.1]');
  });

  it('reports a file the schema refuses with exit 1 and the field path, keeping the JSON shape', async () => {
    const dir = tempDir();
    const f = builtinJson('an-giang-2021');
    f.tree[0].children[0].children[0].max = 'một';
    writeFileSync(join(dir, 'shape.json'), JSON.stringify(f));
    const r = await run(['framework', 'check', 'shape.json', '--json'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.counts.fields).toBe(9);
    expect(report.problems[0].message).toContain('tree.0.children.0.children.0.max');
    expect(report.problems[0].message).toContain('1.1.1');
  });

  it('exits 2 with a Vietnamese message for a missing file or broken JSON, never a stack trace', async () => {
    const dir = tempDir();
    expect((await run(['framework', 'check', '.'], dir)).stderr).toContain(
      'Không tìm thấy tệp bộ tiêu chí "."',
    );
    const missing = await run(['framework', 'check', 'khong-co.json'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Không tìm thấy tệp bộ tiêu chí "khong-co.json"');
    writeFileSync(join(dir, 'broken.json'), '{ "id": ');
    const broken = await run(['framework', 'check', 'broken.json'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.json: không đọc được JSON');
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('loadFrameworkArg', () => {
  it('takes a built-in id and warns on stderr that it is illustrative', () => {
    const io = capture(tempDir());
    const f = loadFrameworkArg('an-giang-2022', io);
    expect(f.id).toBe('an-giang-2022');
    expect(io.err).toMatch(/CẢNH BÁO.*MINH HỌA/);
  });

  it('takes a path relative to cwd, and gives no warning for an official framework', () => {
    const dir = tempDir();
    const f = builtinJson('an-giang-2021');
    f.status = 'official';
    f.id = 'tinh-x-2021';
    writeFileSync(join(dir, 'x.json'), JSON.stringify(f));
    const io = capture(dir);
    expect(loadFrameworkArg('x.json', io).id).toBe('tinh-x-2021');
    expect(io.err).toBe('');
  });

  it('refuses a framework failing a check, naming the node', () => {
    const dir = tempDir();
    const f = builtinJson('an-giang-2022');
    f.tree[8].children[4].max = 7; // 9.5 SIPAS leaf
    writeFileSync(join(dir, 'x.json'), JSON.stringify(f));
    expect(() => loadFrameworkArg('x.json', capture(dir))).toThrow(UserError);
    expect(() => loadFrameworkArg('x.json', capture(dir))).toThrow(
      /\[9\] lĩnh vực 9: điểm tối đa 32 khác tổng/,
    );
  });

  it('refuses what is neither a built-in nor a file, listing the built-ins', () => {
    expect(() => loadFrameworkArg('an-giang-2099', capture(tempDir()))).toThrow(
      /an-giang-2022, an-giang-2021/,
    );
  });
});
