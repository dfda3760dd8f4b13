import { describe, expect, it } from 'vitest';
import { AttachmentConfig, attachmentConfigFromEnv } from '../../../../src/server/attachments/config';
import { fileTooLarge, formatMegabytes, httpStatusOf, ocTotalExceeded } from '../../../../src/server/attachments/errors';

const MIB = 1024 * 1024;

describe('attachmentConfigFromEnv', () => {
  it('defaults to 25 MB a file, 100 MB an OC, 1 MiB chunks in PostgreSQL, 10 MB of files in an e-mail copy', () => {
    expect(attachmentConfigFromEnv({})).toEqual({
      ok: true,
      config: { maxFileBytes: 25 * MIB, maxOcBytes: 100 * MIB, chunkBytes: MIB, maxPendingUploads: 20, stagingTtlMs: 86_400_000, unreferencedTtlMs: 7 * 86_400_000, mailAttachBytes: 10 * MIB },
    });
  });

  it('reads the limits in megabytes and the chunk in kilobytes', () => {
    const result = attachmentConfigFromEnv({ SOE_ATTACHMENT_MAX_FILE_MB: '10', SOE_ATTACHMENT_MAX_OC_MB: '2.5e2', SOE_ATTACHMENT_CHUNK_KB: '256', SOE_ATTACHMENT_STORE: 'postgres' });
    expect(result.ok && result.config).toMatchObject({ maxFileBytes: 10 * MIB, maxOcBytes: 250 * MIB, chunkBytes: 256 * 1024 });
  });

  it('reads the e-mail copy\'s attachment allowance in megabytes; 0 attaches nothing', () => {
    const five = attachmentConfigFromEnv({ SOE_ATTACHMENT_MAIL_MAX_MB: '5' });
    expect(five.ok && five.config.mailAttachBytes).toBe(5 * MIB);
    const none = attachmentConfigFromEnv({ SOE_ATTACHMENT_MAIL_MAX_MB: '0' });
    expect(none.ok && none.config.mailAttachBytes).toBe(0);
  });

  it.each([
    ['a word for a size', { SOE_ATTACHMENT_MAX_FILE_MB: 'muito' }, 'SOE_ATTACHMENT_MAX_FILE_MB'],
    ['a negative size', { SOE_ATTACHMENT_MAX_OC_MB: '-1' }, 'SOE_ATTACHMENT_MAX_OC_MB'],
    ['a negative e-mail allowance', { SOE_ATTACHMENT_MAIL_MAX_MB: '-2' }, 'SOE_ATTACHMENT_MAIL_MAX_MB'],
    ['a chunk too small for a row to be worth it', { SOE_ATTACHMENT_CHUNK_KB: '4' }, 'SOE_ATTACHMENT_CHUNK_KB'],
    ['an OC total smaller than one file', { SOE_ATTACHMENT_MAX_FILE_MB: '50', SOE_ATTACHMENT_MAX_OC_MB: '20' }, 'maxOcBytes'],
    ['an unknown store', { SOE_ATTACHMENT_STORE: 'ftp' }, 'SOE_ATTACHMENT_STORE'],
    ['the S3 store, which this build does not have', { SOE_ATTACHMENT_STORE: 's3' }, 'S3'],
  ])('refuses %s, naming it', (_case, env, named) => {
    const result = attachmentConfigFromEnv(env);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(named);
  });

  it('is also the server option schema, with the same defaults', () => {
    expect(AttachmentConfig.parse({ maxFileBytes: 1000 })).toMatchObject({ maxFileBytes: 1000, maxOcBytes: 100 * MIB });
  });
});

describe('attachment errors', () => {
  it('write sizes the way each language does', () => {
    expect(formatMegabytes(25 * MIB, 'pt-BR')).toBe('25 MB');
    expect(formatMegabytes(2.5 * MIB, 'pt-BR')).toBe('2,5 MB');
    expect(formatMegabytes(2.5 * MIB, 'en')).toBe('2.5 MB');
    expect(fileTooLarge(25 * MIB).message['pt-BR']).toBe('O arquivo passa do limite de 25 MB por anexo.');
  });

  it('map to 4xx statuses', () => {
    expect(httpStatusOf(fileTooLarge(1))).toBe(413);
    expect(httpStatusOf(ocTotalExceeded(1, 1))).toBe(413);
  });
});
