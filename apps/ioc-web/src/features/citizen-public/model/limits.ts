// Until @ioc/contracts exports CITIZEN_PHOTO_LIMITS (H-lib), the same numbers as the design.
export const CITIZEN_PHOTO_LIMITS = { maxBytes: 10 * 1024 * 1024, maxFiles: 3 } as const;
