/**
 * What the pane's service areas share over one session: how a framework id is found, how the open
 * workbook is read, the last consolidation (the survey preview matches its units; the ranking is
 * written from it) and the survey file loaded (consolidation uses it). One object, so the areas
 * never keep copies of each other's state.
 */
import { asciiSlug } from '../../common/names';
import type { ConsolidationResult } from '../../consolidation/types';
import type { SurveyImport } from '../../consolidation/survey';
import type { Framework } from '../../framework/schema';
import type { CellValue } from '../../scoring/types';
import { readOpenTemplate } from '../../excel';
import { findFramework } from '../framework-store';
import { surveyStore } from '../services';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Lets the browser paint and Excel breathe between two files (a long task makes Excel restart us). */
export const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** "Sở, ban, ngành" → "so-ban-nganh": ids are ASCII (schema), names stay Vietnamese. */
export function slugId(name: string, fallback: string): string {
  return asciiSlug(name, 40) || fallback;
}

export function download(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface LoadedSurvey {
  fileName: string;
  rows: CellValue[][];
  sheet?: string;
  /** The import against the units it was last previewed with (null: there were none to match). */
  result: SurveyImport | null;
}

export interface OfficeSession {
  resolveFramework(id: string): Framework | undefined;
  readOpen(mode?: 'draft' | 'submission'): ReturnType<typeof readOpenTemplate>;
  lastConsolidation: ConsolidationResult | null;
  readonly survey: LoadedSurvey | null;
  /** What the panels see of `survey`: its file name and version (services.ts, surveyStore). */
  readonly surveyState: ReturnType<typeof surveyStore>;
  useSurvey(loaded: LoadedSurvey): void;
}

export function createSession(): OfficeSession {
  const resolveFramework = (id: string) => findFramework(id);
  const surveyState = surveyStore();
  let survey: LoadedSurvey | null = null;
  return {
    resolveFramework,
    readOpen: async (mode = 'draft') => readOpenTemplate({ resolveFramework, mode }),
    lastConsolidation: null,
    get survey() {
      return survey;
    },
    surveyState,
    useSurvey(loaded) {
      survey = loaded;
      surveyState.set(loaded.fileName);
    },
  };
}
