/**
 * Entry of a worker thread of `cchc consolidate --jobs N` (worker-pool.ts starts this file, and
 * nothing else imports it): inspects one returned file per message and sends back its small
 * FileRecord.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { IncomingFile } from '../../consolidation/types';
import type { Framework } from '../../framework/schema';
import { inspectFile } from '../../usecases/consolidate-returns';
import type { WorkerJob } from './worker-pool';
import { cliWorkbookReader } from './workbook-reader';
import { returnedFileBytes } from './returned-file-bytes';

const port = parentPort;
if (port) {
  const reader = cliWorkbookReader((workerData as { framework?: Framework } | null)?.framework);
  port.on('message', (job: WorkerJob) => {
    const file: IncomingFile = {
      name: job.name,
      size: job.size,
      bytes: returnedFileBytes(job.path, job.name),
    };
    void inspectFile(file, reader).then((record) => port.postMessage({ index: job.index, record }));
  });
}
