/**
 * Admin panel — Sổ tổng hợp: the Sở's campaign workbook. Creates the campaign in the open
 * workbook, shows each unit's state per stage, receives dropped or picked returns, and makes the
 * unit templates, the council's appraisal workbooks and the units' response workbooks; the Sở
 * decides on late files and reopens a stage (CampaignDecisions.tsx) — all through the campaign
 * use cases the CLI runs (services → src/usecases/campaign). Status is a
 * list per unit (not a wide table) so it reads at 320 px.
 */
import { Button, Field, Input, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { type DragEvent, useEffect, useState } from 'react';
import type { WorkbookKind } from '../../campaign/stages';
import { useApp } from '../app-context';
import { ActionButton, Busy, FileButton, Note, StatusBar, useAction } from '../components';
import {
  type CampaignReceipt,
  type CampaignView,
  type FrameworkChoice,
  type LateDecisionView,
  type PickedFile,
  pickedFromFile,
} from '../services';
import { LateFiles, ReopenForm } from './CampaignDecisions';
import { dropZoneRule, formStyleRules } from './form-styles';
import { FrameworkSelect } from './FrameworkSelect';
import type { PanelProps } from './registry';

const useStyles = makeStyles({
  ...formStyleRules,
  drop: dropZoneRule,
  units: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  unit: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  stages: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

export default function CampaignPanel({ active }: PanelProps) {
  const { t, services, navigate } = useApp();
  const styles = useStyles();
  const [view, setView] = useState<CampaignView | null | undefined>(undefined);
  const [frameworks, setFrameworks] = useState<FrameworkChoice[]>([]);
  const [form, setForm] = useState({ title: '', frameworkId: '', unitsText: '', selfDeadline: '' });
  const [receipts, setReceipts] = useState<CampaignReceipt[]>([]);
  const load = useAction();
  const act = useAction();

  useEffect(() => {
    if (!active) return;
    void load.run(async () => {
      setView(await services.openCampaign());
      const list = await services.listFrameworks();
      setFrameworks(list);
      setForm((f) => (f.frameworkId ? f : { ...f, frameworkId: list[0]?.id ?? '' }));
    });
    // load.run is stable for a given locale.
  }, [active, services, load.run]);

  const receive = (files: PickedFile[]) =>
    act.run(async () => {
      const xlsx = files.filter((f) => /\.xlsx$/i.test(f.name));
      const r = await services.receiveCampaignFiles(xlsx);
      setView(r.view);
      setReceipts(r.receipts);
      const ok = r.receipts.filter((x) => x.status === 'accepted').length;
      return {
        intent: ok === r.receipts.length ? 'success' : 'warning',
        text: t.campaign.received(r.receipts.length, ok),
      };
    });

  const issue = (kind: WorkbookKind) =>
    act.run(async () => {
      const r = await services.issueCampaignWorkbooks(kind);
      setView(r.view);
      const text = r.fileName ? t.campaign.issued(r.issued, r.fileName) : t.campaign.issuedNone;
      return { intent: r.refused.length ? 'warning' : 'success', text: [text, ...r.refused].join(' ') };
    });

  const documents = () =>
    act.run(async () => {
      const r = await services.downloadCampaignDocuments();
      const text = r.fileName ? t.campaign.documentsMade(r.documents, r.fileName) : t.campaign.documentsNone;
      const missing = r.withoutReturn.length ? [t.campaign.documentsWithout(r.withoutReturn)] : [];
      return {
        intent: missing.length || !r.fileName ? 'warning' : 'success',
        text: [text, ...missing].join(' '),
      };
    });

  const create = () =>
    act.run(async () => {
      const v = await services.createCampaign(form);
      setView(v);
      return { intent: 'success', text: t.campaign.created(v.units.length) };
    });

  // The last receive's list must not keep saying "chờ quyết định" once the Sở has decided.
  const onView = (next: CampaignView, decided?: LateDecisionView) => {
    setView(next);
    if (decided)
      setReceipts((list) =>
        list.map((r) =>
          r.seq === decided.seq ? { ...r, status: decided.accepted ? 'accepted' : 'late-refused' } : r,
        ),
      );
  };

  const back = (
    <Button appearance="subtle" size="small" onClick={() => navigate('consolidate')}>
      {t.campaign.back}
    </Button>
  );

  if (view === undefined)
    return (
      <div className={styles.stack}>
        {back}
        {load.busy ? <Busy label={t.loading} /> : null}
        <StatusBar status={load.status} />
      </div>
    );

  if (view === null) {
    const needs =
      !form.title.trim() || !form.unitsText.trim() || !form.frameworkId ? t.campaign.createNeeds : null;
    return (
      <div className={styles.stack} data-testid="campaign-create">
        {back}
        <StatusBar status={act.status} />
        <Note>{t.campaign.intro}</Note>
        <Text as="h2" weight="semibold" size={300}>
          {t.campaign.createTitle}
        </Text>
        <Field label={t.campaign.title}>
          <Input value={form.title} onChange={(_, d) => setForm({ ...form, title: d.value })} />
        </Field>
        <FrameworkSelect
          frameworks={frameworks}
          value={form.frameworkId}
          onChange={(frameworkId) => setForm({ ...form, frameworkId })}
        />
        <Field label={t.campaign.units}>
          <Textarea
            rows={5}
            value={form.unitsText}
            onChange={(_, d) => setForm({ ...form, unitsText: d.value })}
          />
        </Field>
        <Field label={t.campaign.selfDeadline}>
          <Input
            type="date"
            value={form.selfDeadline}
            onChange={(_, d) => setForm({ ...form, selfDeadline: d.value })}
          />
        </Field>
        <ActionButton
          appearance="primary"
          busy={act.busy}
          disabledReason={needs}
          onClick={create}
          testId="campaign-create-button"
        >
          {t.campaign.create}
        </ActionButton>
      </div>
    );
  }

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    void receive(Array.from(e.dataTransfer.files).map(pickedFromFile));
  };

  return (
    <div className={styles.stack} data-testid="campaign">
      {back}
      <StatusBar status={act.status} />
      <Text as="h2" weight="semibold" size={300}>
        {view.title}
      </Text>
      <Text size={200}>{view.framework}</Text>
      <div className={styles.drop} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <Text>{t.consolidate.drop}</Text>
        <FileButton
          label={t.campaign.receive}
          accept=".xlsx"
          multiple
          onFiles={(f) => void receive(f)}
          busy={act.busy}
        />
      </div>
      {receipts.length > 0 && (
        <ul className={styles.stages} data-testid="campaign-receipts">
          {receipts.map((r) => (
            <li key={r.seq} className={r.status === 'accepted' ? undefined : styles.bad}>
              {`${r.file}: ${t.campaign.receiptStatus[r.status] ?? r.status}${r.late && r.status === 'accepted' ? ` (${t.campaign.late})` : ''}`}
              {r.reasons.length > 0 && ` — ${r.reasons.join(' ')}`}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.actions}>
        <ActionButton busy={act.busy} onClick={() => void issue('unit')}>
          {t.campaign.issueUnits}
        </ActionButton>
        <ActionButton
          busy={act.busy}
          disabledReason={view.ready.appraisal ? null : t.campaign.noneReadyAppraisal}
          onClick={() => void issue('appraisal')}
        >
          {t.campaign.issueAppraisal(view.ready.appraisal)}
        </ActionButton>
        <ActionButton
          busy={act.busy}
          disabledReason={view.ready.response ? null : t.campaign.noneReadyResponse}
          onClick={() => void issue('response')}
        >
          {t.campaign.issueResponse(view.ready.response)}
        </ActionButton>
        <ActionButton busy={act.busy} onClick={() => void documents()}>
          {t.campaign.documents}
        </ActionButton>
      </div>
      <LateFiles view={view} busy={act.busy} run={act.run} onView={onView} />
      <Text as="h2" weight="semibold" size={300}>
        {t.campaign.status}
      </Text>
      <ul className={styles.units} data-testid="campaign-status">
        {view.units.map((u) => (
          <li key={u.code} className={styles.unit}>
            <Text weight="semibold">{`${u.code} · ${u.name}`}</Text> <Text size={200}>{u.group}</Text>
            <ul className={styles.stages}>
              {u.stages.map((s, i) =>
                s.state === 'none' ? null : (
                  <li
                    key={i}
                    className={s.state === 'rejected' || s.state === 'missing' ? styles.bad : undefined}
                  >
                    {`${view.stageNames[i]}: ${t.campaign.states[s.state] ?? s.state}${s.late && s.state === 'accepted' ? ` (${t.campaign.late})` : ''}`}
                    {s.reasons.length > 0 && ` — ${s.reasons.join(' ')}`}
                  </li>
                ),
              )}
            </ul>
          </li>
        ))}
      </ul>
      {view.unmatched.length > 0 && (
        <>
          <Text as="h2" weight="semibold" size={300}>
            {t.campaign.unmatched}
          </Text>
          <ul className={styles.stages}>
            {view.unmatched.map((u, i) => (
              <li key={i} className={styles.bad}>{`${u.file}: ${u.reasons.join(' ')}`}</li>
            ))}
          </ul>
        </>
      )}
      <ReopenForm view={view} busy={act.busy} run={act.run} onView={onView} />
    </div>
  );
}
