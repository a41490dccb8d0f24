/**
 * Gate for tests that need a real engine no one here wrote (LibreOffice, Chromium).
 *
 * - Engine present: the tests run.
 * - Engine missing and CI=true: the suite FAILS (CI must have installed it; .ci/run does).
 * - Engine missing elsewhere: the suite is skipped with a printed notice naming the Debian package,
 *   so `npm ci && npm test` passes on a fresh machine and says what it did not run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Engine {
  name: string;
  /** Absolute path of the executable, or null when missing. */
  path: string | null;
  /** Debian package that provides it. */
  aptPackage: string;
}

function which(candidates: string[]): string | null {
  for (const c of candidates) {
    if (c.startsWith('/')) {
      if (existsSync(c)) return c;
      continue;
    }
    try {
      const p = execFileSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' }).trim();
      if (p) return p;
    } catch {
      /* not on PATH */
    }
  }
  return null;
}

export const libreOffice: Engine = {
  name: 'LibreOffice',
  path: which([process.env.SOFFICE ?? '', 'soffice', 'libreoffice', '/usr/bin/soffice'].filter(Boolean)),
  aptPackage: 'libreoffice-calc-nogui',
};

export const chromium: Engine = {
  name: 'Chromium',
  path: which(
    [process.env.CHROMIUM ?? '', '/usr/bin/chromium', 'chromium', 'chromium-browser'].filter(Boolean),
  ),
  aptPackage: 'chromium',
};

export const xmllint: Engine = {
  name: 'xmllint',
  path: which(['xmllint', '/usr/bin/xmllint']),
  aptPackage: 'libxml2-utils',
};

/**
 * `describe` when the engine is there; otherwise a failing suite in CI, or a skipped one with a
 * notice elsewhere.
 */
export function describeWithEngine(engine: Engine, title: string, body: (path: string) => void): void {
  if (engine.path) {
    describe(title, () => body(engine.path as string));
    return;
  }
  const notice = `${engine.name} không có trên máy này: bỏ qua "${title}". Cài bằng: apt-get install ${engine.aptPackage}`;
  if (process.env.CI === 'true') {
    describe(title, () => {
      it(`needs ${engine.name}`, () => {
        throw new Error(`${notice} (CI=true: ${engine.name} is required)`);
      });
    });
    return;
  }
  process.stderr.write(`\n[bỏ qua] ${notice}\n`);
  describe.skip(title, () => {
    it(`needs ${engine.name}`, () => undefined);
  });
}
