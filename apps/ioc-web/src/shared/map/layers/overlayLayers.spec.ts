import { describe, expect, it } from 'vitest';
import type { MapAlert } from '../sceneMap.types';
import { alertPulseLayers } from './overlayLayers';

describe('alertPulseLayers', () => {
  const alerts: MapAlert[] = [{ id: 'a', severity: 'critical', lon: 108.2, lat: 16 }];

  it('animates through uniforms only: same data and accessors, radius and opacity move', () => {
    const [ring0, core0] = alertPulseLayers('alerts', alerts, 0, 1);
    const [ring1, core1] = alertPulseLayers('alerts', alerts, 0.5, 1);
    expect(ring1?.props.data).toBe(ring0?.props.data);
    expect(ring1?.props.updateTriggers).toEqual(ring0?.props.updateTriggers);
    expect(ring0?.props.radiusScale).toBe(1);
    expect(ring1?.props.radiusScale).toBeGreaterThan(1);
    expect(ring1?.props.opacity).toBeLessThan(ring0?.props.opacity ?? 0);
    // The core dot does not pulse at all.
    expect(core1?.props.radiusScale).toBe(core0?.props.radiusScale);
  });
});
