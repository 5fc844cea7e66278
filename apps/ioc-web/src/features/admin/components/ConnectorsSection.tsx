import { useState } from 'react';
import type { ConnectorLiveness, ConnectorView } from '@ioc/contracts';
import { deleteConnector, fetchConnectors } from '../model/connectorEndpoints';
import { fetchFeedBoard } from '../model/endpoints';
import { useResource } from '../hooks/useResource';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { AddButton, AdminSection, AdminTable } from './AdminSection';
import { ConfirmButton } from './ConfirmButton';
import { ConnectorDetail } from './ConnectorDetail';
import { ConnectorForm } from './ConnectorForm';
import { ListState } from './ListState';

type Editing = { mode: 'add' } | { mode: 'edit'; connector: ConnectorView } | null;

/** /admin/connectors ("Kết nối dữ liệu"): pulled department systems (docs/connectors.md). */
export function ConnectorsSection() {
  const { t } = useI18n();
  const list = useResource(async (signal) => {
    const [items, board] = await Promise.all([
      fetchConnectors(signal),
      // The last run comes from the liveness board; without it the list still shows.
      fetchFeedBoard(signal).catch(() => ({ connectors: [] as ConnectorLiveness[] })),
    ]);
    return { items, runs: new Map(board.connectors.map((c) => [c.id, c])) };
  }, []);
  const [editing, setEditing] = useState<Editing>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const open = list.data?.items.find((c) => c.id === openId) ?? null;

  return (
    <AdminSection
      name="connectors"
      title={t('admin.connectors.title')}
      action={
        editing === null && (
          <AddButton
            testId="connector-add"
            label={t('admin.connectors.add')}
            onClick={() => {
              setEditing({ mode: 'add' });
            }}
          />
        )
      }
    >
      <p className="admin-hint">{t('admin.connectors.lead')}</p>
      {editing !== null && (
        <ConnectorForm
          key={editing.mode === 'edit' ? editing.connector.id : 'new'}
          {...(editing.mode === 'edit' ? { existing: editing.connector } : {})}
          onCancel={() => {
            setEditing(null);
          }}
          onSaved={(c) => {
            setEditing(null);
            setOpenId(c.id);
            list.reload();
          }}
        />
      )}
      <ListState
        resource={list}
        isEmpty={(d) => d.items.length === 0}
        emptyText={t('admin.connectors.empty')}
      >
        {(d) => (
          <AdminTable
            testId="connector-table"
            headers={[
              t('admin.connectors.col.name'),
              t('admin.connectors.col.department'),
              t('admin.connectors.col.kind'),
              t('admin.connectors.col.schedule'),
              t('admin.connectors.col.state'),
              t('admin.connectors.col.lastRun'),
              t('admin.actions'),
            ]}
          >
            {d.items.map((c) => {
              const run = d.runs.get(c.id);
              return (
                <tr key={c.id} data-testid="connector-row" data-id={c.id}>
                  <td>
                    {c.name}
                    <br />
                    <code>{c.id}</code>
                  </td>
                  <td>{c.department}</td>
                  <td>
                    {t(`admin.connectors.kind.${c.source.kind}`)} ·{' '}
                    {t(`admin.connectors.target.${c.mapping.target}`)}
                  </td>
                  <td>{c.schedule ?? t('admin.connectors.manualOnly')}</td>
                  <td data-cell="state">
                    <span
                      className={
                        c.paused ? 'admin-badge admin-badge-warn' : 'admin-badge admin-badge-ok'
                      }
                    >
                      {c.paused ? t('admin.connectors.paused') : t('admin.connectors.active')}
                    </span>
                  </td>
                  <td data-cell="last-run">
                    {run?.lastRunAt
                      ? `${formatDateTime(new Date(run.lastRunAt))} · ${t(`admin.connectors.runs.status.${run.lastStatus ?? 'running'}`)}`
                      : t('admin.connectors.never')}
                  </td>
                  <td className="admin-actions">
                    <button
                      type="button"
                      data-testid="connector-open"
                      onClick={() => {
                        setOpenId(c.id);
                      }}
                    >
                      {t('admin.connectors.open')}
                    </button>
                    <button
                      type="button"
                      data-testid="connector-edit"
                      onClick={() => {
                        setEditing({ mode: 'edit', connector: c });
                      }}
                    >
                      {t('admin.connectors.edit')}
                    </button>
                    <ConfirmButton
                      danger
                      label={t('admin.connectors.delete')}
                      question={t('admin.connectors.deleteConfirm', { id: c.id })}
                      onConfirm={async () => {
                        await deleteConnector(c.id);
                        if (openId === c.id) setOpenId(null);
                        list.reload();
                      }}
                    />
                  </td>
                </tr>
              );
            })}
          </AdminTable>
        )}
      </ListState>
      {open !== null && (
        <ConnectorDetail
          key={open.id}
          connector={open}
          onChanged={list.reload}
          onClose={() => {
            setOpenId(null);
          }}
        />
      )}
    </AdminSection>
  );
}
