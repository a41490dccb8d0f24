/**
 * The Vietnamese names people read for the codes consolidation works with: file statuses and unit
 * groups. Codes (`accepted`, `so`) stay in JSON and in hidden columns for scripts; every sheet,
 * report and document shows these names instead.
 */
import type { Framework } from '../framework/schema';
import type { FileStatus } from './types';

export const FILE_STATUS_LABEL: Readonly<Record<FileStatus, string>> = {
  accepted: 'Chấp nhận',
  rejected: 'Bị từ chối',
  duplicate: 'Trùng đơn vị',
  unreadable: 'Không đọc được',
};

/** The group's name in the framework ("Sở, ban, ngành"), or the code itself when it is unknown. */
export function groupLabel(framework: Pick<Framework, 'groups'> | null | undefined, group: string): string {
  return framework?.groups.find((g) => g.id === group)?.name ?? group;
}
