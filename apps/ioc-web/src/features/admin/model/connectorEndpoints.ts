import {
  connectorDeadLetterListResponse,
  connectorDryRunResponse,
  connectorListResponse,
  connectorRunListResponse,
  connectorRunSchema,
  connectorViewSchema,
  type ConnectorCreate,
  type ConnectorPatch,
} from '@ioc/contracts';
import { call, enc } from '../../../shared/api/call';

// The connectors API as the admin section calls it (docs/connectors.md). Every answer is read with
// the contract schema; none carries a secret of an auth profile, only `auth.secretSet`.

const base = (id: string) => `/api/v1/connectors/${enc(id)}`;

export async function fetchConnectors(signal?: AbortSignal) {
  return connectorListResponse.parse(await call('GET', '/api/v1/connectors', { signal })).items;
}

export async function createConnector(body: ConnectorCreate) {
  return connectorViewSchema.parse(await call('POST', '/api/v1/connectors', { body }));
}

export async function updateConnector(id: string, body: ConnectorPatch) {
  return connectorViewSchema.parse(await call('PATCH', base(id), { body }));
}

export async function deleteConnector(id: string): Promise<void> {
  await call('DELETE', base(id));
}

export async function setConnectorPaused(id: string, paused: boolean) {
  return connectorViewSchema.parse(
    await call('POST', `${base(id)}/${paused ? 'pause' : 'resume'}`),
  );
}

/** The first 20 mapped records and the rejected ones; nothing written. */
export async function dryRunConnector(id: string) {
  return connectorDryRunResponse.parse(await call('POST', `${base(id)}/dry-run`));
}

/** One run now; the API answers when it has finished. */
export async function runConnector(id: string) {
  return connectorRunSchema.parse(await call('POST', `${base(id)}/run`));
}

export async function fetchConnectorRuns(id: string, signal?: AbortSignal) {
  return connectorRunListResponse.parse(await call('GET', `${base(id)}/runs`, { signal })).items;
}

export async function fetchDeadLetters(id: string, signal?: AbortSignal) {
  return connectorDeadLetterListResponse.parse(
    await call('GET', `${base(id)}/dead-letters`, { signal }),
  ).items;
}
