/**
 * Entry of the task pane bundle. Waits for Office.js, then renders the app at once over services
 * that load on first use (lazy-services.ts): the Excel adapter, the frameworks and the .xlsx code
 * are not part of the first paint, and neither are the panels (loaded on first visit).
 */
import { createRoot } from 'react-dom/client';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { probeOpenWorkbook } from '../excel/probe';
import { App } from './App';
import { lazyServices } from './lazy-services';
import { whenOfficeReady } from './office-host';
import { localeFromSearch, stringsFor } from './strings';

async function boot() {
  // The ES5 bootstrap of taskpane.html found a webview that cannot run the pane and already shows
  // what still works: leave its page alone.
  if ((window as { cchcUnsupported?: boolean }).cchcUnsupported) return;
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
  const services = lazyServices(() =>
    import(/* webpackChunkName: "services" */ './office-services').then((m) => m.createOfficeServices(t)),
  );
  root.render(<App services={services} t={t} dark={host.dark} probe={probeOpenWorkbook} />);
}

void boot();
