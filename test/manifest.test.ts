/**
 * @jest-environment jsdom
 *
 * Offline checks of manifest.xml (`office-addin-manifest validate` posts it to a Microsoft service,
 * which is unreachable here): well-formed, the elements Office requires in the order its schema
 * fixes, every resource id defined, every icon present at its declared pixel size, every page
 * emitted by the webpack build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRODUCT_VERSION } from '../src/common/version';
import { CORE_EXCEL_API } from '../src/excel/host';

const ROOT = join(__dirname, '..');
const SCHEMAS = join(__dirname, 'schemas', 'addin-manifest');
const MANIFEST = join(ROOT, 'manifest.xml');
const DEV_ORIGIN = 'https://localhost:3000';
const OV = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

function parse(text: string): Document {
  return new DOMParser().parseFromString(text, 'application/xml');
}

const doc = parse(readFileSync(MANIFEST, 'utf8'));
const root = doc.documentElement;
const children = (el: Element) => Array.from(el.children);
const one = (el: Element | Document, selector: string) => {
  const found = el.querySelector(selector);
  if (!found) throw new Error(`manifest.xml: thiếu phần tử ${selector}`);
  return found;
};

/** Width and height from a PNG's IHDR chunk (bytes 16..23), after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((v, i) => b[i] === v) || b.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function localFileFor(url: string): string {
  expect(url.startsWith(`${DEV_ORIGIN}/`)).toBe(true);
  return url.slice(DEV_ORIGIN.length + 1);
}

async function webpackPages(): Promise<{ pages: string[]; copies: string[] }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(join(ROOT, 'webpack.config.js'));
  const config = await factory({}, { mode: 'production' });
  const pages: string[] = [];
  const copies: string[] = [];
  for (const plugin of config.plugins as {
    userOptions?: { filename?: string };
    patterns?: { from: string }[];
  }[]) {
    if (plugin.constructor.name === 'HtmlWebpackPlugin')
      pages.push(plugin.userOptions?.filename ?? 'index.html');
    if (plugin.constructor.name === 'CopyPlugin') copies.push(...(plugin.patterns ?? []).map((p) => p.from));
  }
  return { pages, copies };
}

/** xmllint against the vendored add-in manifest XSDs (test/schemas/addin-manifest): its output. */
function xmllint(file: string): { ok: boolean; output: string } {
  try {
    const out = execFileSync(
      'xmllint',
      ['--noout', '--schema', join(SCHEMAS, 'OfficeAppManifestV1_1.xsd'), file],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return { ok: true, output: out };
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

describe('manifest.xml', () => {
  it('carries the one product version, as package.json does', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(pkg.version).toBe(PRODUCT_VERSION);
    expect(readFileSync(MANIFEST, 'utf8')).toContain(`<Version>${PRODUCT_VERSION}.0</Version>`);
  });

  it('validates against the add-in manifest schemas (offline, xmllint)', () => {
    const result = xmllint(MANIFEST);
    expect(result).toEqual({ ok: true, output: expect.any(String) });
    // The validator must refuse a manifest the schema forbids, or the pass above proves nothing.
    const broken = join(mkdtempSync(join(tmpdir(), 'cchc-manifest-')), 'manifest.xml');
    writeFileSync(
      broken,
      readFileSync(MANIFEST, 'utf8').replace('<Permissions>ReadWriteDocument', '<Permissions>Everything'),
    );
    expect(xmllint(broken).ok).toBe(false);
  });

  it('is well-formed XML with an OfficeApp TaskPaneApp root', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(root.localName).toBe('OfficeApp');
    expect(root.getAttributeNS(XSI, 'type')).toBe('TaskPaneApp');
    // The checker itself must catch a broken file, or the assertion above proves nothing.
    expect(parse('<OfficeApp><Id></OfficeApp>').getElementsByTagName('parsererror').length).toBeGreaterThan(
      0,
    );
  });

  it('has the required top-level elements in the order of the schema', () => {
    const order = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ];
    expect(children(root).map((c) => c.localName)).toEqual(order);
  });

  it('has a fresh GUID, a four-part version, Excel workbook host, ReadWriteDocument, the core ExcelApi set', () => {
    const id = one(root, 'Id').textContent ?? '';
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Not the id of the Yeoman/Script Lab samples people copy from, nor a placeholder.
    expect(['05c2e1c9-3e1d-406e-9a91-e9ac64854143', '00000000-0000-0000-0000-000000000000']).not.toContain(
      id,
    );
    expect(one(root, 'Version').textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(one(root, 'Hosts > Host').getAttribute('Name')).toBe('Workbook');
    expect(one(root, 'Permissions').textContent).toBe('ReadWriteDocument');
    const set = one(root, 'Requirements Set');
    // What reading and checking a template needs; everything above is gated at run time.
    expect([set.getAttribute('Name'), set.getAttribute('MinVersion')]).toEqual(['ExcelApi', CORE_EXCEL_API]);
  });

  it('is Vietnamese by default with an English override, within Office length limits', () => {
    expect(one(root, 'DefaultLocale').textContent).toBe('vi-VN');
    for (const [name, limit] of [
      ['DisplayName', 125],
      ['Description', 250],
    ] as const) {
      const el = one(root, `:scope > ${name}`);
      const vi = el.getAttribute('DefaultValue') ?? '';
      expect(vi).toMatch(/[ấểịọớờửạđ]/);
      expect(vi.length).toBeLessThanOrEqual(limit);
      const en = el.querySelector('Override[Locale="en-US"]')?.getAttribute('Value') ?? '';
      expect(en.length).toBeGreaterThan(0);
      expect(en.length).toBeLessThanOrEqual(limit);
    }
  });

  it('puts a ShowTaskpane button on the Home tab, and every resid it uses is defined', () => {
    const overrides = one(root, 'VersionOverrides');
    expect(overrides.namespaceURI).toBe(OV);
    expect(overrides.getAttributeNS(XSI, 'type')).toBe('VersionOverridesV1_0');
    expect(one(overrides, 'OfficeTab').getAttribute('id')).toBe('TabHome');
    const control = one(overrides, 'OfficeTab Group Control');
    expect(control.getAttributeNS(XSI, 'type')).toBe('Button');
    expect(one(control, 'Action').getAttributeNS(XSI, 'type')).toBe('ShowTaskpane');

    const defined = new Map<string, Element>();
    for (const el of Array.from(one(overrides, 'Resources').getElementsByTagNameNS(BT, '*'))) {
      const id = el.getAttribute('id');
      if (!id) continue;
      expect(defined.has(id)).toBe(false);
      defined.set(id, el);
    }
    const used = Array.from(overrides.querySelectorAll('[resid]')).map(
      (e) => e.getAttribute('resid') as string,
    );
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined.has(id) ? id : `missing ${id}`).toBe(id);

    for (const s of Array.from(overrides.getElementsByTagNameNS(BT, 'String'))) {
      const limit = s.parentElement?.localName === 'ShortStrings' ? 125 : 250;
      expect((s.getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(limit);
      expect(s.getElementsByTagNameNS(BT, 'Override')[0]?.getAttribute('Locale')).toBe('en-US');
    }
  });

  it('references icons of 16, 32, 64 and 80 px that exist in assets/ with exactly that size', () => {
    const icons: { url: string; size: number }[] = [
      { url: one(root, 'IconUrl').getAttribute('DefaultValue') as string, size: 32 },
      { url: one(root, 'HighResolutionIconUrl').getAttribute('DefaultValue') as string, size: 64 },
    ];
    const images = new Map(
      Array.from(doc.getElementsByTagNameNS(BT, 'Image'))
        .filter((e) => e.getAttribute('DefaultValue'))
        .map((e) => [e.getAttribute('id') as string, e.getAttribute('DefaultValue') as string]),
    );
    for (const ref of Array.from(doc.getElementsByTagNameNS(BT, 'Image')).filter((e) =>
      e.getAttribute('resid'),
    )) {
      icons.push({
        url: images.get(ref.getAttribute('resid') as string) as string,
        size: Number(ref.getAttribute('size')),
      });
    }
    expect(new Set(icons.map((i) => i.size))).toEqual(new Set([16, 32, 64, 80]));
    for (const icon of icons) {
      const file = join(ROOT, localFileFor(icon.url));
      expect(file.startsWith(join(ROOT, 'assets'))).toBe(true);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: icon.size, height: icon.size });
    }
  });

  it('points every page at one the webpack build emits, and the build copies the icons', async () => {
    const { pages, copies } = await webpackPages();
    const urls = [
      one(root, 'SourceLocation').getAttribute('DefaultValue') as string,
      one(root, 'SupportUrl').getAttribute('DefaultValue') as string,
      ...Array.from(doc.getElementsByTagNameNS(BT, 'Url')).map(
        (u) => u.getAttribute('DefaultValue') as string,
      ),
    ];
    for (const url of urls) expect(pages).toContain(localFileFor(url));
    expect(pages).toContain('taskpane.html');
    expect(copies).toContain('assets');
    for (const domain of Array.from(root.querySelectorAll('AppDomain')))
      expect(domain.textContent).toBe(DEV_ORIGIN);
  });

  it("is read the same way by Microsoft's own manifest reader", () => {
    // office-addin-manifest pulls ESM-only modules jest cannot require: run it in plain Node.
    const script = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1]).then((m) => process.stdout.write(JSON.stringify(m)))`;
    const info = JSON.parse(
      execFileSync(process.execPath, ['-e', script, MANIFEST], { cwd: ROOT, encoding: 'utf8' }),
    );
    expect(info).toMatchObject({
      id: one(root, 'Id').textContent,
      displayName: 'Chấm điểm Chỉ số CCHC',
      officeAppType: 'TaskPaneApp',
      permissions: 'ReadWriteDocument',
      hosts: ['Workbook'],
      defaultSettings: { sourceLocation: `${DEV_ORIGIN}/taskpane.html` },
    });
  });
});
