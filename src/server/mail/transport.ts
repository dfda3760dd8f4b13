import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';

/** A file the message carries: its bytes are opened only when the message is written, and streamed. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  open(): Promise<Readable>;
}

export interface MailMessage {
  /** The outbox key (the public reply's interaction id): the Message-ID is made of it, the .eml name of that. */
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  date: Date;
  attachments?: readonly MailAttachment[];
}

export interface MailTransport {
  readonly description: string;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

const messageId = (id: string): string => `<${id}@soe.unosolucoes.com.br>`;

/**
 * The message as nodemailer takes it, with each attachment's stream opened (nodemailer pulls them as it writes:
 * base64 in 76-column lines, `Content-Disposition: attachment`, the name as RFC 2231 `filename*` when it is not
 * plain ASCII). `release` destroys the streams when the message is not written after all.
 */
const mailOptions = async (m: MailMessage): Promise<{ options: Mail.Options; release: () => void }> => {
  const streams: Readable[] = [];
  const release = (): void => {
    for (const stream of streams) stream.destroy();
  };
  try {
    for (const a of m.attachments ?? []) streams.push(await a.open());
  } catch (error) {
    release();
    throw error;
  }
  const attachments: Mail.Attachment[] = (m.attachments ?? []).map((a, i) => ({
    filename: a.filename, contentType: a.contentType, contentDisposition: 'attachment', contentTransferEncoding: 'base64', content: streams[i] as Readable,
  }));
  return {
    options: { from: m.from, to: m.to, subject: m.subject, text: m.text, date: m.date, messageId: messageId(m.id), ...(attachments.length === 0 ? {} : { attachments }) },
    release,
  };
};

/**
 * SMTP through nodemailer. If the server dies between the SMTP server's acceptance and the outbox update, the copy
 * is sent again after the restart with the same Message-ID, which receiving systems use to drop the duplicate.
 */
export const smtpTransport = (url: string): MailTransport => {
  const transport = nodemailer.createTransport(url);
  return {
    description: `smtp ${new URL(url).host}`,
    send: async (m) => {
      const { options, release } = await mailOptions(m);
      try {
        await transport.sendMail(options);
      } finally {
        release();
      }
    },
    close: () => transport.close(),
  };
};

/** The file name of a message's `.eml` copy: the SHA-256 of its Message-ID, so two messages never share one. */
export const emlFileName = (id: string): string => `${createHash('sha256').update(messageId(id)).digest('hex')}.eml`;

/**
 * How a folder transport writes a message (tests inject one that fails half-way): its bytes arrive as a stream, so
 * a copy carrying files is never whole in memory.
 */
export type WriteFile = (path: string, data: AsyncIterable<Buffer>) => Promise<void>;

/** Writes and flushes to disk before the rename, so a renamed file is never a partial one after a power cut. */
const writeDurably: WriteFile = async (path, data) => {
  const handle = await open(path, 'wx');
  try {
    for await (const chunk of data) await handle.write(chunk);
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/** A temporary file left by a process that died while writing; one this old belongs to nobody any more. */
const STALE_TEMP_MS = 3_600_000;
const isTemp = (name: string): boolean => name.startsWith('.') && name.endsWith('.eml.tmp');

/**
 * `.eml` files in a folder (no SMTP configured: demo, tests). Each file is named by the hash of the message's
 * Message-ID (emlFileName) — never by a folded form of the id, under which replies `X.x` and `X_x` once shared a
 * file and one customer's copy replaced another's. It is written to a temporary name in the same folder (not
 * ending in `.eml`), flushed, then renamed into place: a reader never sees a partial copy, a crash mid-write
 * leaves only the temporary (removed on failure, or swept once stale), and a copy sent twice (a crash before
 * the outbox update) is still one file.
 */
export const folderTransport = (dir: string, options: { writeFile?: WriteFile; now?: () => number } = {}): MailTransport => {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: false, newline: 'unix' });
  const write = options.writeFile ?? writeDurably;
  const now = options.now ?? Date.now;
  let swept = false;
  const sweep = async (): Promise<void> => {
    swept = true;
    for (const name of await readdir(dir)) {
      if (!isTemp(name)) continue;
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      if (info !== null && now() - info.mtimeMs > STALE_TEMP_MS) await unlink(path).catch(() => undefined);
    }
  };
  return {
    description: `folder ${dir}`,
    send: async (m) => {
      await mkdir(dir, { recursive: true });
      if (!swept) await sweep();
      const name = emlFileName(m.id);
      const temp = join(dir, `.${name.slice(0, -'.eml'.length)}.${randomBytes(6).toString('hex')}.eml.tmp`);
      const { options, release } = await mailOptions(m);
      try {
        const info = await composer.sendMail(options);
        const message = info.message as Readable;
        try {
          await write(temp, message);
        } finally {
          message.destroy();
        }
        await rename(temp, join(dir, name));
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      } finally {
        release();
      }
    },
    close: () => composer.close(),
  };
};
