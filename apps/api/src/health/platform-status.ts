import type { StorageMode } from '@ioc/db';

/** What the health endpoint reports about the running platform (plugged by composition). */
export interface PlatformStatus {
  storage: StorageMode;
  broker: { kind: 'embedded' | 'external'; port: number | null };
  migrationVersion: number;
  startedAt: Date;
  databaseUp(): Promise<boolean>;
  /** Where the lag-tolerant reads go and how that server is doing. */
  reads(): Promise<ReadsStatus>;
  /** null where this process reads no broker (PROCESS_ROLE=api). */
  brokerConnected(): boolean | null;
  role: string;
  writer(): { buffered: number; storedTotal: number; healthy: boolean };
}

export const PLATFORM_STATUS = Symbol('PlatformStatus');

export interface ReadsStatus {
  source: 'primary' | 'replica';
  state: 'up' | 'down';
  lagSeconds: number | null;
}
