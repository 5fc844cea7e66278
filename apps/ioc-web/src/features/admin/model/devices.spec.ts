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
  alarm1: '',
  alarm2: '',
  alarm3: '',
};

describe('parsePlacement', () => {
  it("sends a station's alarm levels I–III (decimal comma accepted)", () => {
    const r = parsePlacement(
      {
        ...blank,
        id: 'wl-1',
        kind: 'water_level',
        unitCode: '20314',
        alarm1: '1,7',
        alarm2: '1.8',
        alarm3: '1,88',
      },
      false,
    );
    expect(r).toEqual({
      ok: true,
      body: { id: 'wl-1', kind: 'water_level', unitCode: '20314', alarmLevels: [1.7, 1.8, 1.88] },
    });
  });

  it('takes I or I–II alone, and falling levels for a low-water station', () => {
    const body = (v: Partial<PlacementInput>) => {
      const r = parsePlacement({ ...blank, id: 'wl-1', unitCode: '20314', ...v }, false);
      return r.ok ? r.body.alarmLevels : r.errors;
    };
    expect(body({ alarm1: '2' })).toEqual([2]);
    expect(body({ alarm1: '2', alarm2: '2,5' })).toEqual([2, 2.5]);
    expect(body({ alarm1: '0,8', alarm2: '0,5', alarm3: '0,2' })).toEqual([0.8, 0.5, 0.2]);
  });

  it('flags a gap, a word and levels out of order beside the field to mend', () => {
    const errors = (v: Partial<PlacementInput>) => {
      const r = parsePlacement({ ...blank, id: 'wl-1', unitCode: '20314', ...v }, false);
      return r.ok ? null : r.errors;
    };
    expect(errors({ alarm1: '1,7', alarm3: '1,9' })).toEqual({
      alarm2: 'admin.devices.error.alarmGap',
    });
    expect(errors({ alarm1: 'cao' })).toEqual({ alarm1: 'admin.devices.error.alarmNumber' });
    expect(errors({ alarm1: '1,7', alarm2: '1,9', alarm3: '1,8' })).toEqual({
      alarm3: 'admin.devices.error.alarmOrder',
    });
    expect(errors({ alarm1: '1,7', alarm2: '1,7' })).toEqual({
      alarm2: 'admin.devices.error.alarmOrder',
    });
  });

  it('removes the levels when an edit clears them, and keeps them out of a new device without', () => {
    const edit = parsePlacement({ ...blank, kind: 'water_level' }, true);
    expect(edit.ok && edit.body.alarmLevels).toBeNull();
    const add = parsePlacement({ ...blank, id: 'aq-1', unitCode: '20314' }, false);
    expect(add.ok && 'alarmLevels' in add.body).toBe(false);
  });

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
      // An edit always says what the levels are now: cleared fields remove them.
      body: { kind: 'air_quality', name: null, alarmLevels: null },
    });
  });

  it('takes only a kind from the list, but leaves an edited device its older kind', () => {
    expect(
      parsePlacement({ ...blank, id: 'x1', unitCode: '20314', kind: 'toaster' }, false),
    ).toEqual({
      ok: false,
      errors: { kind: 'admin.devices.error.kind' },
    });
    expect(parsePlacement({ ...blank, kind: 'street_light' }, true, 'street_light')).toEqual({
      ok: true,
      body: { name: null, alarmLevels: null },
    });
    expect(parsePlacement({ ...blank, kind: 'noise' }, true, 'street_light')).toEqual({
      ok: true,
      body: { kind: 'noise', name: null, alarmLevels: null },
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
