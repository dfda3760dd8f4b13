import { z } from 'zod';
import { Analyst, Id, Instant, Line } from '../domain';
import { ErrorPayload } from '../api/notices';
import { PresenceActivity } from '../api/workspace';

// The sync protocol between a desktop core and the central server (SPEC §6, §7), parsed with zod on both sides.
// Replicache-style: per-client mutation ids that go up by one, a global version per change, pull since a cursor.

/**
 * Bumped whenever a message shape or a mutator's arguments change incompatibly. The server accepts clients in
 * [MIN_PROTOCOL_VERSION, PROTOCOL_VERSION]; anything else gets UPDATE_REQUIRED ("update the app").
 * 2: a client id is bound to its desktop by a secret (registered once, sent with every push and pull). Protocol 1
 * desktops cannot prove they own their client id, so they are told to update; their unsynced changes wait in
 * their replica and go out after the update (the updated desktop claims its id, sync/client-identity.ts).
 */
export const PROTOCOL_VERSION = 2;
export const MIN_PROTOCOL_VERSION = 2;
/** Request header that carries the client's protocol version. */
export const PROTOCOL_HEADER = 'x-soe-protocol';

export const ClientId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);

/**
 * The desktop's proof that a client id is its own: 32 random bytes (base64url) made by the desktop, registered
 * with the server once and sent with every push and pull. The server keeps only its SHA-256.
 */
export const ClientSecret = z.string().min(43).max(128).regex(/^[A-Za-z0-9_-]+$/);

/** First contact of a desktop (or of an old desktop after the update): binds its client id to its secret. */
export const RegisterClientRequest = z.object({ clientId: ClientId, clientSecret: ClientSecret });
export type RegisterClientRequest = z.infer<typeof RegisterClientRequest>;

export const RegisterClientResponse = z.object({
  clientId: ClientId,
  /** registered: a new id; claimed: an id with history from before protocol 2; already: this secret's id (a retry). */
  outcome: z.enum(['registered', 'claimed', 'already']),
  serverTime: Instant,
});
export type RegisterClientResponse = z.infer<typeof RegisterClientResponse>;

export const PushMutation = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1).max(64),
  args: z.unknown(),
  /** When the analyst acted, on the client's clock already corrected by its measured server offset. */
  clientTime: Instant,
});
export type PushMutation = z.infer<typeof PushMutation>;

export const PushRequest = z.object({
  clientId: ClientId,
  clientSecret: ClientSecret,
  mutations: z.array(PushMutation).min(1).max(500),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const MutationError = ErrorPayload.extend({ details: z.record(z.string(), z.unknown()).optional() });

/** The outcome of one mutation; a repeated id gets the stored outcome of its first application. */
export const MutationResult = z.discriminatedUnion('ok', [
  z.object({ id: z.number().int().nonnegative(), ok: z.literal(true) }),
  z.object({ id: z.number().int().nonnegative(), ok: z.literal(false), error: MutationError }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({
  results: z.array(MutationResult),
  lastMutationId: z.number().int().nonnegative(),
  serverTime: Instant,
});
export type PushResponse = z.infer<typeof PushResponse>;

/** The synced tables before attachments (server migrations 005–007 were written over exactly these; never edit). */
export const SYNC_TABLES_V1 = ['ocorrencia', 'interaction', 'customer', 'contact', 'analyst', 'recado', 'release', 'catalog', 'sla_config', 'oc_event'] as const;
/** `attachment` (issue 16): the metadata of the files on OCs (server migrations 011–012 were written over these; never edit). */
export const SYNC_TABLES_V2 = [...SYNC_TABLES_V1, 'attachment'] as const;
/** `planned_version` (issue 13): the weekly versions an OC may wait for (server migration 013 was written over these; never edit). */
export const SYNC_TABLES_V3 = [...SYNC_TABLES_V2, 'planned_version'] as const;
/** Every synced table. */
export const SYNC_TABLES = SYNC_TABLES_V3;
export const SyncTable = z.enum(SYNC_TABLES);
export type SyncTable = z.infer<typeof SyncTable>;

/** One changed row (or appended OC event) with the global version the server gave it. */
/** A plain JSON object; its fields are checked against the table's domain schema by the receiver. */
const JsonObject = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'expected an object');

export const PulledChange = z.object({
  table: SyncTable,
  version: z.number().int().positive(),
  row: JsonObject,
});
export type PulledChange = z.infer<typeof PulledChange>;

export const PullRequest = z.object({
  clientId: ClientId,
  clientSecret: ClientSecret,
  cursor: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(20_000).default(5_000),
});
export type PullRequest = z.infer<typeof PullRequest>;

export const PullResponse = z.object({
  changes: z.array(PulledChange),
  /** Resume from here; every version at or below it has been delivered. */
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /** Newest version committed when the page was read (for progress: cursor / head). */
  head: z.number().int().nonnegative(),
  /** The client's last applied (or rejected) mutation id, read in the same snapshot as the changes. */
  lastMutationId: z.number().int().nonnegative(),
  serverTime: Instant,
});
export type PullResponse = z.infer<typeof PullResponse>;

/** Logins and passwords are single lines (text.ts): NUL, lone surrogates and controls are refused naming the field. */
export const LoginRequest = z.object({ login: Line().trim().toLowerCase().min(1).max(120), password: Line().min(1).max(200) });
export const LoginResponse = z.object({ token: z.string().min(20), expiresAt: Instant, analyst: Analyst, serverTime: Instant });
export type LoginResponse = z.infer<typeof LoginResponse>;

/** A password set online by a lead (contacts) or an admin (analysts); never queued in the outbox. */
export const SetPasswordRequest = z.object({
  password: Line().min(8, 'a senha precisa de pelo menos 8 caracteres / the password needs at least 8 characters').max(200),
});
export const OkResponse = z.object({ ok: z.literal(true) });

export const HelloResponse = z.object({
  protocol: z.number().int(),
  minProtocol: z.number().int(),
  serverTime: Instant,
  node: z.string(),
});
export type HelloResponse = z.infer<typeof HelloResponse>;

/** Error body of every non-2xx answer. */
export const ErrorResponse = z.object({ error: MutationError });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/**
 * Collision presence (SPEC §4 "who else is viewing or replying to an OC right now"), relayed by the server between
 * desktops and never stored. The desktop says only what it looks at; who it is comes from the socket's session.
 * Unknown message types are ignored on both sides, so older clients and servers simply show nobody.
 */
export const PresenceBeatMessage = z.object({
  type: z.literal('presence'),
  /** null = looking at no OC (left it, logged out). */
  ocId: Id.nullable(),
  activity: PresenceActivity,
  /** When the desktop said so, on its server-corrected clock. */
  at: Instant,
});

/** A beat as the server relays it: the analyst's id and name are the server's, from the sender's session. */
export const RelayedPresenceMessage = PresenceBeatMessage.extend({ analystId: Id, name: z.string().max(200) });
export type RelayedPresenceMessage = z.infer<typeof RelayedPresenceMessage>;

/**
 * Server → client WebSocket messages: a poke says "something newer than your cursor exists; pull". When the new
 * changes are few, the poke carries them (issue 14): every row whose current version is in (from, head], exactly
 * what a pull from `from` would return, so a desktop at or above `from` with nothing of its own pending applies
 * them without pulling (older desktops ignore the extra fields and pull).
 */
export const ServerSocketMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('poke'), head: z.number().int().nonnegative(), from: z.number().int().nonnegative().optional(), changes: z.array(PulledChange).optional() }),
  z.object({ type: z.literal('hello'), head: z.number().int().nonnegative(), serverTime: Instant }),
  z.object({ type: z.literal('pong'), id: z.number().int(), serverTime: Instant }),
  RelayedPresenceMessage,
]);
export type ServerSocketMessage = z.infer<typeof ServerSocketMessage>;

export const ClientSocketMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping'), id: z.number().int() }),
  PresenceBeatMessage,
]);
export type ClientSocketMessage = z.infer<typeof ClientSocketMessage>;

/** A stored mutation id reference, `${clientId}:${mutationId}` (also the prefix of event ids). */
export const mutationRef = (clientId: string, mutationId: number): string => `${clientId}:${mutationId}`;

export const SessionToken = z.string().min(20).max(200);
