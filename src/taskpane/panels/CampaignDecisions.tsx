/**
 * The Sở's explicit decisions in Sổ tổng hợp (issue 11): accept or refuse each late file, reopen a
 * stage for one unit. Each calls the same use case as `cchc campaign accept-late|refuse-late|
 * reopen` (services → src/usecases/campaign); the panel shows the result at its top and the view
 * the service returns. A refusal and a reopening need a reason: the register keeps it for whoever
 * reads "Sổ theo dõi" later.
 */
import { Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { viDate } from '../../common/vi-time';
import { useApp } from '../app-context';
import { ActionButton, Note, type Status } from '../components';
import type { CampaignView, LateDecisionView } from '../services';
import { formStyleRules } from './form-styles';

const useStyles = makeStyles({
  ...formStyleRules,
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  // File names are one long word ("SO01 - Sở Tư pháp - nop-lai-lan-2.xlsx"): break anywhere at 320 px.
  file: { overflowWrap: 'anywhere' },
  select: {
    width: '100%',
    minWidth: 0,
    '& select': { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
  },
});

interface DecisionProps {
  view: CampaignView;
  busy: boolean;
  /** The panel's action runner: busy flag, errors as Vietnamese sentences, the status at its top. */
  run(action: () => Promise<Status | void>): Promise<void>;
  /** The view after the action; with the decision when a late file was decided. */
  onView(view: CampaignView, decided?: LateDecisionView): void;
}

/**
 * Runs a decision; the campaign's own refusal (a CampaignError or UsecaseError: a Vietnamese
 * sentence, e.g. the file was decided meanwhile in another copy of the pane) is shown as it is,
 * not as an unexpected error, and the view is read again so no stale row stays offered. Told
 * apart by name: the classes live in the lazily loaded campaign chunk.
 */
function useDecision(props: DecisionProps) {
  const { services } = useApp();
  return (action: () => Promise<Status>) =>
    props.run(async () => {
      try {
        return await action();
      } catch (error) {
        const name = (error as Error | undefined)?.name;
        if (name !== 'CampaignError' && name !== 'UsecaseError') throw error;
        const fresh = await services.openCampaign().catch(() => null);
        if (fresh) props.onView(fresh);
        return { intent: 'error', text: (error as Error).message };
      }
    });
}

/**
 * A decision's section: its heading (which names the section for screen readers) and its
 * introduction, then the form. `id` names the section's test id and, with "-title", its heading.
 */
function DecisionSection(props: { id: string; title: string; intro: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.stack} aria-labelledby={`${props.id}-title`} data-testid={props.id}>
      <Text as="h2" id={`${props.id}-title`} weight="semibold" size={300}>
        {props.title}
      </Text>
      <Note>{props.intro}</Note>
      {props.children}
    </section>
  );
}

/** A required choice among `options` (value, label), starting at "Chọn…". */
function ChoiceField(props: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange(value: string): void;
}) {
  const { t } = useApp();
  const styles = useStyles();
  return (
    <Field label={props.label}>
      <Select className={styles.select} value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        <option value="">{t.campaign.choose}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** "Nộp muộn chờ Sở quyết định": one row per pending late file, with its receipt number. */
export function LateFiles(props: DecisionProps) {
  const { view, busy, onView } = props;
  const { t, services } = useApp();
  const styles = useStyles();
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const run = useDecision(props);
  if (!view.pendingLate.length) return null;

  const decide = (seq: number, accept: boolean) =>
    run(async () => {
      const r = await services.decideLateCampaignFile(seq, accept, (reasons[seq] ?? '').trim());
      onView(r.view, r.decision);
      setReasons((all) => Object.fromEntries(Object.entries(all).filter(([k]) => Number(k) !== seq)));
      return { intent: 'success', text: t.campaign.decided(r.decision) };
    });

  return (
    <DecisionSection id="campaign-late" title={t.campaign.lateTitle} intro={t.campaign.lateIntro}>
      <ul className={styles.list}>
        {view.pendingLate.map((p) => {
          const reason = reasons[p.seq] ?? '';
          return (
            <li key={p.seq} className={styles.item} data-testid={`late-${p.seq}`}>
              <Text weight="semibold" className={styles.file}>
                {t.campaign.lateFile(p.seq, p.file)}
              </Text>
              <Text size={200}>{`${p.unitCode} · ${p.unitName} · ${p.stageName}`}</Text>
              <Text size={200}>{t.campaign.lateReceived(p.receivedAt, p.deadline)}</Text>
              <Field label={t.campaign.lateReason}>
                <Input
                  value={reason}
                  onChange={(_, d) => setReasons((all) => ({ ...all, [p.seq]: d.value }))}
                />
              </Field>
              <div className={styles.actions}>
                <ActionButton
                  appearance="primary"
                  busy={busy}
                  label={t.campaign.acceptFile(p.file)}
                  onClick={() => void decide(p.seq, true)}
                >
                  {t.campaign.accept}
                </ActionButton>
                <ActionButton
                  busy={busy}
                  disabledReason={reason.trim() ? null : t.campaign.refuseNeedsReason}
                  label={t.campaign.refuseFile(p.file)}
                  onClick={() => void decide(p.seq, false)}
                >
                  {t.campaign.refuse}
                </ActionButton>
              </div>
            </li>
          );
        })}
      </ul>
    </DecisionSection>
  );
}

/** "Mở lại giai đoạn": one unit, one stage, a new deadline or none, and the reason. */
export function ReopenForm(props: DecisionProps) {
  const { view, busy, onView } = props;
  const { t, services } = useApp();
  const styles = useStyles();
  const run = useDecision(props);
  const empty = { unit: '', stage: '', until: '', reason: '' };
  const [form, setForm] = useState(empty);
  const needs = !form.unit || !form.stage || !form.reason.trim() ? t.campaign.reopenNeeds : null;

  const submit = () =>
    run(async () => {
      const until = form.until || null;
      const next = await services.reopenCampaignStage(form.stage, form.unit, until, form.reason.trim());
      onView(next);
      const unit = view.units.find((u) => u.code === form.unit);
      const stage = view.stageNames[view.stageIds.indexOf(form.stage)] ?? form.stage;
      setForm(empty);
      return {
        intent: 'success',
        text: t.campaign.reopened(
          stage,
          unit ? `${unit.code} · ${unit.name}` : form.unit,
          until && viDate(until),
        ),
      };
    });

  return (
    <DecisionSection id="campaign-reopen" title={t.campaign.reopenTitle} intro={t.campaign.reopenIntro}>
      <div className={styles.pair}>
        <ChoiceField
          label={t.campaign.reopenUnit}
          value={form.unit}
          options={view.units.map((u) => ({ value: u.code, label: `${u.code} · ${u.name}` }))}
          onChange={(unit) => setForm({ ...form, unit })}
        />
        <ChoiceField
          label={t.campaign.reopenStage}
          value={form.stage}
          options={view.stageIds.map((id, i) => ({ value: id, label: view.stageNames[i] }))}
          onChange={(stage) => setForm({ ...form, stage })}
        />
      </div>
      <Field label={t.campaign.reopenUntil}>
        <Input type="date" value={form.until} onChange={(_, d) => setForm({ ...form, until: d.value })} />
      </Field>
      <Field label={t.campaign.reopenReason} required>
        <Textarea rows={2} value={form.reason} onChange={(_, d) => setForm({ ...form, reason: d.value })} />
      </Field>
      <ActionButton
        busy={busy}
        disabledReason={needs}
        onClick={() => void submit()}
        testId="campaign-reopen-button"
      >
        {t.campaign.reopen}
      </ActionButton>
    </DecisionSection>
  );
}
