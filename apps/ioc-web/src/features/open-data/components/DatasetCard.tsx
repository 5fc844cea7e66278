import type { Dataset } from '@ioc/contracts';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { FORMAT_KEYS, FREQUENCY_KEYS } from '../model/labels';

/** One dataset: what it is, under which licence, how fresh, and its downloads. */
export function DatasetCard({ dataset }: { dataset: Dataset }) {
  const { t, lang } = useI18n();
  const title = lang === 'vi' ? dataset.titleVi : dataset.titleEn;
  const description = lang === 'vi' ? dataset.descriptionVi : dataset.descriptionEn;
  const headingId = `dataset-${dataset.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <article
      className="open-data-card"
      aria-labelledby={headingId}
      data-testid="dataset"
      data-id={dataset.id}
    >
      <h3 id={headingId}>{title}</h3>
      {description !== '' && <p className="open-data-description">{description}</p>}
      <dl className="open-data-facts">
        <div>
          <dt>{t('openData.licence')}</dt>
          <dd>
            <a href={dataset.licence.url} rel="license noopener" target="_blank">
              {dataset.licence.id}
            </a>
          </dd>
        </div>
        <div>
          <dt>{t('openData.frequency')}</dt>
          <dd>{t(FREQUENCY_KEYS[dataset.updateFrequency])}</dd>
        </div>
        <div>
          <dt>{t('openData.modified')}</dt>
          <dd>
            {dataset.modified === null ? (
              t('openData.modified.none')
            ) : (
              <time dateTime={dataset.modified}>{formatDateTime(new Date(dataset.modified))}</time>
            )}
          </dd>
        </div>
      </dl>
      {dataset.distributions.length === 0 ? (
        <p className="open-data-muted">{t('openData.noDownloads')}</p>
      ) : (
        <ul className="open-data-downloads" aria-label={t('openData.downloads')}>
          {dataset.distributions.map((d) => {
            const format = t(FORMAT_KEYS[d.format]);
            return (
              <li key={d.format}>
                <a
                  href={d.url}
                  download
                  type={d.mediaType}
                  data-format={d.format}
                  aria-label={t('openData.download', { format, title })}
                >
                  {t('openData.downloads')} {format}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </article>
  );
}
