import type { TaskDetail } from '@ioc/contracts';
import { useI18n } from '../../../shared/i18n/useI18n';
import { useBlobUrl } from '../../../shared/ui/useBlobUrl';
import { isImage } from '../model/tasks';

type Evidence = TaskDetail['updates'][number]['evidence'][number];

/**
 * One evidence file: a photo as a thumbnail that opens full size, any other file as a link.
 * Both are fetched with the session (the file is scoped like its task).
 */
export function TaskEvidence({ file }: { file: Evidence }) {
  const { t, num } = useI18n();
  const blob = useBlobUrl(file.url);
  const image = isImage(file.contentType);
  const size = t('tasks.evidence.size', {
    kb: num(Math.max(1, Math.round(file.sizeBytes / 1024)), 0),
  });
  if (blob.phase !== 'ready') {
    return (
      <li className="task-evidence" data-testid="evidence" data-evidence-id={file.id}>
        <span className="tablet-meta" data-state={blob.phase === 'loading' ? 'loading' : undefined}>
          {blob.phase === 'loading'
            ? t('tasks.evidence.loading', { name: file.filename })
            : t(blob.status === 403 ? 'tasks.evidence.forbidden' : 'tasks.evidence.failed', {
                name: file.filename,
              })}
        </span>
      </li>
    );
  }
  return (
    <li className="task-evidence" data-testid="evidence" data-evidence-id={file.id}>
      <a
        href={blob.url}
        className="task-evidence-link"
        target="_blank"
        rel="noreferrer"
        download={image ? undefined : file.filename}
        data-testid="evidence-link"
      >
        {image && (
          <img
            className="task-evidence-thumb"
            src={blob.url}
            alt={t('tasks.evidence.photo', { name: file.filename })}
            data-testid="evidence-image"
          />
        )}
        <span className="task-evidence-name">
          {file.filename} · {size}
        </span>
      </a>
    </li>
  );
}
