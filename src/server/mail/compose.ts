import { z } from 'zod';
import { formatFileSize } from '../../shared/attachments/size';
import type { Contact, Interaction, Lang, Ocorrencia } from '../../shared/domain';
import type { ReplyFile } from './mail-attachments';
import type { MailMessage } from './transport';

/** The copy is written in Portuguese (its last line repeats the essentials in English); sizes are written so too. */
export const MAIL_LANG: Lang = 'pt-BR';

const fileLines = (files: readonly ReplyFile[]): string[] => files.length === 0 ? [] : [
  '',
  `Anexos (${files.length}):`,
  ...files.map((f) => `- ${f.name} (${formatFileSize(f.size, MAIL_LANG)}, ${f.mediaType}) — ${f.open === null ? 'disponível na Extranet' : 'anexado a este e-mail'}`),
];

/** "{numero}" in the portal's OC address: the OC's number goes there. */
export const OC_NUMBER_PLACEHOLDER = '{numero}';

/** The portal's OC address for SOE_EXTRANET_OC_URL: http(s), with the number's placeholder once. */
export const ExtranetOcUrl = z.string().trim().refine((v) => {
  if (v.split(OC_NUMBER_PLACEHOLDER).length !== 2) return false;
  try {
    const url = new URL(v.replace(OC_NUMBER_PLACEHOLDER, 'OC-2026-000001'));
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}, `SOE_EXTRANET_OC_URL: an http(s) address holding ${OC_NUMBER_PLACEHOLDER} once, e.g. https://extranet.example.com/ocorrencias/${OC_NUMBER_PLACEHOLDER}`);

/** The OC's page on the portal, or null without a configured address or before the OC has its number. */
export const extranetLink = (template: string | null, oc: Ocorrencia): string | null =>
  template === null || oc.number === null ? null : template.replace(OC_NUMBER_PLACEHOLDER, encodeURIComponent(oc.number));

/**
 * The e-mail copy of a public reply (SPEC §2): notification only — the customer answers through the Extranet,
 * replies to the e-mail are not interactions, and the text says so. The reply's files are listed (mail-attachments.ts
 * says which travel with it); those too big for the e-mail are named only, with no link to their bytes.
 */
export const composeReplyCopy = (from: string, oc: Ocorrencia, reply: Interaction, contact: Contact, files: readonly ReplyFile[] = [], extranetOcUrl: string | null = null): MailMessage => {
  const link = extranetLink(extranetOcUrl, oc);
  const attached = files.filter((f): f is ReplyFile & { open: NonNullable<ReplyFile['open']> } => f.open !== null);
  const onExtranet = files.length - attached.length;
  return {
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
      ...fileLines(files),
      ...(onExtranet === 0 ? [] : ['Os arquivos marcados "disponível na Extranet" são grandes demais para o e-mail: baixe-os na ocorrência, na Extranet.']),
      '',
      '—',
      link === null
        ? `Esta é uma cópia da resposta publicada na Extranet UNO. Para responder, acesse ${oc.number === null ? 'a ocorrência' : `a ocorrência ${oc.number}`} na Extranet;`
        : 'Esta é uma cópia da resposta publicada na Extranet UNO. Para responder, acesse a ocorrência na Extranet:',
      ...(link === null ? [] : [link]),
      'respostas a este e-mail não são registradas.',
      link === null ? 'This is a copy of a reply published on the UNO Extranet; please answer through the Extranet.' : `This is a copy of a reply published on the UNO Extranet; please answer there: ${link}`,
      ...(onExtranet === 0 ? [] : [`${onExtranet} of its files ${onExtranet === 1 ? 'is' : 'are'} too large for e-mail and can be downloaded on the Extranet.`]),
    ].join('\n'),
    date: new Date(reply.createdAt),
    ...(attached.length === 0 ? {} : { attachments: attached.map((f) => ({ filename: f.name, contentType: f.mediaType, open: f.open })) }),
  };
};
