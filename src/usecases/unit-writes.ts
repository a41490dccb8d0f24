/**
 * The stateless commands' side of "who may write what": a unit's own file brings no council score.
 */
import { campaignMessage } from '../campaign/messages.vi';
import type { FileError } from '../consolidation/types';
import type { Framework } from '../framework/schema';
import type { Scoresheet } from '../scoring/types';
import { UNIT_FORM, foreignWrites } from '../workbook/forms';
import { META_KEYS } from '../workbook/layout';

/**
 * Who may write what (DESIGN.md): a unit's own workbook never carries the council's scores. Values
 * in its appraisal, comment or bonus/deduction cells reject the whole file — they are not taken
 * "where given" — and a council workbook issued by a campaign counts only inside that campaign,
 * which can verify its authentication code.
 */
export function councilCellsOfUnit(
  fileName: string,
  framework: Framework,
  sheet: Scoresheet,
  meta: Record<string, string>,
): FileError[] {
  const kind = meta[META_KEYS.workbookKind] || 'unit';
  if (kind !== 'unit') {
    return [
      {
        code: '',
        cell: null,
        ...campaignMessage('trust.campaignWorkbook', {
          file: fileName,
          workbook: kind === 'appraisal' ? 'appraisal' : 'response',
          campaign: meta[META_KEYS.campaignId] ?? '',
        }),
      },
    ];
  }
  const foreign = foreignWrites(framework, sheet, UNIT_FORM);
  if (!foreign.length) return [];
  return [
    ...foreign.map((w) => ({
      code: w.code,
      cell: sheet.cells?.[w.code]?.[w.field] ?? null,
      ...campaignMessage('trust.unitWroteCouncilCell', { file: fileName, code: w.code, field: w.field }),
    })),
    { code: '', cell: null, ...campaignMessage('trust.rejectedWhole', { file: fileName }) },
  ];
}
