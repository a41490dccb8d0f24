/**
 * The campaign folder as the use cases see it: a few files, read and written whole. The CLI gives
 * a Node implementation (temp file + fsync + rename); the pane can give one over the browser's
 * file handles. Paths are relative to the campaign folder, with "/" separators.
 */
export interface CampaignFolder {
  /** The bytes of a file, or null when it does not exist. */
  read(path: string): Promise<Uint8Array | null>;
  /** Replaces a file so that a reader (or a crash) sees the old content or the new, never half. */
  writeAtomic(path: string, data: Uint8Array | string): Promise<void>;
  /** Where the folder is, for messages. */
  describe(path: string): string;
}

/** The files of a campaign folder (Vietnamese names: staff open this folder). */
export const CAMPAIGN_FILES = {
  register: 'so-theo-doi.json',
  registerView: 'so-theo-doi.xlsx',
  framework: 'bo-tieu-chi.json',
  key: '.khoa-xac-thuc',
  issuedDir: 'phat-hanh',
  receivedDir: 'da-nhan',
  surveyDir: 'dieu-tra-xhh',
  resultsDir: 'ket-qua',
} as const;

export class CampaignError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CampaignError';
  }
}
