import { useI18n } from '../../../shared/i18n/useI18n';
import type { TabletScorecard } from '../model/api';
import { highlighted, type HighlightGroup } from '../model/model';
import { IndicatorCard } from './IndicatorCard';

const GROUPS: {
  group: HighlightGroup;
  key: 'tablet.group.publicServices' | 'tablet.group.digitalCitizens';
}[] = [
  { group: 'publicServices', key: 'tablet.group.publicServices' },
  { group: 'digitalCitizens', key: 'tablet.group.digitalCitizens' },
];

/** Online public services and digital citizens (VNeID, digital signatures), as large tiles. */
export function HighlightsSection({ scorecard }: { scorecard: TabletScorecard }) {
  const { t } = useI18n();
  const groups = GROUPS.map((g) => ({ ...g, items: highlighted(scorecard.items, g.group) })).filter(
    (g) => g.items.length > 0,
  );
  if (groups.length === 0) return null;
  return (
    <section
      className="tablet-section"
      aria-labelledby="tablet-highlights-title"
      data-testid="highlights"
    >
      <h2 id="tablet-highlights-title">{t('tablet.section.highlights')}</h2>
      <div className="tablet-grid is-highlights">
        {groups.flatMap((g) =>
          g.items.map((item) => (
            <div key={item.code} className="tablet-highlight" data-testid={`highlight-${g.group}`}>
              <IndicatorCard item={item} scorecard={scorecard} large kicker={t(g.key)} />
            </div>
          )),
        )}
      </div>
    </section>
  );
}
