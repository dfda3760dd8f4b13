import { z } from 'zod';
import { DEFAULT_ATTACHMENT_MAX_FILE_BYTES, DEFAULT_ATTACHMENT_MAX_OC_BYTES } from '../../shared/domain/attachment';
import { describeIssues } from '../../shared/validation';

const KIB = 1024;
const MIB = 1024 * KIB;

/**
 * How the server keeps attachments (README.md beside this file). The bytes go to PostgreSQL (the tested default,
 * so PGlite too) in chunks of `chunkBytes`; an S3-compatible store is described by the same interface
 * (blob-store.ts) but is not part of this build.
 */
export const AttachmentConfig = z.object({
  maxFileBytes: z.number().int().min(1).max(1024 * MIB).default(DEFAULT_ATTACHMENT_MAX_FILE_BYTES),
  maxOcBytes: z.number().int().min(1).max(64 * 1024 * MIB).default(DEFAULT_ATTACHMENT_MAX_OC_BYTES),
  /** One row of attachment_chunk: big enough that a 25 MB file is a few dozen rows, small enough to hold twice. */
  chunkBytes: z.number().int().min(64 * KIB).max(8 * MIB).default(MIB),
  /** Uploads one person may have in progress at once (each may stage up to a file's limit until it is swept). */
  maxPendingUploads: z.number().int().min(1).max(10_000).default(20),
  /** Staged bytes of an upload nobody resumed for this long are swept (attachments.sweep). */
  stagingTtlMs: z.number().int().min(60_000).default(24 * 3_600_000),
  /** An upload never referenced by an OC or a reply after this long is swept with its bytes (if no one else has them). */
  unreferencedTtlMs: z.number().int().min(60_000).default(7 * 24 * 3_600_000),
  /**
   * The e-mail copy of a public reply carries its files while their total stays within this (0: never); the
   * others are listed as on the Extranet (mail/mail-attachments.ts). Its bytes are streamed, never held whole.
   */
  mailAttachBytes: z.number().int().min(0).max(1024 * MIB).default(10 * MIB),
}).refine((c) => c.maxOcBytes >= c.maxFileBytes, { message: 'o total por OC deve caber ao menos um arquivo / the per-OC total must hold at least one file', path: ['maxOcBytes'] });
export type AttachmentConfig = z.infer<typeof AttachmentConfig>;
export type AttachmentOptions = z.input<typeof AttachmentConfig>;

const megabytes = z.coerce.number().positive().max(64 * 1024);

/** The environment the composition root reads (documented in README.md). */
export const AttachmentEnv = z.object({
  SOE_ATTACHMENT_STORE: z.enum(['postgres', 's3']).default('postgres'),
  SOE_ATTACHMENT_MAX_FILE_MB: megabytes.optional(),
  SOE_ATTACHMENT_MAX_OC_MB: megabytes.optional(),
  SOE_ATTACHMENT_CHUNK_KB: z.coerce.number().int().min(64).max(8 * 1024).optional(),
  SOE_ATTACHMENT_MAIL_MAX_MB: z.coerce.number().min(0).max(1024).optional(),
});

export type AttachmentEnvResult =
  | { ok: true; config: AttachmentConfig }
  | { ok: false; message: string };

/** Parses the attachment settings of the environment; an error names the variable, in both languages. */
export const attachmentConfigFromEnv = (env: Record<string, string | undefined>): AttachmentEnvResult => {
  const parsed = AttachmentEnv.safeParse(env);
  if (!parsed.success) {
    const text = describeIssues(parsed.error.issues);
    return { ok: false, message: `${text['pt-BR']} / ${text.en}` };
  }
  const e = parsed.data;
  if (e.SOE_ATTACHMENT_STORE === 's3') {
    return {
      ok: false,
      message: 'SOE_ATTACHMENT_STORE=s3: o armazenamento S3 ainda não faz parte deste servidor; use postgres / the S3 store is not part of this server yet; use postgres',
    };
  }
  const config = AttachmentConfig.safeParse({
    ...(e.SOE_ATTACHMENT_MAX_FILE_MB === undefined ? {} : { maxFileBytes: Math.round(e.SOE_ATTACHMENT_MAX_FILE_MB * MIB) }),
    ...(e.SOE_ATTACHMENT_MAX_OC_MB === undefined ? {} : { maxOcBytes: Math.round(e.SOE_ATTACHMENT_MAX_OC_MB * MIB) }),
    ...(e.SOE_ATTACHMENT_CHUNK_KB === undefined ? {} : { chunkBytes: e.SOE_ATTACHMENT_CHUNK_KB * KIB }),
    ...(e.SOE_ATTACHMENT_MAIL_MAX_MB === undefined ? {} : { mailAttachBytes: Math.round(e.SOE_ATTACHMENT_MAIL_MAX_MB * MIB) }),
  });
  if (!config.success) {
    const text = describeIssues(config.error.issues);
    return { ok: false, message: `${text['pt-BR']} / ${text.en}` };
  }
  return { ok: true, config: config.data };
};

