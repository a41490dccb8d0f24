/**
 * Panel 4 — Tổng hợp & Xếp hạng: drop or pick many returned workbooks (each listed with its own
 * remove button), read them one at a time with a progress bar (the services yield between files so
 * Excel and the pane stay responsive), then the summary and the write button first, the problem
 * files next, the ranking per group, and the accepted files folded. A result is tied to the files
 * and the survey it was computed with: when either changes it is shown as out of date and cannot
 * be written until it is recomputed.
 */
import {
  Badge,
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import { useState, type DragEvent, type ReactNode } from 'react';
import type { RankedUnit } from '../../scoring/types';
import type { PanelProps } from './registry';
import { useApp, useSurveyInUse } from '../app-context';
import { ActionButton, FileButton, Note, StatusBar, useAction } from '../components';
import { points } from '../format';
import {
  pickedFromFile,
  sameSurvey,
  type ConsolidationView,
  type FileResultView,
  type FileStatus,
  type PickedFile,
} from '../services';
import { dropZoneRule, resultStyleRules } from './form-styles';

const useStyles = makeStyles({
  stack: resultStyleRules.stack,
  row: resultStyleRules.row,
  drop: { ...dropZoneRule, backgroundColor: tokens.colorNeutralBackground1 },
  dropActive: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  list: resultStyleRules.list,
  item: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    overflowWrap: 'anywhere',
  },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: 'tabular-nums',
  },
  th: {
    textAlign: 'left',
    padding: tokens.spacingHorizontalXXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  td: {
    padding: tokens.spacingHorizontalXXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: 'top',
  },
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
  // "62,00" and "Yếu" must not touch: the band column keeps a gap from the right-aligned index.
  band: { paddingLeft: tokens.spacingHorizontalM },
  picked: resultStyleRules.scrollingList,
  pickedItem: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowWrap: 'anywhere',
  },
  fileLine: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  stale: { opacity: 0.55 },
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  summaryToggle: {
    cursor: 'pointer',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXXS} 0`,
  },
});

const STATUS_COLOR: Record<FileStatus, BadgeProps['color']> = {
  accepted: 'success',
  rejected: 'danger',
  duplicate: 'warning',
  unreadable: 'severe',
};

/** Problem files first (the ones the user must act on), accepted last; stable inside a status. */
const STATUS_ORDER: FileStatus[] = ['unreadable', 'rejected', 'duplicate', 'accepted'];

export function problemFilesFirst(files: readonly FileResultView[]): FileResultView[] {
  return STATUS_ORDER.flatMap((status) => files.filter((f) => f.status === status));
}

/** A result with the inputs it was computed from, to tell when it no longer matches them. */
interface Computed {
  view: ConsolidationView;
  files: PickedFile[];
}

export default function ConsolidatePanel(_: PanelProps) {
  const { t, services, navigate } = useApp();
  const styles = useStyles();
  const survey = useSurveyInUse();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [skipped, setSkipped] = useState<string[]>([]);
  const [previous, setPrevious] = useState<PickedFile | null>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; file: string } | null>(null);
  const [computed, setComputed] = useState<Computed | null>(null);
  const [allowMissingSurvey, setAllowMissingSurvey] = useState(false);
  const run = useAction();
  const write = useAction();

  const addFiles = (more: PickedFile[]) => {
    const xlsx = more.filter((f) => /\.xlsx$/i.test(f.name));
    // Kept until the next pick, not replaced by the run's messages: the user must see what was left out.
    setSkipped(more.filter((f) => !xlsx.includes(f)).map((f) => f.name));
    setFiles((old) => [
      ...old,
      ...xlsx.filter((f) => !old.some((o) => o.name === f.name && o.size === f.size)),
    ]);
  };
  const removeFile = (name: string) => setFiles((old) => old.filter((f) => f.name !== name));
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    addFiles(Array.from(e.dataTransfer.files).map(pickedFromFile));
  };

  const start = () =>
    run.run(async () => {
      write.setStatus(null);
      const input = files;
      setProgress({ done: 0, total: input.length, file: '' });
      const view = await services.consolidate(input, {
        previous: previous ?? undefined,
        allowMissingSurvey,
        onProgress: (done, total, file) => setProgress({ done, total, file }),
      });
      setComputed({ view, files: input });
      if (!view.files.some((f) => f.status === 'accepted')) {
        return { intent: 'warning', text: t.consolidate.noAccepted };
      }
    });

  const view = computed?.view ?? null;
  const filesChanged = !!computed && computed.files !== files;
  const surveyChanged = !!view && !sameSurvey(view.survey, survey);
  const allowChanged = !!view && view.allowMissingSurvey !== allowMissingSurvey;
  const stale = filesChanged || surveyChanged || allowChanged;
  const noFilesReason = files.length === 0 ? t.consolidate.needFiles : null;

  return (
    <div className={styles.stack}>
      <Note>{t.consolidate.intro}</Note>
      <div>
        <Button size="small" onClick={() => navigate('campaign')} data-testid="open-campaign">
          {t.campaign.openFromConsolidate}
        </Button>
      </div>
      <div
        className={mergeClasses(styles.drop, dragging && styles.dropActive)}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Text>{t.consolidate.drop}</Text>
        <FileButton label={t.consolidate.pick} accept=".xlsx" multiple onFiles={addFiles} busy={run.busy} />
      </div>
      {skipped.length > 0 && (
        <StatusBar status={{ intent: 'warning', text: t.consolidate.skipped(skipped.join(', ')) }} />
      )}
      {files.length > 0 && (
        <PickedList files={files} onRemove={removeFile} onClear={() => setFiles([])} busy={run.busy} />
      )}
      <Field label={t.consolidate.previousLabel}>
        <div className={styles.row}>
          <FileButton
            label={t.consolidate.previousPick}
            accept=".xlsx,.csv"
            onFiles={([f]) => setPrevious(f)}
            busy={run.busy}
          />
          {previous && <Text size={200}>{previous.name}</Text>}
        </div>
      </Field>
      <Note>{survey ? t.consolidate.surveyInUse(survey.fileName) : t.consolidate.noSurvey}</Note>
      <Field hint={t.consolidate.allowMissingSurveyHint}>
        <Checkbox
          checked={allowMissingSurvey}
          label={t.consolidate.allowMissingSurvey}
          onChange={(_, d) => setAllowMissingSurvey(d.checked === true)}
          data-testid="allow-missing-survey"
        />
      </Field>
      <ActionButton
        appearance="primary"
        busy={run.busy}
        disabledReason={noFilesReason}
        onClick={start}
        testId="consolidate-start"
      >
        {files.length ? t.consolidate.start(files.length) : t.consolidate.startNone}
      </ActionButton>
      {progress && (run.busy || view) && (
        <Field
          label={t.consolidate.progressLabel}
          validationMessage={
            progress.file ? t.consolidate.progress(progress.done, progress.total, progress.file) : t.working
          }
          validationState="none"
        >
          <ProgressBar value={progress.total ? progress.done / progress.total : 0} thickness="large" />
        </Field>
      )}
      <StatusBar status={run.status} />
      {view && !run.busy && (
        <Results
          view={view}
          stale={
            stale
              ? surveyChanged
                ? t.consolidate.staleSurvey
                : allowChanged
                  ? t.consolidate.staleAllow
                  : t.consolidate.staleFiles
              : null
          }
          onRecompute={files.length ? start : null}
          onRemove={removeFile}
          write={
            <>
              <ActionButton
                appearance="primary"
                busy={write.busy}
                disabledReason={
                  stale ? t.consolidate.writeStale : !view.units.length ? t.consolidate.noAccepted : null
                }
                onClick={() =>
                  write.run(async () => {
                    await services.writeRanking(view);
                    return { intent: 'success', text: t.consolidate.written };
                  })
                }
                testId="write-ranking"
              >
                {t.consolidate.write}
              </ActionButton>
              <StatusBar status={write.status} />
            </>
          }
        />
      )}
    </div>
  );
}

/** The chosen files, each with its own remove button (a duplicate is fixed by removing one file). */
function PickedList(props: {
  files: PickedFile[];
  busy: boolean;
  onRemove(name: string): void;
  onClear(): void;
}) {
  const { t } = useApp();
  const styles = useStyles();
  return (
    <section aria-label={t.consolidate.selected(props.files.length)} data-testid="picked-files">
      <div className={styles.fileLine}>
        <Text as="h2" size={300} weight="semibold">
          {t.consolidate.selected(props.files.length)}
        </Text>
        <Button size="small" appearance="subtle" disabled={props.busy} onClick={props.onClear}>
          {t.consolidate.clear}
        </Button>
      </div>
      <ul className={styles.picked}>
        {props.files.map((f) => (
          <li key={f.name} className={styles.pickedItem}>
            <Text size={200}>{f.name}</Text>
            <RemoveButton name={f.name} disabled={props.busy} onRemove={props.onRemove} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function RemoveButton({
  name,
  disabled,
  onRemove,
}: {
  name: string;
  disabled?: boolean;
  onRemove(n: string): void;
}) {
  const { t } = useApp();
  return (
    <Button
      size="small"
      appearance="subtle"
      aria-label={t.consolidate.removeFile(name)}
      title={t.consolidate.removeFile(name)}
      disabled={disabled}
      onClick={() => onRemove(name)}
    >
      {t.consolidate.remove}
    </Button>
  );
}

function Results({
  view,
  stale,
  onRecompute,
  onRemove,
  write,
}: {
  view: ConsolidationView;
  /** Why the result is out of date, or null. */
  stale: string | null;
  onRecompute: (() => void) | null;
  onRemove(name: string): void;
  write: ReactNode;
}) {
  const { t } = useApp();
  const styles = useStyles();
  const sorted = problemFilesFirst(view.files);
  const problems = sorted.filter((f) => f.status !== 'accepted');
  const accepted = sorted.filter((f) => f.status === 'accepted');
  const groups = [...new Set(view.units.map((u) => u.group))];
  const hasPrevious = view.units.some((u) => u.previous);
  return (
    <div className={styles.stack} data-testid="results">
      {stale && (
        <MessageBar intent="warning" layout="multiline" data-testid="stale">
          <MessageBarBody>{stale}</MessageBarBody>
          {onRecompute && (
            <MessageBarActions>
              <Button size="small" appearance="primary" onClick={onRecompute}>
                {t.consolidate.recompute}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {view.allowMissingSurvey && view.zeroSurvey > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="zero-survey">
          <MessageBarBody>{t.consolidate.zeroSurveyUsed(view.zeroSurvey)}</MessageBarBody>
        </MessageBar>
      )}
      <section className={styles.summary} aria-label={t.consolidate.summaryTitle} data-testid="summary">
        <Text as="h2" weight="semibold" size={300}>
          {t.consolidate.summary(accepted.length, view.files.length)}
        </Text>
        {problems.length > 0 && <Text size={200}>{t.consolidate.problemCount(problems.length)}</Text>}
        {view.units.length > 0 && (
          <Text size={200}>{t.consolidate.rankedCount(view.units.length, groups.length)}</Text>
        )}
        {write}
      </section>
      <div className={stale ? styles.stale : undefined}>
        {problems.length > 0 && (
          <section aria-label={t.consolidate.problemsTitle} data-testid="file-problems">
            <Text as="h2" weight="semibold" size={300}>
              {t.consolidate.problemsTitle} ({problems.length})
            </Text>
            <FileList files={problems} onRemove={onRemove} />
          </section>
        )}
        {groups.map((g) => (
          <RankingTable
            key={g}
            title={view.groupNames[g] ?? g}
            units={view.units.filter((u) => u.group === g)}
            showPrevious={hasPrevious}
          />
        ))}
        {accepted.length > 0 && (
          <details className={styles.details} data-testid="file-accepted">
            <summary className={styles.summaryToggle}>{t.consolidate.acceptedTitle(accepted.length)}</summary>
            <FileList files={accepted} onRemove={onRemove} />
          </details>
        )}
      </div>
    </div>
  );
}

function FileList({ files, onRemove }: { files: FileResultView[]; onRemove(name: string): void }) {
  const { t } = useApp();
  const styles = useStyles();
  return (
    <ul className={styles.list} data-testid="file-results">
      {files.map((f, i) => (
        <li key={`${f.file}-${i}`} className={styles.item} data-status={f.status}>
          <div className={styles.fileLine}>
            <div className={styles.row}>
              <Badge color={STATUS_COLOR[f.status]} appearance="tint">
                {t.consolidate.statuses[f.status]}
              </Badge>
              <Text size={200} weight="semibold">
                {f.file}
              </Text>
            </div>
            <RemoveButton name={f.file} onRemove={onRemove} />
          </div>
          {f.unit && <Text size={200}>{f.unit}</Text>}
          {f.errors.length > 0 && (
            <ul className={styles.reasons}>
              {f.errors.map((e, j) => (
                <li key={j}>{e}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

function RankingTable({
  title,
  units,
  showPrevious,
}: {
  title: string;
  units: RankedUnit[];
  showPrevious: boolean;
}) {
  const { t } = useApp();
  const styles = useStyles();
  // A warning every unit shares (e.g. no survey file yet) is said once, above the table.
  const shared = (units[0]?.warnings ?? []).filter((w) => units.every((u) => u.warnings.includes(w)));
  const name = `${t.consolidate.rankingTitle} — ${title}`;
  return (
    <section aria-label={name} data-testid="ranking">
      <Text as="h2" weight="semibold" size={300}>
        {name}
      </Text>
      {shared.length > 0 && <Note>{shared.join(' ')}</Note>}
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.th} scope="col">
              {t.consolidate.rank}
            </th>
            <th className={styles.th} scope="col">
              {t.consolidate.unit}
            </th>
            <th className={mergeClasses(styles.th, styles.num)} scope="col">
              {t.consolidate.index}
            </th>
            <th className={mergeClasses(styles.th, styles.band)} scope="col">
              {t.consolidate.band}
            </th>
            {showPrevious && (
              <th className={mergeClasses(styles.th, styles.num)} scope="col">
                {t.consolidate.change}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={`${u.code ?? ''}-${u.unit}`}>
              <td className={styles.td}>{u.rank ?? '—'}</td>
              <td className={styles.td}>
                {u.unit}
                {!u.ranked && ` (${t.consolidate.notRanked})`}
                {u.warnings.some((w) => !shared.includes(w)) && (
                  <Note>{u.warnings.filter((w) => !shared.includes(w)).join(' ')}</Note>
                )}
              </td>
              <td className={mergeClasses(styles.td, styles.num)}>{points(u.index)}</td>
              <td className={mergeClasses(styles.td, styles.band)}>{u.band ?? ''}</td>
              {showPrevious && <td className={mergeClasses(styles.td, styles.num)}>{change(u)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** "↑2 (+1,25)" — rank change and index change against last year. */
function change(u: RankedUnit): string {
  if (!u.previous) return '';
  const r = u.previous.rankChange;
  const rank = r === null || r === 0 ? '=' : r > 0 ? `↑${r}` : `↓${-r}`;
  const d = u.previous.indexChange;
  return `${rank} (${d >= 0 ? '+' : '−'}${points(Math.abs(d))})`;
}
