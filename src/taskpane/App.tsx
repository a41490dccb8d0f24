/**
 * The task pane shell: Fluent UI provider (light or dark Office theme), the first-run role screen,
 * the tabs of the user's role and the panels behind them. A panel's code is loaded the first time
 * it is shown (panels/registry.ts) and it then stays mounted (hidden when not selected), so
 * switching tabs never loses a half-done import or a consolidation result.
 */
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { AppContext, type AppContextValue, type NavigationHint } from './app-context';
import type { Status } from './components';
import { PANELS, tabsFor, type PanelId, type PanelProps, type Role } from './panels/registry';
import { readRole, saveRole } from './role';
import type { TaskpaneServices } from './services';
import type { Strings } from './strings';

/** Kept for callers that name panels as tabs. */
export type TabId = PanelId;

/** What is open in Excel, as far as choosing the first panel goes. */
export type WorkbookProbe = () => Promise<'template' | 'campaign' | 'other'>;

const LAZY: Record<PanelId, ComponentType<PanelProps>> = Object.fromEntries(
  PANELS.map((p) => [p.id, lazy(p.load)]),
) as unknown as Record<PanelId, ComponentType<PanelProps>>;

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  titleRow: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
  },
  title: { display: 'block', margin: 0 },
  // Four short labels fit in one row at 320 px; narrower panes scroll the tab strip, not the page.
  tabs: { overflowX: 'auto', flexWrap: 'nowrap', scrollbarWidth: 'thin' },
  tab: { paddingLeft: '2px', paddingRight: '2px', minWidth: 0 },
  main: { padding: tokens.spacingHorizontalM, maxWidth: '720px', minWidth: 0, overflowWrap: 'break-word' },
  notice: { position: 'sticky', top: 0, zIndex: 1, marginBottom: tokens.spacingVerticalS },
  roles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  roleButton: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    textAlign: 'left',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalM,
    height: 'auto',
    width: '100%',
    maxWidth: 'none',
  },
  roleNote: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
});

export function App(props: {
  services: TaskpaneServices;
  t: Strings;
  dark: boolean;
  initialTab?: PanelId;
  /** Default: the role remembered on this machine; tests and the first run pass their own. */
  role?: Role | null;
  probe?: WorkbookProbe;
}) {
  const styles = useStyles();
  const { t } = props;
  // A test or caller that names a tab skips the first-run screen (all of the Sở's tabs).
  const [role, setRole] = useState<Role | null>(
    () => props.role ?? readRole() ?? (props.initialTab ? 'admin' : null),
  );
  const [tab, setTab] = useState<PanelId>(props.initialTab ?? (role === 'unit' ? 'check' : 'template'));
  const [visited, setVisited] = useState<ReadonlySet<PanelId>>(() => new Set([tab]));
  const [hint, setHint] = useState<AppContextValue['hint']>(null);
  const [notice, setNotice] = useState<Status>(null);
  // Without a remembered role, wait for the probe: a unit's template opens on Kiểm tra directly.
  const [probing, setProbing] = useState(!role && !!props.probe);
  const moved = useRef(!!props.initialTab);

  const show = (id: PanelId) => {
    setTab(id);
    setVisited((v) => (v.has(id) ? v : new Set([...v, id])));
  };

  useEffect(() => {
    if (!props.probe) return;
    let cancelled = false;
    void props.probe().then((kind) => {
      if (cancelled) return;
      if (kind === 'template' && !moved.current) {
        show('check');
        setRole((r) => r ?? 'unit');
      }
      // The Sở's campaign workbook opens on its status.
      if (kind === 'campaign' && !moved.current) {
        show('campaign');
        setRole((r) => r ?? 'admin');
      }
      setProbing(false);
    });
    return () => {
      cancelled = true;
    };
    // Once, for the workbook the pane was opened in.
  }, []);

  const context = useMemo<AppContextValue>(
    () => ({
      t,
      services: props.services,
      hint,
      notify: setNotice,
      navigate: (panel: PanelId, h?: NavigationHint) => {
        moved.current = true;
        setHint(h ? { panel, hint: h } : null);
        show(panel);
      },
    }),
    [t, props.services, hint],
  );

  const choose = (r: Role) => {
    saveRole(r);
    setRole(r);
    moved.current = true;
    show(r === 'unit' ? 'check' : 'template');
  };

  const tabs = role ? tabsFor(role) : [];
  return (
    <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme} className={styles.provider}>
      <AppContext.Provider value={context}>
        <header className={styles.header}>
          <div className={styles.titleRow}>
            <Text as="h1" weight="semibold" size={400} className={styles.title}>
              {t.appTitle}
            </Text>
            {role && (
              <Button
                appearance="subtle"
                size="small"
                onClick={() => setRole(null)}
                aria-label={t.roles.change(t.roles.names[role])}
              >
                {t.roles.names[role]} · {t.roles.changeShort}
              </Button>
            )}
          </div>
          {role && tabs.length > 1 && (
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={tab}
              onTabSelect={(_, d) => {
                moved.current = true;
                show(d.value as PanelId);
              }}
              aria-label={t.tabListLabel}
            >
              {tabs.map((p) => (
                <Tab
                  key={p.id}
                  value={p.id}
                  id={`tab-${p.id}`}
                  aria-controls={`panel-${p.id}`}
                  className={styles.tab}
                >
                  {t.tabs[p.id]}
                </Tab>
              ))}
            </TabList>
          )}
        </header>
        <main className={styles.main}>
          {notice && (
            <MessageBar intent={notice.intent} className={styles.notice} data-testid="notice">
              <MessageBarBody>{notice.text}</MessageBarBody>
              <MessageBarActions
                containerAction={
                  <Button appearance="transparent" size="small" onClick={() => setNotice(null)}>
                    {t.close}
                  </Button>
                }
              />
            </MessageBar>
          )}
          {probing && <Spinner size="small" label={t.loading} />}
          {!probing && !role && <RoleScreen t={t} onChoose={choose} />}
          {PANELS.filter((p) => visited.has(p.id)).map((p) => {
            const Panel = LAZY[p.id];
            const isTab = tabs.length > 1 && tabs.some((x) => x.id === p.id);
            return (
              <section
                key={p.id}
                id={`panel-${p.id}`}
                role={isTab ? 'tabpanel' : 'region'}
                aria-labelledby={isTab ? `tab-${p.id}` : undefined}
                aria-label={isTab ? undefined : t.tabs[p.id]}
                hidden={probing || !role || tab !== p.id}
              >
                <Suspense fallback={<Spinner size="small" label={t.loading} />}>
                  <Panel active={!probing && !!role && tab === p.id} />
                </Suspense>
              </section>
            );
          })}
        </main>
      </AppContext.Provider>
    </FluentProvider>
  );
}

/** The first screen: who does what, in two choices. */
function RoleScreen({ t, onChoose }: { t: Strings; onChoose(role: Role): void }) {
  const styles = useStyles();
  return (
    <section className={styles.roles} aria-labelledby="roles-title" data-testid="roles">
      <Text as="h2" id="roles-title" weight="semibold" size={400}>
        {t.roles.title}
      </Text>
      {(['unit', 'admin'] as const).map((r) => (
        <Button key={r} className={styles.roleButton} onClick={() => onChoose(r)} data-testid={`role-${r}`}>
          <Text weight="semibold">{t.roles.names[r]}</Text>
          <Text size={200}>{t.roles.does[r]}</Text>
        </Button>
      ))}
      <p className={styles.roleNote}>{t.roles.remembered}</p>
    </section>
  );
}
