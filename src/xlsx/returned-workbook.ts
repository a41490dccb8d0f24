/**
 * The xlsx side of consolidation: a returned file's bytes go through the zip guard FIRST (nothing
 * is inflated before it has looked at the zip's directory), then through the template reader.
 * Node and browser alike (bytes in, no fs); the pure core (src/consolidation) receives it as its
 * `WorkbookReader`.
 */
import type { WorkbookReader, WorkbookReading } from '../consolidation/types';
import type { Framework } from '../framework/schema';
import { readTemplate } from './read-template';
import { checkFileSize, DEFAULT_ZIP_LIMITS, guardZip, type InflatedSize, type ZipLimits } from './zip-guard';

export interface ReturnedWorkbookOptions {
  resolveFramework: (id: string) => Framework | undefined;
  limits?: ZipLimits;
  /** A faster capped inflater where the platform has one (Node's zlib); default Web Streams. */
  inflatedSize?: InflatedSize;
}

export function returnedWorkbookReader(options: ReturnedWorkbookOptions): WorkbookReader {
  const limits = options.limits ?? DEFAULT_ZIP_LIMITS;
  // One framework object per id for the whole run: resolvers may hand out fresh copies (the
  // built-ins do), and validation caches its per-framework work on the object.
  const frameworks = new Map<string, Framework | undefined>();
  const resolveFramework = (id: string) => {
    if (!frameworks.has(id)) frameworks.set(id, options.resolveFramework(id));
    return frameworks.get(id);
  };
  return {
    checkSize(size: number) {
      const verdict = checkFileSize(size, limits);
      return verdict && !verdict.ok ? verdict : null;
    },
    async read(bytes: Uint8Array, fileName: string): Promise<WorkbookReading> {
      const verdict = await guardZip(bytes, limits, { inflatedSize: options.inflatedSize });
      if (!verdict.ok)
        return { ok: false, reason: verdict.reason, message: `"${fileName}": ${verdict.message}` };
      return readTemplate(bytes, { fileName, resolveFramework });
    },
  };
}
