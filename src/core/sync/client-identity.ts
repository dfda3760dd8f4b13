import { randomBytes } from 'node:crypto';
import { domainError } from '../../shared/domain';
import type { Db } from '../db/connection';
import { deleteMeta, getMeta, setMeta } from '../db/meta';
import type { SyncClient } from './client';
import { ServerRefused } from './server-api';

// This desktop's proof that its client id is its own (SPEC §7; server/sync/client-identity.ts): a random secret
// made once and kept in the replica beside the id, registered with the server before the first push or pull and
// sent with every one. A replica from before protocol 2 has an id with history and no secret: the same
// registration claims the id, which the server grants to a session of the first analyst who synced on it — so
// every analyst with a session here is tried.

const META_SECRET = 'sync.clientSecret';
/** The server URL the id was last registered with (another server, another registration). */
const META_REGISTERED = 'sync.clientRegisteredWith';

export const clientSecretOf = (db: Db): string => {
  let secret = getMeta(db, META_SECRET);
  if (secret === undefined) {
    secret = randomBytes(32).toString('base64url');
    setMeta(db, META_SECRET, secret);
  }
  return secret;
};

const problemOf = (error: ServerRefused): string => `${error.error.message['pt-BR']} / ${error.error.message.en}`;

/**
 * Registers the client id with the server unless done already; on refusal, the problem to show (nothing is
 * pushed or pulled then, and the outbox stays as it is).
 */
export const ensureRegistered = async (client: SyncClient, clientId: string): Promise<{ problem?: string }> => {
  if (getMeta(client.db, META_REGISTERED) === client.api.baseUrl) return {};
  const request = { clientId, clientSecret: clientSecretOf(client.db) };
  const current = client.tokens.current();
  const candidates = [...new Set([...(current === null ? [] : [current]), ...client.tokens.analysts()])];
  let refused: ServerRefused | null = null;
  for (const analystId of candidates) {
    try {
      client.sample(await client.withSession(analystId, (token) => client.api.registerClient(token, request)));
      setMeta(client.db, META_REGISTERED, client.api.baseUrl);
      return {};
    } catch (error) {
      // Another analyst's session here may be the one that may claim the id; an expired one is skipped.
      if (!(error instanceof ServerRefused) || (error.error.code !== 'CLIENT_ID_TAKEN' && error.status !== 401)) throw error;
      if (refused === null || refused.status === 401) refused = error;
    }
  }
  if (refused === null || refused.status === 401) {
    throw refused ?? new ServerRefused(401, domainError('UNAUTHORIZED', { 'pt-BR': 'Sem sessão no servidor.', en: 'No server session.' }));
  }
  return { problem: problemOf(refused) };
};

/**
 * What a push or pull refusal about the client id means here: the server lost the registration (a new
 * database) — register again on the next cycle — or the id is not this desktop's. Null for other errors.
 */
export const identityProblemOf = (db: Db, error: unknown): string | null => {
  if (!(error instanceof ServerRefused)) return null;
  if (error.error.code === 'CLIENT_UNREGISTERED') {
    deleteMeta(db, META_REGISTERED);
    return null;
  }
  return error.error.code === 'CLIENT_FORBIDDEN' ? problemOf(error) : null;
};
