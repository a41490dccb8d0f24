/**
 * The services, loaded on first use: the pane paints its shell and first panel without waiting for
 * the Excel adapter, the framework store (and zod with it) or the .xlsx code. Every call waits for
 * the one load; a failed load rejects that call with its message (the panel shows it) and is tried
 * again on the next call.
 */
import type { SurveyInUse, TaskpaneServices } from './services';

export function lazyServices(load: () => Promise<TaskpaneServices>): TaskpaneServices {
  let real: TaskpaneServices | null = null;
  let loading: Promise<TaskpaneServices> | null = null;
  const listeners = new Set<() => void>();
  const tell = () => {
    for (const l of [...listeners]) l();
  };
  const get = (): Promise<TaskpaneServices> =>
    (loading ??= load().then(
      (s) => {
        real = s;
        s.onSurveyChange(tell);
        tell();
        return s;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));

  return {
    listFrameworks: () => get().then((s) => s.listFrameworks()),
    importFramework: (file, meta) => get().then((s) => s.importFramework(file, meta)),
    saveImportedFramework: (framework) => get().then((s) => s.saveImportedFramework(framework)),
    makeTemplates: (id, units) => get().then((s) => s.makeTemplates(id, units)),
    check: (mode) => get().then((s) => s.check(mode)),
    watch: (onChange) => get().then((s) => s.watch(onChange)),
    goToCell: (address) => get().then((s) => s.goToCell(address)),
    highlight: (cells) => get().then((s) => s.highlight(cells)),
    clearHighlights: () => get().then((s) => s.clearHighlights()),
    previewSurvey: (file) => get().then((s) => s.previewSurvey(file)),
    writeSurvey: () => get().then((s) => s.writeSurvey()),
    // Before the load nothing can have been loaded: no survey is in use.
    surveyInUse: (): SurveyInUse | null => real?.surveyInUse() ?? null,
    onSurveyChange: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    consolidate: (files, options) => get().then((s) => s.consolidate(files, options)),
    writeRanking: (view) => get().then((s) => s.writeRanking(view)),
    openCampaign: () => get().then((s) => s.openCampaign()),
    createCampaign: (form) => get().then((s) => s.createCampaign(form)),
    receiveCampaignFiles: (files) => get().then((s) => s.receiveCampaignFiles(files)),
    decideLateCampaignFile: (seq, accept, note) =>
      get().then((s) => s.decideLateCampaignFile(seq, accept, note)),
    reopenCampaignStage: (stage, unit, until, reason) =>
      get().then((s) => s.reopenCampaignStage(stage, unit, until, reason)),
    issueCampaignWorkbooks: (kind) => get().then((s) => s.issueCampaignWorkbooks(kind)),
    downloadCampaignDocuments: () => get().then((s) => s.downloadCampaignDocuments()),
  };
}
