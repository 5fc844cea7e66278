import type { CitizenCase } from '../api/citizen';
import { citizenPhotoPath } from '../api/citizen';
import { useI18n } from '../i18n/useI18n';
import { useBlobUrl } from '../ui/useBlobUrl';

/** The case's photos of one kind (the resident's, or the after-photos), read with the session. */
export function CasePhotos({ kase, kind }: { kase: CitizenCase; kind: 'report' | 'resolution' }) {
  const { t } = useI18n();
  const photos = kase.photos.filter((p) => p.kind === kind);
  return (
    <figure className="cs-photos" data-testid={`case-photos-${kind}`} data-count={photos.length}>
      <figcaption>{t(`citizenStaff.photos.${kind}`)}</figcaption>
      {photos.length === 0 ? (
        <p className="cs-muted">{t('citizenStaff.photos.none')}</p>
      ) : (
        <ul>
          {photos.map((p, i) => (
            <li key={p.id}>
              <Photo
                path={citizenPhotoPath(kase.id, p.id)}
                alt={t('citizenStaff.photo.alt', { n: i + 1, code: kase.code })}
                kind={kind}
              />
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

function Photo({ path, alt, kind }: { path: string; alt: string; kind: string }) {
  const { t } = useI18n();
  const blob = useBlobUrl(path);
  if (blob.phase === 'ready')
    return (
      <a href={blob.url} target="_blank" rel="noreferrer" className="cs-photo-link">
        <img src={blob.url} alt={alt} data-testid="case-photo" data-kind={kind} />
      </a>
    );
  return (
    <span className="cs-photo-placeholder" data-state={blob.phase}>
      {blob.phase === 'failed' ? t('citizenStaff.photo.failed') : '…'}
    </span>
  );
}
