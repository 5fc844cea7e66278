import { useI18n } from '../../../shared/i18n/useI18n';

/**
 * "Publish / unpublish all shown" (and, for devices, "follow kind"): they only change the draft,
 * so the administrator still reviews the count and saves.
 */
export function BulkButtons({
  disabled,
  onAll,
  onFollow,
}: {
  disabled: boolean;
  onAll: (value: boolean) => void;
  onFollow?: () => void;
}) {
  const { t } = useI18n();
  return (
    <span className="admin-inline">
      <button
        type="button"
        disabled={disabled}
        onClick={() => {
          onAll(true);
        }}
      >
        {t('admin.openData.bulk.publish')}
      </button>
      <button
        type="button"
        disabled={disabled}
        onClick={() => {
          onAll(false);
        }}
      >
        {t('admin.openData.bulk.unpublish')}
      </button>
      {onFollow && (
        <button type="button" disabled={disabled} onClick={onFollow}>
          {t('admin.openData.bulk.follow')}
        </button>
      )}
    </span>
  );
}
