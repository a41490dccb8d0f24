/**
 * The consolidation bench's returned workbooks: ten filled workbooks of the An Giang 2022
 * framework (templates rendered, then filled by the second writer) serve as bodies; each of the
 * `count` files is one of them with its unit code and name rewritten in the shared strings
 * (JSZip), so every file is a distinct unit.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';

export async function generate(dir: string, count: number): Promise<void> {
  const { getBuiltinFramework } = await import('../../src/framework/builtins');
  const { renderTemplate } = await import('../../src/xlsx/render');
  const { fillReturnedWorkbook } = await import('../../src/xlsx/sample-returns');
  const { sampleScores, seedOf } = await import('../../src/consolidation/sample-scores');
  const framework = getBuiltinFramework('an-giang-2022');
  if (!framework) throw new Error('an-giang-2022 missing');
  const bodies: Array<{ group: string; zip: JSZip }> = [];
  for (let i = 0; i < 10; i++) {
    const group = i % 2 ? 'huyen' : 'so';
    const unit = { code: 'BENCHCODE', name: 'BENCHNAME', group };
    const template = await renderTemplate(framework, unit, { generatedAt: '2026-11-22T08:00:00.000Z' });
    const filled = await fillReturnedWorkbook(
      template,
      sampleScores(framework, group, seedOf(`bench${i}`)) as never,
    );
    bodies.push({ group, zip: await JSZip.loadAsync(filled) });
  }
  for (let n = 0; n < count; n++) {
    const { zip } = bodies[n % bodies.length];
    const code = `U${String(n).padStart(4, '0')}`;
    const copy = new JSZip();
    for (const [name, entry] of Object.entries(zip.files)) {
      if (entry.dir) continue;
      let content: string | Uint8Array = await entry.async(
        name.endsWith('.xml') || name.endsWith('.rels') ? 'string' : 'uint8array',
      );
      if (typeof content === 'string' && content.includes('BENCH')) {
        content = content.replace(/BENCHCODE/g, code).replace(/BENCHNAME/g, `Đơn vị số ${n + 1}`);
      }
      copy.file(name, content);
    }
    const bytes = await copy.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    await fs.writeFile(join(dir, `${code}.xlsx`), bytes);
  }
}
