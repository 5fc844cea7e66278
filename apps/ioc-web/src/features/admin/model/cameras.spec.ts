import { describe, expect, it } from 'vitest';
import type { CameraView } from '@ioc/contracts';
import { cameraInput, parseCameraForm, splitTags, type CameraInput } from './cameras';

const base: CameraInput = {
  ...cameraInput(),
  id: 'tq-cong-1',
  name: 'Cảng Thọ Quang — cổng 1',
  lon: '108,2571',
  lat: '16.0974',
  hlsPath: 'tho-quang/cong-1',
};

const stored: CameraView = {
  id: 'tq-cong-1',
  name: 'Cổng 1',
  kind: 'port',
  lon: 108.2571,
  lat: 16.0974,
  unitCode: '20305',
  whepPath: 'tho-quang/cong-1',
  hlsPath: null,
  snapshotUrl: null,
  tags: ['cảng', 'ANPR'],
  status: 'unknown',
  statusCheckedAt: null,
  hasCredentials: true,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe('parseCameraForm — registering', () => {
  it('builds the create body: decimal comma read, blank streams left out, no credential', () => {
    const r = parseCameraForm({ ...base, tags: 'cảng Thọ Quang, cổng 1' }, false);
    expect(r).toEqual({
      ok: true,
      body: {
        id: 'tq-cong-1',
        name: 'Cảng Thọ Quang — cổng 1',
        kind: 'traffic',
        lon: 108.2571,
        lat: 16.0974,
        hlsPath: 'tho-quang/cong-1',
        tags: ['cảng Thọ Quang', 'cổng 1'],
      },
    });
  });

  it('names each bad field with the contract schema’s rules', () => {
    const r = parseCameraForm(
      {
        ...base,
        id: '-bad id',
        name: ' ',
        lon: '200',
        hlsPath: '/abs/../x',
        snapshotUrl: 'http://admin:secret@10.0.0.5/snap.jpg',
      },
      false,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toMatchObject({
      id: 'admin.cameras.error.id',
      name: 'admin.cameras.error.name',
      lon: 'admin.cameras.error.lon',
      hlsPath: 'admin.cameras.error.path',
      snapshotUrl: 'admin.cameras.error.snapshotUrl',
    });
  });

  it('asks for a position and at least one stream', () => {
    const r = parseCameraForm({ ...base, lon: '', lat: '', hlsPath: '' }, false);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.lon).toBe('admin.cameras.error.placement');
    expect(r.errors.hlsPath).toBe('admin.cameras.error.stream');
  });

  it('sends a credential only when "set" is chosen, and refuses an empty one', () => {
    const typed = { ...base, username: 'admin', password: 'p4ss' };
    const kept = parseCameraForm(typed, false);
    expect(kept.ok && 'credentials' in kept.body).toBe(false);
    const set = parseCameraForm({ ...typed, credentials: 'set' }, false);
    expect(set.ok && set.body.credentials).toEqual({ username: 'admin', password: 'p4ss' });
    const empty = parseCameraForm({ ...base, credentials: 'set' }, false);
    expect(!empty.ok && empty.errors.credentials).toBe('admin.cameras.error.credentials');
  });
});

describe('parseCameraForm — editing', () => {
  it('starts from the stored camera without any credential and keeps it by default', () => {
    const v = cameraInput(stored);
    expect(v).toMatchObject({ username: '', password: '', sourceUrl: '', credentials: 'keep' });
    const r = parseCameraForm(v, true);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.body).not.toHaveProperty('credentials');
    expect(r.body).not.toHaveProperty('id');
    expect(r.body).toMatchObject({
      whepPath: 'tho-quang/cong-1',
      hlsPath: null,
      tags: ['cảng', 'ANPR'],
    });
  });

  it('removes the credential with null, and a cleared stream with null', () => {
    const r = parseCameraForm(
      { ...cameraInput(stored), credentials: 'remove', hlsPath: 'x/y', whepPath: '' },
      true,
    );
    expect(r.ok && r.body).toMatchObject({ credentials: null, whepPath: null, hlsPath: 'x/y' });
  });

  it('refuses an edit that leaves no stream', () => {
    const r = parseCameraForm({ ...cameraInput(stored), whepPath: '' }, true);
    expect(!r.ok && r.errors.hlsPath).toBe('admin.cameras.error.stream');
  });
});

describe('splitTags', () => {
  it('splits on commas, semicolons and lines, keeping spaces inside a tag', () => {
    expect(splitTags(' cảng Thọ Quang ;cổng 1,\nANPR ,, ')).toEqual([
      'cảng Thọ Quang',
      'cổng 1',
      'ANPR',
    ]);
  });
});
