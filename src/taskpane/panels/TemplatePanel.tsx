/**
 * Panel 1 — Tạo mẫu: choose a framework (year, level, "minh họa" badge), a group and one unit or a
 * pasted list, and make the scoring workbook(s). Importing a new framework is the admin panel
 * FrameworksPanel, reached from the foot of this one.
 */
import {
  Button,
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
import type { PanelProps } from './registry';
import { useApp } from '../app-context';
import { ActionButton, Busy, IllustrativeBadge, Note, StatusBar, useAction } from '../components';
import { points } from '../format';
import { frameworkProblemText } from '../problem-text';
import type { FrameworkChoice } from '../services';
import { parseUnitList } from '../unit-list';
import { formStyleRules } from './form-styles';
import { FrameworkSelect } from './FrameworkSelect';

const useStyles = makeStyles({
  ...formStyleRules,
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap' },
});

export default function TemplatePanel({ active }: PanelProps) {
  const { t, services, hint, navigate } = useApp();
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
  // Loaded when the panel is shown: a framework saved on the Bộ tiêu chí panel is then listed,
  // and chosen when that panel sent the user here.
  const wanted = hint?.panel === 'template' ? hint.hint.frameworkId : undefined;
  useEffect(() => {
    if (active) void reload(wanted);
  }, [active, wanted]);
  // A confirmation belongs to the choices it was made with: it goes when they change.
  useEffect(() => make.setStatus(null), [mode, frameworkId, groupId]);

  const framework = frameworks?.find((f) => f.id === frameworkId) ?? null;
  const parsedList = useMemo(
    () =>
      framework
        ? parseUnitList(unitList, framework.groups, groupId, {
            unknownGroup: (g: string) =>
              t.template.unitListUnknownGroup(g, framework.groups.map((x) => x.name).join('; ')),
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
  const whyNot = !framework
    ? t.template.noFrameworks
    : broken
      ? t.template.cannotUseBroken
      : units.length === 0
        ? mode === 'one'
          ? t.template.needUnit
          : t.template.needList
        : mode === 'many' && parsedList.problems.length > 0
          ? t.template.fixList
          : null;

  const onMake = () =>
    make.run(async () => {
      if (!framework) return;
      if (!units.length) return { intent: 'warning', text: t.template.needUnit };
      const result = await services.makeTemplates(framework.id, units);
      if (result.kind === 'excel') return { intent: 'success', text: t.template.madeOne(result.unit) };
      if (result.kind === 'download')
        return { intent: 'warning', text: t.template.madeDownload(result.unit, result.fileName, result.why) };
      return { intent: 'success', text: t.template.madeMany(result.count, result.fileName) };
    });

  return (
    <div className={styles.stack}>
      <Note>{t.template.intro}</Note>
      {load.busy && !frameworks && <Busy label={t.loading} />}
      <StatusBar status={load.status} />
      {frameworks && frameworks.length === 0 && <Note>{t.template.noFrameworks}</Note>}
      {frameworks && frameworks.length > 0 && (
        <>
          <FrameworkSelect
            frameworks={frameworks}
            value={frameworkId}
            onChange={(id) => {
              setFrameworkId(id);
              const f = frameworks.find((x) => x.id === id);
              if (f && !f.groups.some((g) => g.id === groupId)) setGroupId(f.groups[0]?.id ?? '');
            }}
          />
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
          <ActionButton
            appearance="primary"
            busy={make.busy}
            disabledReason={whyNot}
            onClick={onMake}
            testId="make-template"
          >
            {mode === 'one' ? t.template.makeOne : t.template.makeMany(units.length)}
          </ActionButton>
          <StatusBar status={make.status} />
        </>
      )}
      <Divider />
      <div className={styles.actions}>
        <Note>{t.template.adminHint}</Note>
        <Button size="small" onClick={() => navigate('frameworks')}>
          {t.template.manageFrameworks}
        </Button>
      </div>
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
      <Text size={200}>
        {t.template.legalBasis(publicNumber(f.legalBasis.number), formatDate(f.legalBasis.date))}
      </Text>
      <Text size={200}>{t.template.structure(f.counts.fields, f.counts.criteria, f.counts.subCriteria)}</Text>
      <Text size={200}>
        {t.template.points(points(f.points.self), points(f.points.survey), points(f.points.total))}
      </Text>
      {f.status === 'illustrative' && <Note>{t.illustrativeNote}</Note>}
      {f.problems.length > 0 && (
        <ul className={styles.problems}>
          {f.problems.map((p, i) => (
            <li key={i}>
              {p.code ? `${p.code}: ` : ''}
              {frameworkProblemText(p, t.locale)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The decision's name without the framework author's working remark in brackets ("… (số quyết
 * định chưa có trong tài liệu)"): the remark is for whoever maintains the JSON, not for the user.
 */
function publicNumber(number: string): string {
  return number.replace(/\s*\([^()]*\)\s*$/, '').trim() || number;
}

/** "2021-10-14" → "14/10/2021", the way decisions write dates. */
function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
