/**
 * Panel 3 — Điều tra XHH: load the survey organisers' file, preview matched units, unmatched rows
 * and units without data, then write the survey points into the open workbook in one step. The
 * loaded figures also feed the Tổng hợp & Xếp hạng panel.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useApp } from '../app-context';
import { Busy, FileButton, Note, StatusBar, useAction } from '../components';
import type { SurveyPreview } from '../services';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  item: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    display: 'flex',
    flexDirection: 'column',
  },
  muted: { color: tokens.colorNeutralForeground3 },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorPaletteRedForeground1 },
});

/** One titled list of the preview (matched rows, unmatched rows, units without data). */
function PreviewSection({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section aria-label={title} data-testid={testId}>
      <Text as="h3" weight="semibold" size={300}>
        {title}
      </Text>
      <ul className={styles.list}>{children}</ul>
    </section>
  );
}

export function SurveyPanel() {
  const { t, services } = useApp();
  const styles = useStyles();
  const [preview, setPreview] = useState<SurveyPreview | null>(null);
  const load = useAction();
  const write = useAction();

  return (
    <div className={styles.stack}>
      <Note>{t.survey.intro}</Note>
      <div className={styles.row}>
        <FileButton
          label={t.survey.pick}
          accept=".xlsx,.csv"
          appearance="primary"
          disabled={load.busy}
          onFiles={([file]) =>
            load.run(async () => {
              setPreview(null);
              write.setStatus(null);
              setPreview(await services.previewSurvey(file));
            })
          }
        />
        {load.busy && <Busy label={t.working} />}
      </div>
      <StatusBar status={load.status} />
      {preview && (
        <>
          <Text weight="semibold">{preview.fileName}</Text>
          <Note>
            {preview.against.kind === 'consolidation'
              ? t.survey.unitsFrom(preview.against.count)
              : preview.against.kind === 'open'
                ? t.survey.unitsFromOpen(preview.against.unit)
                : t.survey.noUnits}{' '}
            {t.survey.usedForRanking}
          </Note>
          {preview.problems.length > 0 && (
            <ul className={styles.problems}>
              {preview.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
          <PreviewSection title={t.survey.matched(preview.matched.length)} testId="survey-matched">
            {preview.matched.map((m) => (
              <li key={`${m.row}-${m.unit}`} className={styles.item}>
                <Text size={200} weight="semibold">
                  {m.unit}
                </Text>
                <Text size={200} className={styles.muted}>
                  {t.survey.row(m.row)}: {m.name}
                  {m.values.length ? ` — ${m.values.map((v) => `${v.label} ${v.value}`).join('; ')}` : ''}
                </Text>
              </li>
            ))}
          </PreviewSection>
          <PreviewSection title={t.survey.unmatched(preview.unmatched.length)} testId="survey-unmatched">
            {preview.unmatched.map((u) => (
              <li key={u.row} className={styles.item}>
                <Text size={200}>
                  {t.survey.row(u.row)}: {u.name}
                  {u.reason ? ` — ${u.reason}` : ''}
                </Text>
              </li>
            ))}
          </PreviewSection>
          <PreviewSection title={t.survey.withoutData(preview.withoutData.length)} testId="survey-without">
            {preview.withoutData.map((u) => (
              <li key={u} className={styles.item}>
                <Text size={200}>{u}</Text>
              </li>
            ))}
          </PreviewSection>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={!preview.canWrite || write.busy}
              onClick={() =>
                write.run(async () => {
                  const { cells } = await services.writeSurvey();
                  return { intent: 'success', text: t.survey.written(cells) };
                })
              }
            >
              {t.survey.write}
            </Button>
            {write.busy && <Busy label={t.working} />}
          </div>
          {!preview.canWrite && <Note>{t.survey.nothingToWrite}</Note>}
          <StatusBar status={write.status} />
        </>
      )}
    </div>
  );
}
