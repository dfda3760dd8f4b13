import type { RejectedNotice } from '../../../shared/api/notices';
import type { MessageParams } from '../../i18n/format-message';
import type { MessageKey } from '../../i18n/messages';
import type { Lang } from '../../i18n/define';
import { mutationLabel } from './mutation-labels';

// One push answers for many changes: a refused take is usually followed by the reply and the pause written on
// top of it, refused in the same answer. Their notices arrive one after another; shown one toast each, titled
// alike ("Alteração recusada") with only a reason, the author could not tell which change each was about
// (issue 13 item 5). They are gathered for a moment and shown as one toast per OC naming every refused change.

export const GATHER_MS = 300;

export interface RejectedToaster {
  add(notice: RejectedNotice): void;
}

/** Calls `show` once per OC (or once for changes about no OC) with the notices that arrived together. */
export const createRejectedToaster = (show: (notices: RejectedNotice[]) => void, gatherMs = GATHER_MS): RejectedToaster => {
  const gathering = new Map<string, RejectedNotice[]>();
  return {
    add(notice) {
      const key = notice.ocId ?? '';
      const list = gathering.get(key);
      if (list !== undefined) {
        list.push(notice);
        return;
      }
      gathering.set(key, [notice]);
      setTimeout(() => {
        const gathered = gathering.get(key) ?? [];
        gathering.delete(key);
        show(gathered.sort((a, b) => a.mutationId - b.mutationId));
      }, gatherMs);
    },
  };
};

/** The toast of notices gathered together: every refused change with its reason, and where its text is kept. */
export const rejectedToastOf = (notices: readonly RejectedNotice[], t: (key: MessageKey, params?: MessageParams) => string, lang: Lang): { title: string; body: string } => {
  const title = notices.length === 1 ? t('sync.rejectedToast') : t('sync.rejectedToastMany', { count: notices.length });
  const lines = notices.map((n) => (notices.length === 1 ? n.error.message[lang] : `${mutationLabel(n.name, lang)}: ${n.error.message[lang]}`));
  if (notices.some((n) => n.text !== null)) lines.push(t('sync.rejectedTextHint'));
  return { title, body: lines.join('\n') };
};
