export * from './model';
export { Authorizer, type Decision, type DenyCode, type ScopeTree } from './authorizer';
export { AuditLog, type AuditEvent, type AuditFilter, type AuditRecord } from './audit';
export { csvLine, neutraliseCell, type CsvValue } from './csv';
export { TokenBuckets, type BucketOptions } from './token-bucket';
export { RefusalTally, type RefusalAudit, type RefusalTallyOptions } from './refusal-tally';
export {
  newToken,
  tokenKind,
  sha256Hex,
  sameSecret,
  plausibleToken,
  TOKEN_PREFIX,
  type TokenKind,
} from './tokens';
export {
  hashPassword,
  verifyPassword,
  assertAcceptablePassword,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MAX_LENGTH,
} from './passwords';
export { PrincipalResolver, type ResolverOptions } from './principals';
export {
  UsersService,
  normaliseUsername,
  isUuid,
  USERNAME_PATTERN,
  type NewUserInput,
  type UserPatch,
  type UserContact,
} from './users.service';
export {
  SessionService,
  LoginLockedError,
  type SessionOptions,
  type LoginInput,
  type OpenedSession,
} from './sessions.service';
export { AssigneeDirectory, type AssignablePerson } from './assignees';
export { DisplayTokenService } from './display-tokens.service';
export { SetupService } from './setup.service';
export { createAuthServices, type AuthServices } from './auth-services';
