/**
 * The task pane's services over the real product: frameworks (built-in and imported), the Excel
 * adapter (src/excel) for everything touching the open workbook, and — loaded lazily through
 * dynamic import() — the .xlsx reader/writer, the framework importer and the consolidation core.
 */
import type { Framework } from '../framework/schema';
import { allFrameworks, saveImported, toChoice } from './framework-store';
import type { TaskpaneServices } from './services';
import type { Strings } from './strings';

export function createOfficeServices(t: Strings): TaskpaneServices {
  void t;
  const pending = (what: string) => () => Promise.reject(new Error(`${what}: chưa sẵn sàng.`));
  return {
    listFrameworks: async () => allFrameworks().map((f) => toChoice(f.framework, f.imported)),
    saveImportedFramework: async (framework: Framework) => saveImported(framework),
    importFramework: pending('Nhập bộ tiêu chí'),
    makeTemplates: pending('Tạo mẫu'),
    check: pending('Kiểm tra'),
    watch: async () => () => undefined,
    goToCell: pending('Đến ô'),
    previewSurvey: pending('Điều tra XHH'),
    writeSurvey: pending('Điều tra XHH'),
    surveyInUse: () => null,
    consolidate: pending('Tổng hợp'),
    writeRanking: pending('Xếp hạng'),
  };
}
