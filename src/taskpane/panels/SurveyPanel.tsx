/**
 * Panel 3 — Điều tra XHH: load the survey organisers' file, preview matched units, unmatched rows
 * and units without data, then write the survey points into the open workbook in one step. The
 * loaded figures also feed the Tổng hợp & Xếp hạng panel.
 */
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { PanelProps } from './registry';
import { useApp, useSurveyInUse } from '../app-context';
import { ActionButton, FileButton, Note, StatusBar, useAction } from '../components';
import type { SurveyPreview } from '../services';
import { resultStyleRules } from './form-styles';

const useStyles = makeStyles({
  ...resultStyleRules,
  item: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    display: 'flex',
    flexDirection: 'column',
  },
  muted: { color: tokens.colorNeutralForeground3 },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  summaryToggle: {
    cursor: 'pointer',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXXS} 0`,
  },
});

/** One titled list of the preview (matched rows, unmatched rows, units without data). */
function PreviewSection({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section aria-label={title} data-testid={testId}>
      <Text as="h2" weight="semibold" size={300}>
        {title}
      </Text>
      <ul className={styles.list}>{children}</ul>
    </section>
  );
}

export default function SurveyPanel(_: PanelProps) {
  const { t, services } = useApp();
  const styles = useStyles();
  const inUse = useSurveyInUse();
  const [preview, setPreview] = useState<SurveyPreview | null>(null);
  const load = useAction();
  const write = useAction();
  // In a unit's own workbook the other units' rows are expected, not failures to match.
  const forOneUnit = preview?.against.kind === 'open';

  return (
    <div className={styles.stack}>
      <Note>{t.survey.intro}</Note>
      <div className={styles.row}>
        <FileButton
          label={t.survey.pick}
          accept=".xlsx,.csv"
          appearance="primary"
          busy={load.busy}
          onFiles={([file]) =>
            load.run(async () => {
              setPreview(null);
              write.setStatus(null);
              setPreview(await services.previewSurvey(file));
            })
          }
        />
      </div>
      <StatusBar status={load.status} />
      {inUse && <Note>{t.survey.inUse(inUse.fileName)}</Note>}
      {preview && (
        <>
          <Text weight="semibold">{preview.fileName}</Text>
          <Note>
            {preview.against.kind === 'consolidation'
              ? `${t.survey.unitsFrom(preview.against.count)} ${t.survey.usedForRanking}`
              : preview.against.kind === 'open'
                ? `${t.survey.unitsFromOpen(preview.against.unit)} ${t.survey.usedForRanking}`
                : t.survey.noUnits}
          </Note>
          {preview.roundingRule && <Note>{preview.roundingRule}</Note>}
          {preview.problems.length > 0 && (
            <MessageBar intent="error" layout="multiline" data-testid="survey-problems">
              <MessageBarBody>
                <MessageBarTitle>{t.survey.problemsTitle(preview.problems.length)}</MessageBarTitle>
                <ul className={styles.problems}>
                  {preview.problems.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {preview.against.kind !== 'none' && (
            <>
              <ActionButton
                appearance="primary"
                busy={write.busy}
                disabledReason={preview.canWrite ? null : t.survey.nothingToWrite}
                onClick={() =>
                  write.run(async () => {
                    const { cells } = await services.writeSurvey();
                    return { intent: 'success', text: t.survey.written(cells) };
                  })
                }
              >
                {t.survey.write}
              </ActionButton>
              <StatusBar status={write.status} />
            </>
          )}
          {preview.matched.length > 0 && (
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
          )}
          {preview.unmatched.length > 0 && forOneUnit && (
            <details className={styles.details} data-testid="survey-unmatched">
              <summary className={styles.summaryToggle}>
                {t.survey.otherUnits(preview.unmatched.length)}
              </summary>
              <ul className={styles.list}>
                {preview.unmatched.map((u) => (
                  <li key={u.row} className={styles.item}>
                    <Text size={200}>
                      {t.survey.row(u.row)}: {u.name}
                    </Text>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {preview.unmatched.length > 0 && !forOneUnit && (
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
          )}
          {preview.withoutData.length > 0 && (
            <PreviewSection title={t.survey.withoutData(preview.withoutData.length)} testId="survey-without">
              {preview.withoutData.map((u) => (
                <li key={u} className={styles.item}>
                  <Text size={200}>{u}</Text>
                </li>
              ))}
            </PreviewSection>
          )}
        </>
      )}
    </div>
  );
}
