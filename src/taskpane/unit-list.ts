/**
 * The "several units" box of the Tạo mẫu panel: the list is read by the one unit-list reader
 * (src/workbook/unit-list.ts, the same as `cchc template --units` and `cchc campaign init`); this
 * module only words its problems in the pane's language.
 */
import type { UnitRef } from '../scoring/types';
import { parseUnitList as readUnitList, type UnitGroup } from '../workbook/unit-list';

export interface UnitListMessages {
  unknownGroup(group: string): string;
  missingName: string;
  duplicate(name: string): string;
}

export interface UnitListResult {
  units: UnitRef[];
  problems: { line: number; message: string }[];
}

export function parseUnitList(
  text: string,
  groups: readonly UnitGroup[],
  defaultGroup: string,
  messages: UnitListMessages,
): UnitListResult {
  const list = readUnitList(text, groups, { defaultGroup });
  return {
    units: list.units.map((u) => u.unit),
    problems: list.problems.map((p) => ({
      line: p.line,
      message:
        p.key === 'unitList.unknownGroup'
          ? messages.unknownGroup(p.group ?? '')
          : p.key === 'unitList.duplicate'
            ? messages.duplicate(p.name ?? '')
            : p.key === 'unitList.missingName'
              ? messages.missingName
              : p.message,
    })),
  };
}
