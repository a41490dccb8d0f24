/**
 * What an appendix table does not say about its framework: id, title, year, level, legal basis,
 * status, groups, bands, survey sources, units not ranked, tie rule, places, and optionally the
 * declared counts and points and which codes are survey leaves. It comes from a small JSON file
 * (the "meta") and/or command-line options. Example (templates/appendix/an-giang-2022.meta.json
 * is a complete one):
 *
 *   { "id": "tinh-x-2024", "title": "Bộ tiêu chí …", "year": 2024, "level": "so",
 *     "legalBasis": { "number": "123/QĐ-UBND", "date": "2024-03-01" }, "status": "official",
 *     "groups": [ { "id": "so", "name": "Sở, ban, ngành" } ],
 *     "surveySources": [ { "id": "sipas", "name": "SIPAS" } ],
 *     "declared": { "counts": { "fields": 9, "criteria": 30, "subCriteria": 51 },
 *                   "points": { "self": 68, "survey": 32, "total": 100 } } }
 *
 * `declared` should be copied from the decision: it is what the checks hold the table against.
 * When it is absent, the importer takes the table's own figures and SAYS SO (then a row lost in
 * copying cannot be noticed). `surveyCodes` ({ "9": "sipas" }) marks the leaves under a code as
 * survey leaves when the table has no method column.
 */
import { z } from 'zod';
import { frameworkSchema } from '../schema';

/**
 * The framework's own fields minus the tree (which the table gives), so each field is declared
 * once in `frameworkSchema`. A meta may leave out what an author rarely knows or cannot yet know:
 * the format version and the definition's version get defaults, and `declared` may be absent (see
 * above). `surveyCodes` exists only here.
 */
const shape = frameworkSchema.shape;
export const importMetaSchema = frameworkSchema.omit({ tree: true }).extend({
  formatVersion: shape.formatVersion.default(1),
  version: shape.version.default('1.0.0'),
  declared: shape.declared.optional(),
  surveyCodes: z.record(z.string(), z.string()).optional(),
});

export type ImportMeta = z.infer<typeof importMetaSchema>;
export type ImportMetaInput = z.input<typeof importMetaSchema>;
