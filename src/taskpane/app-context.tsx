/**
 * What every panel shares: the strings of the chosen locale and the services. Facts that several
 * panels show (the survey in use) live in the services, once; panels subscribe to them here.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { SurveyInUse, TaskpaneServices } from './services';
import type { Strings } from './strings';

export interface AppContextValue {
  t: Strings;
  services: TaskpaneServices;
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
