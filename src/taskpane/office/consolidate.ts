/**
 * The Tổng hợp panel's services: the returned files consolidated by the same use case as
 * `cchc consolidate` (with the survey file in use), and the ranking written into the open workbook.
 */
import type { ConsolidateOptions, ConsolidationView, PickedFile, TaskpaneServices } from '../services';
import { sameSurvey } from '../services';
import type { Strings } from '../strings';
import { problemText } from '../problem-text';
import { yieldToBrowser, type OfficeSession } from './session';

export type ConsolidateServices = Pick<TaskpaneServices, 'consolidate' | 'writeRanking'>;

export function consolidateServices(t: Strings, session: OfficeSession): ConsolidateServices {
  const { resolveFramework, surveyState } = session;
  return {
    async consolidate(files: PickedFile[], options: ConsolidateOptions): Promise<ConsolidationView> {
      const [{ consolidateReturns }, { returnedWorkbookReader }, { readDataRows }] = await Promise.all([
        import(/* webpackChunkName: "consolidation" */ '../../usecases/consolidate-returns'),
        import(/* webpackChunkName: "xlsx" */ '../../xlsx/returned-workbook'),
        import(/* webpackChunkName: "xlsx" */ '../../xlsx/survey-file'),
      ]);
      // One file's bytes at a time: read when the use case asks, dropped when it moves on.
      async function* incoming() {
        for (const f of files) {
          await yieldToBrowser();
          yield { name: f.name, size: f.size, bytes: () => f.bytes() };
        }
      }
      const usedSurvey = surveyState.get();
      const { survey } = session;
      const result = await consolidateReturns({
        files: incoming(),
        total: files.length,
        reader: returnedWorkbookReader({ resolveFramework }),
        readTable: readDataRows,
        survey: survey ? { fileName: survey.fileName, rows: survey.rows, sheet: survey.sheet } : undefined,
        previous: options.previous,
        surveyGaps: options.allowMissingSurvey ? 'zero' : 'reject',
        onProgress: (p) => options.onProgress(p.done, files.length, p.file),
      });
      session.lastConsolidation = result;
      return {
        survey: usedSurvey,
        files: result.files.map((f) => ({
          file: f.file,
          status: f.status,
          unit: f.unit?.name ?? null,
          errors: f.errors.map((e) => {
            const text = problemText(e, t.locale);
            return e.cell && !text.includes(e.cell) ? `${e.cell}: ${text}` : text;
          }),
        })),
        units: result.units,
        allowMissingSurvey: !!options.allowMissingSurvey,
        zeroSurvey: result.details.filter((d) => !d.hasSurvey).length,
        groupNames: Object.fromEntries((result.framework?.groups ?? []).map((g) => [g.id, g.name])),
      };
    },

    async writeRanking(view: ConsolidationView) {
      // The panel disables the button for a stale view; this is the guard that cannot be bypassed.
      if (!sameSurvey(view.survey, surveyState.get())) throw new Error(t.consolidate.staleSurvey);
      const framework = session.lastConsolidation?.framework;
      if (!framework) throw new Error(t.consolidate.noAccepted);
      const [{ buildRankingPlan }, { writeRankingSheet }] = await Promise.all([
        import(/* webpackChunkName: "consolidation" */ '../../workbook/ranking-plan'),
        import('../../excel/ranking'),
      ]);
      const plan = buildRankingPlan(view.units, framework, {
        fieldTotals: session.lastConsolidation?.fieldTotals,
      });
      await writeRankingSheet(plan);
    },
  };
}
