/**
 * The panels of the task pane, in tab order: which role sees each one and how its code is loaded
 * (on first visit, so the first paint carries only the shell). Adding a panel = one entry here,
 * its component file in this folder, and its tab label in strings.ts (`tabs`).
 */
import type { ComponentType } from 'react';

export type Role = 'unit' | 'admin';
export type PanelId = 'check' | 'template' | 'survey' | 'consolidate' | 'frameworks' | 'campaign';

export interface PanelProps {
  /** True while the panel is the one shown (panels stay mounted once visited). */
  active: boolean;
}

export interface PanelDef {
  id: PanelId;
  /** Roles whose tab bar shows the panel. `[]`: reached only from another panel (admin tasks). */
  tabFor: Role[];
  load(): Promise<{ default: ComponentType<PanelProps> }>;
}

export const PANELS: readonly PanelDef[] = [
  {
    id: 'template',
    tabFor: ['admin'],
    load: () => import(/* webpackChunkName: "panel-template" */ './TemplatePanel'),
  },
  {
    id: 'check',
    tabFor: ['unit', 'admin'],
    load: () => import(/* webpackChunkName: "panel-check" */ './CheckPanel'),
  },
  {
    id: 'survey',
    tabFor: ['admin'],
    load: () => import(/* webpackChunkName: "panel-survey" */ './SurveyPanel'),
  },
  {
    id: 'consolidate',
    tabFor: ['admin'],
    load: () => import(/* webpackChunkName: "panel-consolidate" */ './ConsolidatePanel'),
  },
  {
    // Importing a framework is done once a year by the Sở: apart from the daily tabs.
    id: 'frameworks',
    tabFor: [],
    load: () => import(/* webpackChunkName: "panel-frameworks" */ './FrameworksPanel'),
  },
  {
    // The Sở's campaign workbook: reached from Tổng hợp, and opened directly on such a workbook.
    id: 'campaign',
    tabFor: [],
    load: () => import(/* webpackChunkName: "panel-campaign" */ './CampaignPanel'),
  },
];

export function tabsFor(role: Role): PanelDef[] {
  return PANELS.filter((p) => p.tabFor.includes(role));
}
