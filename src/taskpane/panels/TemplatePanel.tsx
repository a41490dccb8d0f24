/**
 * Panel 1 — Tạo mẫu: choose a framework (year, level, "minh họa" badge), a group and one unit or a
 * pasted list, and make the scoring workbook(s); import a new framework from an appendix table,
 * showing the importer's per-row problems before anything is saved.
 */
import {
  Button,
  Checkbox,
  Divider,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useApp } from '../app-context';
import { Busy, FileButton, IllustrativeBadge, Note, StatusBar, useAction } from '../components';
import { points } from '../format';
import type { FrameworkChoice, FrameworkImportResult, FrameworkMetaForm } from '../services';
import { levelName } from '../strings';
import { parseUnitList } from '../unit-list';

const useStyles = makeStyles({
  // minWidth 0: flex and grid children otherwise grow to their content (a long <option>).
  stack: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    '& > *': { minWidth: 0 },
  },
  facts: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap' },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorPaletteRedForeground1 },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  // Two short fields side by side when there is room, stacked at 320 px.
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  // Long Vietnamese framework titles must wrap inside a 320 px pane instead of widening it.
  select: {
    width: '100%',
    minWidth: 0,
    '& select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
  },
});

export function TemplatePanel() {
  const { t, services } = useApp();
  const styles = useStyles();
  const [frameworks, setFrameworks] = useState<FrameworkChoice[] | null>(null);
  const [frameworkId, setFrameworkId] = useState('');
  const [groupId, setGroupId] = useState('');
  const [mode, setMode] = useState<'one' | 'many'>('one');
  const [unitName, setUnitName] = useState('');
  const [unitCode, setUnitCode] = useState('');
  const [unitList, setUnitList] = useState('');
  const make = useAction();
  const load = useAction();

  const reload = (selectId?: string) =>
    load.run(async () => {
      const list = await services.listFrameworks();
      setFrameworks(list);
      const chosen = list.find((f) => f.id === selectId) ?? list.find((f) => f.id === frameworkId) ?? list[0];
      if (chosen) {
        setFrameworkId(chosen.id);
        setGroupId((g) => (chosen.groups.some((x) => x.id === g) ? g : (chosen.groups[0]?.id ?? '')));
      }
    });
  useEffect(() => {
    void reload();
    // Load once on mount; later reloads come from a saved import.
  }, []);

  const framework = frameworks?.find((f) => f.id === frameworkId) ?? null;
  const parsedList = useMemo(
    () =>
      framework
        ? parseUnitList(unitList, framework.groups, groupId, {
            unknownGroup: t.template.unitListUnknownGroup,
            missingName: t.template.unitListMissingName,
            duplicate: t.template.unitListDuplicate,
          })
        : { units: [], problems: [] },
    [unitList, framework, groupId, t],
  );
  const broken = !!framework && framework.problems.length > 0;
  const units =
    mode === 'one'
      ? unitName.trim()
        ? [{ code: unitCode.trim(), name: unitName.trim().normalize('NFC'), group: groupId }]
        : []
      : parsedList.units;
  const canMake =
    !!framework && !broken && units.length > 0 && (mode === 'one' || parsedList.problems.length === 0);

  const onMake = () =>
    make.run(async () => {
      if (!framework) return;
      if (!units.length) return { intent: 'warning', text: t.template.needUnit };
      const result = await services.makeTemplates(framework.id, units);
      return result.kind === 'excel'
        ? { intent: 'success', text: t.template.madeOne(result.unit) }
        : { intent: 'success', text: t.template.madeMany(result.count, result.fileName) };
    });

  return (
    <div className={styles.stack}>
      <Note>{t.template.intro}</Note>
      {load.busy && !frameworks && <Busy label={t.loading} />}
      <StatusBar status={load.status} />
      {frameworks && frameworks.length === 0 && <Note>{t.template.noFrameworks}</Note>}
      {frameworks && frameworks.length > 0 && (
        <>
          <Field label={t.template.frameworkLabel}>
            <Select
              className={styles.select}
              value={frameworkId}
              onChange={(_, d) => {
                setFrameworkId(d.value);
                const f = frameworks.find((x) => x.id === d.value);
                if (f && !f.groups.some((g) => g.id === groupId)) setGroupId(f.groups[0]?.id ?? '');
              }}
            >
              {frameworks.map((f) => (
                <option key={f.id} value={f.id}>
                  {t.template.frameworkOption(f.title, f.year, levelName(f.level, t.locale))}
                  {f.status === 'illustrative' ? ` — ${t.illustrativeBadge}` : ''}
                </option>
              ))}
            </Select>
          </Field>
          {framework && <FrameworkFacts framework={framework} />}
          <Field label={t.template.groupLabel}>
            <Select value={groupId} onChange={(_, d) => setGroupId(d.value)}>
              {framework?.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.template.unitModeLabel}>
            <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as 'one' | 'many')}>
              <Radio value="one" label={t.template.unitModeOne} />
              <Radio value="many" label={t.template.unitModeMany} />
            </RadioGroup>
          </Field>
          {mode === 'one' ? (
            <>
              <Field label={t.template.unitNameLabel} required>
                <Input
                  value={unitName}
                  placeholder={t.template.unitNamePlaceholder}
                  onChange={(_, d) => setUnitName(d.value)}
                />
              </Field>
              <Field label={t.template.unitCodeLabel}>
                <Input value={unitCode} onChange={(_, d) => setUnitCode(d.value)} />
              </Field>
            </>
          ) : (
            <Field
              label={t.template.unitListLabel}
              hint={t.template.unitListHint}
              validationState={parsedList.problems.length ? 'error' : 'none'}
              validationMessage={
                parsedList.problems.length
                  ? parsedList.problems.map((p) => t.template.unitListLine(p.line, p.message)).join(' · ')
                  : unitList.trim()
                    ? t.template.unitListSummary(parsedList.units.length)
                    : undefined
              }
            >
              <Textarea
                value={unitList}
                rows={6}
                resize="vertical"
                onChange={(_, d) => setUnitList(d.value)}
              />
            </Field>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={!canMake || make.busy} onClick={onMake}>
              {mode === 'one' ? t.template.makeOne : t.template.makeMany(units.length)}
            </Button>
            {make.busy && <Busy label={t.working} />}
          </div>
          {broken && <StatusBar status={{ intent: 'error', text: t.template.cannotUseBroken }} />}
          <StatusBar status={make.status} />
        </>
      )}
      <Divider />
      <ImportSection onSaved={(id) => reload(id)} />
    </div>
  );
}

function FrameworkFacts({ framework: f }: { framework: FrameworkChoice }) {
  const { t } = useApp();
  const styles = useStyles();
  return (
    <div className={styles.facts} data-testid="framework-facts">
      <div className={styles.badges}>
        <Text weight="semibold">{f.title}</Text>
        {f.status === 'illustrative' && <IllustrativeBadge />}
      </div>
      <Text size={200}>{t.template.legalBasis(f.legalBasis.number, formatDate(f.legalBasis.date))}</Text>
      <Text size={200}>{t.template.structure(f.counts.fields, f.counts.criteria, f.counts.subCriteria)}</Text>
      <Text size={200}>
        {t.template.points(points(f.points.self), points(f.points.survey), points(f.points.total))}
      </Text>
      {f.status === 'illustrative' && <Note>{t.illustrativeNote}</Note>}
      {f.problems.length > 0 && (
        <ul className={styles.problems}>
          {f.problems.map((p, i) => (
            <li key={i}>{p.code ? `${p.code}: ${p.message}` : p.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "2021-10-14" → "14/10/2021", the way decisions write dates. */
function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

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

function ImportSection({ onSaved }: { onSaved(id: string): void }) {
  const { t, services } = useApp();
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
          disabled={action.busy || !metaReady}
          onFiles={([file]) =>
            action.run(async () => {
              setResult(null);
              setResult(await services.importFramework(file, meta));
            })
          }
        />
        {action.busy && <Busy label={t.working} />}
      </div>
      {!metaReady && <Note>{t.template.metaMissing}</Note>}
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
            lines={result.checkProblems.map((p) => (p.code ? `${p.code}: ${p.message}` : p.message))}
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
                    onSaved(fw.id);
                    return { intent: 'success', text: t.template.importSaved(fw.title) };
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
