import { describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n/translate';
import { canReopen, eventLabelKey, statusLabelKey, statusTone } from './status';

describe('statusLabelKey', () => {
  it('names every status as the tracking page shows it in Vietnamese', () => {
    const vi = (s: string) => translate('vi', statusLabelKey(s));
    expect(vi('received')).toBe('Đã tiếp nhận');
    expect(vi('assigned')).toBe('Đã giao xử lý');
    expect(vi('in_progress')).toBe('Đang xử lý');
    expect(vi('resolved')).toBe('Đã giải quyết');
    expect(vi('rejected')).toBe('Từ chối');
  });

  it('has an English label for each status and a fallback for an unknown one', () => {
    expect(translate('en', statusLabelKey('resolved'))).toBe('Resolved');
    expect(statusLabelKey('archived')).toBe('citizen.status.unknown');
  });
});

describe('eventLabelKey', () => {
  it('labels the public events and falls back for others', () => {
    expect(translate('vi', eventLabelKey('transferred'))).toMatch(/chuyển/i);
    expect(eventLabelKey('commented')).toBe('citizen.event.other');
  });
});

describe('statusTone', () => {
  it('separates open, resolved and rejected cases', () => {
    expect(statusTone('in_progress')).toBe('open');
    expect(statusTone('resolved')).toBe('done');
    expect(statusTone('rejected')).toBe('refused');
  });
});

describe('canReopen', () => {
  const until = '2026-12-08T03:00:00.000Z';
  const at = Date.parse(until);

  it('offers a reopen until the window closes, and only for a resolved case', () => {
    expect(canReopen('resolved', until, at)).toBe(true);
    expect(canReopen('resolved', until, at + 1)).toBe(false);
    expect(canReopen('rejected', until, at - 1)).toBe(false);
    expect(canReopen('resolved', null, at - 1)).toBe(false);
  });
});
