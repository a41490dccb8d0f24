/**
 * The template patcher's compressor in Node: zlib's raw DEFLATE at the renderer's level and its
 * CRC-32, native (fflate's JavaScript deflate of a 100 KB sheet costs more than the rest of a
 * patched template together). The parts are the renderer's byte for byte; only their
 * compressed form is zlib's.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import type { PartCompressor } from '../xlsx/template-patch';

export const zlibCompressor: PartCompressor = {
  deflateRaw: (data) => {
    const out = deflateRawSync(data, { level: 6 });
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  },
  crc32: (data) => crc32(data),
};
