/**
 * The Kiểm tra panel's services: the open workbook read and checked, its edits watched, the cells
 * of problems shown and highlighted (all through the Excel adapter, src/excel).
 */
import type { CellValue } from '../../scoring/types';
import { clearHighlights, goToCell, highlightCells, watchScoreSheet, type ReadSuccess } from '../../excel';
import type { CheckState, TaskpaneServices } from '../services';
import type { OfficeSession } from './session';

export type CheckServices = Pick<
  TaskpaneServices,
  'check' | 'watch' | 'goToCell' | 'highlight' | 'clearHighlights'
>;

export function checkServices({ readOpen }: OfficeSession): CheckServices {
  return {
    async check(mode): Promise<CheckState> {
      const read = await readOpen(mode);
      if (!read.ok)
        return {
          kind: 'notTemplate',
          reason: read.message,
          unknownFramework: read.reason === 'unknownFramework',
        };
      return checkedState(read);
    },

    async watch(onChange) {
      const watch = await watchScoreSheet(() => onChange());
      return () => void watch.stop().catch(() => undefined);
    },

    goToCell: (address) => goToCell(address),

    async highlight(cells) {
      // Replace, not add: the previous highlight may mark cells that are fixed since.
      await clearHighlights();
      return highlightCells(cells);
    },

    clearHighlights: () => clearHighlights(),
  };
}

function checkedState(read: ReadSuccess): CheckState {
  const { framework, scoresheet, totals } = read;
  const group = framework.groups.find((g) => g.id === scoresheet.unit.group);
  return {
    kind: 'checked',
    unit: scoresheet.unit,
    groupName: group?.name ?? scoresheet.unit.group,
    framework: { id: framework.id, title: framework.title, status: framework.status },
    fields: framework.tree.map((n) => ({ code: n.code, name: n.name })),
    problems: read.problems,
    totals: {
      self: totals.self,
      appraised: totals.appraised,
      survey: totals.survey,
      total: totals.total,
      max: totals.max,
      index: totals.index,
      notYetAppraised: totals.notYetAppraised.length,
      anyAppraised: Object.values(scoresheet.entries).some(
        (e) => filled(e.appraisal) || filled(e.appraisal2),
      ),
    },
    checkedAt: new Date(),
  };
}

const filled = (v: CellValue | undefined) => v !== null && v !== undefined && String(v).trim() !== '';
