import JSZip from 'jszip';
import { inflateWithZlib } from '../../src/cli/native-inflate';
import { inflatedSizeWith } from '../../src/xlsx/ooxml/zip-entries';

const inflatedSizeWithZlib = inflatedSizeWith(inflateWithZlib);
import { DEFAULT_ZIP_LIMITS, guardZip, readCentralDirectory } from '../../src/xlsx/zip-guard';

async function zipOf(files: Record<string, string | Uint8Array>, level = 6): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level } });
}

const minimalXlsx = { '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' };

describe('guardZip', () => {
  it('accepts a small well-formed xlsx-shaped zip', async () => {
    const verdict = await guardZip(await zipOf(minimalXlsx));
    expect(verdict).toMatchObject({ ok: true, uncompressedBytes: '<Types/>'.length + '<workbook/>'.length });
  });

  it('refuses an OLE compound file (password-protected workbook) by its magic bytes', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const verdict = await guardZip(ole);
    expect(verdict).toMatchObject({ ok: false, reason: 'encrypted' });
    if (!verdict.ok) expect(verdict.message).toMatch(/mật khẩu/);
  });

  it('refuses text that is not a zip, an empty file, and a file over the size limit', async () => {
    expect(await guardZip(new TextEncoder().encode('Mã,Tên\n1,Sở Tư pháp\n'))).toMatchObject({
      ok: false,
      reason: 'notZip',
    });
    expect(await guardZip(new Uint8Array(0))).toMatchObject({ ok: false, reason: 'empty' });
    const big = new Uint8Array(DEFAULT_ZIP_LIMITS.maxFileBytes + 1);
    const verdict = await guardZip(big);
    expect(verdict).toMatchObject({ ok: false, reason: 'tooLarge' });
    if (!verdict.ok) expect(verdict.message).toMatch(/quá lớn/);
  });

  it('refuses a truncated zip', async () => {
    const bytes = await zipOf({ ...minimalXlsx, 'xl/worksheets/sheet1.xml': 'x'.repeat(5000) });
    expect(await guardZip(bytes.subarray(0, Math.floor(bytes.length / 2)))).toMatchObject({
      ok: false,
      reason: 'corrupt',
    });
  });

  it('refuses a zip that is not a workbook', async () => {
    expect(await guardZip(await zipOf({ 'readme.txt': 'hello' }))).toMatchObject({
      ok: false,
      reason: 'notXlsx',
    });
  });

  it('refuses an entry with an absurd compression ratio before inflating it', async () => {
    const bytes = await zipOf({ ...minimalXlsx, 'xl/sharedStrings.xml': new Uint8Array(4 * 1024 * 1024) }, 9);
    const verdict = await guardZip(bytes, DEFAULT_ZIP_LIMITS, { verifyInflation: false });
    expect(verdict).toMatchObject({ ok: false, reason: 'bomb' });
    if (!verdict.ok) expect(verdict.message).toMatch(/bom zip/);
  });

  it('refuses too many entries and too much declared data', async () => {
    const many: Record<string, string> = { ...minimalXlsx };
    for (let i = 0; i < 30; i++) many[`xl/media/${i}.txt`] = `${i}`;
    const bytes = await zipOf(many);
    expect(await guardZip(bytes, { ...DEFAULT_ZIP_LIMITS, maxEntries: 20 })).toMatchObject({
      ok: false,
      reason: 'bomb',
    });
    expect(await guardZip(bytes, { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: 10 })).toMatchObject({
      ok: false,
      reason: 'bomb',
    });
  });

  it('catches an entry whose declared size lies, by inflating with a cap', async () => {
    const bytes = await zipOf({ ...minimalXlsx, 'xl/styles.xml': 'a'.repeat(200_000) });
    const cd = readCentralDirectory(bytes);
    if ('error' in cd) throw new Error('fixture');
    const entry = cd.entries.find((e) => e.name === 'xl/styles.xml')!;
    // Rewrite the declared uncompressed size (central directory and local header) to 100 bytes.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    view.setUint32(entry.localHeaderOffset + 22, 100, true);
    const end = bytes.length - 22;
    let p = view.getUint32(end + 16, true);
    for (const e of cd.entries) {
      if (e.name === entry.name) view.setUint32(p + 24, 100, true);
      p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    const verdict = await guardZip(bytes);
    expect(verdict).toMatchObject({ ok: false, reason: 'bomb' });
    // Node's zlib, as the CLI uses it, catches it the same way.
    expect(await guardZip(bytes, DEFAULT_ZIP_LIMITS, { inflatedSize: inflatedSizeWithZlib })).toMatchObject({
      ok: false,
      reason: 'bomb',
    });
    expect(await guardZip(bytes, DEFAULT_ZIP_LIMITS, { verifyInflation: false })).toMatchObject({ ok: true });
  });

  it('accepts honest entries with either inflater and reports undecodable data as corrupt', async () => {
    const bytes = await zipOf({ ...minimalXlsx, 'xl/styles.xml': 'a'.repeat(50_000) });
    expect(await guardZip(bytes)).toMatchObject({ ok: true });
    expect(await guardZip(bytes, DEFAULT_ZIP_LIMITS, { inflatedSize: inflatedSizeWithZlib })).toMatchObject({
      ok: true,
    });
    expect(inflatedSizeWithZlib(new Uint8Array([1, 2, 3, 4, 5]), 100)).toBe('corrupt');
  });

  it('never modifies the bytes it is given', async () => {
    const bytes = await zipOf(minimalXlsx);
    const copy = bytes.slice();
    await guardZip(bytes);
    expect(bytes).toEqual(copy);
  });
});
