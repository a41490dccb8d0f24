/**
 * The HTML report in a real browser (Chromium): it loads with the network cut off and fetches
 * nothing, draws one bar per unit, and prints to PDF.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium as playwright } from 'playwright-core';
import { renderReportHtml } from '../../src/consolidation/report-html';
import type { ConsolidationResult } from '../../src/consolidation/types';
import type { RankedUnit } from '../../src/scoring/types';
import { chromium, describeWithEngine } from '../helpers/engines';
import { smallFramework } from '../helpers/small-framework';

function unit(over: Partial<RankedUnit> & Pick<RankedUnit, 'unit' | 'group' | 'index'>): RankedUnit {
  return {
    code: null,
    self: null,
    appraisal: 50,
    survey: 30,
    total: over.index,
    max: 100,
    rank: 1,
    band: null,
    ranked: true,
    warnings: [],
    ...over,
  };
}

const result: ConsolidationResult = {
  framework: smallFramework,
  units: [
    unit({ unit: 'Sở Giao thông Vận tải', code: 'S01', group: 'so', index: 90.52, rank: 1 }),
    unit({ unit: 'Sở Tư pháp <b>', code: 'S02', group: 'so', index: 84.44, rank: 2 }),
    unit({ unit: 'Thanh tra tỉnh', code: 'S99', group: 'so', index: 89.11, rank: null, ranked: false }),
    unit({ unit: 'Châu Phú', code: 'H01', group: 'huyen', index: 85.1, rank: 1 }),
  ],
  files: [
    {
      file: 'nop/x.xlsx',
      status: 'unreadable',
      unit: null,
      errors: [{ code: '', cell: null, rule: 'file.notZip', message: 'không phải zip' }],
      warnings: [],
      sha256: null,
      size: 10,
      generatedAt: null,
      frameworkId: null,
    },
  ],
  details: [],
  fieldTotals: {},
  survey: null,
  warnings: [],
};

describeWithEngine(chromium, 'the HTML report in Chromium', (executablePath) => {
  it('renders offline with one bar per unit and prints to PDF', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'cchc-report-chromium-'));
    // A fresh profile (TRAPS.md): a persistent context on a throwaway directory.
    const browser = await playwright.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      await page.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      await page.setContent(renderReportHtml(result, { generatedAt: '2026-11-22T09:00:00.000Z' }), {
        waitUntil: 'load',
      });
      expect(requests).toEqual([]);
      expect(await page.locator('svg rect').count()).toBe(4);
      expect(await page.locator('h2').allTextContents()).toEqual([
        'SỞ, BAN, NGÀNH',
        'HUYỆN, THỊ XÃ, THÀNH PHỐ',
        'Tình trạng các tệp',
      ]);
      expect(await page.locator('td', { hasText: 'Sở Tư pháp <b>' }).count()).toBe(1);
      const pdf = await page.pdf({ format: 'A4', landscape: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
