import type { Contact, Interaction, Ocorrencia } from '../../shared/domain';
import type { MailMessage } from './transport';

/**
 * The e-mail copy of a public reply (SPEC §2): notification only — the customer answers through the Extranet,
 * replies to the e-mail are not interactions, and the text says so.
 */
export const composeReplyCopy = (from: string, oc: Ocorrencia, reply: Interaction, contact: Contact): MailMessage => ({
  id: reply.id,
  from,
  to: `"${contact.name.replace(/"/g, "'")}" <${contact.email}>`,
  subject: `[${oc.number ?? 'Ocorrência'}] ${oc.subject}`,
  text: [
    `Olá, ${contact.name}.`,
    '',
    `${reply.authorName} respondeu à ocorrência ${oc.number ?? ''} ("${oc.subject}"):`,
    '',
    reply.body,
    '',
    '—',
    'Esta é uma cópia da resposta publicada na Extranet UNO. Para responder, acesse a ocorrência na Extranet:',
    'respostas a este e-mail não são registradas.',
    'This is a copy of a reply published on the UNO Extranet; please answer through the Extranet.',
  ].join('\n'),
  date: new Date(reply.createdAt),
});
