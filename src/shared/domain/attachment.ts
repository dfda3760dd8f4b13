import { z } from 'zod';
import type { InteractionKind } from './enums';
import type { Messages } from './errors';
import { Id, Instant } from './ids';
import { Text } from './text';

// Attachments (SPEC §2): screen prints, NF-e XML, logs and PDFs on an OC's interactions. The bytes are stored once
// by content hash on the server; this is the metadata row every desktop will sync, and the rules both sides apply
// (what a file may be called, which types are accepted, who may read one). Not exported from the domain index yet:
// the sync wiring (issue 16) will do that together with the table.

const MIB = 1024 * 1024;
/** Per-file limit, unless the server is configured otherwise (SOE_ATTACHMENT_MAX_FILE_MB). */
export const DEFAULT_ATTACHMENT_MAX_FILE_BYTES = 25 * MIB;
/** All the attachments of one OC together (SOE_ATTACHMENT_MAX_OC_MB): four files at the per-file limit. */
export const DEFAULT_ATTACHMENT_MAX_OC_BYTES = 100 * MIB;
/** The longest name most file systems accept (ext4, NTFS and APFS count 255 bytes or UTF-16 units). */
export const ATTACHMENT_NAME_MAX_BYTES = 255;

/** The kinds a screen shows (icon, viewer); every accepted media type is exactly one of them. */
export const ATTACHMENT_KINDS = ['image', 'pdf', 'xml', 'text', 'csv', 'spreadsheet', 'document', 'archive'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const TEXT_CHARSETS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type TextCharset = (typeof TEXT_CHARSETS)[number];

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The allow-list, by content (the server types every upload by its bytes, never by its name). */
const BINARY_MEDIA_TYPES: Record<string, AttachmentKind> = {
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
  'application/pdf': 'pdf',
  'application/xml': 'xml',
  [XLSX_MEDIA_TYPE]: 'spreadsheet',
  [DOCX_MEDIA_TYPE]: 'document',
  'application/zip': 'archive',
};

export const textMediaType = (base: 'text/plain' | 'text/csv', charset: TextCharset): string => `${base}; charset=${charset}`;

export const ATTACHMENT_MEDIA_TYPES: readonly string[] = [
  ...Object.keys(BINARY_MEDIA_TYPES),
  ...TEXT_CHARSETS.flatMap((charset) => [textMediaType('text/plain', charset), textMediaType('text/csv', charset)]),
];

export const attachmentKindOf = (mediaType: string): AttachmentKind | null => {
  const binary = BINARY_MEDIA_TYPES[mediaType];
  if (binary !== undefined) return binary;
  if (!ATTACHMENT_MEDIA_TYPES.includes(mediaType)) return null;
  return mediaType.startsWith('text/csv') ? 'csv' : 'text';
};

export const AttachmentMediaType = z.string().refine((v) => ATTACHMENT_MEDIA_TYPES.includes(v), 'tipo de arquivo não aceito / file type not accepted');

/** Bidirectional overrides and isolates: "fatura\u202Efdp.exe" shows as "faturaexe.pdf" (a classic disguise). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const utf8Length = (value: string): number => new TextEncoder().encode(value).length;

/** Why a file name cannot be kept as the user gave it; null when it can (after Text() has accepted it). */
export const attachmentNameProblem = (name: string): Messages | null => {
  if (name.trim().length === 0) return { 'pt-BR': 'o nome do arquivo está vazio', en: 'the file name is empty' };
  if (/[/\\]/.test(name)) return { 'pt-BR': 'o nome do arquivo não pode conter / nem \\', en: 'the file name cannot hold / or \\' };
  if (name === '.' || name === '..') return { 'pt-BR': 'nome de arquivo inválido', en: 'invalid file name' };
  if (BIDI_CONTROL.test(name)) return { 'pt-BR': 'o nome do arquivo contém um caractere que inverte o texto', en: 'the file name holds a character that reverses text' };
  if (utf8Length(name) > ATTACHMENT_NAME_MAX_BYTES) {
    return { 'pt-BR': `o nome do arquivo passa de ${ATTACHMENT_NAME_MAX_BYTES} bytes`, en: `the file name is longer than ${ATTACHMENT_NAME_MAX_BYTES} bytes` };
  }
  return null;
};

/**
 * The user's own file name, kept for display and for the download: the shared Text() rules (no NUL, lone
 * surrogates or invisible controls), then no path separators, no bidi overrides, at most 255 UTF-8 bytes. NFC, so
 * a name typed on macOS (NFD) and the same name typed on Windows are one name.
 */
export const AttachmentName = Text()
  .transform((name) => name.normalize('NFC'))
  .superRefine((name, ctx) => {
    const problem = attachmentNameProblem(name);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: `${problem['pt-BR']} / ${problem.en}` });
  });

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 em hexadecimal minúsculo / lower-case hexadecimal SHA-256');

export const AttachmentUploader = z.object({ kind: z.enum(['analyst', 'contact']), id: Id });
export type AttachmentUploader = z.infer<typeof AttachmentUploader>;

/**
 * One attached file. ocId and interactionId are null while the upload stands alone (uploaded first, referenced by
 * the OC or the reply that follows); the bytes are the blob `sha256`, shared by every attachment of the same bytes.
 */
export const Attachment = z.object({
  id: Id,
  ocId: Id.nullable(),
  interactionId: Id.nullable(),
  name: AttachmentName,
  mediaType: AttachmentMediaType,
  size: z.number().int().positive(),
  sha256: Sha256Hex,
  uploadedBy: AttachmentUploader,
  createdAt: Instant,
});
export type Attachment = z.infer<typeof Attachment>;

/** The interactions a customer sees on the Extranet (the intake API lists exactly these). */
export const CUSTOMER_VISIBLE_ATTACHMENT_KINDS: readonly InteractionKind[] = ['public_reply', 'customer_reply'];

export type AttachmentReader =
  | { kind: 'analyst'; id: string }
  /** An authorised Extranet contact (the caller has checked the seat), with the customer it belongs to. */
  | { kind: 'contact'; id: string; customerId: string };

export interface AttachmentFacts {
  uploadedBy: AttachmentUploader;
  /** The customer of the attachment's OC, when the OC is on the server. */
  ocCustomerId: string | null;
  /** The kind of the interaction it is on, when that interaction is on the server. */
  interactionKind: InteractionKind | null;
}

/**
 * Who may read an attachment (SPEC §2): analysts, all of them; a contact, what they uploaded themselves and what
 * sits on a customer-visible interaction of their own customer's OC — never an internal note's, a simulation
 * record's or another customer's. Anything else is answered as not found, so an id is never confirmed.
 */
export const attachmentReadable = (reader: AttachmentReader, facts: AttachmentFacts): boolean => {
  if (reader.kind === 'analyst') return true;
  if (facts.uploadedBy.kind === 'contact' && facts.uploadedBy.id === reader.id) return true;
  return facts.ocCustomerId === reader.customerId && facts.interactionKind !== null && CUSTOMER_VISIBLE_ATTACHMENT_KINDS.includes(facts.interactionKind);
};

/**
 * Where an upload may go: an analyst may attach to any OC id, even one created offline that has not reached the
 * server yet (the bytes go up before the mutation); a contact to an OC of their own customer, or to none (an upload
 * alone, referenced by the OC they open next).
 */
export const attachmentTargetAllowed = (uploader: AttachmentReader, target: { ocId: string | null; ocCustomerId: string | null }): boolean => {
  if (uploader.kind === 'analyst') return true;
  return target.ocId === null || target.ocCustomerId === uploader.customerId;
};
