import type { FastifyBaseLogger } from 'fastify';
import type { Contact, Interaction, Ocorrencia } from '../../shared/domain';
import type { Clock } from '../../shared/time';
import type { AttachmentDeps } from '../attachments/context';
import { MAIL_CHANNEL, type Database, type Sql } from '../db/database';
import { composeReplyCopy } from './compose';
import { replyFiles, waitForUploads } from './mail-attachments';
import type { MailTransport } from './transport';

export interface MailSenderOptions {
  db: Database;
  clock: Clock;
  transport: MailTransport;
  from: string;
  /** The portal's address of an OC, "{numero}" standing for its number (compose.ts: extranetLink); null: none. */
  extranetOcUrl?: string | null;
  log: FastifyBaseLogger;
  /** Poll for retries and for copies another node queued (a NOTIFY also wakes the sender at once). */
  pollMs?: number;
  maxAttempts?: number;
  /** Where the replies' files are (their bytes, and how much of them an e-mail may carry). */
  attachments: Pick<AttachmentDeps, 'blobs' | 'config'>;
  /** How long an upload onto a reply may stand still before its copy goes without it (mail-attachments.ts: waitForUploads). */
  uploadWaitMs?: number;
}

/** Two minutes without a byte: longer than a retry after a dropped connection takes, so the upload was abandoned. */
export const DEFAULT_UPLOAD_WAIT_MS = 120_000;

type Outcome = 'done' | 'failed' | 'waiting';

interface PendingRow {
  interaction_id: string;
  attempts: number;
  oc: Ocorrencia | null;
  reply: Interaction | null;
  contact: Contact | null;
}

const PENDING_SQL = `SELECT m.interaction_id, m.attempts, o.doc AS oc, i.doc AS reply, k.doc AS contact
  FROM mail_outbox m
  LEFT JOIN ocorrencia o ON o.id = m.oc_id
  LEFT JOIN interaction i ON i.id = m.interaction_id
  LEFT JOIN contact k ON k.id = o.contact_id
  WHERE m.status = 'pending' ORDER BY m.created_at LIMIT 20`;

/**
 * Sends the e-mail outbox, one copy per public reply, exactly once (SPEC §6): the outbox row was written in the
 * reply's own transaction, and is marked sent after the transport accepted the copy. On PostgreSQL each batch
 * is claimed with FOR UPDATE SKIP LOCKED, so two nodes never send the same copy.
 */
export class MailSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private unlisten: (() => Promise<void>) | null = null;

  constructor(private readonly options: MailSenderOptions) {}

  async start(): Promise<void> {
    this.stopped = false;
    this.unlisten = await this.options.db.listen(MAIL_CHANNEL, () => this.kick());
    this.kick();
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running !== null) {
      this.again = true;
      return;
    }
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.drain()
      .catch((error: unknown) => this.options.log.warn({ err: error }, 'mail outbox: send cycle failed'))
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.kick();
        } else {
          this.timer = setTimeout(() => this.kick(), this.options.pollMs ?? 2_000);
        }
      });
  }

  /** Sends until nothing is pending; resolves when idle (tests wait on it). */
  async flush(): Promise<void> {
    while (this.running !== null) await this.running;
    await this.drain();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const batch = this.options.db.concurrentWriters
        ? await this.options.db.transaction((tx) => this.sendBatch(tx, `${PENDING_SQL} FOR UPDATE OF m SKIP LOCKED`))
        : await this.sendBatch(this.options.db, PENDING_SQL);
      // A failing copy, or one waiting for its files, waits for the next poll instead of spinning on the same row.
      if (batch.count === 0 || batch.unsent > 0 || this.stopped) return;
    }
  }

  private async sendBatch(sql: Sql, query: string): Promise<{ count: number; unsent: number }> {
    const { rows } = await sql.query<PendingRow>(query);
    let unsent = 0;
    for (const row of rows) if ((await this.sendOne(sql, row)) !== 'done') unsent += 1;
    return { count: rows.length, unsent };
  }

  private async sendOne(sql: Sql, row: PendingRow): Promise<Outcome> {
    const now = this.options.clock.now();
    if (row.oc === null || row.reply === null || row.contact === null || !row.contact.active) {
      await sql.query("UPDATE mail_outbox SET status = 'no_recipient', sent_at = $2 WHERE interaction_id = $1", [row.interaction_id, now]);
      return 'done';
    }
    // The copy is composed now, when it is sent, with the files its reply has by now (normally all of them: a
    // desktop uploads them before it pushes the reply); see waitForUploads for one still on its way.
    if (await waitForUploads(sql, row.interaction_id, now, this.options.uploadWaitMs ?? DEFAULT_UPLOAD_WAIT_MS)) return 'waiting';
    try {
      const { blobs, config } = this.options.attachments;
      const files = await replyFiles(sql, blobs, config.mailAttachBytes, row.oc, row.interaction_id, row.contact);
      await this.options.transport.send(composeReplyCopy(this.options.from, row.oc, row.reply, row.contact, files, this.options.extranetOcUrl ?? null));
      await sql.query("UPDATE mail_outbox SET status = 'sent', sent_at = $2, attempts = attempts + 1 WHERE interaction_id = $1", [row.interaction_id, now]);
      return 'done';
    } catch (error) {
      const failed = row.attempts + 1 >= (this.options.maxAttempts ?? 10);
      this.options.log.warn({ err: error, interactionId: row.interaction_id }, 'mail outbox: send failed');
      await sql.query('UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2, status = $3 WHERE interaction_id = $1',
        [row.interaction_id, error instanceof Error ? error.message : String(error), failed ? 'failed' : 'pending']);
      return 'failed';
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.running !== null) await this.running;
    await this.unlisten?.();
    this.unlisten = null;
    this.options.transport.close();
  }
}
