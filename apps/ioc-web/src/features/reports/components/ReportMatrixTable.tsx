import type { ReportMatrix, ReportState } from '@ioc/contracts';
import { formatDateTime } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/translate';
import { useI18n } from '../../../shared/i18n/useI18n';
import { dayText } from '../model/steps';
import { ExportLinks } from './ExportLinks';
import { ReportStepButtons } from './ReportStepButtons';

type Row = ReportMatrix['rows'][number];

export const STATE_KEYS: Record<ReportState, MessageKey> = {
  open: 'reports.state.open',
  submitted: 'reports.state.submitted',
  returned: 'reports.state.returned',
  approved: 'reports.state.approved',
  reopened: 'reports.state.reopened',
};

/** Owed items shown per row before "+N more": a ward owes a dozen, a department dozens. */
const CELLS_SHOWN = 12;

/** Reporters × what they owe × state, in the API's order (late rows first). */
export function ReportMatrixTable({
  matrix,
  role,
  onChanged,
}: {
  matrix: ReportMatrix;
  role: string;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  return (
    <table className="admin-table report-matrix" data-testid="report-matrix">
      <thead>
        <tr>
          <th scope="col">{t('reports.col.reporter')}</th>
          <th scope="col">{t('reports.col.state')}</th>
          <th scope="col">{t('reports.col.due')}</th>
          <th scope="col">{t('reports.col.indicators')}</th>
          <th scope="col">{t('reports.col.tasks')}</th>
          <th scope="col">{t('reports.col.owed')}</th>
          <th scope="col">{t('reports.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {matrix.rows.map((row) => (
          <MatrixRow key={row.id} row={row} role={role} onChanged={onChanged} />
        ))}
      </tbody>
    </table>
  );
}

function MatrixRow({ row, role, onChanged }: { row: Row; role: string; onChanged: () => void }) {
  const { t, num } = useI18n();
  const cells = row.cells.slice(0, CELLS_SHOWN);
  return (
    <tr
      className={row.late ? 'report-late' : undefined}
      data-testid="report-row"
      data-period-id={row.id}
      data-unit={row.unitCode}
      data-office={row.officeId ?? ''}
      data-state={row.state}
      data-late={row.late ? 'true' : 'false'}
    >
      <th scope="row">
        <span className="report-unit">{row.unitName ?? row.unitCode}</span>
        {row.officeName !== null && <span className="admin-sub">{row.officeName}</span>}
      </th>
      <td>
        <span className={`report-state state-${row.state}`} data-testid="report-state">
          {t(STATE_KEYS[row.state])}
        </span>
        {row.late && (
          <span className="report-late-badge" data-testid="report-late">
            {t('reports.late')}
          </span>
        )}
        {row.state === 'returned' && row.returnedReason !== null && (
          <span className="admin-sub">
            {t('reports.returnedBecause', { reason: row.returnedReason })}
          </span>
        )}
      </td>
      <td>
        {dayText(row.dueDate)}
        {row.submittedAt !== null && (
          <span className="admin-sub">
            {t('reports.submittedBy', {
              time: formatDateTime(new Date(row.submittedAt)),
              actor: row.submittedBy ?? '—',
            })}
          </span>
        )}
        {row.approvedAt !== null && (
          <span className="admin-sub">
            {t('reports.approvedBy', {
              time: formatDateTime(new Date(row.approvedAt)),
              actor: row.approvedBy ?? '—',
            })}
          </span>
        )}
      </td>
      <td data-testid="owed-indicators">
        {num(row.owed.indicatorsReported, 0)}/{num(row.owed.indicators, 0)}
      </td>
      <td data-testid="owed-tasks">
        {num(row.owed.tasksUpdated, 0)}/{num(row.owed.tasks, 0)}
      </td>
      <td>
        {cells.length === 0 ? (
          <span className="admin-sub">{t('reports.owedNothing')}</span>
        ) : (
          <ul className="report-cells">
            {cells.map((c) => (
              <li
                key={`${c.kind}:${c.code}`}
                className={c.done ? 'is-done' : 'is-missing'}
                data-testid="report-cell"
                data-kind={c.kind}
                data-code={c.code}
                data-done={c.done ? 'true' : 'false'}
                title={c.label}
              >
                <span aria-hidden="true">{c.done ? '✓' : '✗'}</span>{' '}
                <span className="sr-only">
                  {t(c.done ? 'reports.cell.done' : 'reports.cell.missing')}
                </span>
                {c.label}
              </li>
            ))}
            {row.cells.length > cells.length && (
              <li className="admin-sub">
                {t('reports.cell.more', { n: num(row.cells.length - cells.length, 0) })}
              </li>
            )}
          </ul>
        )}
      </td>
      <td>
        <ReportStepButtons periodId={row.id} state={row.state} role={role} onDone={onChanged} />
        <ExportLinks unit={row.unitCode} period={row.period} />
      </td>
    </tr>
  );
}
