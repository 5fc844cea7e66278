import { CaseDetail } from '../../../shared/citizen/CaseDetail';
import { useI18n } from '../../../shared/i18n/useI18n';
import { navigate } from '../../../shared/ui/usePathname';

export interface CitizenCaseViewProps {
  id: string;
  role: string;
  kick: unknown;
  onChanged: () => void;
}

/** `/tablet/phan-anh/:id` — one citizen report with the steps the role may take. */
export function CitizenCaseView({ id, role, kick, onChanged }: CitizenCaseViewProps) {
  const { t } = useI18n();
  return (
    <section className="tablet-section">
      <a
        href="/tablet"
        className="tablet-button is-outline task-back"
        data-testid="citizen-back"
        onClick={(e) => {
          e.preventDefault();
          navigate('/tablet');
        }}
      >
        {t('citizenStaff.back')}
      </a>
      <CaseDetail id={id} role={role} kick={kick} onChanged={onChanged} />
    </section>
  );
}
