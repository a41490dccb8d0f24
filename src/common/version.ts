/**
 * The product's version: written into every template's `_meta` (generator version) and printed
 * by `cchc --version`. package.json and manifest.xml carry the same number; test/manifest.test.ts
 * fails when they drift, since a module cannot read package.json in the pane's bundle.
 */
export const PRODUCT_VERSION = '0.1.0';
