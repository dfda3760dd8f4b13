import type { RejectedNotice } from '../../shared/api/notices';
import { domainError } from '../../shared/domain';
import { writtenTextOf } from '../../shared/mutators/written-text';
import type { MutationResult } from '../../shared/sync/protocol';
import { getMeta, setMeta } from '../db/meta';
import { addNotice } from '../db/notices';
import { confirmUpTo, pendingMutations, type OutboxEntry } from '../db/outbox';
import { getRow } from '../db/rows';
import type { SyncClient } from './client';
import { clientSecretOf } from './client-identity';
import { ServerRefused } from './server-api';

/** The entity a refused mutation was about, so the notice can link to the OC. */
const ocIdOf = (entry: OutboxEntry): string | null => {
  const args = entry.args as Record<string, unknown> | null;
  if (args === null || typeof args !== 'object') return null;
  if (typeof args.ocId === 'string') return args.ocId;
  return entry.name === 'oc.create' && typeof args.id === 'string' ? args.id : null;
};

const noticeOf = (clientId: string, entry: OutboxEntry, result: Extract<MutationResult, { ok: false }>, at: number): RejectedNotice => ({
  id: `${clientId}:${entry.mutationId}`,
  mutationId: entry.mutationId,
  name: entry.name,
  ocId: ocIdOf(entry),
  error: result.error,
  at,
  dismissed: false,
  text: writtenTextOf(entry.args),
});

/** The latest action time this desktop has pushed: later mutations are never dated before it. */
const META_LAST_CLIENT_TIME = 'sync.lastClientTime';

/**
 * Pushes the outbox in id order, in batches of one author each (each author's changes go out under their own
 * session). Refusals become notices for the author; the next pull's lastMutationId confirms what was applied.
 * Returns a problem to show when an author's changes must wait for their login.
 */
export const pushOutbox = async (client: SyncClient, clientId: string, batchSize: number): Promise<{ problem?: string }> => {
  for (;;) {
    // From the first not pushed yet: entries pushed in this cycle stay queued until the pull confirms them.
    const pending = pendingMutations(client.db, batchSize, client.pushedUpTo);
    const first = pending[0];
    if (first === undefined) return {};
    const batch: OutboxEntry[] = [];
    for (const entry of pending) {
      if (entry.actorId !== first.actorId || batch.length >= batchSize) break;
      batch.push(entry);
    }
    if (client.tokens.get(first.actorId) === null && client.tokens.password(first.actorId) === undefined) {
      const who = getRow(client.db, 'analyst', first.actorId)?.name ?? first.actorId;
      return { problem: `Alterações de ${who} aguardam o login dele(a) para serem enviadas. / Changes by ${who} wait for their login to be sent.` };
    }
    // A desktop's changes happened in their id order: one dated before its predecessor was made after the
    // machine's clock went back (a sleep offline, a manual change) and takes its predecessor's time instead.
    let floor = Number(getMeta(client.db, META_LAST_CLIENT_TIME) ?? '0');
    const mutations = batch.map((m) => {
      floor = Math.max(floor, m.clientTime);
      return { id: m.mutationId, name: m.name, args: m.args, clientTime: floor };
    });
    let answer;
    try {
      answer = await client.withSession(first.actorId, (token) => client.api.push(token, { clientId, clientSecret: clientSecretOf(client.db), mutations }));
    } catch (error) {
      if (error instanceof ServerRefused && error.error.code === 'MUTATION_GAP') {
        const last = Number(error.error.details?.lastMutationId ?? 0);
        // The server already has everything before our first entry: those entries are stale; drop and resend.
        if (last >= first.mutationId - 1) {
          confirmUpTo(client.db, last);
          client.pushedUpTo = last;
          continue;
        }
        throw new ServerRefused(409, domainError('MUTATION_GAP', error.error.message));
      }
      throw error;
    }
    client.sample(answer);
    setMeta(client.db, META_LAST_CLIENT_TIME, String(floor));
    const now = client.localDeps.clock.now();
    const byId = new Map(batch.map((m) => [m.mutationId, m]));
    for (const result of answer.value.results) {
      const entry = byId.get(result.id);
      if (result.ok || entry === undefined) continue;
      const notice = noticeOf(clientId, entry, result, now);
      addNotice(client.db, notice);
      if (!client.announced.has(entry.mutationId)) {
        client.announced.add(entry.mutationId);
        client.events.emit('mutation.rejected', notice);
      }
    }
    client.pushedUpTo = Math.max(client.pushedUpTo, answer.value.lastMutationId);
    if (answer.value.results.length < batch.length) return {};
  }
};
