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
import { bandSchema, frameworkSchema, groupSchema, surveySourceSchema, tieRuleSchema } from '../schema';

export const importMetaSchema = z.object({
  formatVersion: z.literal(1).default(1),
  id: frameworkSchema.shape.id,
  title: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  level: z.string().min(1),
  legalBasis: frameworkSchema.shape.legalBasis,
  status: z.enum(['official', 'illustrative']),
  version: z.string().min(1).default('1.0.0'),
  groups: z.array(groupSchema).min(1),
  declared: frameworkSchema.shape.declared.optional(),
  bands: z.array(bandSchema).default([]),
  tieRule: tieRuleSchema.default('shared'),
  places: z.number().int().min(0).max(4).default(2),
  surveySources: z.array(surveySourceSchema).default([]),
  survey: frameworkSchema.shape.survey,
  notRanked: z.array(z.string()).default([]),
  surveyCodes: z.record(z.string(), z.string()).optional(),
});

export type ImportMeta = z.infer<typeof importMetaSchema>;
export type ImportMetaInput = z.input<typeof importMetaSchema>;
