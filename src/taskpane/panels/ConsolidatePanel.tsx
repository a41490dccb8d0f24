/**
 * Panel 4 — Tổng hợp & Xếp hạng: drop or pick many returned workbooks, read them one at a time
 * with a progress bar (the services yield between files so Excel and the pane stay responsive),
 * show each file's status, the ranking per group, and write the `Xếp hạng` sheet and chart into the
 * open workbook; optionally compare with last year's ranking.
 */
import {
  Badge,
  Button,
  Field,
  ProgressBar,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components';
import { useState, type DragEvent } from 'react';
import type { RankedUnit } from '../../scoring/types';
import { useApp } from '../app-context';
import { Busy, FileButton, Note, StatusBar, useAction } from '../components';
import { points } from '../format';
import { pickedFromFile, type ConsolidationView, type FileStatus, type PickedFile } from '../services';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: 'center',
  },
  dropActive: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
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
});

const STATUS_COLOR: Record<FileStatus, BadgeProps['color']> = {
  accepted: 'success',
  rejected: 'danger',
  duplicate: 'warning',
  unreadable: 'severe',
};

export function ConsolidatePanel() {
  const { t, services } = useApp();
  const styles = useStyles();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [previous, setPrevious] = useState<PickedFile | null>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; file: string } | null>(null);
  const [view, setView] = useState<ConsolidationView | null>(null);
  const run = useAction();
  const write = useAction();

  const addFiles = (more: PickedFile[]) => {
    const xlsx = more.filter((f) => /\.xlsx$/i.test(f.name));
    const skipped = more.filter((f) => !xlsx.includes(f)).map((f) => f.name);
    run.setStatus(
      skipped.length ? { intent: 'warning', text: t.consolidate.skipped(skipped.join(', ')) } : null,
    );
    setFiles((old) => [
      ...old,
      ...xlsx.filter((f) => !old.some((o) => o.name === f.name && o.size === f.size)),
    ]);
    setView(null);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    addFiles(Array.from(e.dataTransfer.files).map(pickedFromFile));
  };
  const survey = services.surveyInUse();

  return (
    <div className={styles.stack}>
      <Note>{t.consolidate.intro}</Note>
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
        <FileButton
          label={t.consolidate.pick}
          accept=".xlsx"
          multiple
          onFiles={addFiles}
          disabled={run.busy}
        />
        {files.length > 0 && <Text size={200}>{t.consolidate.selected(files.length)}</Text>}
      </div>
      <Field label={t.consolidate.previousLabel}>
        <div className={styles.row}>
          <FileButton
            label={t.consolidate.previousPick}
            accept=".xlsx,.csv"
            onFiles={([f]) => setPrevious(f)}
            disabled={run.busy}
          />
          {previous && <Text size={200}>{previous.name}</Text>}
        </div>
      </Field>
      {survey && <Note>{t.consolidate.surveyInUse(survey)}</Note>}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={!files.length || run.busy}
          onClick={() =>
            run.run(async () => {
              setView(null);
              write.setStatus(null);
              setProgress({ done: 0, total: files.length, file: '' });
              const result = await services.consolidate(files, {
                previous: previous ?? undefined,
                onProgress: (done, total, file) => setProgress({ done, total, file }),
              });
              setView(result);
              if (!result.files.some((f) => f.status === 'accepted')) {
                return { intent: 'warning', text: t.consolidate.noAccepted };
              }
            })
          }
        >
          {t.consolidate.start(files.length)}
        </Button>
        <Button
          disabled={!files.length || run.busy}
          onClick={() => {
            setFiles([]);
            setView(null);
            setProgress(null);
          }}
        >
          {t.consolidate.clear}
        </Button>
      </div>
      {progress && (run.busy || view) && (
        <Field
          validationMessage={
            progress.file ? t.consolidate.progress(progress.done, progress.total, progress.file) : t.working
          }
          validationState="none"
        >
          <ProgressBar value={progress.total ? progress.done / progress.total : 0} thickness="large" />
        </Field>
      )}
      <StatusBar status={run.status} />
      {view && <Results view={view} />}
      {view && view.units.length > 0 && (
        <>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={write.busy}
              onClick={() =>
                write.run(async () => {
                  await services.writeRanking(view);
                  return { intent: 'success', text: t.consolidate.written };
                })
              }
            >
              {t.consolidate.write}
            </Button>
            {write.busy && <Busy label={t.working} />}
          </div>
          <StatusBar status={write.status} />
        </>
      )}
    </div>
  );
}

function Results({ view }: { view: ConsolidationView }) {
  const { t } = useApp();
  const styles = useStyles();
  const accepted = view.files.filter((f) => f.status === 'accepted').length;
  const groups = [...new Set(view.units.map((u) => u.group))];
  const hasPrevious = view.units.some((u) => u.previous);
  return (
    <>
      <section aria-label={t.consolidate.filesTitle} data-testid="file-results">
        <Text as="h3" weight="semibold" size={300}>
          {t.consolidate.filesTitle} — {t.consolidate.summary(accepted, view.files.length)}
        </Text>
        <ul className={styles.list}>
          {view.files.map((f, i) => (
            <li key={`${f.file}-${i}`} className={styles.item} data-status={f.status}>
              <div className={styles.row}>
                <Badge color={STATUS_COLOR[f.status]} appearance="tint">
                  {t.consolidate.statuses[f.status]}
                </Badge>
                <Text size={200} weight="semibold">
                  {f.file}
                </Text>
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
      </section>
      {groups.map((g) => (
        <RankingTable
          key={g}
          title={view.groupNames[g] ?? g}
          units={view.units.filter((u) => u.group === g)}
          showPrevious={hasPrevious}
        />
      ))}
    </>
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
  return (
    <section aria-label={t.consolidate.rankingTitle} data-testid="ranking">
      <Text as="h3" weight="semibold" size={300}>
        {t.consolidate.rankingTitle} — {title}
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
            <th className={styles.th} scope="col">
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
              <td className={styles.td}>{u.band ?? ''}</td>
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
