/**
 * What every panel shares: the strings of the chosen locale, the services, and the shell's
 * navigation and notices. Facts that several panels show (the survey in use) live in the
 * services, once; panels subscribe to them here.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Status } from './components';
import type { PanelId } from './panels/registry';
import type { SurveyInUse, TaskpaneServices } from './services';
import type { Strings } from './strings';

/** What a panel may be told when another one sends the user to it. */
export interface NavigationHint {
  frameworkId?: string;
}

export interface AppContextValue {
  t: Strings;
  services: TaskpaneServices;
  navigate(panel: PanelId, hint?: NavigationHint): void;
  /** The last hint given with `navigate`, for the panel it was meant for. */
  hint: { panel: PanelId; hint: NavigationHint } | null;
  /** A confirmation shown at the top of the pane, where the user is looking after a move. */
  notify(status: Status): void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <App>');
  return value;
}

/** The survey file in use, re-rendering the caller whenever another one is loaded. */
export function useSurveyInUse(): SurveyInUse | null {
  const { services } = useApp();
  return useSyncExternalStore(services.onSurveyChange, services.surveyInUse);
}
