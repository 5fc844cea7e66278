import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/client';
import { classifyFailure } from './useTabletData';

describe('classifyFailure', () => {
  it('treats an unreachable or failing server as offline (show the snapshot)', () => {
    expect(classifyFailure(new TypeError('Failed to fetch'))).toBe('offline');
    expect(classifyFailure(new DOMException('timed out', 'TimeoutError'))).toBe('offline');
    expect(classifyFailure(new ApiError(502, 'http_error', 'bad gateway'))).toBe('offline');
    expect(classifyFailure(new ApiError(503, 'x', 'y'))).toBe('offline');
  });

  it('never hides a refusal behind old data', () => {
    expect(classifyFailure(new ApiError(401, 'UNAUTHENTICATED', 'x'))).toBe('signedOut');
    expect(classifyFailure(new ApiError(403, 'FORBIDDEN_SCOPE', 'x'))).toBe('forbidden');
    expect(classifyFailure(new ApiError(404, 'UNIT_NOT_FOUND', 'x'))).toBe('notFound');
    expect(classifyFailure(new ApiError(400, 'invalid', 'x'))).toBe('other');
  });
});
