import { commandMessages } from '../features/commands/messages';
import { loginMessages } from '../features/login/messages';
import { ocActionMessages } from '../features/oc/messages-actions';
import { attachmentMessages } from '../features/attachments/messages';
import { ocDetailMessages } from '../features/oc/messages-detail';
import { phoneMessages } from '../features/phone/messages';
import { queueMessages } from '../features/queue/messages';
import { searchMessages } from '../features/search/messages';
import { syncMessages } from '../features/sync/messages';
import { commonMessages } from './common';
import type { Lang } from './define';
import { slaMessages } from './sla';

const parts = [commonMessages, slaMessages, loginMessages, queueMessages, ocActionMessages, ocDetailMessages, phoneMessages, searchMessages, commandMessages, syncMessages, attachmentMessages] as const;

type PtKeys<T> = T extends { 'pt-BR': Record<infer K, string> } ? K : never;
export type MessageKey = PtKeys<(typeof parts)[number]>;

/** All UI messages, pt-BR (default) and en. Domain labels come from src/shared/domain/labels.ts. */
export const messages = Object.fromEntries(
  (['pt-BR', 'en'] as const).map((lang) => [lang, Object.assign({}, ...parts.map((part) => part[lang]))]),
) as Record<Lang, Record<MessageKey, string>>;
