import { useI18n } from '../../../shared/i18n/useI18n';
import type { SceneSlot } from '../model/sceneClock';

export interface SceneBarProps {
  slot: SceneSlot | null;
  title: string;
  count: number;
}

/** The scene's title, its place in the cycle and how long until the next one. */
export function SceneBar({ slot, title, count }: SceneBarProps) {
  const { t, num } = useI18n();
  if (!slot) return null;
  return (
    <div
      className="scene-bar"
      data-testid="scene-bar"
      data-scene-id={slot.scene.id}
      data-scene-kind={slot.scene.kind}
    >
      <div className="scene-text">
        <span className="scene-title" data-testid="scene-title" title={title}>
          {title}
        </span>
        {slot.rotating && (
          <span className="scene-count">
            {t('scene.position', { n: num(slot.index + 1, 0), total: num(count, 0) })}
          </span>
        )}
      </div>
      {slot.rotating && (
        <div className="scene-progress" aria-hidden="true">
          <div className="scene-progress-fill" style={{ transform: `scaleX(${slot.progress})` }} />
        </div>
      )}
    </div>
  );
}
