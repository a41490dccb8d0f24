/**
 * The task pane's services over the real product: frameworks (built-in and imported), the Excel
 * adapter (src/excel) for everything touching the open workbook, and — reached only through
 * dynamic import(), so exceljs stays out of the first paint — the .xlsx reader/writer, the
 * framework importer and the consolidation core. No business logic lives here: it only connects
 * the pieces and turns their results into what the panels show.
 *
 * One factory per area of the pane (src/taskpane/office/), sharing one session (office/session.ts):
 * a change to one panel's services is made in that panel's file.
 */
import { createCampaignServices } from './campaign-services';
import { findFramework } from './framework-store';
import { checkServices } from './office/check';
import { consolidateServices } from './office/consolidate';
import { frameworkServices } from './office/frameworks';
import { createSession, download } from './office/session';
import { surveyServices } from './office/survey';
import { templateServices } from './office/templates';
import type { TaskpaneServices } from './services';
import type { Strings } from './strings';

export function createOfficeServices(t: Strings): TaskpaneServices {
  const session = createSession();
  return {
    ...createCampaignServices(t, { findFramework, download }),
    ...frameworkServices(),
    ...templateServices(),
    ...checkServices(session),
    ...surveyServices(t, session),
    ...consolidateServices(t, session),
  };
}
