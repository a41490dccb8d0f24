/** The Bộ tiêu chí panel's services: the frameworks known, importing one from an appendix table. */
import type { Framework } from '../../framework/schema';
import { allFrameworks, saveImported, toChoice } from '../framework-store';
import type { FrameworkImportResult, FrameworkMetaForm, PickedFile, TaskpaneServices } from '../services';
import { slugId } from './session';

export type FrameworkServices = Pick<
  TaskpaneServices,
  'listFrameworks' | 'saveImportedFramework' | 'importFramework'
>;

export function frameworkServices(): FrameworkServices {
  return {
    listFrameworks: async () => allFrameworks().map((f) => toChoice(f.framework, f.imported)),

    saveImportedFramework: async (framework: Framework) => saveImported(framework),

    async importFramework(file: PickedFile, form: FrameworkMetaForm): Promise<FrameworkImportResult> {
      const [{ readDataRows }, { importFrameworkTable }, { importMetaSchema }] = await Promise.all([
        import(/* webpackChunkName: "xlsx" */ '../../xlsx/survey-file'),
        import(/* webpackChunkName: "framework-import" */ '../../framework/import/import-table'),
        import(/* webpackChunkName: "framework-import" */ '../../framework/import/meta'),
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
        checkProblems: result.problems.map(({ code, rule, message, params }) => ({
          code,
          rule,
          message,
          params,
        })),
        notes: result.notes.map((n) => ({ row: n.row, message: n.message })),
        counts: framework ? toChoice(framework, true).counts : null,
        points: framework ? toChoice(framework, true).points : null,
      };
    },
  };
}
