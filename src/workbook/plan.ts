/**
 * `buildTemplatePlan`: the whole template workbook for one framework and one unit, as pure data
 * (DESIGN.md "The template workbook"). Renderers (exceljs, Office.js) only draw it.
 */
import { frameworkFingerprint } from '../framework/fingerprint';
import { PRODUCT_VERSION } from '../common/version';
import type { Framework } from '../framework/schema';
import type { UnitRef } from '../scoring/types';
import { buildGuideSheet } from './guide-sheet';
import {
  DEFINED_NAMES,
  META_KEYS,
  SHEET_GUIDE,
  SHEET_LISTS,
  SHEET_META,
  SHEET_SCORE,
  TEMPLATE_FORMAT_VERSION,
} from './layout';
import { cellAddress, columnLetters, quoteSheetName } from '../common/a1';
import type { PlanDefinedName, PlanSheet, PlanStyle, StyleId, WorkbookPlan } from './plan-types';
import { buildScoreSheet } from './score-sheet';
import { SheetBuilder } from './sheet-builder';
import type { WorkbookForm } from './forms';
import { TEMPLATE_FONT } from './page-footer';

export const GENERATOR_VERSION = PRODUCT_VERSION;

export interface TemplateOptions {
  /** ISO timestamp written to `_meta` (defaults to now). */
  generatedAt?: string;
  /** ISO date "2026-12-31", shown on `Hướng dẫn`. */
  deadline?: string;
  generatorVersion?: string;
  /** Who writes what (default: the unit's self-assessment form). */
  form?: WorkbookForm;
  /**
   * Extra `_meta` rows of a campaign workbook (workbookKind, campaignId, stage, round,
   * sourceSha256, authCode), written after the standard ones.
   */
  campaignMeta?: Partial<
    Record<'workbookKind' | 'campaignId' | 'stage' | 'round' | 'sourceSha256' | 'authCode', string>
  >;
}

/** A unit or group the framework does not know: the caller shows the message as is. */
export class TemplateInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateInputError';
  }
}

export const TEMPLATE_STYLES: Record<StyleId, PlanStyle> = {
  title: { bold: true, size: 14, horizontal: 'center', vertical: 'middle', color: 'FF1F4E79', wrap: true },
  subtitle: { bold: true, vertical: 'middle', wrap: true },
  warning: { bold: true, size: 13, color: 'FFC00000', fill: 'FFFFE699', wrap: true, vertical: 'middle' },
  header: {
    bold: true,
    color: 'FFFFFFFF',
    fill: 'FF1F4E79',
    wrap: true,
    horizontal: 'center',
    vertical: 'middle',
    border: true,
  },
  field: { bold: true, fill: 'FFD9E1F2', wrap: true, vertical: 'top', border: true },
  criterion: { bold: true, wrap: true, vertical: 'top', border: true },
  leaf: { wrap: true, vertical: 'top', border: true },
  input: { fill: 'FFFFF2CC', vertical: 'top', border: true },
  inputText: { fill: 'FFFFF2CC', wrap: true, vertical: 'top', border: true },
  surveyMark: {
    italic: true,
    color: 'FF375623',
    fill: 'FFE2EFDA',
    wrap: true,
    vertical: 'top',
    border: true,
  },
  notApplicable: {
    italic: true,
    color: 'FF7F7F7F',
    fill: 'FFEDEDED',
    wrap: true,
    vertical: 'top',
    border: true,
  },
  lockedEmpty: { fill: 'FFF2F2F2', vertical: 'top', border: true },
  check: { bold: true, color: 'FFC00000', wrap: true, vertical: 'top', border: true },
  total: { bold: true, fill: 'FFD9E1F2', vertical: 'middle', border: true },
  guideLabel: { bold: true, vertical: 'top', wrap: true },
  guideText: { vertical: 'top', wrap: true },
  signature: { bold: true, horizontal: 'center', vertical: 'top', wrap: true },
  meta: {},
};

/** Collects the allowed-value lists on the hidden lists sheet, one column per distinct list. */
class ListSheet {
  private readonly builder = new SheetBuilder(SHEET_LISTS, 'hidden');
  private readonly refs = new Map<string, string>();

  register = (values: number[]): string => {
    const key = values.join('|');
    const known = this.refs.get(key);
    if (known) return known;
    const col = this.refs.size + 1;
    values.forEach((v, i) => this.builder.set(i + 1, col, { value: v }));
    const letter = columnLetters(col);
    const ref = `${quoteSheetName(SHEET_LISTS)}!$${letter}$1:$${letter}$${values.length}`;
    this.refs.set(key, ref);
    return ref;
  };

  get sheet(): PlanSheet | null {
    if (this.refs.size === 0) return null;
    this.builder.sheet.columns = Array.from({ length: this.refs.size }, () => ({ width: 8 }));
    return this.builder.sheet;
  }
}

export function buildTemplatePlan(
  framework: Framework,
  unit: UnitRef,
  options: TemplateOptions = {},
): WorkbookPlan {
  const group = framework.groups.find((g) => g.id === unit.group);
  if (!group) {
    throw new TemplateInputError(
      `Nhóm "${unit.group}" không có trong bộ tiêu chí ${framework.id} ` +
        `(các nhóm: ${framework.groups.map((g) => `${g.id} = ${g.name}`).join('; ')}).`,
    );
  }
  if (!unit.name.trim()) throw new TemplateInputError('Tên đơn vị không được để trống.');
  const generatedAt = options.generatedAt ?? new Date().toISOString();

  const lists = new ListSheet();
  const score = buildScoreSheet(framework, unit, group.name, lists.register, options.form);
  const guide = buildGuideSheet(framework, unit, group.name, { deadline: options.deadline, generatedAt });

  const meta: Record<string, string> = {
    [META_KEYS.formatVersion]: TEMPLATE_FORMAT_VERSION,
    [META_KEYS.frameworkId]: framework.id,
    [META_KEYS.frameworkVersion]: framework.version,
    [META_KEYS.frameworkFingerprint]: frameworkFingerprint(framework),
    [META_KEYS.frameworkTitle]: framework.title,
    [META_KEYS.frameworkStatus]: framework.status,
    [META_KEYS.unitCode]: unit.code,
    [META_KEYS.unitName]: unit.name,
    [META_KEYS.unitGroup]: unit.group,
    [META_KEYS.generatedAt]: generatedAt,
    [META_KEYS.generatorVersion]: options.generatorVersion ?? GENERATOR_VERSION,
    [META_KEYS.deadline]: options.deadline ?? '',
  };
  for (const [k, v] of Object.entries(options.campaignMeta ?? {})) if (v !== undefined) meta[k] = v;
  const metaSheet = new SheetBuilder(SHEET_META, 'veryHidden');
  Object.entries(meta).forEach(([k, v], i) => {
    metaSheet.set(i + 1, 1, { value: k });
    metaSheet.set(i + 1, 2, { value: v });
  });
  metaSheet.sheet.columns = [{ width: 24 }, { width: 60 }];

  const { layout } = score;
  const lastCol = columnLetters(layout.lastColumn);
  const s = quoteSheetName(SHEET_SCORE);
  const definedNames: PlanDefinedName[] = [
    { name: DEFINED_NAMES.header, ref: `${s}!$A$${layout.headerRow}:$${lastCol}$${layout.headerRow}` },
    { name: DEFINED_NAMES.codes, ref: `${s}!$A$${layout.firstDataRow}:$A$${layout.totalRow - 1}` },
    { name: DEFINED_NAMES.table, ref: `${s}!$A$${layout.headerRow}:$${lastCol}$${layout.totalRow}` },
    { name: DEFINED_NAMES.total, ref: `${s}!$A$${layout.totalRow}:$${lastCol}$${layout.totalRow}` },
    { name: DEFINED_NAMES.meta, ref: `${quoteSheetName(SHEET_META)}!$A$1:$B$${Object.keys(meta).length}` },
    {
      name: DEFINED_NAMES.deadline,
      ref: `${quoteSheetName(SHEET_GUIDE)}!$${cellAddress(guide.deadlineRow, 2).replace(/(\d+)$/, '$$$1')}`,
    },
  ];

  const sheets = [guide.sheet, score.sheet, metaSheet.sheet];
  const listSheet = lists.sheet;
  if (listSheet) sheets.push(listSheet);

  return {
    sheets,
    definedNames,
    styles: TEMPLATE_STYLES,
    font: TEMPLATE_FONT,
    properties: {
      title: `Chấm điểm Chỉ số CCHC ${framework.year} — ${unit.name}`,
      subject: framework.title,
      creator: 'cchc',
      created: generatedAt,
    },
    activeSheet: SHEET_SCORE,
    meta,
    score: layout,
  };
}
