import { describe, expect, it } from 'vitest';
import { parseDecimal, parsePlacement, telemetryTopic, type PlacementInput } from './devices';

const blank: PlacementInput = {
  id: '',
  kind: 'air_quality',
  name: '',
  unitCode: '',
  lon: '',
  lat: '',
  gatewayId: '',
  devEui: '',
  intervalS: '',
};

describe('parsePlacement', () => {
  it('sends a position (the API derives the ward) and drops a chosen unit then', () => {
    expect(
      parsePlacement(
        { ...blank, id: 'aq-1', lon: '108,226', lat: '16.005', unitCode: '20314' },
        false,
      ),
    ).toEqual({ ok: true, body: { id: 'aq-1', kind: 'air_quality', lon: 108.226, lat: 16.005 } });
  });

  it('accepts a unit without a position', () => {
    expect(
      parsePlacement({ ...blank, id: 'aq-1', unitCode: '20314', intervalS: '60' }, false),
    ).toEqual({
      ok: true,
      body: { id: 'aq-1', kind: 'air_quality', unitCode: '20314', intervalS: 60 },
    });
  });

  it('flags each bad field', () => {
    const r = parsePlacement(
      { ...blank, id: '-bad id', kind: '', lon: '200', lat: '', intervalS: '-5' },
      false,
    );
    expect(r).toEqual({
      ok: false,
      errors: {
        id: 'admin.devices.error.id',
        kind: 'admin.devices.error.kind',
        lon: 'admin.devices.error.lon',
        lat: 'admin.devices.error.pair',
        intervalS: 'admin.devices.error.interval',
      },
    });
  });

  it('requires a placement for a new device, not for an edit', () => {
    expect(parsePlacement({ ...blank, id: 'x1' }, false)).toEqual({
      ok: false,
      errors: { unitCode: 'admin.devices.error.placement' },
    });
    expect(parsePlacement({ ...blank, name: '' }, true)).toEqual({
      ok: true,
      body: { kind: 'air_quality', name: null },
    });
  });
});

describe('helpers', () => {
  it('reads decimal commas and refuses junk', () => {
    expect(parseDecimal(' 16,05 ')).toBe(16.05);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('1e3')).toBeNaN();
  });

  it('names the telemetry topic', () => {
    expect(telemetryTopic('aq-1')).toBe('ioc/v1/telemetry/aq-1');
  });
});
