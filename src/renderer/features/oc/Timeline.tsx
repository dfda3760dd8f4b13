import { Fragment, useEffect, useMemo, useRef } from 'react';
import type { AttachmentView } from '../../../shared/api/attachments';
import type { OcDetail } from '../../../shared/api/views';
import type { Interaction, OcEvent } from '../../../shared/domain';
import { useNow, useSession, useT } from '../../app/services';
import { Avatar } from '../../components/badges';
import { Icon, type IconName } from '../../components/icons';
import { formatDuration, formatWhen } from '../../lib/format';
import { AttachmentList } from '../attachments/AttachmentList';
import { useOcAttachments } from '../attachments/use-attachments';
import { appliedOrder } from '../../../shared/mutators/times';
import { eventText } from './event-text';

const NO_FILES: readonly AttachmentView[] = [];

type Item = { kind: 'interaction'; order: [number, number]; interaction: Interaction } | { kind: 'event'; order: [number, number]; event: OcEvent; text: string };

const byApplied = (a: Item, b: Item): number => a.order[0] - b.order[0] || a.order[1] - b.order[1];

const KIND_ICON: Record<Interaction['kind'], IconName> = {
  public_reply: 'globe',
  internal_note: 'lock',
  call_log: 'phone',
  simulation_record: 'code',
  customer_reply: 'message',
};

const InteractionCard = ({ interaction, now, attachments }: { interaction: Interaction; now: number; attachments: readonly AttachmentView[] }) => {
  const { t } = useT();
  const call = interaction.call;
  const sim = interaction.simulation;
  return (
    <article className={`tl-card tl-${interaction.kind}`} data-testid={`interaction-${interaction.kind}`}>
      <header className="tl-card-head">
        <Avatar name={interaction.authorName} size={24} />
        <span className="tl-author">{interaction.authorName}</span>
        <span className="tl-kind">
          <Icon name={KIND_ICON[interaction.kind]} size={13} /> {t(`timeline.kind.${interaction.kind}`)}
        </span>
        <span className="spacer" />
        <When at={interaction.createdAt} times={interaction} now={now} />
      </header>
      {call === null ? null : (
        <div className="tl-call">
          {t('timeline.call', {
            direction: call.direction === 'inbound' ? t('call.inbound') : t('call.outbound'),
            contact: call.contactName,
            duration: formatDuration(call.endedAt - call.startedAt),
          })}
          {call.phone === null ? null : <span className="mono"> · {call.phone}</span>}
        </div>
      )}
      {sim === null ? (
        interaction.body.trim() === '' ? null : <div className="tl-body">{interaction.body}</div>
      ) : (
        <dl className="tl-sim">
          {(['steps', 'environment', 'evidence', 'expected', 'actual'] as const).map((key) =>
            sim[key].trim() === '' ? null : (
              <Fragment key={key}>
                <dt>{t(`sim.${key}`)}</dt>
                <dd>{sim[key]}</dd>
              </Fragment>
            ),
          )}
        </dl>
      )}
      <AttachmentList attachments={attachments} />
    </article>
  );
};

/**
 * When a change counts, and the other of its two times when they differ (shared/mutators/times.ts): a note
 * written offline at 10:05 and received at 11:00 shows both, so its place in the history is explained.
 */
const When = ({ at, times, now, className = '' }: { at: number; times: { actedAt?: number | undefined; receivedAt?: number | undefined }; now: number; className?: string }) => {
  const { t, lang } = useT();
  const acted = times.actedAt ?? at;
  const received = times.receivedAt ?? at;
  const two = times.actedAt !== undefined || times.receivedAt !== undefined;
  return (
    <time
      className={`faint ${className}`}
      dateTime={new Date(at).toISOString()}
      title={two ? t('timeline.twoTimes', { acted: formatWhen(acted, now, lang), received: formatWhen(received, now, lang) }) : undefined}
      data-testid={two ? 'tl-two-times' : undefined}
    >
      {formatWhen(at, now, lang)}
      {times.receivedAt !== undefined ? <span className="tl-other-time"> · {t('timeline.receivedAt', { when: formatWhen(times.receivedAt, now, lang) })}</span> : null}
      {times.actedAt !== undefined ? <span className="tl-other-time"> · {t('timeline.actedAt', { when: formatWhen(times.actedAt, now, lang) })}</span> : null}
    </time>
  );
};

/** Interactions and events of the OC in the order the server applied them; the newest is kept in view. */
export const Timeline = ({ detail }: { detail: OcDetail }) => {
  const { t, lang } = useT();
  const now = useNow();
  const analystName = useSession((s) => s.analystName);
  const end = useRef<HTMLDivElement>(null);
  const { byInteraction } = useOcAttachments(detail.oc.id);
  const items = useMemo<Item[]>(() => {
    const list: Item[] = detail.interactions.map((interaction) => ({ kind: 'interaction', order: appliedOrder({ ...interaction, at: interaction.createdAt }), interaction }));
    for (const event of detail.events) {
      const text = eventText(event, t, lang, analystName);
      if (text !== null) list.push({ kind: 'event', order: appliedOrder(event), event, text });
    }
    // Stable: the log's own order breaks ties (the changes of one push share their receipt).
    return list.sort(byApplied);
  }, [detail, t, lang, analystName]);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [items.length]);
  return (
    <div className="timeline" data-testid="timeline">
      {items.map((item) =>
        item.kind === 'interaction' ? (
          <InteractionCard key={item.interaction.id} interaction={item.interaction} now={now} attachments={byInteraction.get(item.interaction.id) ?? NO_FILES} />
        ) : (
          <div key={item.event.id} className="tl-event" data-testid="timeline-event">
            <span className="tl-dot" />
            {/* One line of text that wraps as a sentence (a 120-character name included); the time stays whole. */}
            <span className="tl-line">
              <span className="tl-actor">{item.event.actorName}</span> <span className="muted">{item.text}</span>
            </span>
            <When at={item.event.at} times={item.event} now={now} className="tl-when" />
          </div>
        ),
      )}
      <div ref={end} />
    </div>
  );
};
