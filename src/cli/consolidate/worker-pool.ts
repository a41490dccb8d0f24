/**
 * Reading files on several cores (`--jobs N`). Each worker thread (inspect-worker.ts) inspects one
 * file at a time (zip guard, reader, validation) and sends back only the small FileRecord; the
 * main thread then ranks. Workers need the compiled code: a worker thread cannot load TypeScript
 * source, so under ts-jest/tsx the files are read in the main thread by the same core.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ConsolidationProgress, FileRecord } from '../../consolidation/types';
import type { Framework } from '../../framework/schema';

export interface WorkerJob {
  index: number;
  path: string;
  name: string;
  size: number;
}

const WORKER_ENTRY = join(__dirname, 'inspect-worker.js');

/** Whether worker threads can run here (the compiled entry exists). */
export function workersAvailable(): boolean {
  return existsSync(WORKER_ENTRY);
}

/**
 * One thread unless `--jobs N` asks for more. Measured on 2 cores (2026-11-22, 1,000 returned
 * workbooks): one thread 21.6 s and 172 MB, two workers 22.3 s and 271 MB. Since reading moved off
 * exceljs the workers' start-up and message passing eat what they save, so they are offered, not
 * imposed. Measured again 2026-12-02 after the byte scanner (built CLI, 1,000 files, shared
 * machine at load 3-10): one thread 19.2-23.4 s CPU and 179 MB, two workers 23.7-24.0 s CPU and
 * 232 MB, wall time 8-20 % longer with two. Again 2026-12-02 after the ranking writer left exceljs,
 * on an idle machine (load 0.6): one thread 5.9-6.2 s wall, 6.6-6.9 s CPU, 153 MB; two workers
 * 5.0-5.2 s wall, 8.2-8.6 s CPU, 240 MB. Two win 15 % of wall time only when the cores are free,
 * at 1.25× the CPU and +90 MB; on a busy machine they lose. Again 2026-12-03, after packed
 * records and a lazy exceljs (load 1.0-1.5): one thread 2.2-2.6 s wall, 2.9-3.4 s CPU, 139-141 MB;
 * two workers 2.5 s wall, 4.1-4.2 s CPU, 175-177 MB: no faster any more. One thread stays the default, and
 * --help says what two cost and bring.
 */
export function defaultJobs(_fileCount: number): number {
  return 1;
}

function unreadableRecord(job: WorkerJob, reason: string): FileRecord {
  return {
    file: job.name,
    status: 'unreadable',
    unit: null,
    errors: [
      { code: '', cell: null, rule: 'file.unreadable', message: `Không đọc được "${job.name}": ${reason}` },
    ],
    warnings: [],
    sha256: null,
    size: job.size,
    generatedAt: null,
    frameworkId: null,
  };
}

/**
 * Inspects files in `jobs` worker threads, keeping the input order. A worker that dies (a file that
 * exhausts its memory limit) costs only the file it was reading: that file is reported unreadable
 * and a fresh worker carries on.
 */
export async function inspectInWorkers(
  jobsList: WorkerJob[],
  jobs: number,
  framework: Framework | undefined,
  onProgress?: (p: ConsolidationProgress) => void,
): Promise<FileRecord[]> {
  const records: FileRecord[] = new Array(jobsList.length);
  const started = Date.now();
  let next = 0;
  let done = 0;
  const finish = (record: FileRecord, index: number) => {
    records[index] = record;
    done++;
    onProgress?.({
      done,
      total: jobsList.length,
      file: record.file,
      status: record.status,
      elapsedMs: Date.now() - started,
    });
  };
  const runWorker = () =>
    new Promise<void>((resolveWorker) => {
      const worker = new Worker(WORKER_ENTRY, {
        workerData: { framework },
        resourceLimits: { maxOldGenerationSizeMb: 768 },
      });
      let current: WorkerJob | null = null;
      const feed = () => {
        if (next >= jobsList.length) {
          current = null;
          void worker.terminate().then(() => resolveWorker());
          return;
        }
        current = jobsList[next++];
        worker.postMessage(current);
      };
      worker.on('message', (m: { index: number; record: FileRecord }) => {
        finish(m.record, m.index);
        feed();
      });
      worker.once('online', feed);
      worker.on('error', (e) => {
        if (current) finish(unreadableRecord(current, e.message), current.index);
        // The dead worker is replaced; the others go on.
        void runWorker().then(resolveWorker);
      });
    });
  await Promise.all(Array.from({ length: Math.min(jobs, jobsList.length) }, runWorker));
  return records;
}
