import type { StorageMode } from '@ioc/db';

/** What the health endpoint reports about the running platform (plugged by composition). */
export interface PlatformStatus {
  storage: StorageMode;
  broker: { kind: 'embedded' | 'external'; port: number | null };
  migrationVersion: number;
  startedAt: Date;
  databaseUp(): Promise<boolean>;
  /** null where this process reads no broker (PROCESS_ROLE=api). */
  brokerConnected(): boolean | null;
  role: string;
  writer(): { buffered: number; storedTotal: number; healthy: boolean };
}

export const PLATFORM_STATUS = Symbol('PlatformStatus');
