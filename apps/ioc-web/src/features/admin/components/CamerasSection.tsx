import { useMemo, useState } from 'react';
import { fetchCameras } from '../model/cameraEndpoints';
import { DEFAULT_PROVINCE, useUnitDirectory } from '../model/unitDirectory';
import { useResource } from '../hooks/useResource';
import { useI18n } from '../../../shared/i18n/useI18n';
import { AddButton, AdminSection, AdminTable } from './AdminSection';
import { CameraForm } from './CameraForm';
import { CameraRow, type CameraRowOpen } from './CameraRow';
import { ListState } from './ListState';
import { UnitSelect } from './UnitSelect';

/**
 * /admin/cameras: the camera registry by unit — register with a map placement and the media
 * server's paths, edit, remove, and test what a screen would be given to play.
 */
export function CamerasSection() {
  const { t } = useI18n();
  const dir = useUnitDirectory();
  const [unit, setUnit] = useState(DEFAULT_PROVINCE);
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [open, setOpen] = useState<{ id: string; what: CameraRowOpen } | null>(null);
  const cameras = useResource((signal) => fetchCameras(unit, signal), [unit]);
  const q = query.trim().toLowerCase();

  const visible = useMemo(
    () =>
      (cameras.data ?? []).filter(
        (c) =>
          q === '' ||
          c.id.toLowerCase().includes(q) ||
          c.name.toLowerCase().includes(q) ||
          c.tags.some((tag) => tag.toLowerCase().includes(q)),
      ),
    [cameras.data, q],
  );

  const afterSave = (name: string) => {
    setSaved(name);
    setOpen(null);
    cameras.reload();
  };

  return (
    <AdminSection
      name="cameras"
      title={t('admin.cameras.title')}
      action={
        !adding && (
          <AddButton
            label={t('admin.cameras.add')}
            testId="camera-add"
            onClick={() => {
              setAdding(true);
              setSaved(null);
            }}
          />
        )
      }
    >
      <p className="admin-hint">{t('admin.cameras.lead')}</p>
      {saved !== null && (
        <p role="status" data-testid="camera-saved">
          {t('admin.cameras.saved', { name: saved })}
        </p>
      )}
      {adding && (
        <CameraForm
          dir={dir}
          province={unit.slice(0, 2)}
          onCancel={() => {
            setAdding(false);
          }}
          onSaved={(camera) => {
            setAdding(false);
            afterSave(camera.name);
          }}
        />
      )}

      <div className="admin-toolbar">
        <label>
          {t('admin.devices.unitFilter')}{' '}
          <UnitSelect dir={dir} value={unit} onChange={setUnit} testId="camera-unit-filter" />
        </label>
        <label>
          {t('admin.cameras.search')}{' '}
          <input
            type="search"
            value={query}
            placeholder={t('admin.cameras.searchPlaceholder')}
            onChange={(e) => {
              setQuery(e.target.value);
            }}
          />
        </label>
      </div>

      <ListState
        resource={cameras}
        isEmpty={() => visible.length === 0}
        emptyText={q === '' ? t('admin.cameras.empty') : t('admin.devices.noMatch', { query })}
      >
        {() => (
          <AdminTable
            testId="camera-table"
            headers={[
              t('admin.cameras.name'),
              t('admin.cameras.kind'),
              t('admin.cameras.unit'),
              t('admin.cameras.streams'),
              t('admin.cameras.cred.title'),
              t('admin.cameras.statusTags'),
              t('admin.actions'),
            ]}
          >
            {visible.map((c) => (
              <CameraRow
                key={c.id}
                camera={c}
                dir={dir}
                open={open?.id === c.id ? open.what : null}
                onOpen={(what) => {
                  setOpen(what === null ? null : { id: c.id, what });
                }}
                onSaved={(saved) => {
                  afterSave(saved.name);
                }}
                onDeleted={() => {
                  setOpen(null);
                  cameras.reload();
                }}
              />
            ))}
          </AdminTable>
        )}
      </ListState>
    </AdminSection>
  );
}
