import type { AccessEndedState, SyncState } from '../../shared/api/notices';
import { domainError, type Analyst, type DomainError } from '../../shared/domain';
import { ACCESS_ENDED_CLOSE_CODE, accessEndReasonOf, type AccessEndReason } from '../../shared/sync/access-ended';
import type { LoginResponse, PullResponse } from '../../shared/sync/protocol';
import { DEFAULT_TIME_ZONE, offsetClock, systemClock, type Clock } from '../../shared/time';
import type { CoreEvents } from '../api/emitter';
import type { Db } from '../db/connection';
import { deleteCredentialsOf } from '../db/credentials';
import { getMeta, setMeta } from '../db/meta';
import { pendingCount, pendingMutations } from '../db/outbox';
import { getRow, putRow } from '../db/rows';
import { clientIdOf, type LocalStoreDeps } from '../store/local-store';
import { configResolver, slaDeriver } from '../sla/columns';
import { accessEndedState, readAccessEnded, writeAccessEnded } from './access-state';
import { clientSecretOf, ensureRegistered, identityProblemOf } from './client-identity';
import { backoffDelay, ClockOffset } from './clock-offset';
import { downloadIntoCache, prefetchEnabled, prefetchOpen, uploadQueued, type TransferHost } from '../attachments/transfer';
import type { AttachmentRemote, SyncPort } from './port';
import { PokeSocket, type CarriedChanges } from './poke-socket';
import { SocketPresenceRelay } from './presence-relay';
import { pushOutbox } from './push-outbox';
import { applyBulkPage, beginBulk, finishBulk, inBulk, nothingLocal, wantsBulk } from './initial-sync';
import { applyPullPage, META_CURSOR } from './rebase';
import { ServerApi, ServerRefused, Unreachable, type Timed } from './server-api';
import { TokenStore } from './tokens';

export interface SyncClientOptions {
  serverUrl: string;
  /** The machine's own clock (uncorrected); the offset to the server's is measured against it. */
  clock?: Clock;
  timeZone?: string;
  /** Rows per pulled page (a large initial sync resumes page by page). */
  pageSize?: number;
  /** Off: an initial sync takes the rebase path page by page like any pull (tests compare the two). */
  bulkInitialSync?: boolean;
  pushBatch?: number;
  /** Pull at least this often even without pokes. */
  periodicMs?: number;
  /** Sync only when syncNow() is called (deterministic tests); no timers, no socket. */
  manual?: boolean;
  random?: () => number;
  requestTimeoutMs?: number;
  onError?: (error: unknown) => void;
}

const sessionExpired = (): string =>
  'A sessão no servidor expirou: faça login novamente para sincronizar. / The server session expired: log in again to sync.';

const passwordRefused = (): string =>
  'O servidor não aceitou mais a senha guardada: faça login novamente para sincronizar. / The server no longer accepts the remembered password: log in again to sync.';

/**
 * The desktop's sync client (SPEC §6): pushes the outbox in order, pulls since its cursor (paged, resumable),
 * rebases pending changes on pulled state, listens for pokes, measures the server-clock offset, and reports its
 * state to every window. Built by `syncClient(options)` and handed to createCore's `sync` option.
 */
export class SyncClient implements SyncPort {
  readonly api: ServerApi;
  readonly tokens: TokenStore;
  private readonly machineClock: Clock;
  private readonly offset: ClockOffset;
  private readonly local: LocalStoreDeps;
  private readonly socket: PokeSocket;
  readonly presence: SocketPresenceRelay;
  private readonly clientId: string;
  private status: SyncState['status'] = 'connecting';
  private offlineSince: number | null = null;
  private problem: string | null = null;
  /** The server ended an analyst's sessions (kept in the replica until they log in again). */
  private accessEnded: AccessEndedState | null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private stopped = true;
  private knownHead = 0;
  /** Highest mutation id pushed in this process; the next pull's lastMutationId confirms it. */
  pushedUpTo = 0;
  readonly announced = new Set<number>();

  constructor(readonly db: Db, readonly events: CoreEvents, readonly options: SyncClientOptions) {
    this.machineClock = options.clock ?? systemClock;
    this.offset = new ClockOffset(Number(getMeta(db, 'sync.clockOffsetMs') ?? '0'));
    this.api = new ServerApi(options.serverUrl.replace(/\/+$/, ''), () => this.machineClock.now(), options.requestTimeoutMs);
    this.tokens = new TokenStore(db);
    this.clientId = clientIdOf(db);
    this.accessEnded = readAccessEnded(db);
    const configs = configResolver(db);
    this.local = { db, clock: offsetClock(this.machineClock, () => this.offset.offsetMs), timeZone: options.timeZone ?? DEFAULT_TIME_ZONE, deriveSla: slaDeriver(configs) };
    const random = options.random ?? Math.random;
    this.socket = new PokeSocket({
      url: () => {
        const analystId = this.tokens.current();
        const token = analystId === null ? null : this.tokens.get(analystId);
        return token === null ? null : this.api.socketUrl(token);
      },
      onPoke: (head, carried) => {
        if (head <= this.cursor()) return;
        if (carried === undefined || !this.applyCarried(head, carried)) this.schedule(0);
      },
      onOpen: () => {
        this.schedule(0);
        this.presence.opened();
      },
      onPong: (sentAt, serverTime, receivedAt) => this.sample({ value: { serverTime }, sentAt, receivedAt }),
      onPresence: (message) => this.presence.received(message),
      // The server ended the socket's session: the next pull hears why (under the current analyst's token, so a
      // socket of someone who logged out meanwhile cannot end the wrong analyst's access). A live socket that
      // closed otherwise is the first sign the server went away: a cycle now says "offline" at once, instead of
      // at the next periodic sync, up to 30 s later (a failed reconnect attempt is not news and waits its turn).
      onClosed: (code, _reason, wasOpen) => {
        if (code === ACCESS_ENDED_CLOSE_CODE || wasOpen) this.schedule(0);
      },
      now: () => this.machineClock.now(),
      random,
    });
    this.presence = new SocketPresenceRelay(this.socket, () => this.tokens.current(), this.local.clock);
  }

  /**
   * A poke that carries the changes above this replica's cursor is applied as the pull it saves, when nothing of
   * this desktop's own waits (its outbox and rebase bases empty: a pull would confirm nothing) and no cycle is out
   * (a page it is fetching must not land on top of newer rows). Otherwise false: the caller pulls.
   */
  private applyCarried(head: number, carried: CarriedChanges): boolean {
    const cursor = this.cursor();
    if (this.running !== null || this.stopped || this.tokens.current() === null || carried.from > cursor || !nothingLocal(this.db) || inBulk(this.db)) return false;
    const page: PullResponse = {
      changes: carried.changes.filter((change) => change.version > cursor),
      cursor: head,
      hasMore: false,
      head,
      lastMutationId: Number(getMeta(this.db, 'sync.lastMutationId') ?? '0'),
      serverTime: this.local.clock.now(),
    };
    try {
      const result = applyPullPage(this.local, page, this.local.clock.now(), (message) => this.reportMismatch(message));
      this.announce(result);
      this.knownHead = Math.max(this.knownHead, head);
      setMeta(this.db, 'sync.lastSyncAt', String(this.local.clock.now()));
      this.emitState();
      // New files on a lead's desktop that prefetches them: a cycle fetches their bytes (its pull is empty).
      if (result.tables.has('attachment') && prefetchEnabled(this.db)) this.schedule(0);
      return true;
    } catch (error) {
      this.options.onError?.(error);
      return false;
    }
  }

  /** One `data.changed` for what a page (pulled, carried or the end of an initial sync) changed. */
  private announce(result: { tables: Set<string>; ocIds: Set<string> }): void {
    if (result.tables.size > 0 || result.ocIds.size > 0) this.events.emit('data.changed', { tables: [...result.tables], ocIds: [...result.ocIds] });
  }

  /** What the attachment transfers use: this client's HTTP API, sessions and events. */
  private get transferHost(): TransferHost {
    return {
      db: this.db, events: this.events, api: this.api, withSession: (id, request) => this.withSession(id, request),
      canAct: (id) => this.tokens.get(id) !== null || this.tokens.password(id) !== undefined,
      now: () => this.local.clock.now(),
    };
  }

  readonly attachments: AttachmentRemote = {
    download: (analystId, attachment) => downloadIntoCache(this.transferHost, analystId, attachment),
    prefetch: (analystId) => prefetchOpen(this.transferHost, analystId),
  };

  get localDeps(): LocalStoreDeps {
    return this.local;
  }

  cursor(): number {
    return Number(getMeta(this.db, META_CURSOR) ?? '0');
  }

  state(): SyncState {
    const lastSync = getMeta(this.db, 'sync.lastSyncAt');
    return {
      status: this.status,
      offlineSince: this.offlineSince,
      pending: pendingCount(this.db),
      lastSyncAt: lastSync === undefined ? null : Number(lastSync),
      serverUrl: this.api.baseUrl,
      clockOffsetMs: this.offset.offsetMs,
      problem: this.problem,
      accessEnded: this.accessEnded,
    };
  }

  clockOffsetMs(): number {
    return this.offset.offsetMs;
  }

  kick(): void {
    this.emitState();
    this.schedule(0);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (this.options.manual === true) return;
    this.socket.start();
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.socket.stop();
    while (this.running !== null) await this.running.catch(() => undefined);
  }

  async login(login: string, password: string): Promise<{ analyst: Analyst } | DomainError | 'unreachable'> {
    try {
      const answer = await this.api.login(login, password);
      this.sample(answer);
      const { analyst, token, expiresAt } = answer.value;
      this.tokens.set(analyst.id, token, expiresAt, password);
      if (this.accessEnded?.analystId === analyst.id) {
        this.accessEnded = null;
        writeAccessEnded(this.db, null);
      }
      if (this.problem === passwordRefused()) this.problem = null;
      // A desktop that never synced still needs the analyst's row for the session; the pull brings the real one.
      if (getRow(this.db, 'analyst', analyst.id) === undefined) putRow(this.db, { table: 'analyst', row: analyst }, 1);
      if (this.problem === sessionExpired()) this.problem = null;
      this.socket.drop();
      this.kick();
      return { analyst };
    } catch (error) {
      if (error instanceof ServerRefused) {
        if (error.status === 426) this.problem = error.error.message['pt-BR'];
        return error.error;
      }
      return 'unreachable';
    }
  }

  async logout(): Promise<void> {
    const analystId = this.tokens.current();
    if (analystId === null) return;
    // Changes still in the outbox go out under their author's session; the token stays until they are pushed.
    if (pendingMutations(this.db).some((m) => m.actorId === analystId)) return;
    const token = this.tokens.get(analystId);
    this.tokens.forget(analystId);
    this.socket.drop();
    if (token !== null) await this.api.logout(token).catch(() => undefined);
  }

  async setPassword(actorId: string, kind: 'analyst' | 'contact', id: string, password: string): Promise<null | DomainError | 'unreachable'> {
    try {
      await this.withSession(actorId, (token) => this.api.setPassword(token, kind, id, password));
      return null;
    } catch (error) {
      if (error instanceof ServerRefused) return error.error;
      return 'unreachable';
    }
  }

  /** One full cycle now (tests, "sync now" button); resolves when the client is idle again. */
  async syncNow(): Promise<void> {
    this.schedule(0, true);
    while (this.running !== null || this.timerDueNow) {
      if (this.running === null) this.runCycle();
      await this.running?.catch(() => undefined);
    }
  }

  /** Drops the WebSocket (fault tests); it reconnects and the next pull catches up. */
  dropSocket(): void {
    this.socket.drop();
  }

  get socketConnected(): boolean {
    return this.socket.connected;
  }

  private timerDueNow = false;

  private schedule(delayMs: number, forced = false): void {
    if ((this.stopped || this.options.manual === true) && !forced) return;
    if (this.running !== null) {
      if (delayMs === 0) this.again = true;
      return;
    }
    if (this.timer !== null) clearTimeout(this.timer);
    this.timerDueNow = delayMs === 0;
    this.timer = setTimeout(() => this.runCycle(), delayMs);
  }

  private runCycle(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.timerDueNow = false;
    if (this.running !== null) {
      this.again = true;
      return;
    }
    this.running = this.cycle()
      .then(
        () => {
          this.failures = 0;
          return this.options.periodicMs ?? 30_000;
        },
        (error: unknown) => {
          this.failures += 1;
          this.fail(error);
          return backoffDelay(this.failures, this.options.random ?? Math.random);
        },
      )
      .then((next) => {
        this.running = null;
        if (this.stopped || this.options.manual === true) return;
        if (this.again) {
          this.again = false;
          this.schedule(0);
        } else {
          this.schedule(next);
        }
      });
  }

  private async cycle(): Promise<void> {
    // The hello proves the server reachable and samples the clock; a live poke socket already does both (its
    // pings), so a cycle a poke started goes straight to push and pull — one round trip less per change.
    if (!this.socket.connected) this.sample(await this.api.hello());
    if (this.tokens.current() === null) {
      // Nobody has logged in to the server from this desktop yet (or the server ended the session of the one who
      // had, which the state says): nothing may be pushed or pulled.
      this.status = this.accessEnded === null ? 'connecting' : 'online';
      this.emitState();
      return;
    }
    const identity = await ensureRegistered(this, this.clientId);
    if (identity.problem !== undefined) {
      // The server does not take this id from this desktop: nothing goes out, the outbox waits (and shows).
      this.problem = identity.problem;
      this.status = 'online';
      this.emitState();
      return;
    }
    // The bytes first, then the mutations naming them: a network failure here ends the cycle, the outbox waits.
    await uploadQueued(this.transferHost);
    const pushed = await pushOutbox(this, this.clientId, this.options.pushBatch ?? 200);
    if (pushed.problem !== undefined) this.problem = pushed.problem;
    await this.pullAll();
    await this.prefetchAfterPull();
    if (pushed.problem === undefined && this.problem !== null && !this.problem.startsWith('Atualize')) this.problem = null;
    const now = this.local.clock.now();
    setMeta(this.db, 'sync.lastSyncAt', String(now));
    this.status = 'online';
    this.offlineSince = null;
    this.emitState();
  }

  /** The lead's prefetch, when on: the pull succeeded, so a failure here only waits for the next cycle. */
  private async prefetchAfterPull(): Promise<void> {
    const analystId = this.tokens.current();
    if (analystId === null || !prefetchEnabled(this.db)) return;
    await prefetchOpen(this.transferHost, analystId).catch((error: unknown) => {
      if (!(error instanceof Unreachable)) this.options.onError?.(error);
    });
  }

  private async pullAll(): Promise<void> {
    const analystId = this.tokens.current();
    if (analystId === null) throw new Unreachable('not logged in to the server');
    const limit = this.options.pageSize ?? 10_000;
    const fetchPage = (cursor: number) => this.withSession(analystId, (token) => this.api.pull(token, { clientId: this.clientId, clientSecret: clientSecretOf(this.db), cursor, limit }));
    const cursor = this.cursor();
    // A replica with nothing of its own yet (or an initial sync that was interrupted) takes the pages in bulk mode.
    let bulk = this.options.bulkInitialSync !== false && wantsBulk(this.db, cursor);
    const finish = () => {
      bulk = false;
      this.announce(finishBulk(this.local, this.local.clock.now()));
    };
    // An interrupted one that cannot go on (a change of this desktop's own waits) ends before anything else.
    if (bulk) beginBulk(this.db);
    else if (inBulk(this.db)) finish();
    let next = fetchPage(cursor);
    for (;;) {
      const page = await next;
      this.sample(page);
      this.knownHead = Math.max(this.knownHead, page.value.head);
      // The next page is fetched while this one is written (a large initial sync overlaps network and SQLite).
      if (page.value.hasMore) next = fetchPage(page.value.cursor);
      try {
        // A change made here meanwhile needs the rebase path: the bulk ends (indexes, search, SLA) before it.
        if (bulk && !wantsBulk(this.db, cursor)) finish();
        if (bulk) {
          applyBulkPage(this.db, page.value, (message) => this.reportMismatch(message));
          if (!page.value.hasMore) finish();
        } else {
          if (page.value.changes.length === 0 && page.value.lastMutationId <= Number(getMeta(this.db, 'sync.lastMutationId') ?? '0') && pendingCount(this.db) === 0) {
            if (!page.value.hasMore) return;
            continue;
          }
          this.announce(applyPullPage(this.local, page.value, this.local.clock.now(), (message) => this.reportMismatch(message)));
        }
      } catch (error) {
        if (page.value.hasMore) next.catch(() => undefined);
        throw error;
      }
      if (!page.value.hasMore) return;
    }
  }

  /**
   * Runs a request with the analyst's token; an expired token is renewed with the remembered password once. A
   * session the server ended is never renewed: the analyst must log in again (endAccess).
   */
  async withSession<T>(analystId: string, request: (token: string) => Promise<T>): Promise<T> {
    const token = this.tokens.get(analystId);
    if (token !== null) {
      try {
        return await request(token);
      } catch (error) {
        if (!(error instanceof ServerRefused) || error.status !== 401) throw error;
        const reason = accessEndReasonOf(error.error);
        if (reason !== null) {
          this.endAccess(analystId, reason);
          throw error;
        }
      }
    }
    const password = this.tokens.password(analystId);
    const analyst = getRow(this.db, 'analyst', analystId);
    if (password === undefined || analyst === undefined) {
      this.problem = sessionExpired();
      throw new ServerRefused(401, domainError('UNAUTHORIZED', { 'pt-BR': sessionExpired(), en: sessionExpired() }));
    }
    let answer: Timed<LoginResponse>;
    try {
      answer = await this.api.login(analyst.login, password);
    } catch (error) {
      // The remembered password no longer logs in (reset, or deactivated after the ended session was purged):
      // it is forgotten rather than tried again on every cycle.
      if (error instanceof ServerRefused && error.status === 401) {
        this.tokens.forget(analystId);
        this.problem = passwordRefused();
      }
      throw error;
    }
    this.tokens.set(analystId, answer.value.token, answer.value.expiresAt, password);
    return request(answer.value.token);
  }

  /**
   * The server ended this analyst's sessions: their token and remembered password go (and, unless only the role
   * changed, the offline verifier: the old password must not open this desktop either); their outbox stays,
   * counted in `pending`, and the state says why until they log in again.
   */
  private endAccess(analystId: string, reason: AccessEndReason): void {
    const wasCurrent = this.tokens.current() === analystId;
    this.tokens.forget(analystId);
    if (reason !== 'role_changed') deleteCredentialsOf(this.db, analystId);
    this.accessEnded = accessEndedState(this.db, analystId, reason, this.local.clock.now());
    writeAccessEnded(this.db, this.accessEnded);
    if (wasCurrent) this.socket.drop();
    this.emitState();
  }

  sample(answer: Timed<{ serverTime: number }>): void {
    this.offset.addSample(answer.sentAt, answer.value.serverTime, answer.receivedAt);
    const stored = Number(getMeta(this.db, 'sync.clockOffsetMs') ?? 'NaN');
    if (!(Math.abs(stored - this.offset.offsetMs) < 50)) setMeta(this.db, 'sync.clockOffsetMs', String(this.offset.offsetMs));
  }

  private fail(error: unknown): void {
    const identityProblem = identityProblemOf(this.db, error);
    if (identityProblem !== null) this.problem = identityProblem;
    if (error instanceof ServerRefused) {
      if (error.status === 426) this.problem = error.error.message['pt-BR'];
      else if (error.status !== 401) this.options.onError?.(error);
      this.status = 'online';
    } else {
      if (!(error instanceof Unreachable)) this.options.onError?.(error);
      if (this.status !== 'offline') this.offlineSince = this.local.clock.now();
      this.status = 'offline';
    }
    this.emitState();
  }

  private mismatches = 0;

  /** Reported once per kind and a few times per process, not once per row of a 100 000-row sync. */
  private reportMismatch(message: string): void {
    this.mismatches += 1;
    if (this.mismatches <= 5) this.options.onError?.(new Error(message));
  }

  emitState(): void {
    this.events.emit('sync.state', this.state());
  }
}

/** The factory createCore's `sync` option takes: `createCore({ dbPath, sync: syncClient({ serverUrl }) })`. */
export const syncClient = (options: SyncClientOptions) => (db: Db, events: CoreEvents): SyncClient => new SyncClient(db, events, options);
