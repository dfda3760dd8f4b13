import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface MailMessage {
  /** The outbox key (the public reply's interaction id): also the Message-ID and the .eml file name. */
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  date: Date;
}

export interface MailTransport {
  readonly description: string;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

const messageId = (id: string): string => `<${id}@soe.unosolucoes.com.br>`;

/**
 * SMTP through nodemailer. If the server dies between the SMTP server's acceptance and the outbox update, the copy
 * is sent again after the restart with the same Message-ID, which receiving systems use to drop the duplicate.
 */
export const smtpTransport = (url: string): MailTransport => {
  const transport = nodemailer.createTransport(url);
  return {
    description: `smtp ${new URL(url).host}`,
    send: async (m) => {
      await transport.sendMail({ from: m.from, to: m.to, subject: m.subject, text: m.text, date: m.date, messageId: messageId(m.id) });
    },
    close: () => transport.close(),
  };
};

/**
 * `.eml` files in a folder (no SMTP configured: demo, tests). The file is named by the outbox key and renamed
 * into place atomically, so a copy sent twice (a crash before the outbox update) is still one file.
 */
export const folderTransport = (dir: string): MailTransport => {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    description: `folder ${dir}`,
    send: async (m) => {
      await mkdir(dir, { recursive: true });
      const info = await composer.sendMail({ from: m.from, to: m.to, subject: m.subject, text: m.text, date: m.date, messageId: messageId(m.id) });
      const safe = m.id.replace(/[^A-Za-z0-9_-]/g, '_');
      const temp = join(dir, `.${safe}.eml.tmp`);
      await writeFile(temp, info.message as Buffer);
      await rename(temp, join(dir, `${safe}.eml`));
    },
    close: () => composer.close(),
  };
};
