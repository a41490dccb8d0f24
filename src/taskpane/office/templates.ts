/**
 * The Tạo mẫu panel's service: one unit's template opened in Excel (or downloaded where Excel is
 * too old to open one), several units' templates as one .zip (the files `cchc template --units`
 * writes, named by the same rule).
 */
import type { UnitRef } from '../../scoring/types';
import { safeFileStem, unitFileName } from '../../workbook/file-name';
import { findFramework } from '../framework-store';
import type { TaskpaneServices, TemplateResult } from '../services';
import { XLSX_TYPE, download, yieldToBrowser } from './session';

export type TemplateServices = Pick<TaskpaneServices, 'makeTemplates'>;

export function templateServices(): TemplateServices {
  return {
    async makeTemplates(frameworkId: string, units: UnitRef[]): Promise<TemplateResult> {
      const framework = findFramework(frameworkId);
      if (!framework) throw new Error(`Không tìm thấy bộ tiêu chí "${frameworkId}".`);
      if (units.length === 1) {
        const [{ generateTemplate }, { ExcelAdapterError }] = await Promise.all([
          import('../../excel/generate'),
          import('../../excel/errors'),
        ]);
        try {
          await generateTemplate(framework, units[0]);
          return { kind: 'excel', unit: units[0].name };
        } catch (e) {
          // Office 2019 and older (no ExcelApi 1.8): the same file, to open by hand.
          if (!(e instanceof ExcelAdapterError) || e.reason !== 'unsupported') throw e;
          const { renderTemplate } = await import(/* webpackChunkName: "xlsx" */ '../../xlsx/render');
          // Named by the one rule of every unit's template ("SO01 - Sở Tư pháp.xlsx"): the name
          // the same unit's file gets in the .zip, from `cchc template --units` and in a campaign.
          const fileName = unitFileName(units[0], new Set());
          download(await renderTemplate(framework, units[0]), fileName, XLSX_TYPE);
          return { kind: 'download', unit: units[0].name, fileName, why: e.message };
        }
      }
      // Several units: Excel would open one window per workbook; a .zip to send out is what the
      // office needs (the same files `cchc template --units` writes).
      const [{ renderTemplate }, { default: JSZip }] = await Promise.all([
        import(/* webpackChunkName: "xlsx" */ '../../xlsx/render'),
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
  };
}
