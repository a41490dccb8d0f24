/**
 * Bulk templates patched from one render per group (src/xlsx/template-patch.ts) are the
 * renderer's files: with the renderer's own compressor and the clock held still, the very same
 * bytes; with Node's zlib (the CLI's), the same parts byte for byte. Units the patcher must not
 * patch (a "&", a name equal to another text, a name long enough to wrap) are rendered, and also
 * come out identical. Counts prove the patch path really ran.
 */
import { deflateRawSync, crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { getBuiltinFramework } from '../../src/framework/builtins';
import type { UnitRef } from '../../src/scoring/types';
import { buildTemplatePlan } from '../../src/workbook/plan';
import { renderPlan } from '../../src/xlsx/render';
import { crc32, templateMaker, type PartCompressor } from '../../src/xlsx/template-patch';

const framework = getBuiltinFramework('an-giang-2022')!;
const options = { generatedAt: '2026-11-22T08:00:00.000Z', deadline: '2026-12-31' };

const zlib: PartCompressor = {
  deflateRaw: (d) => new Uint8Array(deflateRawSync(d, { level: 6 })),
  crc32: (d) => zlibCrc32(d),
};

const rendered = (unit: UnitRef) => renderPlan(buildTemplatePlan(framework, unit, options));

/** Entry names in order and every part's bytes. */
function parts(bytes: Uint8Array): [string, number[]][] {
  return Object.entries(unzipSync(bytes)).map(([name, data]) => [name, [...data]]);
}

const PLAIN: UnitRef[] = [
  { code: 'STP', name: 'Sở Tư pháp', group: 'so' },
  { code: 'SNV', name: 'Sở Nội vụ tỉnh An Giang', group: 'so' },
  { code: '', name: 'Ủy ban nhân dân huyện Châu Thành', group: 'huyen' },
  { code: 'H07', name: 'UBND thành phố Long Xuyên', group: 'huyen' },
];

const UNPATCHABLE: UnitRef[] = [
  { code: 'SLĐ', name: 'Sở Lao động, Thương binh & Xã hội', group: 'so' }, // "&&" in footers
  { code: 'X1', name: 'Nhóm', group: 'so' }, // equals another text of the workbook
  { code: 'X2', name: 'X2', group: 'so' }, // name and code one shared string
  { code: 'X3', name: `Ủy ban nhân dân ${'xã rất dài '.repeat(30)}cuối`, group: 'huyen' }, // wraps
  { code: 'X4', name: ' Sở có dấu cách đầu', group: 'so' },
];

describe('template patching ≡ the renderer', () => {
  beforeEach(() => {
    // Only the clock is held still (zip entry times, core.xml's modified): the rest runs for real.
    jest.useFakeTimers({
      now: new Date('2026-11-22T08:00:00Z'),
      doNotFake: [
        'nextTick',
        'setImmediate',
        'setTimeout',
        'setInterval',
        'clearTimeout',
        'clearInterval',
        'clearImmediate',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
    });
  });
  afterEach(() => jest.useRealTimers());

  it('with the renderer’s compressor: the same bytes, whole file', async () => {
    const maker = templateMaker(framework, options);
    for (const unit of [...PLAIN, ...UNPATCHABLE]) {
      const made = await maker.make(unit);
      expect(Buffer.from(made).equals(Buffer.from(await rendered(unit)))).toBe(true);
    }
    // The prototypes (one per group and code/no code) are not counted: only units rendered in full.
    expect(maker.counts).toEqual({ patched: PLAIN.length, rendered: UNPATCHABLE.length });
  });

  it('with Node’s zlib: the same parts byte for byte, in the same order', async () => {
    const maker = templateMaker(framework, options, zlib);
    for (const unit of PLAIN) expect(parts(await maker.make(unit))).toEqual(parts(await rendered(unit)));
    expect(maker.counts.patched).toBe(PLAIN.length);
  });

  it('property: random Vietnamese names and codes, patched or rendered, always the renderer’s parts', async () => {
    const maker = templateMaker(framework, options, zlib);
    const word = fc.string({
      unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyÀẢÃÁẠằẳẵắặệỆữỮ0123456789-.,()&'),
      minLength: 1,
      maxLength: 12,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
        fc.oneof(fc.constant(''), word),
        fc.constantFrom('so', 'huyen'),
        async (name, code, group) => {
          const unit = { name, code, group };
          expect(parts(await maker.make(unit))).toEqual(parts(await rendered(unit)));
        },
      ),
      { numRuns: 12 },
    );
    expect(maker.counts.patched).toBeGreaterThan(0);
  });

  it('crc32 is the standard one', () => {
    const data = new TextEncoder().encode('Chấm điểm Chỉ số CCHC');
    expect(crc32(data)).toBe(zlibCrc32(data));
    expect(crc32(new Uint8Array())).toBe(0);
  });
});
