import { useEffect, useId, useState } from 'react';
import type { AssignablePersonWire } from '@ioc/contracts';
import type { Office } from '../../../shared/api/citizen';
import { useI18n } from '../../../shared/i18n/useI18n';
import { fetchAssignablePeople, type AssigneeKind } from '../model/alerts';

export interface AssignPickerProps {
  alertId: string;
  username: string;
  offices: readonly Office[] | null;
  kind: AssigneeKind;
  value: string;
  onKind: (kind: AssigneeKind) => void;
  onChange: (value: string) => void;
}

const KINDS: readonly AssigneeKind[] = ['person', 'office'];

/**
 * Whom to hand an alert to: first a person or an office (two large toggle buttons), then one of
 * them from a list. The people are those of the alert's unit and above, asked of the API when
 * the form opens; the offices come with the page.
 */
export function AssignPicker(p: AssignPickerProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const people = useAssignablePeople(p.alertId, p.username);
  return (
    <>
      <div className="tablet-alert-kinds" role="group" aria-label={t('tablet.alert.assignTo')}>
        {KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className={p.kind === k ? 'tablet-alert-button is-open' : 'tablet-alert-button'}
            aria-pressed={p.kind === k}
            data-testid={`assign-kind-${k}`}
            onClick={() => {
              p.onKind(k);
            }}
          >
            {t(`tablet.alert.kind.${k}`)}
          </button>
        ))}
      </div>
      <label htmlFor={`${id}-${p.kind}`}>
        {t(p.kind === 'person' ? 'tablet.alert.assignToPerson' : 'tablet.alert.assignTo')}
      </label>
      {p.kind === 'person' ? (
        <select
          id={`${id}-person`}
          name="person"
          value={p.value}
          aria-busy={people === null}
          onChange={(e) => {
            p.onChange(e.target.value);
          }}
        >
          <option value="">
            {t(
              people !== null && people.length === 0
                ? 'tablet.alert.noPeople'
                : 'tablet.alert.pickPerson',
            )}
          </option>
          {(people ?? []).map((person) => (
            <option key={person.username} value={person.username}>
              {`${person.displayName} — ${t(`admin.role.${person.role}`)}`}
            </option>
          ))}
        </select>
      ) : (
        <select
          id={`${id}-office`}
          name="office"
          value={p.value}
          aria-busy={p.offices === null}
          onChange={(e) => {
            p.onChange(e.target.value);
          }}
        >
          <option value="">{t('tablet.alert.pickOffice')}</option>
          {(p.offices ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {lang === 'vi' ? o.nameVi : (o.nameEn ?? o.nameVi)}
            </option>
          ))}
        </select>
      )}
    </>
  );
}

/** The people an alert may go to; null while loading, [] when none or the list failed. */
function useAssignablePeople(alertId: string, self: string): AssignablePersonWire[] | null {
  const [people, setPeople] = useState<AssignablePersonWire[] | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    fetchAssignablePeople(alertId, self, abort.signal).then(setPeople, () => {
      if (!abort.signal.aborted) setPeople([]);
    });
    return () => {
      abort.abort();
    };
  }, [alertId, self]);
  return people;
}
