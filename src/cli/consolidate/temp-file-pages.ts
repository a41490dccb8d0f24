/**
 * The pages of a consolidation's ScoreStore (src/consolidation/score-store.ts) written to a
 * temporary file, so each unit's numbers (~0.8 KB) are not in memory from reading its file to
 * writing the ranking: at 3,000 returns that is ~2.5 MB of typed arrays the process no longer
 * holds. The file is removed from its folder as soon as it is open (POSIX keeps it until it is
 * closed), so nothing is left behind whichever way the process ends; where that cannot be done
 * (Windows) it is removed on close or on the way out (temp-files.ts).
 *
 * Not a place a failure can hide: should the file not open, or a page not be written (a full
 * disk), the pages stay in memory instead, with the same numbers. A page that was written and
 * cannot be read back is a Vietnamese error (exit 3), never a number made up.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MemoryPages,
  PagedScoreStore,
  type PageKeeper,
  type ScoreStore,
} from '../../consolidation/score-store';
import { UserError } from '../errors';
import { EXIT_IO } from '../io-errors';
import { releaseTemp, trackTemp } from '../temp-files';

let opened = 0;

export class TempFilePages implements PageKeeper {
  /** File position of each page written; pages kept in memory instead are in `inMemory`. */
  private readonly positions: number[] = [];
  private readonly inMemory = new MemoryPages();
  private readonly held = new Set<number>();
  private end = 0;
  private writing = true;

  private constructor(
    private fd: number | null,
    private readonly path: string,
    /** Still in its folder: removed on close (and by temp-files.ts on the way out). */
    private readonly listed: boolean,
  ) {}

  /** A new temporary file for pages; in memory when no temporary file can be made. */
  static open(dir = tmpdir()): TempFilePages {
    const path = join(dir, `cchc-diem-${process.pid}-${Date.now().toString(36)}-${opened++}.tmp`);
    let fd: number;
    try {
      fd = openSync(path, 'wx+', 0o600);
    } catch {
      return new TempFilePages(null, path, false);
    }
    try {
      rmSync(path);
      return new TempFilePages(fd, path, false);
    } catch {
      trackTemp(path);
      return new TempFilePages(fd, path, true);
    }
  }

  /** Whether pages go to the file (false: no file could be made, they are kept in memory). */
  get onDisk(): boolean {
    return this.fd !== null;
  }

  put(index: number, page: Uint8Array, used: number): Uint8Array {
    if (this.fd !== null && this.writing) {
      try {
        let done = 0;
        while (done < used) done += writeSync(this.fd, page, done, used - done, this.end + done);
        this.positions[index] = this.end;
        this.end += used;
        return page;
      } catch {
        // A full disk or a failing file: this page and the next stay in memory, nothing is lost
        // (the pages already written are still read from the file).
        this.writing = false;
      }
    }
    this.held.add(index);
    return this.inMemory.put(index, page, used);
  }

  get(index: number, offset: number, into: Uint8Array): void {
    if (this.held.has(index)) return this.inMemory.get(index, offset, into);
    const fd = this.fileOrFail();
    try {
      let done = 0;
      while (done < into.length) {
        const n = readSync(fd, into, done, into.length - done, this.positions[index] + offset + done);
        if (n === 0) break;
        done += n;
      }
      if (done === into.length) return;
    } catch {
      // said below
    }
    throw this.lost();
  }

  patch(index: number, offset: number, bytes: Uint8Array): void {
    if (this.held.has(index)) return this.inMemory.patch(index, offset, bytes);
    const fd = this.fileOrFail();
    try {
      writeSync(fd, bytes, 0, bytes.length, this.positions[index] + offset);
    } catch {
      throw this.lost();
    }
  }

  /** Closes (and, where it is still listed, removes) the file; pages written to it can no longer be read. */
  close(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // closing is all that is left to do
    }
    this.fd = null;
    if (this.listed) {
      rmSync(this.path, { force: true });
      releaseTemp(this.path);
    }
  }

  private fileOrFail(): number {
    if (this.fd === null) throw this.lost();
    return this.fd;
  }

  private lost(): UserError {
    return new UserError(
      `Không đọc lại được điểm của các đơn vị đã giữ tạm trong tệp tạm "${this.path}": chưa ghi bảng xếp hạng. Hãy kiểm tra ổ đĩa rồi chạy lại.`,
      EXIT_IO,
    );
  }
}

/** A consolidation's store whose pages go to a temporary file, and the file to close when done. */
export function tempFileScoreStore(dir?: string): { store: ScoreStore; pages: TempFilePages } {
  const pages = TempFilePages.open(dir);
  return { store: new PagedScoreStore(pages), pages };
}
