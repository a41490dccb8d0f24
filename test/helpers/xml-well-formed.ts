/** Every XML part of an .xlsx parsed by a strict XML 1.0 parser (saxes, the one exceljs uses). */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

export async function xlsxPartErrors(bytes: Uint8Array): Promise<{ parts: number; errors: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const errors: string[] = [];
  let parts = 0;
  for (const name of Object.keys(zip.files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    parts++;
    const parser = new SaxesParser({ xmlns: false });
    parser.on('error', (e) => errors.push(`${name}: ${e.message}`));
    parser.write(await zip.files[name].async('string')).close();
  }
  return { parts, errors };
}
