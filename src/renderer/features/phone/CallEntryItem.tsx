import type { CallEntry } from '../../../shared/api/views';
import { useT } from '../../app/services';
import { formatDuration, formatShortDateTime } from '../../lib/format';

/**
 * One logged call — when, which OC (or "sem OC"), direction, contact, duration, who took it, what was said — for
 * the phone screen's recent calls and the customer's page. A call on an OC opens it; one without is plain text.
 * `wrap`: the whole text on as many lines as it needs (the customer's page), or one line each, cut (the phone).
 */
export const CallEntryItem = ({ entry, onOpen, wrap, testId }: { entry: CallEntry; onOpen: (ocId: string) => void; wrap: boolean; testId: string }) => {
  const { t, lang } = useT();
  const line = t('phone.call.line', {
    direction: t(`phone.call.${entry.call.direction}`),
    contact: entry.call.contactName,
    duration: formatDuration(entry.call.endedAt - entry.call.startedAt),
    author: entry.authorName,
  });
  const inner = (
    <>
      <span className="row">
        <span>{formatShortDateTime(entry.call.startedAt, lang)}</span>
        <span className="spacer" />
        <span className={entry.displayNumber === null ? 'faint' : 'mono'}>{entry.displayNumber ?? t('phone.call.noOc')}</span>
      </span>
      <span className={wrap ? 'ch-wrap' : 'ellipsis'} title={wrap ? undefined : line}>{line}</span>
      {entry.body === '' ? null : <span className={wrap ? 'ch-wrap faint ch-clamp' : 'ellipsis faint'} title={entry.body}>{entry.body}</span>}
    </>
  );
  return (
    <li data-testid={testId} data-oc={entry.ocId ?? ''}>
      {entry.ocId === null ? (
        <div className={`oc-mini${wrap ? ' ch-static' : ''}`}>{inner}</div>
      ) : (
        <button type="button" className="oc-mini" onClick={() => onOpen(entry.ocId as string)}>{inner}</button>
      )}
    </li>
  );
};
