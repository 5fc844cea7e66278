import {
  dossierRecordSchema,
  indicatorValueRecordSchema,
  type ConnectorTarget,
} from '@ioc/contracts';
import type { z } from 'zod';

const SCHEMAS: Record<ConnectorTarget, z.ZodType> = {
  dossier: dossierRecordSchema,
  indicator_value: indicatorValueRecordSchema,
};

/** A mapped record checked against its kind's contract: the record, or every problem in it. */
export function checkTarget(
  target: ConnectorTarget,
  record: Record<string, unknown>,
): { ok: true; record: Record<string, unknown> } | { ok: false; detail: string } {
  const r = SCHEMAS[target].safeParse(record);
  if (r.success) return { ok: true, record: r.data as Record<string, unknown> };
  return {
    ok: false,
    detail: r.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; '),
  };
}
