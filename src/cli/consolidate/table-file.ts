/**
 * A table file named on the command line (`--survey`, `--previous`), read when the use case asks
 * for it; refused by size before a byte is read (a 50 MB "survey" would otherwise cost gigabytes).
 * A missing or unreadable file is a sentence naming it.
 */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { UsecaseError } from '../../usecases/errors';
import type { NamedFile } from '../../usecases/consolidate-returns';
import { dataFileSizeProblem } from '../../xlsx/read-limits';
import { ioFailure, isErrnoException } from '../io-errors';

export function tableFileArg(path: string, cwd: string, what: string): NamedFile {
  return {
    name: path,
    bytes: async () => {
      const full = resolve(cwd, path);
      try {
        const stat = await fs.stat(full);
        if (stat.isDirectory()) throw new UsecaseError(`${what} "${path}" là một thư mục, không phải tệp.`);
        const tooLarge = dataFileSizeProblem(stat.size);
        if (tooLarge) throw new UsecaseError(`${what} "${path}": ${tooLarge}`);
        return new Uint8Array(await fs.readFile(full));
      } catch (e) {
        if (isErrnoException(e) && e.code === 'ENOENT')
          throw new UsecaseError(`Không tìm thấy ${what.toLocaleLowerCase('vi')} "${path}".`);
        throw ioFailure(e, path, 'read');
      }
    },
  };
}
