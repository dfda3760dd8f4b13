import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../shared/time';
import type { LoginThrottle } from '../auth/login-throttle';
import type { SessionStore } from '../auth/sessions';
import type { AttachmentDeps } from '../attachments/context';
import { sweepAttachments } from '../attachments/references';
import type { Database } from '../db/database';

const DAY = 86_400_000;

/**
 * Housekeeping: expired session tokens and quiet login-throttle counters go; stored mutation outcomes are kept 30 days (a client offline longer
 * than that re-sends ids the server still counts as applied, and gets a plain "ok" back); attachment uploads nobody
 * continued and loose uploads nobody referenced go after their TTLs (attachments/references.ts).
 */
export class MaintenanceJob {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: { db: Database; clock: Clock; sessions: SessionStore; loginThrottle: LoginThrottle; attachments?: AttachmentDeps; log: FastifyBaseLogger; intervalMs?: number }) {}

  start(): void {
    const tick = (): void => {
      void this.runOnce()
        .catch((error: unknown) => this.options.log.warn({ err: error }, 'maintenance job failed'))
        .finally(() => {
          if (this.timer !== null) this.timer = setTimeout(tick, this.options.intervalMs ?? 3_600_000);
        });
    };
    this.timer = setTimeout(tick, 1_000);
  }

  async runOnce(): Promise<void> {
    await this.options.sessions.purgeExpired();
    await this.options.loginThrottle.purge();
    await this.options.db.query('DELETE FROM client_mutation WHERE applied_at < $1', [this.options.clock.now() - 30 * DAY]);
    if (this.options.attachments !== undefined) {
      const swept = await sweepAttachments(this.options.attachments);
      if (swept.uploads + swept.stages + swept.looseAttachments > 0) this.options.log.info({ swept }, 'attachments swept');
    }
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
