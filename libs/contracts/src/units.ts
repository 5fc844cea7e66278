export type { UnitLevel, UnitSummary } from './http/units';
