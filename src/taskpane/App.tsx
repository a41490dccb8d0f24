/**
 * The task pane shell: Fluent UI provider (light or dark Office theme), the four panels behind a
 * TabList. Every panel stays mounted (hidden when not selected) so switching tabs never loses a
 * half-done import or a consolidation result.
 */
import {
  FluentProvider,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { AppContext } from './app-context';
import { CheckPanel } from './panels/CheckPanel';
import { ConsolidatePanel } from './panels/ConsolidatePanel';
import { SurveyPanel } from './panels/SurveyPanel';
import { TemplatePanel } from './panels/TemplatePanel';
import type { TaskpaneServices } from './services';
import type { Strings } from './strings';

export type TabId = 'template' | 'check' | 'survey' | 'consolidate';
const TAB_IDS: TabId[] = ['template', 'check', 'survey', 'consolidate'];

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { display: 'block', paddingBottom: tokens.spacingVerticalXS },
  // Four Vietnamese labels do not fit on one line at 320 px: let the tabs wrap instead of scrolling.
  tabs: { flexWrap: 'wrap', rowGap: 0 },
  main: { padding: tokens.spacingHorizontalM, maxWidth: '720px', minWidth: 0, overflowWrap: 'break-word' },
});

export function App(props: { services: TaskpaneServices; t: Strings; dark: boolean; initialTab?: TabId }) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>(props.initialTab ?? 'template');
  const context = useMemo(() => ({ t: props.t, services: props.services }), [props.t, props.services]);
  const { t } = props;
  return (
    <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme} className={styles.provider}>
      <AppContext.Provider value={context}>
        <header className={styles.header}>
          <Text as="h1" weight="semibold" size={400} className={styles.title}>
            {t.appTitle}
          </Text>
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={tab}
            onTabSelect={(_, d) => setTab(d.value as TabId)}
            aria-label={t.tabListLabel}
          >
            {TAB_IDS.map((id) => (
              <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
                {t.tabs[id]}
              </Tab>
            ))}
          </TabList>
        </header>
        <main className={styles.main}>
          {TAB_IDS.map((id) => (
            <section
              key={id}
              id={`panel-${id}`}
              role="tabpanel"
              aria-labelledby={`tab-${id}`}
              hidden={tab !== id}
            >
              {id === 'template' && <TemplatePanel />}
              {id === 'check' && <CheckPanel active={tab === 'check'} />}
              {id === 'survey' && <SurveyPanel />}
              {id === 'consolidate' && <ConsolidatePanel />}
            </section>
          ))}
        </main>
      </AppContext.Provider>
    </FluentProvider>
  );
}
