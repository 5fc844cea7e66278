import { useId, useState, type SyntheticEvent } from 'react';
import { useI18n } from '../../../shared/i18n/useI18n';
import { usePhotoPicks } from '../hooks/usePhotoPicks';
import { useLoad } from '../hooks/useLoad';
import { fetchCategories, fetchWards, submitReport, type SubmitAnswer } from '../model/api';
import { citizenErrorText, isNotFound } from '../model/errors';
import {
  DESCRIPTION_MAX,
  NAME_MAX,
  cleanDescription,
  intakeFormData,
  intakeProblems,
  type IntakeDraft,
  type IntakeField,
  type IntakeProblemKey,
  type IntakeProblems,
} from '../model/form';
import type { LonLat } from '../model/geo';
import { CITIZEN_PHOTO_LIMITS } from '@ioc/contracts';
import { CategoryTiles } from './CategoryTiles';
import { DoneView } from './DoneView';
import { PhotoPicker } from './PhotoPicker';
import { PositionPicker } from './PositionPicker';

const EMPTY = { category: null, description: '', position: null, name: '', phone: '' };

/** /phan-anh — the report form: category, place, description, photos, optional contact. */
export function IntakeView() {
  const { t } = useI18n();
  const ids = useId();
  const categories = useLoad('categories', fetchCategories);
  const wards = useLoad('wards', fetchWards);
  const photos = usePhotoPicks();
  const [draft, setDraft] = useState<Omit<IntakeDraft, 'photos'>>(EMPTY);
  const [problems, setProblems] = useState<IntakeProblems>({});
  const [photoNote, setPhotoNote] = useState<IntakeProblemKey | null>(null);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [answer, setAnswer] = useState<SubmitAnswer | null>(null);

  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]): void => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (key in problems) setProblems((p) => ({ ...p, [key]: undefined }));
  };

  const errId = (f: IntakeField) => (problems[f] !== undefined ? `${ids}-${f}-err` : undefined);
  const errorOf = (f: IntakeField) => {
    const key = problems[f] ?? (f === 'photos' ? photoNote : null);
    if (key === null) return null;
    return (
      <p className="citizen-field-error" id={`${ids}-${f}-err`} data-testid={`error-${f}`}>
        {t(key)}
      </p>
    );
  };

  const submit = (e: SyntheticEvent): void => {
    e.preventDefault();
    const full: IntakeDraft = { ...draft, photos: photos.picks.map((p) => p.file) };
    const found = intakeProblems(full);
    setProblems(found);
    setFailure(null);
    if (Object.keys(found).length > 0 || full.category === null || full.position === null) {
      setFailure(t('citizen.form.fixProblems'));
      return;
    }
    setSending(true);
    const form = intakeFormData(
      { ...full, category: full.category, position: full.position },
      photos.picks.map((p) => p.file),
    );
    submitReport(form).then(
      (a) => {
        setSending(false);
        setAnswer(a);
        window.scrollTo(0, 0);
      },
      (err: unknown) => {
        setSending(false);
        setFailure(citizenErrorText(t, err));
      },
    );
  };

  if (answer !== null)
    return (
      <DoneView
        answer={answer}
        onAnother={() => {
          photos.clear();
          setDraft(EMPTY);
          setAnswer(null);
        }}
      />
    );

  const textLength = cleanDescription(draft.description).length;
  return (
    <form className="citizen-form" onSubmit={submit} noValidate data-testid="intake-form">
      <h1>{t('citizen.title')}</h1>
      <p className="citizen-lead">{t('citizen.lead')}</p>

      <section className="citizen-card">
        <h2 id={`${ids}-category`}>{t('citizen.form.category')}</h2>
        {categories.phase === 'ready' ? (
          <CategoryTiles
            categories={categories.data}
            value={draft.category}
            onChange={(c) => {
              set('category', c);
            }}
            labelId={`${ids}-category`}
            describedBy={errId('category')}
          />
        ) : categories.phase === 'failed' ? (
          <p className="citizen-field-error" role="alert">
            {citizenErrorText(t, categories.error)}
          </p>
        ) : (
          <p className="citizen-hint">{t('citizen.form.categoryLoading')}</p>
        )}
        {errorOf('category')}
      </section>

      <section className="citizen-card">
        <h2>{t('citizen.form.position')}</h2>
        <PositionPicker
          wards={wards.phase === 'ready' ? wards.data : []}
          wardsPending={wards.phase === 'loading'}
          // A server without public boundaries (404) still gets a working map, without a warning.
          wardsFailed={wards.phase === 'failed' && !isNotFound(wards.error)}
          value={draft.position}
          onChange={(p: LonLat) => {
            set('position', p);
          }}
          describedBy={errId('position')}
        />
        {errorOf('position')}
      </section>

      <section className="citizen-card">
        <label htmlFor={`${ids}-description`}>
          <h2>{t('citizen.form.description')}</h2>
        </label>
        <p className="citizen-hint" id={`${ids}-description-hint`}>
          {t('citizen.form.descriptionHint')}
        </p>
        <textarea
          id={`${ids}-description`}
          className="citizen-input"
          rows={5}
          maxLength={DESCRIPTION_MAX + 200}
          value={draft.description}
          aria-invalid={problems.description !== undefined}
          aria-describedby={[`${ids}-description-hint`, errId('description')]
            .filter(Boolean)
            .join(' ')}
          data-testid="description"
          onChange={(e) => {
            set('description', e.currentTarget.value);
          }}
        />
        <p className="citizen-count">
          {t('citizen.form.descriptionCount', { count: textLength, max: DESCRIPTION_MAX })}
        </p>
        {errorOf('description')}
      </section>

      <section className="citizen-card">
        <h2 id={`${ids}-photos`}>
          {t('citizen.form.photos', { max: CITIZEN_PHOTO_LIMITS.maxFiles })}
        </h2>
        <PhotoPicker
          picks={photos.picks}
          labelId={`${ids}-photos`}
          describedBy={errId('photos') ?? (photoNote !== null ? `${ids}-photos-err` : undefined)}
          onAdd={(files) => {
            setPhotoNote(photos.add(files));
            setProblems((p) => ({ ...p, photos: undefined }));
          }}
          onRemove={(id) => {
            photos.remove(id);
            setPhotoNote(null);
          }}
        />
        {errorOf('photos')}
      </section>

      <section className="citizen-card">
        <h2>{t('citizen.form.contact')}</h2>
        <p className="citizen-hint">{t('citizen.form.contactNote')}</p>
        <label className="citizen-label" htmlFor={`${ids}-name`}>
          {t('citizen.form.name')}
        </label>
        <input
          id={`${ids}-name`}
          className="citizen-input"
          autoComplete="name"
          data-testid="reporter-name"
          maxLength={NAME_MAX}
          value={draft.name}
          aria-invalid={problems.name !== undefined}
          aria-describedby={errId('name')}
          onChange={(e) => {
            set('name', e.currentTarget.value);
          }}
        />
        {errorOf('name')}
        <label className="citizen-label" htmlFor={`${ids}-phone`}>
          {t('citizen.form.phone')}
        </label>
        <input
          id={`${ids}-phone`}
          className="citizen-input"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          data-testid="reporter-phone"
          value={draft.phone}
          aria-invalid={problems.phone !== undefined}
          aria-describedby={errId('phone')}
          onChange={(e) => {
            set('phone', e.currentTarget.value);
          }}
        />
        {errorOf('phone')}
      </section>

      {failure !== null && (
        <p className="citizen-alert" role="alert" data-testid="intake-error">
          {failure}
        </p>
      )}
      <button
        type="submit"
        className="citizen-button citizen-primary citizen-submit"
        disabled={sending}
        data-testid="submit-report"
      >
        {sending ? t('citizen.form.submitting') : t('citizen.form.submit')}
      </button>
    </form>
  );
}
