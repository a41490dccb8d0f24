/**
 * The xlsx side of consolidation: a returned file's bytes go through the zip guard FIRST (nothing
 * is inflated before it has looked at the zip's directory), then through the template reader.
 * Node and browser alike (bytes in, no fs); the pure core (src/consolidation) receives it as its
 * `WorkbookReader`.
 */
import type { WorkbookReader, WorkbookReading } from '../consolidation/types';
import type { Framework } from '../framework/schema';
import { readTemplate } from './read-template';
import type { InflateRaw } from './ooxml/zip-entries';
import { checkFileSize, DEFAULT_ZIP_LIMITS, guardZip, type ZipLimits } from './zip-guard';

export interface ReturnedWorkbookOptions {
  resolveFramework: (id: string, fingerprint?: string) => Framework | undefined;
  limits?: ZipLimits;
  /**
   * The platform's capped inflater (Node's zlib in the CLI; default fflate). Only the parts the
   * reader needs are inflated, each capped at its declared size; the exceljs fallback first
   * inflates every entry with it to check the declared sizes.
   */
  inflate?: InflateRaw;
  /** The platform's SHA-256 (WorkbookReader.sha256); default Web Crypto. */
  sha256?: WorkbookReader['sha256'];
}

export function returnedWorkbookReader(options: ReturnedWorkbookOptions): WorkbookReader {
  const limits = options.limits ?? DEFAULT_ZIP_LIMITS;
  // One framework object per id for the whole run: resolvers may hand out fresh copies (the
  // built-ins do), and validation caches its per-framework work on the object.
  const frameworks = new Map<string, Framework | undefined>();
  const resolveFramework = (id: string, fingerprint?: string) => {
    const key = `${id}@${fingerprint ?? ''}`;
    if (!frameworks.has(key)) frameworks.set(key, options.resolveFramework(id, fingerprint));
    return frameworks.get(key);
  };
  return {
    sha256: options.sha256,
    checkSize(size: number) {
      const verdict = checkFileSize(size, limits);
      return verdict && !verdict.ok ? verdict : null;
    },
    async read(bytes: Uint8Array, fileName: string): Promise<WorkbookReading> {
      // The directory only: inflating is left to the reader, part by part, with a cap.
      const verdict = await guardZip(bytes, limits, { verifyInflation: false });
      if (!verdict.ok)
        return { ok: false, reason: verdict.reason, message: `"${fileName}": ${verdict.message}` };
      return readTemplate(bytes, { fileName, resolveFramework, inflate: options.inflate });
    },
  };
}
