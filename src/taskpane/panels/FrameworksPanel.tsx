/**
 * Admin panel — Bộ tiêu chí: import a new framework from a decision's appendix table, showing the
 * importer's per-row problems before anything is saved. Done about once a year by the Sở, so it is
 * reached from the Tạo mẫu panel rather than from the daily tabs.
 */
import { Button, Checkbox, Field, Input, Select, Text, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { useApp } from '../app-context';
import { FileButton, Note, StatusBar, useAction } from '../components';
import { points } from '../format';
import { frameworkProblemText } from '../problem-text';
import type { FrameworkImportResult, FrameworkMetaForm } from '../services';
import { levelName } from '../strings';
import type { PanelProps } from './registry';
import { formStyleRules } from './form-styles';

const useStyles = makeStyles(formStyleRules);

const LEVELS = ['so', 'huyen', 'xa', 'bo', 'tinh'];
const DEFAULT_GROUPS: Record<string, string> = {
  so: 'Sở, ban, ngành',
  huyen: 'UBND cấp huyện',
  xa: 'UBND cấp xã',
  bo: 'Bộ, cơ quan ngang bộ',
  tinh: 'UBND cấp tỉnh',
};
const splitList = (s: string) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

export default function FrameworksPanel(_: PanelProps) {
  const { t, services, navigate, notify } = useApp();
  const styles = useStyles();
  const [result, setResult] = useState<FrameworkImportResult | null>(null);
  const [meta, setMeta] = useState<FrameworkMetaForm>({
    title: '',
    year: new Date().getFullYear(),
    level: 'so',
    decisionNumber: '',
    decisionDate: '',
    status: 'official',
    groups: [DEFAULT_GROUPS.so],
    surveySources: ['SIPAS'],
  });
  const [groupsText, setGroupsText] = useState(DEFAULT_GROUPS.so);
  const [sourcesText, setSourcesText] = useState('SIPAS');
  const action = useAction();
  const ok = !!result?.framework && result.rowProblems.length === 0 && result.checkProblems.length === 0;
  const metaReady =
    meta.title.trim() !== '' &&
    meta.decisionNumber.trim() !== '' &&
    /^\d{4}-\d{2}-\d{2}$/.test(meta.decisionDate) &&
    meta.groups.length > 0;
  const set = (patch: Partial<FrameworkMetaForm>) => {
    setMeta((m) => ({ ...m, ...patch }));
    setResult(null);
  };

  return (
    <div className={styles.stack} data-testid="framework-import">
      <div>
        <Button appearance="subtle" size="small" onClick={() => navigate('template')}>
          {t.template.backToTemplates}
        </Button>
      </div>
      <Text as="h2" weight="semibold" size={300}>
        {t.template.importTitle}
      </Text>
      <Note>{t.template.importIntro}</Note>
      <Field label={t.template.metaTitle} required>
        <Input value={meta.title} onChange={(_, d) => set({ title: d.value })} />
      </Field>
      <div className={styles.pair}>
        <Field label={t.template.metaYear}>
          <Input
            type="number"
            value={String(meta.year)}
            onChange={(_, d) => set({ year: Number(d.value) || meta.year })}
          />
        </Field>
        <Field label={t.template.metaLevel}>
          <Select
            value={meta.level}
            onChange={(_, d) => {
              const previousDefault = DEFAULT_GROUPS[meta.level];
              // Follow the level with the default group name unless the user typed their own.
              if (groupsText === previousDefault) {
                setGroupsText(DEFAULT_GROUPS[d.value] ?? '');
                set({ level: d.value, groups: splitList(DEFAULT_GROUPS[d.value] ?? '') });
              } else set({ level: d.value });
            }}
          >
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {levelName(l, t.locale)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.pair}>
        <Field label={t.template.metaNumber} required>
          <Input
            value={meta.decisionNumber}
            placeholder={t.template.metaNumberPlaceholder}
            onChange={(_, d) => set({ decisionNumber: d.value })}
          />
        </Field>
        <Field label={t.template.metaDate} required>
          <Input type="date" value={meta.decisionDate} onChange={(_, d) => set({ decisionDate: d.value })} />
        </Field>
      </div>
      <Field label={t.template.metaGroups} required>
        <Input
          value={groupsText}
          onChange={(_, d) => {
            setGroupsText(d.value);
            set({ groups: splitList(d.value) });
          }}
        />
      </Field>
      <Field label={t.template.metaSources}>
        <Input
          value={sourcesText}
          onChange={(_, d) => {
            setSourcesText(d.value);
            set({ surveySources: splitList(d.value) });
          }}
        />
      </Field>
      <Checkbox
        checked={meta.status === 'illustrative'}
        label={t.template.metaIllustrative}
        onChange={(_, d) => set({ status: d.checked ? 'illustrative' : 'official' })}
      />
      <div className={styles.actions}>
        <FileButton
          label={t.template.importPick}
          accept=".xlsx,.csv"
          busy={action.busy}
          disabledReason={metaReady ? null : t.template.metaMissing}
          onFiles={([file]) =>
            action.run(async () => {
              setResult(null);
              setResult(await services.importFramework(file, meta));
            })
          }
        />
      </div>
      {result && (
        <div className={styles.facts} data-testid="import-result">
          <Text weight="semibold">{result.framework?.title ?? result.fileName}</Text>
          {result.counts && (
            <Text size={200}>
              {t.template.structure(result.counts.fields, result.counts.criteria, result.counts.subCriteria)}
            </Text>
          )}
          {result.points && (
            <Text size={200}>
              {t.template.points(
                points(result.points.self),
                points(result.points.survey),
                points(result.points.total),
              )}
            </Text>
          )}
          <ImportList
            title={t.template.importRowProblems(result.rowProblems.length)}
            className={styles.problems}
            lines={result.rowProblems.map(
              (p) => (p.row > 0 ? `${t.template.importRow(p.row)}: ` : '') + p.message,
            )}
          />
          <ImportList
            title={t.template.importCheckProblems(result.checkProblems.length)}
            className={styles.problems}
            lines={result.checkProblems.map((p) => {
              const text = frameworkProblemText(p, t.locale);
              return p.code ? `${p.code}: ${text}` : text;
            })}
          />
          <ImportList
            title={t.template.importNotes(result.notes.length)}
            className={styles.notes}
            lines={result.notes.map((p) => (p.row > 0 ? `${t.template.importRow(p.row)}: ` : '') + p.message)}
          />
          {ok ? <Note>{t.template.importOk}</Note> : <Note>{t.template.importFixFirst}</Note>}
          {ok && result.framework && (
            <div className={styles.actions}>
              <Button
                appearance="primary"
                onClick={() =>
                  action.run(async () => {
                    const fw = result.framework!;
                    await services.saveImportedFramework(fw);
                    // Told at the top of the pane, on the panel the user is taken to.
                    notify({ intent: 'success', text: t.template.importSaved(fw.title) });
                    navigate('template', { frameworkId: fw.id });
                  })
                }
              >
                {t.template.importSave}
              </Button>
              <Button onClick={() => downloadJson(result.framework!)}>{t.template.importDownload}</Button>
            </div>
          )}
        </div>
      )}
      <StatusBar status={action.status} />
    </div>
  );
}

/** One titled list of the importer's findings; nothing is shown when there are none. */
function ImportList({ title, className, lines }: { title: string; className: string; lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <>
      <Text weight="semibold">{title}</Text>
      <ul className={className}>
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </>
  );
}

function downloadJson(framework: { id: string }) {
  const blob = new Blob([JSON.stringify(framework, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${framework.id}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
