/**
 * Round trips of the Excel adapter, counted by the in-memory Excel: for each operation, the largest
 * number of context.sync() calls (plus Excel.createWorkbook calls, also a round trip) over a
 * framework of 10 and one of 200 leaves (and 10 / 200 units for the ranking). The target is a
 * constant ≤ 3 (DESIGN.md); the adapter tests fail if the two sizes differ.
 */
import { generateTemplate, readOpenTemplate, writeRankingSheet, writeSurveyPoints } from '../../src/excel';
import { isSurveyLeaf, leaves } from '../../src/framework/tree';
import { createFakeExcel, type FakeExcel } from '../../src/testing/fake-excel';
import { buildRankingPlan } from '../../src/workbook/ranking-plan';
import { renderTemplate } from '../../src/xlsx/render';
import { UNIT, rankedUnits, sizedFramework } from '../excel/sized-framework';
import { emit } from './emit';

const SIZES = [10, 200];

function roundTrips(fake: FakeExcel): number {
  return fake.stats.syncs + fake.stats.createWorkbook;
}

async function main(): Promise<void> {
  const worst = { generate: 0, read: 0, survey: 0, ranking: 0 };
  for (const n of SIZES) {
    const framework = sizedFramework(n);
    const resolveFramework = (id: string) => (id === framework.id ? framework : undefined);
    const bytes = await renderTemplate(framework, UNIT);

    const blank = createFakeExcel();
    let restore = blank.install();
    await generateTemplate(framework, UNIT);
    worst.generate = Math.max(worst.generate, roundTrips(blank));
    restore();

    const fake = createFakeExcel();
    await fake.open(bytes);
    restore = fake.install();
    const measure = async (key: keyof typeof worst, op: () => Promise<unknown>) => {
      fake.resetStats();
      await op();
      worst[key] = Math.max(worst[key], roundTrips(fake));
    };
    await measure('read', () => readOpenTemplate({ resolveFramework }));
    const points = Object.fromEntries(
      leaves(framework)
        .filter(isSurveyLeaf)
        .map((l) => [l.code, 1.5]),
    );
    await measure('survey', () => writeSurveyPoints(points, { resolveFramework }));
    await measure('ranking', () => writeRankingSheet(buildRankingPlan(rankedUnits(n), framework)));
    restore();
  }
  emit('excel.syncs.generate', worst.generate, 'syncs');
  emit('excel.syncs.read', worst.read, 'syncs');
  emit('excel.syncs.survey', worst.survey, 'syncs');
  emit('excel.syncs.ranking', worst.ranking, 'syncs');
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
