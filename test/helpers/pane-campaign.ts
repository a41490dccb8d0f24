/**
 * The Sổ tổng hợp panel's campaign services as the pane tests run them: over a campaign kept in
 * the (fake) open workbook, on a fixed clock, with the test framework; and the register the pane
 * wrote, to compare with the CLI's so-theo-doi.json.
 */
import { createCampaignServices } from '../../src/taskpane/campaign-services';
import type { workbookFileStore } from '../../src/excel/workbook-store';
import { stringsFor } from '../../src/taskpane/strings';
import { campaignFramework } from '../campaign/fixtures';
import { LATE_DEADLINE, LATE_TITLE, UNITS_TEXT } from './campaign-inputs';

type Store = ReturnType<typeof workbookFileStore>;

export function paneCampaignServices(
  store: Store,
  now: string,
  download: (bytes: Uint8Array, fileName: string) => void = () => undefined,
) {
  return createCampaignServices(stringsFor('vi'), {
    findFramework: (fid) => (fid === campaignFramework.id ? campaignFramework : undefined),
    folder: async () => store,
    clock: { now: () => now },
    download,
  });
}

/** The register kept in the workbook, parsed (the CLI's so-theo-doi.json holds the same). */
export async function paneRegister(store: Store): Promise<unknown> {
  return JSON.parse(new TextDecoder().decode((await store.read('so-theo-doi.json'))!));
}

/** The late campaign (campaign-inputs.ts LATE_INIT) created in the pane's open workbook. */
export function createLateCampaign(services: ReturnType<typeof paneCampaignServices>) {
  return services.createCampaign({
    title: LATE_TITLE,
    frameworkId: campaignFramework.id,
    unitsText: UNITS_TEXT,
    selfDeadline: LATE_DEADLINE,
  });
}
