/**
 * The CLI hashes returned workbooks with Node's crypto, the pane with Web Crypto: a file's
 * SHA-256 (duplicate detection, the register) must not depend on which front end read it.
 */
import { sha256Hex } from '../../src/common/sha256';
import { sha256WithNodeCrypto } from '../../src/cli/native-hash';
import { cliWorkbookReader } from '../../src/cli/consolidate/workbook-reader';
import { openReturnedFile } from '../../src/usecases/open-returned-file';

describe('SHA-256 in the CLI', () => {
  it('gives Web Crypto’s digest, for empty, short and 100 KB inputs and a view into a larger buffer', async () => {
    const big = new Uint8Array(100_000).map((_, i) => (i * 31 + 7) & 0xff);
    const inputs = [new Uint8Array(0), new Uint8Array([0x61, 0x62, 0x63]), big, big.subarray(1_000, 5_000)];
    for (const bytes of inputs) expect(sha256WithNodeCrypto(bytes)).toBe(await sha256Hex(bytes));
    expect(sha256WithNodeCrypto(new Uint8Array([0x61, 0x62, 0x63]))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('is the hash the CLI reader records for a file, even one it refuses', async () => {
    const bytes = new TextEncoder().encode('không phải tệp Excel');
    const check = await openReturnedFile({ name: 'x.xlsx', bytes }, cliWorkbookReader(undefined), {
      mode: 'submission',
    });
    expect(check.ok).toBe(false);
    expect(check.sha256).toBe(await sha256Hex(bytes));
  });
});
