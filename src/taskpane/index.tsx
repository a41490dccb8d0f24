/**
 * Entry of the task pane bundle. Waits for Office.js, then renders the app over the real services.
 * The services module (Excel adapter, and through dynamic import() the .xlsx code) is loaded after
 * the first paint so the initial download stays small.
 */
import { createRoot } from 'react-dom/client';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { App } from './App';
import { whenOfficeReady } from './office-host';
import { localeFromSearch, stringsFor } from './strings';

async function boot() {
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  const t = stringsFor(localeFromSearch(window.location.search));
  document.documentElement.lang = localeFromSearch(window.location.search);
  const host = await whenOfficeReady();
  if (!host.inExcel) {
    root.render(
      <FluentProvider
        theme={host.dark ? webDarkTheme : webLightTheme}
        style={{ minHeight: '100vh', padding: 16 }}
      >
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.outsideOffice}</MessageBarBody>
        </MessageBar>
      </FluentProvider>,
    );
    return;
  }
  const { createOfficeServices } = await import(/* webpackChunkName: "services" */ './office-services');
  root.render(<App services={createOfficeServices(t)} t={t} dark={host.dark} />);
}

void boot();
