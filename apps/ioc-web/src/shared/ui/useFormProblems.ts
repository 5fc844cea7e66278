import { useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { errorText, problemsOf } from './errorText';

export type FieldProblems = Record<string, string[]>;

/**
 * The problems and busy state every admin form keeps: client checks first, then the API's
 * answer, each problem beside its field and the rest above the form.
 */
export function useFormProblems() {
  const { t } = useI18n();
  const [fields, setFields] = useState<FieldProblems>({});
  const [form, setForm] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  /** Shows the client checks' problems; with none, marks the form busy and says "send it". */
  const begin = (clientProblems: FieldProblems): boolean => {
    setFields(clientProblems);
    setForm([]);
    if (Object.keys(clientProblems).length > 0) return false;
    setBusy(true);
    return true;
  };

  /**
   * Shows why the API refused. The general explanation goes above the form unless field
   * problems already say it, or `always` (forms whose fields cannot show every problem).
   */
  const fail = (err: unknown, always = false) => {
    setBusy(false);
    const p = problemsOf(t, err);
    setFields(p.fields);
    setForm(always || Object.keys(p.fields).length === 0 ? [errorText(t, err), ...p.form] : p.form);
  };

  /** The API took it: no problems left, ready again (for a form that stays open after saving). */
  const done = () => {
    setBusy(false);
    setFields({});
    setForm([]);
  };

  return { fields, form, busy, begin, fail, done, setFields };
}
