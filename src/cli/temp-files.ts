/**
 * Temporary files of the atomic writes, removed on every way out: success (renamed), failure
 * (removed at once), normal exit, and SIGINT/SIGTERM/SIGHUP (removed, then the signal is raised
 * again so the process ends as the signal asks). Only SIGKILL leaves one behind, and the target
 * is still intact then (the rename never happened).
 */
import { rmSync } from 'node:fs';

const live = new Set<string>();
let installed = false;
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function removeAll(): void {
  for (const path of live) {
    try {
      rmSync(path, { force: true });
    } catch {
      // Nothing more can be done on the way out; the next run's temp name differs.
    }
  }
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeAll();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  process.once('exit', removeAll);
  for (const s of SIGNALS) process.once(s, onSignal);
}

/** Registers a temporary file for removal should the process end before `release`. */
export function trackTemp(path: string): void {
  install();
  live.add(path);
}

export function releaseTemp(path: string): void {
  live.delete(path);
}

/** The temporary files still registered (for tests). */
export function liveTemps(): string[] {
  return [...live];
}
