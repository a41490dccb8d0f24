/**
 * Panel 2 — Kiểm tra: the open workbook checked live as the user types. Error / warning counts,
 * problems grouped by lĩnh vực with a link that selects the cell, running totals and the index, a
 * "nộp" (submission) mode, and a clear state when the workbook is not one of our templates.
 */
import {
  Badge,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Switch,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Problem } from '../../scoring/types';
import type { PanelProps } from './registry';
import { useApp } from '../app-context';
import { Busy, IllustrativeBadge, Note, StatusBar, useAction } from '../components';
import { points } from '../format';
import { problemText } from '../problem-text';
import type { CheckState } from '../services';
import { resultStyleRules } from './form-styles';

const useStyles = makeStyles({
  stack: resultStyleRules.stack,
  row: resultStyleRules.row,
  totals: {
    display: 'grid',
    // Three columns fit at 320 px with Vietnamese labels; wider panes get more.
    gridTemplateColumns: 'repeat(auto-fill, minmax(88px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  tileValue: { fontVariantNumeric: 'tabular-nums' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`,
  },
  warningItem: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  summaryToggle: {
    cursor: 'pointer',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  compactList: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    columns: '6em',
    fontSize: tokens.fontSizeBase200,
  },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

export default function CheckPanel({ active }: PanelProps) {
  const { t, services } = useApp();
  const styles = useStyles();
  const [submission, setSubmission] = useState(false);
  const [state, setState] = useState<CheckState | null>(null);
  const action = useAction();
  const paint = useAction();
  const modeRef = useRef(submission);
  modeRef.current = submission;

  const check = useCallback(
    () =>
      action.run(async () => {
        setState(await services.check(modeRef.current ? 'submission' : 'draft'));
      }),
    // action.run is stable for a given locale.
    [services, action.run],
  );

  // Check when the panel is first shown and whenever the mode changes.
  useEffect(() => {
    if (active) void check();
  }, [active, submission, check]);

  // Live: re-check after the user's edits while the panel is shown.
  useEffect(() => {
    if (!active) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    services
      .watch(() => void check())
      .then((s) => {
        if (cancelled) s();
        else stop = s;
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [active, services, check]);

  return (
    <div className={styles.stack}>
      <Note>{t.check.intro}</Note>
      <div className={styles.row}>
        <Switch
          checked={submission}
          label={t.check.submissionMode}
          onChange={(_, d) => setSubmission(d.checked)}
        />
      </div>
      <div className={styles.row}>
        <Button onClick={() => void check()} disabled={action.busy}>
          {t.check.recheck}
        </Button>
        {state?.kind === 'checked' && (
          <>
            <Button
              disabled={paint.busy}
              onClick={() =>
                paint.run(async () => {
                  const cells = [
                    ...new Set(
                      state.problems.filter((p) => p.severity === 'error' && p.cell).map((p) => p.cell!),
                    ),
                  ];
                  return { intent: 'info', text: t.check.highlighted(await services.highlight(cells)) };
                })
              }
            >
              {t.check.highlight}
            </Button>
            <Button
              disabled={paint.busy}
              onClick={() =>
                paint.run(async () => {
                  await services.clearHighlights();
                  return { intent: 'info', text: t.check.cleared };
                })
              }
            >
              {t.check.clearHighlight}
            </Button>
          </>
        )}
        {(action.busy || paint.busy) && <Busy label={t.working} />}
      </div>
      <StatusBar status={action.status} />
      <StatusBar status={paint.status} />
      {state?.kind === 'notTemplate' && (
        <MessageBar intent="warning" layout="multiline" data-testid="not-template">
          <MessageBarBody>
            <MessageBarTitle>
              {state.unknownFramework ? t.check.unknownFrameworkTitle : t.check.notTemplateTitle}
            </MessageBarTitle>
            {state.reason} {state.unknownFramework ? t.check.unknownFrameworkHint : t.check.notTemplateHint}
          </MessageBarBody>
        </MessageBar>
      )}
      {state?.kind === 'checked' && <CheckResult state={state} />}
    </div>
  );
}

/** Problems rolled up into one summary line (46 "chưa chấm điểm" must not bury a real error). */
export const ROLLED_UP_RULES: ReadonlySet<string> = new Set(['score.missing']);

/** "Chấm điểm!E12" → "E12": the sheet the pane checks goes without saying in the visible text. */
function shortCell(cell: string): string {
  const bang = cell.lastIndexOf('!');
  return bang < 0 ? cell : cell.slice(bang + 1);
}

function CheckResult({ state }: { state: Extract<CheckState, { kind: 'checked' }> }) {
  const { t, services } = useApp();
  const styles = useStyles();
  const [errorsOnly, setErrorsOnly] = useState(false);
  const [showUnscored, setShowUnscored] = useState(false);
  const errors = state.problems.filter((p) => p.severity === 'error');
  const warnings = state.problems.filter((p) => p.severity === 'warning');
  const unscored = state.problems.filter((p) => ROLLED_UP_RULES.has(p.rule));
  const listed = state.problems.filter(
    (p) => !ROLLED_UP_RULES.has(p.rule) && (!errorsOnly || p.severity === 'error'),
  );
  const groups = groupByField(listed, state.fields, t.check.sheetLevel);
  // The first error as the list shows it; a missing score (submission mode) only when nothing else.
  const firstError =
    groups.flatMap((g) => g.problems).find((p) => p.severity === 'error' && p.cell) ??
    unscored.find((p) => p.severity === 'error' && p.cell);
  const time = state.checkedAt.toLocaleTimeString('vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const appraised = state.totals.anyAppraised;
  const tiles: [string, string][] = [
    [t.check.self, points(state.totals.self)],
    [t.check.appraised, appraised ? points(state.totals.appraised) : '—'],
    [t.check.survey, points(state.totals.survey)],
    [t.check.total, points(state.totals.total)],
    [t.check.max, points(state.totals.max)],
    [t.check.index, state.totals.index === null ? '—' : `${points(state.totals.index)} %`],
  ];
  const unscoredIsError = unscored.some((p) => p.severity === 'error');
  return (
    <>
      <div className={styles.group}>
        <div className={styles.row}>
          <Text weight="semibold">{t.check.unitLine(state.unit.name, state.groupName)}</Text>
        </div>
        <div className={styles.row}>
          <Text size={200}>{state.framework.title}</Text>
          {state.framework.status === 'illustrative' && <IllustrativeBadge />}
        </div>
      </div>
      <div className={styles.row} data-testid="counts">
        <Badge color="danger" appearance={errors.length ? 'filled' : 'outline'}>
          {t.check.errors(errors.length)}
        </Badge>
        <Badge color="warning" appearance={warnings.length ? 'filled' : 'outline'}>
          {t.check.warnings(warnings.length)}
        </Badge>
        <Text size={200}>{t.check.lastChecked(time)}</Text>
      </div>
      {/* Announced only when the counts change, not with the clock on every edit. */}
      <div role="status" aria-live="polite" className={styles.srOnly} data-testid="counts-live">
        {t.check.countsAnnounce(errors.length, warnings.length)}
      </div>
      {errors.length > 0 && (
        <div className={styles.row}>
          {firstError?.cell && (
            <Button appearance="primary" onClick={() => void services.goToCell(firstError.cell!)}>
              {t.check.firstError}
            </Button>
          )}
          <Switch
            checked={errorsOnly}
            label={t.check.errorsOnly}
            onChange={(_, d) => setErrorsOnly(d.checked)}
          />
        </div>
      )}
      {state.problems.length === 0 && <Note>{t.check.allGood}</Note>}
      {listed.length > 0 && (
        <section aria-labelledby="check-problems-title" className={styles.group} data-testid="problems">
          <Text as="h2" id="check-problems-title" weight="semibold" size={300}>
            {t.check.problemsTitle(listed.length)}
          </Text>
          {groups.map((g) => (
            <details key={g.key} open className={styles.details} data-testid="field-group">
              <summary className={styles.summaryToggle}>
                {g.title} ({g.problems.length})
              </summary>
              <ul className={styles.list}>
                {g.problems.map((p, i) => (
                  <ProblemItem key={`${p.rule}-${p.code}-${p.field ?? ''}-${i}`} problem={p} />
                ))}
              </ul>
            </details>
          ))}
        </section>
      )}
      {unscored.length > 0 && (!errorsOnly || unscoredIsError) && (
        <div
          className={mergeClasses(styles.item, !unscoredIsError && styles.warningItem)}
          data-testid="unscored"
        >
          <div className={styles.row}>
            <Text size={200}>
              <strong>{unscoredIsError ? t.check.error : t.check.warning}:</strong>{' '}
              {t.check.unscored(unscored.length)}
            </Text>
            <Button size="small" aria-expanded={showUnscored} onClick={() => setShowUnscored((v) => !v)}>
              {showUnscored ? t.check.hideList : t.check.showList}
            </Button>
          </div>
          {showUnscored && (
            <ul className={styles.compactList}>
              {unscored.map((p, i) => (
                <li key={`${p.code}-${i}`}>
                  {p.cell ? (
                    <Link
                      as="button"
                      aria-label={t.check.goToNamed(p.cell, p.code)}
                      onClick={() => void services.goToCell(p.cell!)}
                    >
                      {t.check.criterion(p.code)}
                    </Link>
                  ) : (
                    t.check.criterion(p.code)
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <section aria-labelledby="check-totals-title" className={styles.group}>
        <Text as="h2" id="check-totals-title" weight="semibold" size={300}>
          {t.check.totalsTitle}
        </Text>
        <div className={styles.totals} data-testid="totals">
          {tiles.map(([label, value]) => (
            <div key={label} className={styles.tile}>
              <Text size={200}>{label}</Text>
              <Text weight="semibold" size={400} className={styles.tileValue}>
                {value}
              </Text>
            </div>
          ))}
        </div>
        {!appraised && <Note>{t.check.noAppraisalYet}</Note>}
        {appraised && state.totals.notYetAppraised > 0 && (
          <Note>{t.check.notYetAppraised(state.totals.notYetAppraised)}</Note>
        )}
      </section>
    </>
  );
}

function ProblemItem({ problem: p }: { problem: Problem }) {
  const { t, services } = useApp();
  const styles = useStyles();
  return (
    <li
      className={mergeClasses(styles.item, p.severity === 'warning' && styles.warningItem)}
      data-rule={p.rule}
      data-severity={p.severity}
    >
      <Text size={200}>
        {/* The engine's messages already name the tiêu chí ("Tiêu chí 1.1.2, …"); English from the key. */}
        <strong>{p.severity === 'error' ? t.check.error : t.check.warning}:</strong>{' '}
        {problemText(p, t.locale)}
      </Text>
      {p.cell && (
        <Link
          as="button"
          aria-label={p.code ? t.check.goToNamed(p.cell, p.code) : undefined}
          onClick={() => void services.goToCell(p.cell!)}
        >
          {t.check.goTo(shortCell(p.cell))}
        </Link>
      )}
    </li>
  );
}

/** Problems grouped by the lĩnh vực (first code segment), in tree order; sheet-level ones first. */
export function groupByField(
  problems: readonly Problem[],
  fields: readonly { code: string; name: string }[],
  sheetLevelTitle: string,
): { key: string; title: string; problems: Problem[] }[] {
  const byField = new Map<string, Problem[]>();
  for (const p of problems) {
    const key = p.code ? p.code.split('.')[0] : '';
    const list = byField.get(key) ?? [];
    list.push(p);
    byField.set(key, list);
  }
  const order = ['', ...fields.map((f) => f.code)];
  const keys = [...byField.keys()].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib) || a.localeCompare(b);
  });
  // Errors before warnings inside a field, so the ones blocking submission are seen first.
  return keys.map((key) => {
    const field = fields.find((f) => f.code === key);
    const list = byField.get(key)!;
    return {
      key,
      title: key === '' ? sheetLevelTitle : field ? `${field.code}. ${field.name}` : key,
      problems: [
        ...list.filter((p) => p.severity === 'error'),
        ...list.filter((p) => p.severity === 'warning'),
      ],
    };
  });
}
