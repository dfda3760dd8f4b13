import type { FastifyBaseLogger } from 'fastify';
import type { SlaConfig } from '../../shared/domain';
import type { Clock } from '../../shared/time';
import type { Database } from '../db/database';
import { applyMutation } from '../sync/apply';
import { jobRef } from '../sync/event-refs';

const DAY = 86_400_000;

export interface AutoCloseOptions {
  db: Database;
  clock: Clock;
  timeZone: string;
  log: FastifyBaseLogger;
  intervalMs?: number;
}

/**
 * solucionada → encerrada after slaConfig.autoCloseDays without a reopen (SPEC §2), through the 'oc.close'
 * mutator with a system actor: the same state machine, the same events, synced like any change.
 */
export class AutoCloseJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly options: AutoCloseOptions) {}

  start(): void {
    const tick = (): void => {
      this.running = this.runOnce()
        .catch((error: unknown) => {
          this.options.log.warn({ err: error }, 'auto-close job failed');
          return 0;
        })
        .finally(() => {
          this.running = null;
          if (this.timer !== null) this.timer = setTimeout(tick, this.options.intervalMs ?? 60_000);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Closes every OC due now; returns how many. */
  async runOnce(): Promise<number> {
    const { db, clock } = this.options;
    const config = await db.query<{ doc: SlaConfig }>('SELECT doc FROM sla_config ORDER BY config_version DESC LIMIT 1');
    const days = config.rows[0]?.doc.autoCloseDays;
    if (days === undefined) return 0;
    const now = clock.now();
    const { rows } = await db.query<{ id: string; solved_at: number }>(
      "SELECT id, solved_at FROM ocorrencia WHERE status = 'solucionada' AND solved_at <= $1 ORDER BY solved_at LIMIT 500", [now - days * DAY]);
    let closed = 0;
    for (const row of rows) {
      const outcome = await applyMutation(db, {
        name: 'oc.close', args: { ocId: row.id }, actor: { kind: 'system', name: 'Encerramento automático' }, clientTime: now, receivedAt: now,
        // Deterministic per solve, so two nodes closing the same OC write the same event ids.
        mutationRef: jobRef('auto-close', `${row.id}:${row.solved_at}`), client: null, timeZone: this.options.timeZone, source: 'job:auto-close',
      });
      if (outcome.kind === 'applied' && outcome.result.ok) closed += 1;
    }
    if (closed > 0) this.options.log.info({ closed }, 'auto-close: closed solved OCs');
    return closed;
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.running !== null) await this.running;
  }
}
