import { useId, useState, type SyntheticEvent } from 'react';
import type { Office } from '../../../shared/api/citizen';
import { useI18n } from '../../../shared/i18n/useI18n';
import { errorText } from '../../../shared/ui/errorText';
import type { TabletAlert } from '../model/api';
import {
  alertActionsFor,
  assigneeOf,
  postAlertStep,
  type AlertStep,
  type AssigneeKind,
  type TabletAlertAction,
} from '../model/alerts';
import { AssignPicker } from './AssignPicker';

export interface AlertActionsProps {
  alert: TabletAlert;
  username: string;
  /** Offices the alert may be handed to (the ward's and the province's); null while loading. */
  offices: readonly Office[] | null;
  /** After the API accepted a step: the screen reloads the alerts. */
  onDone: () => void;
}

/**
 * Working an alert from the field, with the same lifecycle and audit as the API: acknowledge,
 * take it on, hand it to a person of the unit or to an office, add a note, resolve. One-tap steps go at once; the others
 * open a small form. Only the steps legal from the alert's status are offered.
 */
export function AlertActions({ alert, username, offices, onDone }: AlertActionsProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'assign' | 'note' | 'resolve' | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const actions = alertActionsFor(alert.status, alert.assignee, username);
  if (actions.length === 0) return null;

  const send = (step: AlertStep): void => {
    setBusy(true);
    setFailure(null);
    postAlertStep(alert.id, step).then(
      () => {
        setBusy(false);
        setOpen(null);
        onDone();
      },
      (err: unknown) => {
        setBusy(false);
        setFailure(errorText(t, err));
      },
    );
  };
  const tap = (a: TabletAlertAction): void => {
    if (a === 'acknowledge') send({ action: 'acknowledge' });
    else if (a === 'take') send({ action: 'assign', assignee: `user:${username}` });
    else setOpen(open === a ? null : a);
  };

  return (
    <div className="tablet-alert-actions" data-testid="alert-actions">
      <div className="tablet-alert-buttons">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={open === a ? 'tablet-alert-button is-open' : 'tablet-alert-button'}
            data-testid={`alert-action-${a}`}
            aria-expanded={
              a === 'assign' || a === 'note' || a === 'resolve' ? open === a : undefined
            }
            disabled={busy}
            onClick={() => {
              tap(a);
            }}
          >
            {t(`tablet.alert.act.${a}`)}
          </button>
        ))}
      </div>
      {open !== null && (
        <StepForm
          kind={open}
          alertId={alert.id}
          username={username}
          offices={offices}
          busy={busy}
          onSend={send}
          onCancel={() => {
            setOpen(null);
          }}
        />
      )}
      {failure !== null && (
        <p className="tablet-notice is-error" role="alert" data-testid="alert-action-failed">
          {t('tablet.alert.failed', { message: failure })}
        </p>
      )}
    </div>
  );
}

function StepForm(props: {
  kind: 'assign' | 'note' | 'resolve';
  alertId: string;
  username: string;
  offices: readonly Office[] | null;
  busy: boolean;
  onSend: (step: AlertStep) => void;
  onCancel: () => void;
}) {
  const { kind, offices, busy, onSend, onCancel } = props;
  const { t } = useI18n();
  const id = useId();
  const [to, setTo] = useState<AssigneeKind>('office');
  const [choice, setChoice] = useState('');
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: SyntheticEvent): void => {
    e.preventDefault();
    const value = text.trim();
    if ((kind === 'assign' && choice === '') || (kind === 'note' && value === '')) {
      setMissing(true);
      return;
    }
    onSend(
      kind === 'assign'
        ? { action: 'assign', assignee: assigneeOf(to, choice) }
        : kind === 'note'
          ? { action: 'note', text: value }
          : value === ''
            ? { action: 'resolve' }
            : { action: 'resolve', reason: value },
    );
  };
  return (
    <form
      className="tablet-alert-form"
      onSubmit={submit}
      noValidate
      data-testid={`alert-form-${kind}`}
    >
      {kind === 'assign' ? (
        <AssignPicker
          alertId={props.alertId}
          username={props.username}
          offices={offices}
          kind={to}
          value={choice}
          onKind={(k) => {
            setTo(k);
            setChoice('');
          }}
          onChange={setChoice}
        />
      ) : (
        <>
          <label htmlFor={`${id}-text`}>
            {t(kind === 'note' ? 'tablet.alert.noteText' : 'tablet.alert.resolveReason')}
          </label>
          <textarea
            id={`${id}-text`}
            name="text"
            rows={3}
            maxLength={kind === 'note' ? 10_000 : 500}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
            }}
          />
        </>
      )}
      {missing && (
        <p className="tablet-notice is-error" role="alert">
          {t('tablet.alert.required')}
        </p>
      )}
      <div className="tablet-alert-buttons">
        <button type="submit" className="tablet-alert-button is-primary" disabled={busy}>
          {t('tablet.alert.send')}
        </button>
        <button type="button" className="tablet-alert-button" onClick={onCancel}>
          {t('tablet.alert.cancel')}
        </button>
      </div>
    </form>
  );
}
