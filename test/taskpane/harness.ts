/**
 * Browser-test harness: builds the task pane with webpack into a temp folder (once per test file),
 * serves it and a folder of fixtures on 127.0.0.1 with node:http, and drives Debian's Chromium
 * through playwright-core (TRAPS.md: executablePath, headless, no sandbox, no network services,
 * a fresh user-data dir).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/**
 * Runs `webpack --mode production` into a fresh temp dir; rejects with webpack's output on failure.
 * The test host page is built too (CCHC_TEST_HOST=1). CCHC_TASKPANE_DIST=DIR reuses an existing
 * build instead (one made with CCHC_TEST_HOST=1, e.g. a `webpack --watch` while working).
 */
export function buildTaskpane(): Promise<string> {
  if (process.env.CCHC_TASKPANE_DIST) return Promise.resolve(resolve(process.env.CCHC_TASKPANE_DIST));
  const out = mkdtempSync(join(tmpdir(), 'cchc-taskpane-'));
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production'],
      {
        cwd: ROOT,
        env: { ...process.env, CCHC_DIST: out, CCHC_TEST_HOST: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('exit', (code) =>
      code === 0 ? done(out) : fail(new Error(`webpack exited ${code}:\n${log.slice(-4000)}`)),
    );
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface Served {
  url: string;
  fixtures: string;
  close(): Promise<void>;
}

/** Serves `dist` at / and a fresh fixtures folder at /fixtures/. */
export async function serve(dist: string): Promise<Served> {
  const fixtures = mkdtempSync(join(tmpdir(), 'cchc-fixtures-'));
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [base, rel] = path.startsWith('/fixtures/')
      ? [fixtures, path.slice('/fixtures/'.length)]
      : [dist, path.slice(1)];
    const file = normalize(join(base, rel));
    if (!file.startsWith(base + sep) && file !== base) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    fixtures,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
        rmSync(fixtures, { recursive: true, force: true });
      }),
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(executablePath: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'cchc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
    // The task pane's default width in Excel desktop is about 320–350 px.
    viewport: { width: 340, height: 900 },
    locale: 'vi-VN',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Collects uncaught page errors and console errors so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export function writeFixture(served: Served, name: string, bytes: Uint8Array | string): string {
  writeFileSync(join(served.fixtures, name), bytes);
  return `/fixtures/${encodeURIComponent(name)}`;
}

/**
 * Screenshot into test-artifacts/ (git-ignored) for people to look at: the whole page up to
 * `maxHeight` px (a long problem list would make an unreadable strip).
 */
export async function screenshot(page: Page, name: string, maxHeight = 1600): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  const size = await page.evaluate(() => ({
    w: document.documentElement.clientWidth,
    h: document.documentElement.scrollHeight,
  }));
  await page.screenshot({
    path,
    fullPage: true,
    clip: { x: 0, y: 0, width: size.w, height: Math.min(size.h, maxHeight) },
  });
  return path;
}
