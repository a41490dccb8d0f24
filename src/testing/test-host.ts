/**
 * Browser test host (dist/test-host.html, never shipped to users): installs the in-memory Excel of
 * src/testing/fake-excel as the `Excel` and `Office` globals, then the SAME task pane bundle boots
 * (the page loads this entry first, then `taskpane`). The only difference from production is this
 * host object.
 *
 * URL parameters (set by test/taskpane/*.test.ts):
 * - `workbook=URL`: .xlsx bytes to open before Office reports ready (the workbook the user has open);
 * - `theme=dark|light`: the Office theme colours reported by Office.context.officeTheme;
 * - `api=1.14`: highest ExcelApi version the host supports (default: the manifest's 1.9).
 *
 * `window.cchcTestHost` exposes the fake so the tests can act as the user typing in Excel
 * (`simulateUserEdit`) and inspect the workbook afterwards.
 */
import { createFakeExcel, type FakeExcel } from './fake-excel';

declare global {
  interface Window {
    cchcTestHost?: { fake: FakeExcel; ready: Promise<void> };
  }
}

const params = new URLSearchParams(window.location.search);
const fake = createFakeExcel({ supported: { ExcelApi: params.get('api') ?? '1.9' } });

const ready = (async () => {
  const workbook = params.get('workbook');
  if (!workbook) return;
  const response = await fetch(workbook);
  if (!response.ok) throw new Error(`test-host: cannot fetch ${workbook} (${response.status})`);
  await fake.open(new Uint8Array(await response.arrayBuffer()));
})();

// Office's own theme objects: Excel's dark grey and white body colours.
const themes = {
  dark: {
    bodyBackgroundColor: '#262626',
    bodyForegroundColor: '#ffffff',
    controlBackgroundColor: '#3b3b3b',
    controlForegroundColor: '#ffffff',
  },
  light: {
    bodyBackgroundColor: '#ffffff',
    bodyForegroundColor: '#000000',
    controlBackgroundColor: '#ffffff',
    controlForegroundColor: '#000000',
  },
};

const office = {
  ...fake.Office,
  context: {
    ...fake.Office.context,
    officeTheme: params.get('theme') === 'dark' ? themes.dark : themes.light,
    displayLanguage: 'vi-VN',
  },
  // Office.onReady resolves once the host is ready: here, once the test workbook is open.
  async onReady(cb?: (info: { host: string; platform: string }) => void) {
    await ready;
    return fake.Office.onReady(cb);
  },
};

const target = window as unknown as Record<string, unknown>;
target.Excel = fake.Excel;
target.Office = office;
window.cchcTestHost = { fake, ready };
