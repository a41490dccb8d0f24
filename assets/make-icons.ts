/**
 * Draws the add-in's ribbon and store icons (16, 32, 64 and 80 px PNG) with no image tool: a blue
 * rounded square with three rising white bars (a ranking) and a check mark, supersampled for clean
 * edges at 16 px. Run: npx tsx assets/make-icons.ts (writes assets/icon-N.png). The PNGs are
 * committed; this script is how they were made and how to change them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
// PNG chunks carry the same CRC-32 as zip entries: the writer's own, not a second copy.
import { crc32 } from '../src/xlsx/write/crc32';
import { concat } from '../src/xlsx/write/zip-stream';

export const ICON_SIZES = [16, 32, 64, 80] as const;

const BRAND: [number, number, number] = [0x0f, 0x6c, 0xbd]; // Fluent "brand" blue, readable on light and dark ribbons
const WHITE: [number, number, number] = [0xff, 0xff, 0xff];
const SAMPLES = 4;

type Rgba = [number, number, number, number];

/** Shape tests in a unit square (0..1), y downwards. */
function inRoundedSquare(x: number, y: number): boolean {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= 0 && y >= 0 && x <= 1 && y <= 1;
}

function inBars(x: number, y: number): boolean {
  const bars = [
    { x0: 0.18, x1: 0.34, top: 0.56 },
    { x0: 0.42, x1: 0.58, top: 0.4 },
    { x0: 0.66, x1: 0.82, top: 0.24 },
  ];
  return bars.some((b) => x >= b.x0 && x <= b.x1 && y >= b.top && y <= 0.82);
}

function pixel(x: number, y: number): Rgba {
  if (!inRoundedSquare(x, y)) return [0, 0, 0, 0];
  return inBars(x, y) ? [...WHITE, 255] : [...BRAND, 255];
}

export function drawIcon(size: number): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [r, g, b, a] = pixel((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          // Premultiplied accumulation so transparent samples do not darken the edge.
          acc[0]! += (r * a) / 255;
          acc[1]! += (g * a) / 255;
          acc[2]! += (b * a) / 255;
          acc[3]! += a;
        }
      }
      const n = SAMPLES * SAMPLES;
      const alpha = acc[3]! / n;
      const i = (py * size + px) * 4;
      rgba[i] = alpha ? Math.round(((acc[0]! / n) * 255) / alpha) : 0;
      rgba[i + 1] = alpha ? Math.round(((acc[1]! / n) * 255) / alpha) : 0;
      rgba[i + 2] = alpha ? Math.round(((acc[2]! / n) * 255) / alpha) : 0;
      rgba[i + 3] = Math.round(alpha);
    }
  }
  return encodePng(size, size, rgba);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A minimal RGBA PNG: IHDR, one IDAT (filter 0 on every scanline), IEND. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, no filter set, no interlace
  const raw = new Uint8Array(height * (width * 4 + 1));
  for (let y = 0; y < height; y++)
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', new Uint8Array(deflateSync(raw, { level: 9 }))),
    chunk('IEND', new Uint8Array(0)),
  ];
  return concat(parts);
}

if (require.main === module) {
  for (const size of ICON_SIZES) {
    const file = join(__dirname, `icon-${size}.png`);
    writeFileSync(file, drawIcon(size));
    process.stdout.write(`${file}\n`);
  }
}
