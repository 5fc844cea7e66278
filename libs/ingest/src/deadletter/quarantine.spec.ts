import { describe, expect, it } from 'vitest';
import { escapeText, isDataError, quarantined } from './quarantine';

describe('isDataError', () => {
  it('tells data the database can never hold from a database it cannot reach', () => {
    for (const code of ['22021', '22P05', '23505', '54000'])
      expect(isDataError(Object.assign(new Error('x'), { code }))).toBe(true);
    for (const code of ['ECONNREFUSED', '57P01', '08006', '40001', undefined])
      expect(isDataError(Object.assign(new Error('x'), { code }))).toBe(false);
    expect(isDataError(null)).toBe(false);
  });
});

describe('escapeText', () => {
  it('keeps printable ASCII and escapes everything else, the backslash included', () => {
    expect(escapeText('pm25 ok')).toBe('pm25 ok');
    expect(escapeText('a\u0000b\\c')).toBe('a\\u0000b\\u005cc');
    expect(escapeText('Hòa')).toBe('H\\u00f2a');
    expect(escapeText('😀')).toBe('\\u{1f600}');
  });

  it('bounds a long field and says how long it was', () => {
    const out = escapeText('x'.repeat(5000));
    expect(out).toBe(`${'x'.repeat(4096)}… (5000 chars)`);
  });
});

describe('quarantined', () => {
  it('escapes every text field, base64s the payload and names the refusal', () => {
    const refusal = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: '22021',
    });
    const at = new Date('2026-03-01T00:00:00Z');
    expect(
      quarantined(
        {
          reason: 'unknown_metric',
          detail: 'unknown metric a\u0000b',
          source: 'mqtt:ioc/v1/telemetry/d\u0000',
          deviceId: 'd\u0000',
          payload: 'ab',
          receivedAt: at,
        },
        refusal,
      ),
    ).toEqual({
      reason: 'unknown_metric',
      detail:
        'unknown metric a\\u0000b [stored escaped: 22021 invalid byte sequence for encoding "UTF8": 0x00]',
      source: 'mqtt:ioc/v1/telemetry/d\\u0000',
      deviceId: 'd\\u0000',
      payload: 'base64:YWI=',
      receivedAt: at,
    });
  });

  it('keeps absent fields absent', () => {
    expect(quarantined({ reason: 'r', source: 's' }, new Error('no code'))).toEqual({
      reason: 'r',
      detail: '[stored escaped: ? no code]',
      source: 's',
      deviceId: null,
      payload: null,
    });
  });
});
