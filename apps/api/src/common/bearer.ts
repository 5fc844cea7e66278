import { DomainError } from '@ioc/contracts';

export function bearerToken(header: string | undefined): string {
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!m?.[1])
    throw new DomainError('unauthorized', 'AUTH_MISSING', 'Authorization: Bearer <token> required');
  return m[1];
}
