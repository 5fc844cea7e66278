import { describe, expect, it } from 'vitest';
import { parseDisplayParams } from './urlParams';

describe('parseDisplayParams', () => {
  it('reads token and unit, defaulting to the demo province', () => {
    expect(parseDisplayParams('?token=abc&unit=75')).toMatchObject({
      token: 'abc',
      unitCode: '75',
    });
    expect(parseDisplayParams('?unit=20242')).toMatchObject({ token: null, unitCode: '20242' });
    expect(parseDisplayParams('?unit=../x&token=')).toMatchObject({ token: null, unitCode: '48' });
  });

  it('reads kiosk and preview flags, off unless set', () => {
    expect(parseDisplayParams('?unit=48')).toMatchObject({ kiosk: false, preview: false });
    expect(parseDisplayParams('?kiosk=1&preview=true')).toMatchObject({
      kiosk: true,
      preview: true,
    });
    expect(parseDisplayParams('?kiosk=0&preview=no')).toMatchObject({
      kiosk: false,
      preview: false,
    });
  });
});
