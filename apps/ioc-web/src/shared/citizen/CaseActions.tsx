import { CITIZEN_PHOTO_LIMITS } from '@ioc/contracts';
import { useId, useState, type ReactNode, type SyntheticEvent } from 'react';
import { AdminApiError } from '../api/call';
import { postCitizenStep, type CitizenCase, type CitizenStep } from '../api/citizen';
import { useI18n } from '../i18n/useI18n';
import { allowedSteps, type StepKind } from './caseModel';
import { useAssignableOffices, useTransferUnits } from './useStepChoices';

export interface CaseActionsProps {
  kase: CitizenCase;
  role: string;
  /** After the API accepted a step (the screen reloads the case and its list). */
  onDone: () => void;
}

type Problem =
  | { key: 'citizenStaff.form.required' }
  | { key: 'citizenStaff.form.needPhoto' }
  | { key: 'citizenStaff.form.tooMany' }
  | { key: 'citizenStaff.form.tooBig'; name: string }
  | { key: 'citizenStaff.form.failed'; message: string };

/**
 * The handling steps the person's role may take from the case's status, one form open at a
 * time. The resolution's after-photos come from the device's back camera on a tablet
 * (`capture="environment"`) and are sent as multipart `photo` files.
 */
export function CaseActions({ kase, role, onDone }: CaseActionsProps) {
  const { t } = useI18n();
  const steps = allowedSteps(role, kase.status, kase.moderation);
  const [open, setOpen] = useState<StepKind | null>(null);
  const [done, setDone] = useState(false);
  if (steps.length === 0) return null;
  const label = (k: StepKind) =>
    k === 'spam' && kase.moderation === 'spam'
      ? t('citizenStaff.action.unspam')
      : t(`citizenStaff.action.${k}`);
  return (
    <section className="cs-actions" data-testid="case-actions">
      <h4>{t('citizenStaff.actions')}</h4>
      <div className="cs-action-buttons">
        {steps.map((k) => (
          <button
            key={k}
            type="button"
            className={open === k ? 'cs-action is-open' : 'cs-action'}
            data-testid={`case-action-${k}`}
            aria-expanded={open === k}
            onClick={() => {
              setDone(false);
              setOpen(open === k ? null : k);
            }}
          >
            {label(k)}
          </button>
        ))}
      </div>
      {open !== null && (
        <StepForm
          key={`${open}-${kase.status}`}
          kind={open}
          kase={kase}
          title={label(open)}
          onCancel={() => {
            setOpen(null);
          }}
          onDone={() => {
            setOpen(null);
            setDone(true);
            onDone();
          }}
        />
      )}
      {done && (
        <p className="cs-notice is-ok" role="status" data-testid="case-form-done">
          {t('citizenStaff.form.done')}
        </p>
      )}
    </section>
  );
}

interface StepFormProps {
  kind: StepKind;
  kase: CitizenCase;
  title: string;
  onCancel: () => void;
  onDone: () => void;
}

function StepForm({ kind, kase, title, onCancel, onDone }: StepFormProps) {
  const { t, num, lang } = useI18n();
  const id = useId();
  const [officeId, setOfficeId] = useState('');
  const [assignee, setAssignee] = useState('');
  const [text, setText] = useState('');
  const [unitCode, setUnitCode] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const offices = useAssignableOffices(kase.unitCode, kind === 'assign');
  const units = useTransferUnits(kase.unitCode, kind === 'transfer');

  const step = (): CitizenStep | Problem => {
    const note = text.trim();
    switch (kind) {
      case 'assign':
        return officeId === ''
          ? { key: 'citizenStaff.form.required' }
          : { kind, officeId, assignee: assignee.trim() === '' ? null : assignee.trim() };
      case 'start':
        return { kind };
      case 'comment':
        return note === '' ? { key: 'citizenStaff.form.required' } : { kind, note };
      case 'resolve': {
        if (note === '') return { key: 'citizenStaff.form.required' };
        if (files.length === 0) return { key: 'citizenStaff.form.needPhoto' };
        if (files.length > CITIZEN_PHOTO_LIMITS.maxFiles)
          return { key: 'citizenStaff.form.tooMany' };
        const big = files.find((f) => f.size > CITIZEN_PHOTO_LIMITS.maxBytes);
        return big
          ? { key: 'citizenStaff.form.tooBig', name: big.name }
          : { kind, note, photos: files };
      }
      case 'reject':
        return note === '' ? { key: 'citizenStaff.form.required' } : { kind, reason: note };
      case 'transfer':
        return note === '' || unitCode === ''
          ? { key: 'citizenStaff.form.required' }
          : { kind, unitCode, reason: note };
      case 'spam':
        return { kind, spam: kase.moderation !== 'spam', reason: note === '' ? null : note };
    }
  };

  const submit = (e: SyntheticEvent): void => {
    e.preventDefault();
    const s = step();
    if ('key' in s) {
      setProblem(s);
      return;
    }
    setBusy(true);
    setProblem(null);
    postCitizenStep(kase.id, s)
      .then(onDone)
      .catch((err: unknown) => {
        const message =
          err instanceof AdminApiError || err instanceof Error ? err.message : String(err);
        setProblem({ key: 'citizenStaff.form.failed', message });
      })
      .finally(() => {
        setBusy(false);
      });
  };

  const problemText =
    problem === null
      ? null
      : problem.key === 'citizenStaff.form.tooMany'
        ? t(problem.key, { n: num(CITIZEN_PHOTO_LIMITS.maxFiles, 0) })
        : problem.key === 'citizenStaff.form.tooBig'
          ? t(problem.key, {
              name: problem.name,
              mb: num(CITIZEN_PHOTO_LIMITS.maxBytes / 2 ** 20, 0),
            })
          : problem.key === 'citizenStaff.form.failed'
            ? t(problem.key, { message: problem.message })
            : t(problem.key);

  const row = (label: string, field: string, input: ReactNode) => (
    <div className="cs-form-row">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      {input}
    </div>
  );
  const textLabel =
    kind === 'resolve'
      ? t('citizenStaff.form.resolutionNote')
      : kind === 'comment'
        ? t('citizenStaff.form.note')
        : t('citizenStaff.form.reason');

  return (
    <form
      className="cs-form"
      data-testid="case-form"
      data-kind={kind}
      onSubmit={submit}
      aria-busy={busy}
    >
      <h5>{title}</h5>
      {kind === 'assign' &&
        row(
          t('citizenStaff.form.office'),
          'office',
          offices !== null && offices.length === 0 ? (
            <p className="cs-muted" id={`${id}-office`}>
              {t('citizenStaff.form.noOffice')}
            </p>
          ) : (
            <select
              id={`${id}-office`}
              data-testid="case-form-office"
              value={officeId}
              onChange={(e) => {
                setOfficeId(e.target.value);
              }}
            >
              <option value="">{t('citizenStaff.form.officePick')}</option>
              {(offices ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {lang === 'en' && o.nameEn ? o.nameEn : o.nameVi}
                </option>
              ))}
            </select>
          ),
        )}
      {kind === 'assign' &&
        row(
          t('citizenStaff.form.assignee'),
          'assignee',
          <input
            id={`${id}-assignee`}
            data-testid="case-form-assignee"
            maxLength={64}
            autoComplete="off"
            value={assignee}
            onChange={(e) => {
              setAssignee(e.target.value);
            }}
          />,
        )}
      {kind === 'transfer' &&
        row(
          t('citizenStaff.form.unit'),
          'unit',
          <select
            id={`${id}-unit`}
            data-testid="case-form-unit"
            value={unitCode}
            onChange={(e) => {
              setUnitCode(e.target.value);
            }}
          >
            <option value="">{t('citizenStaff.form.unitPick')}</option>
            {(units ?? []).map((u) => (
              <option key={u.code} value={u.code}>
                {lang === 'en' && u.nameEn ? u.nameEn : u.name}
              </option>
            ))}
          </select>,
        )}
      {kind !== 'assign' &&
        kind !== 'start' &&
        row(
          textLabel,
          'text',
          <textarea
            id={`${id}-text`}
            data-testid={
              kind === 'resolve' || kind === 'comment' ? 'case-form-note' : 'case-form-reason'
            }
            rows={3}
            maxLength={kind === 'spam' ? 500 : 2000}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
            }}
          />,
        )}
      {kind === 'resolve' &&
        row(
          t('citizenStaff.form.photo', { n: num(CITIZEN_PHOTO_LIMITS.maxFiles, 0) }),
          'photo',
          <input
            id={`${id}-photo`}
            data-testid="case-form-photo"
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            onChange={(e) => {
              setFiles([...(e.target.files ?? [])]);
            }}
          />,
        )}
      {problemText !== null && (
        <p className="cs-notice is-error" role="alert" data-testid="case-form-error">
          {problemText}
        </p>
      )}
      <div className="cs-form-buttons">
        <button type="submit" className="cs-primary" data-testid="case-form-submit" disabled={busy}>
          {busy ? t('citizenStaff.form.sending') : t('citizenStaff.form.submit')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('citizenStaff.form.cancel')}
        </button>
      </div>
    </form>
  );
}
