/** Small building blocks shared by the panels. */
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { useApp } from './app-context';
import { pickedFromFile, type PickedFile } from './services';

const useStyles = makeStyles({
  hiddenInput: { display: 'none' },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
  action: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  actionRow: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * What a button that cannot be pressed says about it: the reason printed under it (linked by
 * aria-describedby, so a screen reader reads it on the still-focusable button), or while busy the
 * spinner beside it. One rule for ActionButton and FileButton: never disabled without saying why.
 */
function useDisabledState(reason: string | null | undefined, busy: boolean | undefined) {
  const styles = useStyles();
  const { t } = useApp();
  const reasonId = useId();
  const busyId = useId();
  const why = reason || null;
  return {
    button: {
      disabledFocusable: !!why || !!busy,
      'aria-describedby': why ? reasonId : busy ? busyId : undefined,
    },
    busy: busy ? <Busy label={t.working} id={busyId} /> : null,
    reason: why ? (
      <p id={reasonId} className={styles.note} data-testid="disabled-reason">
        {why}
      </p>
    ) : null,
  };
}

/** A button that is never disabled without saying why (see useDisabledState). */
export function ActionButton(props: {
  children: ReactNode;
  onClick(): void;
  /** Null or empty: enabled. */
  disabledReason?: string | null;
  busy?: boolean;
  appearance?: 'primary' | 'secondary';
  testId?: string;
  /** Accessible name when the visible text alone is ambiguous (one "Chấp nhận" per row). */
  label?: string;
}) {
  return (
    <ButtonFrame
      text={props.children}
      onClick={props.onClick}
      disabledReason={props.disabledReason}
      busy={props.busy}
      appearance={props.appearance}
      testId={props.testId}
      ariaLabel={props.label}
    >
      {null}
    </ButtonFrame>
  );
}

/**
 * What ActionButton and FileButton draw alike: the button, the busy mark beside it, the disabled
 * reason below it, then `children` (FileButton's hidden file input).
 */
function ButtonFrame(props: {
  text: ReactNode;
  onClick(): void;
  disabledReason?: string | null;
  busy?: boolean;
  appearance?: 'primary' | 'secondary';
  testId?: string;
  ariaLabel?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  const state = useDisabledState(props.disabledReason, props.busy);
  return (
    <div className={styles.action}>
      <div className={styles.actionRow}>
        <Button
          appearance={props.appearance ?? 'secondary'}
          {...state.button}
          onClick={props.onClick}
          data-testid={props.testId}
          aria-label={props.ariaLabel}
        >
          {props.text}
        </Button>
        {state.busy}
      </div>
      {state.reason}
      {props.children}
    </div>
  );
}

/**
 * A button that opens the file picker. A real <button> (not a styled <label>) so it is in the tab
 * order and announced as a button; the <input type=file> stays hidden but labelled for tests and
 * screen readers. Disabled only with a reason or while busy, like ActionButton.
 */
export function FileButton(props: {
  label: string;
  accept: string;
  multiple?: boolean;
  disabledReason?: string | null;
  busy?: boolean;
  appearance?: 'primary' | 'secondary';
  onFiles(files: PickedFile[]): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const styles = useStyles();
  return (
    <ButtonFrame
      text={props.label}
      onClick={() => input.current?.click()}
      disabledReason={props.disabledReason}
      busy={props.busy}
      appearance={props.appearance}
    >
      <input
        id={id}
        ref={input}
        className={styles.hiddenInput}
        type="file"
        aria-label={props.label}
        accept={props.accept}
        multiple={props.multiple}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []).map(pickedFromFile);
          // Reset so choosing the same file again after fixing it fires change again.
          e.currentTarget.value = '';
          if (files.length) props.onFiles(files);
        }}
      />
    </ButtonFrame>
  );
}

export function IllustrativeBadge() {
  const { t } = useApp();
  return (
    <Badge appearance="tint" color="warning" shape="rounded" title={t.illustrativeNote}>
      {t.illustrativeBadge}
    </Badge>
  );
}

export function Note({ children }: { children: ReactNode }) {
  return <p className={useStyles().note}>{children}</p>;
}

export type Status = { intent: 'success' | 'error' | 'warning' | 'info'; text: string } | null;

export function StatusBar({ status }: { status: Status }) {
  if (!status) return null;
  return (
    <MessageBar intent={status.intent} role={status.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{status.text}</MessageBarBody>
    </MessageBar>
  );
}

export function Busy({ label, id }: { label: string; id?: string }) {
  return <Spinner size="tiny" label={label} labelPosition="after" id={id} />;
}

/**
 * Runs an async action with a busy flag and turns a thrown error into a visible message (never a
 * stack trace in the pane).
 */
export function useAction(): {
  busy: boolean;
  status: Status;
  setStatus(s: Status): void;
  run(action: () => Promise<Status | void>): Promise<void>;
} {
  const { t } = useApp();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const run = useCallback(
    async (action: () => Promise<Status | void>) => {
      setBusy(true);
      setStatus(null);
      try {
        const s = await action();
        if (s) setStatus(s);
      } catch (error) {
        setStatus({ intent: 'error', text: t.unexpected(describeError(error)) });
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, status, setStatus, run };
}

/** The message of an error as a user can read it (our own errors carry Vietnamese messages). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
