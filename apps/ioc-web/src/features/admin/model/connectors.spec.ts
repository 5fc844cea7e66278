import type { ConnectorView } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../../shared/i18n/translate';
import {
  connectorInput,
  durationParts,
  parseConnectorForm,
  type ConnectorInput,
} from './connectors';

const t = (key: MessageKey) => translate('vi', key);

const filled = (o: Partial<ConnectorInput> = {}): ConnectorInput => ({
  ...connectorInput(),
  id: 'dvc-lgsp',
  name: 'Hệ thống TTHC',
  department: 'Văn phòng UBND',
  url: 'https://lgsp.example/hoso?page={page}&size={limit}',
  recordsPath: 'data.items',
  pagingKind: 'page',
  pageSize: '50',
  watermarkField: 'NgayCapNhat',
  schedule: '*/15 * * * *',
  expression: '{ "code": MaHoSo }',
  authKind: 'lgsp',
  appName: 'ioc',
  accessKey: 'AK-1',
  secretKey: 'SK-secret-123',
  ...o,
});

const stored: ConnectorView = {
  id: 'dvc-lgsp',
  name: 'Hệ thống TTHC',
  department: 'Văn phòng UBND',
  source: {
    kind: 'rest-json',
    url: 'https://lgsp.example/hoso',
    method: 'GET',
    headers: { Accept: 'application/json' },
    paging: { kind: 'offset', size: 20 },
  },
  mapping: { target: 'dossier', expression: '$', unitCodes: { '20194': '20275' } },
  auth: { kind: 'lgsp', appName: 'ioc', secretSet: true },
  schedule: null,
  rateLimitPerMinute: 60,
  maxRetries: 3,
  paused: false,
  watermark: null,
  knownFields: [],
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
};

describe('parseConnectorForm', () => {
  it('builds the create body the API expects, auth profile included', () => {
    const r = parseConnectorForm(filled(), undefined, t);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.body).toMatchObject({
      id: 'dvc-lgsp',
      source: {
        kind: 'rest-json',
        paging: { kind: 'page', size: 50, start: 1 },
        watermarkField: 'NgayCapNhat',
        recordsPath: 'data.items',
      },
      mapping: { target: 'dossier', expression: '{ "code": MaHoSo }' },
      auth: { kind: 'lgsp', appName: 'ioc', accessKey: 'AK-1', secretKey: 'SK-secret-123' },
      schedule: '*/15 * * * *',
    });
  });

  it('lists each problem under its field, in Vietnamese', () => {
    const r = parseConnectorForm(
      filled({ id: 'Bad Id', url: 'ftp://x', pageSize: 'abc', secretKey: 'short', name: ' ' }),
      undefined,
      t,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors['id']).toEqual(['Mã gồm chữ thường, số, dấu - và _ (2–64 ký tự).']);
    expect(r.errors['name']).toEqual(['Bắt buộc nhập.']);
    expect(r.errors['source.url']).toEqual(['Nhập địa chỉ bắt đầu bằng http:// hoặc https://.']);
    expect(r.errors['source.paging.size']).toEqual(['Nhập một số nguyên trong khoảng cho phép.']);
    expect(r.errors['auth']).toEqual(['Nhập đủ thông tin xác thực (SecretKey tối thiểu 8 ký tự).']);
  });

  it('editing, keeps the stored profile unless replaced or removed, and keeps hidden parts', () => {
    const input = connectorInput(stored);
    // Secrets are never prefilled; the public part is.
    expect(input).toMatchObject({ appName: 'ioc', accessKey: '', secretKey: '', authKind: 'lgsp' });
    const keep = parseConnectorForm({ ...input, name: 'Đổi tên' }, stored, t);
    expect(keep.ok && keep.body).toEqual(
      expect.objectContaining({ name: 'Đổi tên', schedule: null }),
    );
    expect(keep.ok && 'auth' in keep.body).toBe(false);
    expect(keep.ok && keep.body.source?.headers).toEqual({ Accept: 'application/json' });
    expect(keep.ok && keep.body.mapping?.unitCodes).toEqual({ '20194': '20275' });
    const removed = parseConnectorForm({ ...input, authAction: 'remove' }, stored, t);
    expect(removed.ok && removed.body.auth).toEqual({ kind: 'none' });
    const replaced = parseConnectorForm({ ...input, authAction: 'set' }, stored, t);
    // Replacing sends the whole profile again: the secrets must be typed.
    expect(replaced.ok).toBe(false);
  });

  it('editing a connector without a profile, sends the one typed', () => {
    const none = { ...stored, auth: { kind: 'none' as const, secretSet: false } };
    const r = parseConnectorForm(
      { ...connectorInput(none), authKind: 'basic', username: 'u', password: 'p' },
      none,
      t,
    );
    expect(r.ok && r.body.auth).toEqual({ kind: 'basic', username: 'u', password: 'p' });
    const untouched = parseConnectorForm(connectorInput(none), none, t);
    expect(untouched.ok && 'auth' in untouched.body).toBe(false);
  });
});

describe('durationParts', () => {
  it('says a duration in its largest whole unit', () => {
    expect(durationParts(42)).toEqual({ unit: 'seconds', n: 42 });
    expect(durationParts(600)).toEqual({ unit: 'minutes', n: 10 });
    expect(durationParts(7_200)).toEqual({ unit: 'hours', n: 2 });
    expect(durationParts(3 * 86_400)).toEqual({ unit: 'days', n: 3 });
  });
});
