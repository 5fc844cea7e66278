import { describe, expect, it } from 'vitest';
import { sectionOf } from './sections';

describe('sectionOf', () => {
  it('maps admin sub-routes and defaults to devices', () => {
    expect(sectionOf('/admin')).toBe('devices');
    expect(sectionOf('/admin/')).toBe('devices');
    expect(sectionOf('/admin/alert-rules')).toBe('alert-rules');
    expect(sectionOf('/admin/users/')).toBe('users');
    expect(sectionOf('/admin/open-data')).toBe('open-data');
    expect(sectionOf('/admin/cameras')).toBe('cameras');
    expect(sectionOf('/admin/connectors')).toBe('connectors');
    expect(sectionOf('/admin/nope')).toBeNull();
  });
});
