import { useState } from 'react';
import { DEFAULT_PROVINCE, unitLabel, useUnitDirectory } from '../model/unitDirectory';
import { useI18n } from '../../../shared/i18n/useI18n';
import { AdminSection } from './AdminSection';
import { UnitSelect } from './UnitSelect';
import { WallDisplayTokens } from './WallDisplayTokens';
import { WallScenesEditor } from './WallScenesEditor';
import { WallScreens } from './WallScreens';

/**
 * /admin/wall: the scenes a unit's wall rotates through (each with a live preview), the screens
 * that report in, and the wall screens' display tokens.
 */
export function WallSection() {
  const { t } = useI18n();
  const dir = useUnitDirectory();
  const [unit, setUnit] = useState(DEFAULT_PROVINCE);
  return (
    <AdminSection
      name="wall"
      title={t('admin.wall.title')}
      action={
        <label>
          {t('admin.wall.unit')}{' '}
          <UnitSelect dir={dir} value={unit} onChange={setUnit} testId="wall-unit" />
        </label>
      }
    >
      <WallScenesEditor unit={unit} />
      <WallScreens />
      <WallDisplayTokens unit={unit} unitName={unitLabel(dir, unit)} />
    </AdminSection>
  );
}
