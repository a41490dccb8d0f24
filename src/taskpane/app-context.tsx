/**
 * What every panel shares: the strings of the chosen locale, the services, and what one panel
 * learns that another needs (the units of the last consolidation feed the survey preview).
 */
import { createContext, useContext } from 'react';
import type { TaskpaneServices } from './services';
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
