import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import pino from 'pino';
import { DEFAULT_TIME_ZONE, systemClock, type Clock } from '../shared/time';
import type { DemoOptions } from '../shared/demo/generate';
import { LoginThrottle, type ThrottlePolicy } from './auth/login-throttle';
import { RateLimiter } from './auth/rate-limit';
import { SessionStore } from './auth/sessions';
import type { ServerContext } from './context';
import { CHANGES_CHANNEL, type Database } from './db/database';
import { migrate } from './db/migrations';
import { openPglite } from './db/pglite';
import { openPostgres } from './db/postgres';
import { BODY_LIMIT_BYTES, clientErrorHandler, frameworkErrors, installErrorHandling } from './http/error-handling';
import { registerExtranetRoutes } from './http/extranet-routes';
import { registerPasswordRoutes } from './http/password-routes';
import { PokeHub, registerSocketRoute } from './http/pokes';
import { PRESENCE_NOTIFY_PREFIX, PresenceHub } from './http/presence';
import { SocketSessions } from './http/socket-sessions';
import { registerSyncRoutes } from './http/sync-routes';
import { headVersion, PullPages } from './sync/pull';
import { AutoCloseJob } from './jobs/auto-close';
import { MaintenanceJob } from './jobs/maintenance';
import { MailSender } from './mail/sender';
import { folderTransport, smtpTransport, type MailTransport } from './mail/transport';
import { seedDemo, type ServerSeedSummary } from './seed';
import { AttachmentConfig, attachmentConfigFromEnv, type AttachmentOptions } from './attachments/config';
import { postgresAttachments, type AttachmentDeps } from './attachments/context';
import { registerAttachmentRoutes } from './http/attachment-routes';
import { registerMultipart } from './http/extranet-attachment-routes';

export interface ServerOptions {
  /** PostgreSQL connection string; when absent, PGlite in `dataDir` (or in memory when that is absent too). */
  databaseUrl?: string;
  dataDir?: string;
  /** An already open database (several in-process nodes sharing one PGlite, tests). Not closed by stop(). */
  database?: Database;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  clock?: Clock;
  timeZone?: string;
  /** pino level, or false for no logs. */
  logLevel?: string | false;
  /** SMTP URL (smtp://user:pass@host:port); without it, `.eml` files in mailDir. */
  smtpUrl?: string;
  mailDir?: string;
  mailFrom?: string;
  /** The portal's address of an OC ("https://…/{numero}"), linked from the e-mail copies (mail/compose.ts). */
  extranetOcUrl?: string;
  mailTransport?: MailTransport;
  sessionTtlMs?: number;
  /** However much a token is used, it ends this long after its login (default 7 days, or sessionTtlMs if longer). */
  sessionMaxLifetimeMs?: number;
  /**
   * Behind a reverse proxy, whose X-Forwarded-For to believe for the client's address (the login throttle keys on
   * it): fastify's trustProxy — true (any) or the proxies' addresses/CIDRs. Default: none (the socket's address).
   */
  trustProxy?: boolean | string | string[];
  /** Overrides of the login throttle's policy (auth/login-throttle.ts). */
  loginThrottle?: Partial<ThrottlePolicy>;
  /** How the login throttle waits (tests record instead of waiting). */
  sleep?: (ms: number) => Promise<void>;
  pokeThrottleMs?: number;
  /** Seed an empty database with demo data first. */
  demo?: DemoOptions;
  jobs?: { autoClose?: boolean; autoCloseIntervalMs?: number; mail?: boolean; mailPollMs?: number };
  /**
   * Per node, in memory: `loginPerMinute` × 20 login attempts a minute from one address, whatever the logins (a
   * guard against one address spraying many logins; a whole office behind one address still logs in at once);
   * `intakePerMinute` Extranet requests a minute per contact.
   */
  rateLimits?: { loginPerMinute?: number; intakePerMinute?: number };
  nodeName?: string;
  /** Attachment limits (attachments/config.ts); when absent, read from SOE_ATTACHMENT_* in the environment. */
  attachments?: AttachmentOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  node: string;
  db: Database;
  mail: MailSender | null;
  autoClose: AutoCloseJob;
  maintenance: MaintenanceJob;
  seeded: ServerSeedSummary | null;
  /** The attachment store's dependencies (tests sweep through them). */
  attachments: AttachmentDeps;
  /** The fastify instance (tests reach routes through `inject`). */
  app: FastifyInstance;
  /** Every route registered, as method and URL pattern (the hostile-input test walks them all). */
  routes: ReadonlyArray<{ method: string; url: string }>;
  /** Graceful: stops accepting, finishes requests in flight, stops jobs, closes the database. */
  stop(): Promise<void>;
}

/** The attachment settings: the option when given, else the environment's (a bad variable stops the start, named). */
const attachmentConfigOf = (options: ServerOptions): AttachmentConfig => {
  if (options.attachments !== undefined) return AttachmentConfig.parse(options.attachments);
  const fromEnv = attachmentConfigFromEnv(process.env);
  if (!fromEnv.ok) throw new Error(fromEnv.message);
  return fromEnv.config;
};

const openDatabase = async (options: ServerOptions, log: pino.Logger): Promise<Database> => {
  if (options.database !== undefined) return options.database;
  if (options.databaseUrl !== undefined) return openPostgres({ connectionString: options.databaseUrl, onError: (error) => log.warn({ err: error }, 'postgres connection error') });
  return openPglite(options.dataDir);
};

/** Starts one server node: storage, migrations, optional demo seed, HTTP + WebSocket, jobs. */
export const startServer = async (options: ServerOptions = {}): Promise<RunningServer> => {
  const node = options.nodeName ?? `node-${randomBytes(3).toString('hex')}`;
  const logger = pino({ level: options.logLevel === false ? 'silent' : (options.logLevel ?? 'info'), base: { node } });
  const clock = options.clock ?? systemClock;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const attachmentConfig = attachmentConfigOf(options);
  const db = await openDatabase(options, logger);
  const ownsDb = options.database === undefined;
  try {
    await migrate(db);
    let seeded: ServerSeedSummary | null = null;
    if (options.demo !== undefined) {
      const { rows } = await db.query<{ n: number }>('SELECT count(*) AS n FROM analyst');
      if ((rows[0]?.n ?? 0) === 0) seeded = await seedDemo(db, options.demo);
    }
    const app = Fastify({
      loggerInstance: logger as FastifyBaseLogger,
      bodyLimit: BODY_LIMIT_BYTES,
      frameworkErrors,
      clientErrorHandler,
      ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
      logController: new LogController({ disableRequestLogging: options.logLevel !== 'debug' && options.logLevel !== 'trace' }),
    });
    installErrorHandling(app);
    const routes: Array<{ method: string; url: string }> = [];
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
    });
    const sessions = new SessionStore({ db, clock, ttlMs: options.sessionTtlMs ?? 12 * 3_600_000, ...(options.sessionMaxLifetimeMs === undefined ? {} : { maxLifetimeMs: options.sessionMaxLifetimeMs }) });
    const loginThrottle = new LoginThrottle(db, clock, options.loginThrottle);
    const loginPerMinute = options.rateLimits?.loginPerMinute ?? 10;
    const ctx: ServerContext = {
      db,
      clock,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      timeZone,
      node,
      sessions,
      loginThrottle,
      limits: {
        loginPerAddress: new RateLimiter(clock, loginPerMinute * 20, loginPerMinute * 20),
        intake: new RateLimiter(clock, options.rateLimits?.intakePerMinute ?? 30, options.rateLimits?.intakePerMinute ?? 30),
      },
      log: app.log,
    };
    const pulls = new PullPages(db, clock);
    const hub = new PokeHub(options.pokeThrottleMs ?? 25, (from, head) => pulls.carried(from, head));
    const presence = new PresenceHub({
      node,
      clock,
      broadcast: async (payload) => {
        await db.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, payload]);
      },
      onError: (error) => app.log.warn({ err: error }, 'presence broadcast failed'),
    });
    const live = new SocketSessions(sessions, clock, (error) => app.log.warn({ err: error }, 'socket session check failed'));
    // One channel, one listening connection per node: commits notify their head, presence beats and session ends
    // their JSON after a prefix. Listening again after PostgreSQL came back: commits made meanwhile were not heard,
    // so desktops are poked.
    const unlisten = await db.listen(CHANGES_CHANNEL, (payload) => {
      if (payload.startsWith(PRESENCE_NOTIFY_PREFIX)) presence.fromNode(payload.slice(PRESENCE_NOTIFY_PREFIX.length));
      else if (!live.fromNotify(payload)) hub.committed(Number(payload));
    }, () => void headVersion(db).then((head) => hub.committed(head), () => undefined));
    await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
    app.get('/healthz', async () => ({ ok: true, node, storage: db.kind }));
    registerSyncRoutes(app, ctx, pulls, hub);
    registerSocketRoute(app, ctx, hub, presence, live);
    const attachments = postgresAttachments(db, attachmentConfig, clock);
    await registerMultipart(app, attachmentConfig);
    registerExtranetRoutes(app, ctx, attachments);
    registerPasswordRoutes(app, ctx);
    await registerAttachmentRoutes(app, ctx, attachments);

    const transport = options.mailTransport ?? (options.smtpUrl !== undefined ? smtpTransport(options.smtpUrl) : folderTransport(options.mailDir ?? join(options.dataDir ?? '.data/server', 'mail')));
    const mail = options.jobs?.mail === false ? null : new MailSender({ db, clock, transport, attachments, from: options.mailFrom ?? '"Suporte UNO (S.O.E.)" <suporte@unosolucoes.com.br>', extranetOcUrl: options.extranetOcUrl ?? null, log: app.log, ...(options.jobs?.mailPollMs === undefined ? {} : { pollMs: options.jobs.mailPollMs }) });
    const autoClose = new AutoCloseJob({ db, clock, timeZone, log: app.log, ...(options.jobs?.autoCloseIntervalMs === undefined ? {} : { intervalMs: options.jobs.autoCloseIntervalMs }) });
    const maintenance = new MaintenanceJob({ db, clock, sessions, loginThrottle, attachments, log: app.log });

    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
    await mail?.start();
    if (options.jobs?.autoClose !== false) autoClose.start();
    maintenance.start();
    app.log.info({ port, storage: db.kind, mail: transport.description }, 'S.O.E. server listening');

    let stopping: Promise<void> | null = null;
    return {
      url: `http://${options.host ?? '127.0.0.1'}:${port}`,
      port,
      node,
      db,
      mail,
      autoClose,
      maintenance,
      seeded,
      attachments,
      app,
      routes,
      stop: () => (stopping ??= (async () => {
        hub.close();
        presence.close();
        await app.close();
        maintenance.stop();
        await autoClose.stop();
        await mail?.stop();
        await unlisten();
        if (ownsDb) await db.close();
      })()),
    };
  } catch (error) {
    if (ownsDb) await db.close().catch(() => undefined);
    throw error;
  }
};
