/**
 * The task pane's services over the real product: frameworks (built-in and imported), the Excel
 * adapter (src/excel) for everything touching the open workbook, and — reached only through
 * dynamic import(), so exceljs stays out of the first paint — the .xlsx reader/writer, the
 * framework importer and the consolidation core. No business logic lives here: it only connects
 * the pieces and turns their results into what the panels show.
 */
import { asciiSlug } from '../common/names';
import { safeFileStem, unitFileName } from '../workbook/file-name';
import type { Framework } from '../framework/schema';
import { walk } from '../framework/tree';
import { formatVi } from '../common/vi-number';
import { surveyRoundingRule } from '../scoring/survey';
import type { CellValue, UnitRef } from '../scoring/types';
import type { ConsolidationResult } from '../consolidation/types';
import type { SurveyImport, SurveyUnit } from '../consolidation/survey';
import {
  clearHighlights,
  goToCell,
  highlightCells,
  readOpenTemplate,
  watchScoreSheet,
  type ReadSuccess,
} from '../excel';
import { createCampaignServices } from './campaign-services';
import { allFrameworks, findFramework, saveImported, toChoice } from './framework-store';
import type {
  CheckState,
  ConsolidateOptions,
  ConsolidationView,
  FrameworkImportResult,
  FrameworkMetaForm,
  PickedFile,
  SurveyPreview,
  TaskpaneServices,
  TemplateResult,
} from './services';
import { sameSurvey, surveyStore } from './services';
import type { Strings } from './strings';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Lets the browser paint and Excel breathe between two files (a long task makes Excel restart us). */
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** "Sở, ban, ngành" → "so-ban-nganh": ids are ASCII (schema), names stay Vietnamese. */
export function slugId(name: string, fallback: string): string {
  return asciiSlug(name, 40) || fallback;
}

function download(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

interface LoadedSurvey {
  fileName: string;
  rows: CellValue[][];
  sheet?: string;
  /** The import against the units it was last previewed with (null: there were none to match). */
  result: SurveyImport | null;
}

export function createOfficeServices(t: Strings): TaskpaneServices {
  const resolveFramework = (id: string) => findFramework(id);
  let lastConsolidation: ConsolidationResult | null = null;
  let survey: LoadedSurvey | null = null;
  // What the panels see of `survey`: its file name and version (services.ts, surveyStore).
  const surveyState = surveyStore();
  const useSurvey = (loaded: LoadedSurvey) => {
    survey = loaded;
    surveyState.set(loaded.fileName);
  };

  const readOpen = async (mode: 'draft' | 'submission' = 'draft') =>
    readOpenTemplate({ resolveFramework, mode });

  /** The open workbook's unit as the survey importer matches it. */
  const surveyUnitOf = (unit: UnitRef): SurveyUnit => ({
    code: unit.code || null,
    name: unit.name,
    group: unit.group,
  });

  return {
    ...createCampaignServices(t, { findFramework, download }),
    listFrameworks: async () => allFrameworks().map((f) => toChoice(f.framework, f.imported)),

    saveImportedFramework: async (framework: Framework) => saveImported(framework),

    async importFramework(file: PickedFile, form: FrameworkMetaForm): Promise<FrameworkImportResult> {
      const [{ readDataRows }, { importFrameworkTable }, { importMetaSchema }] = await Promise.all([
        import(/* webpackChunkName: "xlsx" */ '../xlsx/survey-file'),
        import(/* webpackChunkName: "framework-import" */ '../framework/import/import-table'),
        import(/* webpackChunkName: "framework-import" */ '../framework/import/meta'),
      ]);
      const { rows } = await readDataRows(file.name, await file.bytes());
      const meta = importMetaSchema.parse({
        id: `${slugId(form.title, 'bo-tieu-chi')}-${form.year}`.slice(0, 60),
        title: form.title.trim(),
        year: form.year,
        level: form.level,
        legalBasis: { number: form.decisionNumber.trim(), date: form.decisionDate },
        status: form.status,
        groups: form.groups.map((name, i) => ({ id: slugId(name, `nhom-${i + 1}`), name: name.trim() })),
        surveySources: form.surveySources.map((name, i) => ({
          id: slugId(name, `nguon-${i + 1}`),
          name: name.trim(),
        })),
      });
      const tableRows = rows.map((r) =>
        r.map((c) => (typeof c === 'number' || typeof c === 'string' ? c : null)),
      );
      const result = importFrameworkTable(tableRows, meta);
      const framework = result.framework;
      return {
        fileName: file.name,
        framework,
        rowProblems: result.errors.map((e) => ({
          row: e.row,
          message: e.code ? `${e.code}: ${e.message}` : e.message,
        })),
        checkProblems: result.problems.map((p) => ({ code: p.code, message: p.message })),
        notes: result.notes.map((n) => ({ row: n.row, message: n.message })),
        counts: framework ? toChoice(framework, true).counts : null,
        points: framework ? toChoice(framework, true).points : null,
      };
    },

    async makeTemplates(frameworkId: string, units: UnitRef[]): Promise<TemplateResult> {
      const framework = findFramework(frameworkId);
      if (!framework) throw new Error(`Không tìm thấy bộ tiêu chí "${frameworkId}".`);
      if (units.length === 1) {
        const [{ generateTemplate }, { ExcelAdapterError }] = await Promise.all([
          import('../excel/generate'),
          import('../excel/errors'),
        ]);
        try {
          await generateTemplate(framework, units[0]);
          return { kind: 'excel', unit: units[0].name };
        } catch (e) {
          // Office 2019 and older (no ExcelApi 1.8): the same file, to open by hand.
          if (!(e instanceof ExcelAdapterError) || e.reason !== 'unsupported') throw e;
          const { renderTemplate } = await import(/* webpackChunkName: "xlsx" */ '../xlsx/render');
          const fileName = `${safeFileStem(`Bảng chấm điểm ${framework.year} - ${units[0].name}`)}.xlsx`;
          download(await renderTemplate(framework, units[0]), fileName, XLSX_TYPE);
          return { kind: 'download', unit: units[0].name, fileName, why: e.message };
        }
      }
      // Several units: Excel would open one window per workbook; a .zip to send out is what the
      // office needs (the same files `cchc template --units` writes).
      const [{ renderTemplate }, { default: JSZip }] = await Promise.all([
        import(/* webpackChunkName: "xlsx" */ '../xlsx/render'),
        import(/* webpackChunkName: "jszip" */ 'jszip'),
      ]);
      const zip = new JSZip();
      const used = new Set<string>();
      for (const unit of units) {
        zip.file(unitFileName(unit, used), await renderTemplate(framework, unit));
        await yieldToBrowser();
      }
      const fileName = `${safeFileStem(`Bảng chấm điểm ${framework.year} - ${units.length} đơn vị`)}.zip`;
      download(await zip.generateAsync({ type: 'uint8array' }), fileName, 'application/zip');
      return { kind: 'zip', count: units.length, fileName };
    },

    async check(mode): Promise<CheckState> {
      const read = await readOpen(mode);
      if (!read.ok)
        return {
          kind: 'notTemplate',
          reason: read.message,
          unknownFramework: read.reason === 'unknownFramework',
        };
      return checkedState(read);
    },

    async watch(onChange) {
      const watch = await watchScoreSheet(() => onChange());
      return () => void watch.stop().catch(() => undefined);
    },

    goToCell: (address) => goToCell(address),

    async highlight(cells) {
      // Replace, not add: the previous highlight may mark cells that are fixed since.
      await clearHighlights();
      return highlightCells(cells);
    },

    clearHighlights: () => clearHighlights(),

    async previewSurvey(file: PickedFile): Promise<SurveyPreview> {
      const [{ readDataRows }, { importSurveyRows, unitKeyOf }] = await Promise.all([
        import(/* webpackChunkName: "xlsx" */ '../xlsx/survey-file'),
        import(/* webpackChunkName: "consolidation" */ '../consolidation/survey'),
      ]);
      const { rows, sheet } = await readDataRows(file.name, await file.bytes());
      const open = await readOpen();
      // Match against the last consolidation's units when there is one (the survey file covers
      // every unit), else against the open workbook's unit.
      let framework: Framework | null = null;
      let units: SurveyUnit[] = [];
      let against: SurveyPreview['against'] = { kind: 'none' };
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
      if (!survey) throw new Error(t.survey.nothingToWrite);
      const { unitKeyOf } = await import(/* webpackChunkName: "consolidation" */ '../consolidation/survey');
      const open = await readOpen();
      if (!open.ok) throw new Error(open.message);
      const points = survey.result?.points[unitKeyOf(surveyUnitOf(open.scoresheet.unit))];
      if (!points) throw new Error(t.survey.nothingToWrite);
      const { writeSurveyPoints } = await import('../excel/survey');
      const written = await writeSurveyPoints(points, { resolveFramework });
      return { cells: written.written.length };
    },

    surveyInUse: () => surveyState.get(),
    onSurveyChange: (listener) => surveyState.subscribe(listener),

    async consolidate(files: PickedFile[], options: ConsolidateOptions): Promise<ConsolidationView> {
      const [{ consolidateReturns }, { returnedWorkbookReader }, { readDataRows }] = await Promise.all([
        import(/* webpackChunkName: "consolidation" */ '../usecases/consolidate-returns'),
        import(/* webpackChunkName: "xlsx" */ '../xlsx/returned-workbook'),
        import(/* webpackChunkName: "xlsx" */ '../xlsx/survey-file'),
      ]);
      // One file's bytes at a time: read when the use case asks, dropped when it moves on.
      async function* incoming() {
        for (const f of files) {
          await yieldToBrowser();
          yield { name: f.name, size: f.size, bytes: () => f.bytes() };
        }
      }
      const usedSurvey = surveyState.get();
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
      lastConsolidation = result;
      return {
        survey: usedSurvey,
        files: result.files.map((f) => ({
          file: f.file,
          status: f.status,
          unit: f.unit?.name ?? null,
          errors: f.errors.map((e) =>
            e.cell && !e.message.includes(e.cell) ? `${e.cell}: ${e.message}` : e.message,
          ),
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
      const framework = lastConsolidation?.framework;
      if (!framework) throw new Error(t.consolidate.noAccepted);
      const [{ buildRankingPlan }, { writeRankingSheet }] = await Promise.all([
        import(/* webpackChunkName: "consolidation" */ '../workbook/ranking-plan'),
        import('../excel/ranking'),
      ]);
      const plan = buildRankingPlan(view.units, framework, { fieldTotals: lastConsolidation?.fieldTotals });
      await writeRankingSheet(plan);
    },
  };
}

function checkedState(read: ReadSuccess): CheckState {
  const { framework, scoresheet, totals } = read;
  const group = framework.groups.find((g) => g.id === scoresheet.unit.group);
  return {
    kind: 'checked',
    unit: scoresheet.unit,
    groupName: group?.name ?? scoresheet.unit.group,
    framework: { id: framework.id, title: framework.title, status: framework.status },
    fields: framework.tree.map((n) => ({ code: n.code, name: n.name })),
    problems: read.problems,
    totals: {
      self: totals.self,
      appraised: totals.appraised,
      survey: totals.survey,
      total: totals.total,
      max: totals.max,
      index: totals.index,
      notYetAppraised: totals.notYetAppraised.length,
      anyAppraised: Object.values(scoresheet.entries).some(
        (e) => filled(e.appraisal) || filled(e.appraisal2),
      ),
    },
    checkedAt: new Date(),
  };
}

const filled = (v: CellValue | undefined) => v !== null && v !== undefined && String(v).trim() !== '';
