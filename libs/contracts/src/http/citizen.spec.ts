import { describe, expect, it } from 'vitest';
import {
  citizenListQuery,
  citizenPublicViewSchema,
  citizenRateBody,
  citizenSubmitFields,
} from './citizen';

describe('citizen report contracts', () => {
  it('reads multipart submission fields as numbers and refuses unknown fields', () => {
    const parsed = citizenSubmitFields.parse({
      category: 'den_duong',
      description: 'Đèn đường trước số 12 bị tắt từ hôm qua',
      lat: '16.0544',
      lon: '108.2022',
    });
    expect(parsed.lat).toBe(16.0544);
    expect(parsed.lon).toBe(108.2022);
    expect(
      citizenSubmitFields.safeParse({ ...parsed, clientKey: 'x' }).success,
      'a client must not set server fields',
    ).toBe(false);
  });

  it('bounds the rating to 1..5 whole stars', () => {
    expect(citizenRateBody.safeParse({ rating: 5 }).success).toBe(true);
    expect(citizenRateBody.safeParse({ rating: 0 }).success).toBe(false);
    expect(citizenRateBody.safeParse({ rating: 4.5 }).success).toBe(false);
  });

  it('accepts open and overdue as list filters besides the stored statuses', () => {
    expect(citizenListQuery.parse({ status: 'overdue' })).toMatchObject({
      status: 'overdue',
      limit: 50,
      offset: 0,
    });
    expect(citizenListQuery.safeParse({ status: 'transferred' }).success).toBe(false);
    expect(citizenListQuery.safeParse({ limit: '500' }).success).toBe(false);
  });

  it('has no field for personal data in the public view', () => {
    const keys = Object.keys(citizenPublicViewSchema.shape);
    for (const forbidden of ['reporterName', 'reporterPhone', 'source', 'assignee', 'clientKey']) {
      expect(keys).not.toContain(forbidden);
    }
  });
});
