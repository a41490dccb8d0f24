/**
 * The Điều tra XHH panel's services: a survey file previewed against the last consolidation's units
 * (or the open workbook's unit), kept for the next consolidation, and its points written into the
 * open workbook.
 */
import type { SurveyUnit } from '../../consolidation/survey';
import type { Framework } from '../../framework/schema';
import { walk } from '../../framework/tree';
import { formatVi } from '../../common/vi-number';
import { surveyRoundingRule } from '../../scoring/survey';
import type { UnitRef } from '../../scoring/types';
import type { PickedFile, SurveyPreview, TaskpaneServices } from '../services';
import type { Strings } from '../strings';
import type { OfficeSession } from './session';

export type SurveyServices = Pick<
  TaskpaneServices,
  'previewSurvey' | 'writeSurvey' | 'surveyInUse' | 'onSurveyChange'
>;

/** The open workbook's unit as the survey importer matches it. */
const surveyUnitOf = (unit: UnitRef): SurveyUnit => ({
  code: unit.code || null,
  name: unit.name,
  group: unit.group,
});

export function surveyServices(t: Strings, session: OfficeSession): SurveyServices {
  const { readOpen, resolveFramework, surveyState, useSurvey } = session;
  return {
    async previewSurvey(file: PickedFile): Promise<SurveyPreview> {
      const [{ readDataRows }, { importSurveyRows, unitKeyOf }] = await Promise.all([
        import(/* webpackChunkName: "xlsx" */ '../../xlsx/survey-file'),
        import(/* webpackChunkName: "consolidation" */ '../../consolidation/survey'),
      ]);
      const { rows, sheet } = await readDataRows(file.name, await file.bytes());
      const open = await readOpen();
      // Match against the last consolidation's units when there is one (the survey file covers
      // every unit), else against the open workbook's unit.
      let framework: Framework | null = null;
      let units: SurveyUnit[] = [];
      let against: SurveyPreview['against'] = { kind: 'none' };
      const { lastConsolidation } = session;
      if (lastConsolidation?.framework && lastConsolidation.details.length) {
        framework = lastConsolidation.framework;
        units = lastConsolidation.details.map((d) => surveyUnitOf(d.unit));
        against = { kind: 'consolidation', count: units.length };
      } else if (open.ok) {
        framework = open.framework;
        units = [surveyUnitOf(open.scoresheet.unit)];
        against = { kind: 'open', unit: open.scoresheet.unit.name };
      }
      if (!framework) {
        // Nothing to match against yet: the rows are kept and matched when consolidating (a
        // survey loaded before the consolidation must not be silently dropped).
        useSurvey({ fileName: file.name, rows, sheet, result: null });
        return {
          fileName: file.name,
          against,
          matched: [],
          unmatched: [],
          withoutData: [],
          problems: [],
          canWrite: false,
        };
      }
      const result = importSurveyRows(rows, framework, units, { fileName: file.name, sheetName: sheet });
      useSurvey({ fileName: file.name, rows, sheet, result });
      const nameOf = new Map(units.map((u) => [unitKeyOf(u), u.name]));
      const leafName = new Map(walk(framework.tree).map((v) => [v.node.code, v.node.name]));
      const openKey = open.ok ? unitKeyOf(surveyUnitOf(open.scoresheet.unit)) : null;
      return {
        fileName: file.name,
        against,
        matched: result.matched.map((m) => ({
          unit: nameOf.get(m.unit) ?? m.unit,
          row: m.row,
          name: m.name,
          values: Object.entries(result.points[m.unit] ?? {}).map(([code, value]) => ({
            label: `${code} ${leafName.get(code) ?? ''}`.trim(),
            value: formatVi(value),
          })),
        })),
        unmatched: result.unmatchedRows.map((u) => ({
          row: u.row,
          name: u.name || u.code,
          reason: u.reason,
        })),
        withoutData: result.unitsWithoutSurvey.map((k) => nameOf.get(k) ?? k),
        problems: result.issues.map((i) => (i.cell ? `${i.cell}: ${i.message}` : i.message)),
        canWrite: openKey !== null && !!result.points[openKey],
        roundingRule: surveyRoundingRule(framework),
      };
    },

    async writeSurvey() {
      if (!session.survey) throw new Error(t.survey.nothingToWrite);
      const { unitKeyOf } = await import(
        /* webpackChunkName: "consolidation" */ '../../consolidation/survey'
      );
      const open = await readOpen();
      if (!open.ok) throw new Error(open.message);
      const points = session.survey?.result?.points[unitKeyOf(surveyUnitOf(open.scoresheet.unit))];
      if (!points) throw new Error(t.survey.nothingToWrite);
      const { writeSurveyPoints } = await import('../../excel/survey');
      const written = await writeSurveyPoints(points, { resolveFramework });
      return { cells: written.written.length };
    },

    surveyInUse: () => surveyState.get(),
    onSurveyChange: (listener) => surveyState.subscribe(listener),
  };
}
