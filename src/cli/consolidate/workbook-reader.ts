/**
 * The returned-workbook reader of the CLI (zip guard, template reader, Node's zlib as inflater),
 * the same in the main thread and in every worker: a file names its framework, found among the
 * built-ins unless it is the `--framework` given.
 */
import { knownFramework } from '../framework-library';
import type { Framework } from '../../framework/schema';
import { returnedWorkbookReader } from '../../xlsx/returned-workbook';
import { inflateWithZlib } from '../native-inflate';
import { sha256WithNodeCrypto } from '../native-hash';

export function frameworkResolver(framework: Framework | undefined) {
  return (id: string, fingerprint?: string) =>
    framework && framework.id === id ? framework : knownFramework(id, fingerprint);
}

export function cliWorkbookReader(framework: Framework | undefined) {
  return returnedWorkbookReader({
    resolveFramework: frameworkResolver(framework),
    inflate: inflateWithZlib,
    sha256: sha256WithNodeCrypto,
  });
}
