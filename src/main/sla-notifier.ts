import { Notification } from 'electron';
import type { SlaAlert } from '../shared/api/notices';
import type { Lang } from '../shared/domain';
import type { ApiInvoker } from './ipc/api-handlers';
import { slaAlertText } from './messages';

// SLA warnings and breaches on the analyst's own OCs become native notifications, so they are seen even with
// the War Room window behind other work (SPEC §3 rule 8). Other analysts' alerts stay on the board.

type AlertSource = { on(event: 'sla.alert', listener: (alert: SlaAlert) => void): () => void };

export interface SlaNotifierOptions {
  events: AlertSource;
  api: ApiInvoker;
  lang: Lang;
  /** Clicking a notification brings the analyst window forward, on that OC. */
  onClick(alert: SlaAlert): void;
  log(message: string): void;
}

const SHOWN_MEMORY = 500;

const loggedInAnalystId = async (api: ApiInvoker): Promise<string | null> => {
  const session = await api.invoke('session.current', {});
  if (!session.ok || session.value === null || typeof session.value !== 'object') return null;
  const analyst = (session.value as { analyst?: { id?: unknown } }).analyst;
  return typeof analyst?.id === 'string' ? analyst.id : null;
};

export const notifySlaAlerts = (options: SlaNotifierOptions): (() => void) => {
  // The same alert may be emitted again (a replay after restart); one notification per alert id is enough.
  const shown = new Set<string>();
  const notify = async (alert: SlaAlert): Promise<void> => {
    if (alert.assigneeId === null || shown.has(alert.id)) return;
    // Claimed before the session lookup, so a replay arriving meanwhile is not shown twice.
    shown.add(alert.id);
    if (shown.size > SHOWN_MEMORY) shown.delete(shown.values().next().value as string);
    if ((await loggedInAnalystId(options.api)) !== alert.assigneeId || !Notification.isSupported()) {
      // Not ours now; should the assignee log in here later, a replay of this alert may still be shown.
      shown.delete(alert.id);
      return;
    }
    const { title, body } = slaAlertText(alert, options.lang);
    const notification = new Notification({ title, body, urgency: alert.threshold >= 100 ? 'critical' : 'normal' });
    notification.on('click', () => options.onClick(alert));
    notification.show();
  };
  return options.events.on('sla.alert', (alert) => {
    notify(alert).catch((error: unknown) => options.log(`sla notification failed: ${error instanceof Error ? error.message : String(error)}`));
  });
};
