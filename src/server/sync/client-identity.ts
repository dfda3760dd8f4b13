import { createHash } from 'node:crypto';
import { domainError, type DomainError } from '../../shared/domain';
import type { Sql } from '../db/database';

// A client id belongs to the desktop that registered it (SPEC §7). The desktop makes a random secret once and
// registers it with its client id; every push and pull then carries the secret, and the server compares its
// SHA-256 with the one it stored — in the state the writer loads anyway (soe_load) and in the pull's first read
// (soe_pull_clients), so the check costs no round trip. Ids others can read (event ids carry them) give no power:
// without the secret a push or pull under them is refused and nothing about them is answered.
//
// Ids with history from before the binding (migration 007) are unbound: the first session that registers a
// secret for one must be of the analyst whose push under it the server recorded first (`legacy_owner`) — the
// owner, since nobody else could know the id before that push. Anyone else is refused and the id stays unbound.

/** What the server keeps of a secret; hashes compare in constant time by construction (no secret is compared). */
export const hashClientSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('base64url');

/** Prefixes of event ids of earlier versions (sync/event-refs.ts): never a desktop's client id. */
const RESERVED_CLIENT_IDS = new Set(['extranet', 'auto-close']);

export const clientForbidden = (): DomainError =>
  domainError('CLIENT_FORBIDDEN', {
    'pt-BR': 'Este identificador de estação pertence a outro computador: a sincronização foi recusada e nada foi alterado.',
    en: 'This desktop id belongs to another computer: the sync was refused and nothing was changed.',
  });

export const clientUnregistered = (): DomainError =>
  domainError('CLIENT_UNREGISTERED', {
    'pt-BR': 'Esta estação ainda não se registrou no servidor; ela se registra sozinha na próxima sincronização.',
    en: 'This desktop has not registered with the server yet; it registers by itself on the next sync.',
  });

export const clientIdTaken = (): DomainError =>
  domainError('CLIENT_ID_TAKEN', {
    'pt-BR': 'O identificador desta estação já pertence a outro computador (ou, se ele já sincronizava antes da atualização, ao primeiro analista que sincronizou nele: entre com esse usuário).',
    en: 'This desktop id already belongs to another computer (or, if it synced before the update, to the first analyst who synced on it: log in as that user).',
  });

/** Whether a push or pull may use `clientId`: its stored hash (undefined = no such id, null = unbound legacy id). */
export const clientAccess = (stored: string | null | undefined, secretHash: string): DomainError | null => {
  if (stored === undefined) return clientUnregistered();
  return stored === secretHash ? null : clientForbidden();
};

export type Registration = 'registered' | 'claimed' | 'already';

/**
 * Binds `clientId` to the secret whose hash is `secretHash`, for a session of `analystId`: a new id is
 * registered; an unbound legacy id is claimed by its legacy owner only; the same secret again is a retry (the
 * answer was lost); anything else is CLIENT_ID_TAKEN and changes nothing.
 */
export const registerClient = async (sql: Sql, clientId: string, secretHash: string, analystId: string, now: number): Promise<Registration | DomainError> => {
  if (RESERVED_CLIENT_IDS.has(clientId)) return clientIdTaken();
  // A registration racing another for the same new id may see neither the row nor its insert (read committed):
  // the next statement sees the committed row.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const { rows } = await sql.query<{ outcome: Registration | 'taken' }>(`
      WITH inserted AS (
        INSERT INTO client_state (client_id, last_mutation_id, updated_at, secret_hash, registered_by, registered_at)
        VALUES ($1, 0, $4, $2, $3, $4) ON CONFLICT (client_id) DO NOTHING RETURNING 'registered'::text AS outcome),
      claimed AS (
        UPDATE client_state SET secret_hash = $2, registered_by = $3, registered_at = $4
        WHERE client_id = $1 AND secret_hash IS NULL AND legacy_owner = $3 AND NOT EXISTS (SELECT 1 FROM inserted)
        RETURNING 'claimed'::text AS outcome)
      SELECT outcome FROM inserted UNION ALL SELECT outcome FROM claimed
      UNION ALL SELECT CASE WHEN secret_hash = $2 THEN 'already' ELSE 'taken' END FROM client_state
        WHERE client_id = $1 AND NOT EXISTS (SELECT 1 FROM inserted) AND NOT EXISTS (SELECT 1 FROM claimed)`,
    [clientId, secretHash, analystId, now]);
    const outcome = rows[0]?.outcome;
    if (outcome === undefined) continue;
    return outcome === 'taken' ? clientIdTaken() : outcome;
  }
  return clientIdTaken();
};
