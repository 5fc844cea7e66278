export * from './telemetry';
export * from './units';
export * from './ws';
export * from './errors';
export * from './domain-error';
export * from './text';
export * from './wall';
export * from './audit-sink';
