/**
 * The layer guard itself is tested, so it cannot rot: a probe file is linted as if it sat in each
 * layer (ESLint's Node API in a child process, lint-probes.mjs: `lintText` with the probe's path, so
 * the real config decides by path and nothing is written into src/ where other work runs), importing each forbidden thing; every such
 * import must be reported, and a permitted import must not. The expectations below are DESIGN.md's
 * picture written out independently of eslint.config.mjs.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Bottom first: a layer may import only the layers before it in this list. */
const LAYERS = [
  'common',
  'framework',
  'scoring',
  'workbook',
  'consolidation',
  'campaign',
  'xlsx',
  'docx',
  'excel',
  'usecases',
  'cli',
  'taskpane',
];
const PURE = ['common', 'framework', 'scoring', 'workbook', 'consolidation', 'campaign', 'usecases'];
const IO_AND_UI = [
  'exceljs',
  'jszip',
  'react',
  'react-dom',
  '@fluentui/react-components',
  'fs',
  'node:fs',
  'path',
];
/**
 * Siblings out of reach although below: the .docx and .xlsx writers never use each other, nor
 * Office.js the .docx one; use cases and the CLI never touch Office.js; the pane never the CLI.
 */
const SIBLINGS: Record<string, string[]> = {
  docx: ['xlsx'],
  excel: ['docx'],
  usecases: ['excel'],
  cli: ['excel'],
  taskpane: ['cli'],
};

const ROOT = join(__dirname, '..', '..');

function lint(input: unknown): string[][] | string[] {
  const run = spawnSync(process.execPath, [join(__dirname, 'lint-probes.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

interface Probe {
  filePath: string;
  source: string;
}
const probes: Probe[] = [];
let reports: string[][] = [];
/** Registers a probe while the tests are declared; all are linted in one child process. */
function restrictedImports(filePath: string, source: string): () => number {
  const index = probes.push({ filePath, source }) - 1;
  return () => reports[index].length;
}

const probe = (layer: string, nested = false) => `src/${layer}/${nested ? 'deep/' : ''}layer-probe.ts`;
const up = (nested: boolean) => (nested ? '../../' : '../');
const importOf = (spec: string) => `import * as probe from '${spec}';\nexport const used = probe;\n`;

jest.setTimeout(180_000);

beforeAll(() => {
  reports = lint(probes) as string[][];
});

/** Each expectation: a probe, how many restricted imports it must report, and what it says. */
interface Case {
  what: string;
  expected: number;
  count: () => number;
}
const casesOf = new Map<string, Case[]>();
function expectReports(group: string, what: string, filePath: string, spec: string, expected: number): void {
  const list = casesOf.get(group) ?? [];
  list.push({ what, expected, count: restrictedImports(filePath, importOf(spec)) });
  casesOf.set(group, list);
}

for (const [i, layer] of LAYERS.entries()) {
  const forbidden = [...LAYERS.slice(i + 1), ...(SIBLINGS[layer] ?? [])];
  const permitted = LAYERS.slice(0, i).filter((l) => !(SIBLINGS[layer] ?? []).includes(l));
  for (const nested of [false, true])
    for (const other of forbidden)
      expectReports(
        `${layer}: every layer above is refused, also from a nested folder`,
        `${other} (nested: ${nested})`,
        probe(layer, nested),
        `${up(nested)}${other}/anything`,
        1,
      );
  for (const other of permitted)
    expectReports(`${layer}: the layers below are permitted`, other, probe(layer), `../${other}/anything`, 0);
  expectReports(
    `${layer}: the layers below are permitted`,
    'its own files',
    probe(layer, true),
    '../sibling',
    0,
  );
  expectReports(
    `${layer}: the in-memory Excel (src/testing) is out of reach`,
    'testing',
    probe(layer),
    '../testing/fake-excel',
    1,
  );
  if (PURE.includes(layer)) {
    for (const pkg of IO_AND_UI)
      expectReports(`${layer}: no I/O, Office.js, exceljs, zip or UI`, pkg, probe(layer), pkg, 1);
    expectReports(
      `${layer}: no I/O, Office.js, exceljs, zip or UI`,
      'zod (permitted)',
      probe(layer),
      'zod',
      0,
    );
  }
}
for (const layer of ['xlsx', 'docx', 'excel']) {
  const group = `${layer}: reads bytes (no fs) and draws no UI`;
  for (const pkg of ['node:fs', 'fs', 'path', 'react', '@fluentui/react-components'])
    expectReports(group, pkg, probe(layer), pkg, 1);
  const library = layer === 'docx' ? 'docx' : 'exceljs';
  expectReports(group, `${library} (permitted)`, probe(layer), library, 0);
}
for (const layer of PURE)
  expectReports(`${layer}: no I/O, Office.js, exceljs, zip or UI`, 'docx', probe(layer), 'docx', 1);
expectReports('cli: Node yes, UI no', 'node:fs', probe('cli'), 'node:fs', 0);
expectReports('cli: Node yes, UI no', 'react', probe('cli'), 'react', 1);
expectReports('taskpane: React', 'react', probe('taskpane'), 'react', 0);

describe('ESLint layer guard (DESIGN.md)', () => {
  for (const [group, cases] of casesOf) {
    it(group, () => {
      const wrong = cases
        .filter((c) => c.count() !== c.expected)
        .map((c) => `${c.what}: expected ${c.expected}`);
      expect(wrong).toEqual([]);
    });
  }

  it('the real tree passes the guard', () => {
    expect(lint('TREE')).toEqual([]);
  });
});
