import type { ReactNode } from 'react';
import type { Resource } from '../hooks/useResource';
import { useI18n } from '../../../shared/i18n/useI18n';
import { errorText } from '../../../shared/ui/errorText';

/** Loading, error (with retry) and empty states of a list; renders `children` otherwise. */
export function ListState<T>({
  resource,
  isEmpty,
  emptyText,
  children,
}: {
  resource: Resource<T> & { reload: () => void };
  /** Left out when the data is one thing (a config), never an empty list. */
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (resource.status === 'error' && resource.data === null) {
    return (
      <div className="admin-state admin-state-error" role="alert" data-state="error">
        <p>{errorText(t, resource.error)}</p>
        <button type="button" onClick={resource.reload}>
          {t('admin.retry')}
        </button>
      </div>
    );
  }
  if (resource.data === null) {
    return (
      <div className="admin-state" data-state="loading" aria-busy="true">
        {t('app.loading')}
      </div>
    );
  }
  return (
    <>
      {resource.status === 'error' && (
        <p className="admin-state-error" role="alert">
          {errorText(t, resource.error)}
        </p>
      )}
      {isEmpty?.(resource.data) === true ? (
        <div className="admin-state" data-state="empty">
          {emptyText}
        </div>
      ) : (
        children(resource.data)
      )}
    </>
  );
}
