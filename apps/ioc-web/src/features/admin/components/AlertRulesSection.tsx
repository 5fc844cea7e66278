import { useEffect, useState } from 'react';
import { fetchRules, updateRule } from '../model/endpoints';
import { RULE_KIND_KEYS, SEVERITY_KEYS } from '../model/labels';
import { conditionSummary } from '../model/rules';
import type { RuleViewWire as RuleView } from '@ioc/contracts';
import { useResource } from '../hooks/useResource';
import { useI18n } from '../../../shared/i18n/useI18n';
import { useMetrics } from '../../../shared/metrics/useMetrics';
import { AddButton, AdminSection, AdminTable } from './AdminSection';
import { errorText } from '../../../shared/ui/errorText';
import { ListState } from './ListState';
import { RuleForm } from './RuleForm';

/** /admin/alert-rules: list, create, edit, enable/disable. Rules are never deleted (alerts cite them). */
export function AlertRulesSection() {
  const { t, num } = useI18n();
  const metrics = useMetrics();
  const rules = useResource((signal) => fetchRules(signal), []);
  const [editing, setEditing] = useState<RuleView | 'new' | null>(null);
  const [toggleError, setToggleError] = useState<string | null>(null);
  // The switch moves at once; the API's answer (or refusal) settles it.
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  useEffect(() => {
    // Fresh rules from the API replace every optimistic switch position.
    setPending(new Map());
  }, [rules.data]);
  const settle = (id: string) => {
    setPending((m) => {
      const next = new Map(m);
      next.delete(id);
      return next;
    });
  };

  return (
    <AdminSection
      name="rules"
      title={t('admin.rules.title')}
      action={
        editing === null && (
          <AddButton
            label={t('admin.rules.add')}
            onClick={() => {
              setEditing('new');
            }}
          />
        )
      }
    >
      {editing !== null && (
        <RuleForm
          key={editing === 'new' ? 'new' : editing.id}
          rule={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) rules.reload();
          }}
        />
      )}
      {toggleError !== null && (
        <p className="admin-state-error" role="alert">
          {toggleError}
        </p>
      )}
      <ListState
        resource={rules}
        isEmpty={(d) => d.length === 0}
        emptyText={t('admin.rules.empty')}
      >
        {(list) => (
          <AdminTable
            testId="rule-table"
            headers={[
              t('admin.rules.name'),
              t('admin.rules.kind'),
              t('admin.rules.condition'),
              t('admin.rules.severity'),
              t('admin.rules.enabled'),
              t('admin.actions'),
            ]}
          >
            {list.map((r) => (
              <tr key={r.id} data-testid="rule-row" data-id={r.id}>
                <td>{r.name}</td>
                <td>{t(RULE_KIND_KEYS[r.kind])}</td>
                <td>
                  {conditionSummary(
                    r,
                    (n) => num(n, 2),
                    (code) => metrics.name(code),
                    t('admin.rules.stationLevels'),
                  )}
                </td>
                <td>
                  <span className={`admin-badge admin-sev-${r.severity}`}>
                    {t(SEVERITY_KEYS[r.severity])}
                  </span>
                </td>
                <td>
                  <label className="admin-switch">
                    <input
                      type="checkbox"
                      checked={pending.get(r.id) ?? r.enabled}
                      onChange={(e) => {
                        const enabled = e.target.checked;
                        setToggleError(null);
                        setPending((m) => new Map(m).set(r.id, enabled));
                        updateRule(r.id, { enabled }).then(rules.reload, (err: unknown) => {
                          settle(r.id);
                          setToggleError(errorText(t, err));
                        });
                      }}
                    />{' '}
                    {(pending.get(r.id) ?? r.enabled) ? t('admin.rules.on') : t('admin.rules.off')}
                  </label>
                </td>
                <td className="admin-actions">
                  <button
                    type="button"
                    onClick={() => {
                      setEditing(r);
                    }}
                  >
                    {t('admin.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </AdminTable>
        )}
      </ListState>
    </AdminSection>
  );
}
