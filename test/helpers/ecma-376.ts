/**
 * Validates the XML parts of an .xlsx or .docx we wrote against the ECMA-376 transitional schemas
 * vendored in test/schemas/ooxml (python-openxml/python-docx ref/xsd, plus xml.xsd for the xml:
 * namespace those schemas import without a location), with xmllint (libxml2-utils).
 * Markup-compatibility extras are removed first, as a consumer that does not understand them
 * must (ECMA-376 part 3): mc:Ignorable, and the attributes and elements in the namespaces it names
 * (x14ac:dyDescent, w14:…); everything else must validate.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';

const XSD = join(__dirname, '..', 'schemas', 'ooxml');

/** Which schema a part is checked against (by part name); parts not listed are not checked. */
function schemaOf(part: string): string | null {
  if (part === '[Content_Types].xml') return 'opc-xsd/opc-contentTypes.xsd';
  if (part.endsWith('.rels')) return 'opc-xsd/opc-relationships.xsd';
  if (part === 'docProps/app.xml') return 'shared-documentPropertiesExtended.xsd';
  if (/^(xl|word)\/theme\/theme\d*\.xml$/.test(part)) return 'dml-main.xsd';
  if (/^xl\/(workbook|styles|sharedStrings)\.xml$/.test(part) || /^xl\/worksheets\/[^/]+\.xml$/.test(part))
    return 'sml.xsd';
  if (/^xl\/charts\/chart\d+\.xml$/.test(part)) return 'dml-chart.xsd';
  if (/^xl\/drawings\/drawing\d+\.xml$/.test(part)) return 'dml-spreadsheetDrawing.xsd';
  if (
    /^word\/(document|styles|numbering|settings|fontTable|footnotes|endnotes|(header|footer)\d*)\.xml$/.test(
      part,
    )
  )
    return 'wml.xsd';
  return null;
}

/** The part without the markup-compatibility extras its root declares ignorable. */
export function stripIgnorable(xml: string): string {
  const ignorable = /\bmc:Ignorable="([^"]*)"/.exec(xml)?.[1].split(/\s+/).filter(Boolean) ?? [];
  let out = xml.replace(/\s+mc:Ignorable="[^"]*"/g, '');
  for (const prefix of ignorable) {
    const p = prefix.replace(/[^\w.-]/g, '');
    out = out
      .replace(new RegExp(`<${p}:([\\w.-]+)\\b[^>]*?/>`, 'g'), '')
      .replace(new RegExp(`<${p}:([\\w.-]+)\\b[^>]*>[\\s\\S]*?</${p}:\\1>`, 'g'), '')
      .replace(new RegExp(`\\s+${p}:[\\w.-]+="[^"]*"`, 'g'), '');
  }
  return out;
}

export interface SchemaReport {
  /** Parts checked, e.g. "xl/worksheets/sheet1.xml". */
  checked: string[];
  /** xmllint's complaints, "part: message", empty when every part validates. */
  violations: string[];
}

/** Validates every known part of the package; one xmllint run per schema. */
export async function validatePackage(bytes: Uint8Array): Promise<SchemaReport> {
  const zip = await JSZip.loadAsync(bytes);
  const dir = mkdtempSync(join(tmpdir(), 'cchc-ecma-'));
  try {
    const bySchema = new Map<string, { file: string; part: string }[]>();
    const checked: string[] = [];
    let n = 0;
    for (const part of Object.keys(zip.files).sort()) {
      const schema = schemaOf(part);
      if (!schema || zip.files[part].dir) continue;
      const file = join(dir, `${n++}.xml`);
      let xml = stripIgnorable(await zip.files[part].async('string'));
      // sml.xsd's CT_Xstring omits the xml:space attribute that Excel itself writes on <t> (and that
      // keeps leading spaces); the schema, not the file, is short there.
      if (schema === 'sml.xsd') xml = xml.replace(/\s+xml:space="[^"]*"/g, '');
      writeFileSync(file, xml);
      bySchema.set(schema, [...(bySchema.get(schema) ?? []), { file, part }]);
      checked.push(part);
    }
    const violations: string[] = [];
    for (const [schema, files] of bySchema) {
      const r = spawnSync(
        'xmllint',
        ['--noout', '--schema', join(XSD, schema), ...files.map((f) => f.file)],
        {
          encoding: 'utf8',
        },
      );
      if (r.error) throw r.error;
      for (const line of r.stderr.split('\n')) {
        if (!line.trim() || / validates$/.test(line)) continue;
        const named = files.reduce((text, f) => text.split(f.file).join(f.part), line);
        violations.push(named);
      }
    }
    return { checked, violations };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
