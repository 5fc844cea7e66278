import { useI18n } from '../../../shared/i18n/useI18n';
import type { PhotoPick } from '../hooks/usePhotoPicks';
import { PHOTO_ACCEPT } from '../model/form';
import { CITIZEN_PHOTO_LIMITS } from '@ioc/contracts';

/** Up to three photos from the camera or the gallery, each with a preview and a remove button. */
export function PhotoPicker({
  picks,
  onAdd,
  onRemove,
  describedBy,
  labelId,
}: {
  picks: readonly PhotoPick[];
  onAdd: (files: File[]) => void;
  onRemove: (id: number) => void;
  describedBy: string | undefined;
  labelId: string;
}) {
  const { t } = useI18n();
  const full = picks.length >= CITIZEN_PHOTO_LIMITS.maxFiles;
  return (
    <div className="citizen-photos">
      {picks.length > 0 && (
        <ul className="citizen-previews">
          {picks.map((p, i) => (
            <li key={p.id} className="citizen-preview">
              <img src={p.url} alt={t('citizen.form.photoAlt', { n: i + 1 })} />
              <button
                type="button"
                className="citizen-remove"
                aria-label={t('citizen.form.removePhoto', { n: i + 1 })}
                onClick={() => {
                  onRemove(p.id);
                }}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      {!full && (
        <label className="citizen-button citizen-secondary citizen-file">
          {t('citizen.form.addPhoto')}
          <input
            type="file"
            accept={PHOTO_ACCEPT}
            capture="environment"
            multiple
            aria-labelledby={labelId}
            aria-describedby={describedBy}
            data-testid="photo-input"
            onChange={(e) => {
              const files = [...(e.currentTarget.files ?? [])];
              // Cleared so that choosing the same file again (after removing it) fires again.
              e.currentTarget.value = '';
              if (files.length > 0) onAdd(files);
            }}
          />
        </label>
      )}
    </div>
  );
}
