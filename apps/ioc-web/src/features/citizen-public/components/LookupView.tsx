import { useId, useState, type SyntheticEvent } from 'react';
import { useI18n } from '../../../shared/i18n/useI18n';
import { navigate } from '../../../shared/ui/usePathname';
import { normaliseCode, trackPath } from '../model/paths';

/** /phan-anh/tra-cuu — type or paste a tracking code. */
export function LookupView() {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (e: SyntheticEvent): void => {
    e.preventDefault();
    const code = normaliseCode(value);
    if (code === null) {
      setInvalid(true);
      return;
    }
    navigate(trackPath(code));
  };
  return (
    <form className="citizen-card citizen-lookup" onSubmit={submit} noValidate>
      <h1>{t('citizen.lookup.title')}</h1>
      <label className="citizen-label" htmlFor={id}>
        {t('citizen.lookup.code')}
      </label>
      <input
        id={id}
        className="citizen-input citizen-code-input"
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        value={value}
        placeholder="PA…"
        aria-invalid={invalid}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-err` : ''}`}
        data-testid="lookup-code"
        onChange={(e) => {
          setValue(e.currentTarget.value);
          setInvalid(false);
        }}
      />
      <p className="citizen-hint" id={`${id}-hint`}>
        {t('citizen.lookup.codeHint')}
      </p>
      {invalid && (
        <p className="citizen-field-error" id={`${id}-err`} role="alert">
          {t('citizen.lookup.invalid')}
        </p>
      )}
      <button type="submit" className="citizen-button citizen-primary">
        {t('citizen.lookup.submit')}
      </button>
    </form>
  );
}
