/**
 * The campaign's ranking, computed from the register alone: for each unit, the self scores of its
 * accepted return and the council's scores of its accepted appraisal workbooks (round 2 over
 * round 1; bonus and deduction from "điểm cộng, điểm trừ"), plus the survey. The ranking itself is
 * consolidation's (`finishConsolidation`): one pipeline for the stateless command and the campaign.
 */
import { finishConsolidation } from '../consolidation/consolidate';
import { keepEntries } from '../consolidation/kept-entries';
import type { ConsolidationResult, FileRecord } from '../consolidation/types';
import type { Framework } from '../framework/schema';
import type { CellValue, PreviousResult } from '../scoring/types';
import type { Register } from './register';
import { acceptedReceipt, registeredEntries } from './state';

export interface CampaignRankOptions {
  survey?: { rows: CellValue[][] };
  previous?: PreviousResult[];
  notRanked?: string[];
  /** See FinishOptions.surveyGaps; the campaign's default is 'reject' (no silent zero). */
  surveyGaps?: 'reject' | 'zero';
}

export function campaignRanking(
  register: Register,
  framework: Framework,
  options: CampaignRankOptions = {},
): ConsolidationResult {
  const records: FileRecord[] = [];
  for (const unit of register.units) {
    const ret = acceptedReceipt(register, unit.code, 'tu-cham');
    if (!ret) continue;
    const entries = keepEntries(framework, registeredEntries(register, framework, unit.code));
    records.push({
      file: ret.storedAs ?? ret.file,
      status: 'accepted',
      unit: { code: unit.code, name: unit.name, group: unit.group },
      errors: [],
      warnings: [],
      sha256: ret.sha256,
      size: ret.size,
      generatedAt: null,
      frameworkId: framework.id,
      entries,
    });
  }
  return finishConsolidation(records, new Map([[framework.id, framework]]), {
    framework,
    survey: options.survey,
    previous: options.previous,
    notRanked: options.notRanked,
    surveyGaps: options.surveyGaps ?? 'reject',
  });
}
