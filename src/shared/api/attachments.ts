import { z } from 'zod';
import { Id, Instant } from '../domain';
import {
  ATTACHMENT_KINDS, AttachmentName, AttachmentUploader, DEFAULT_ATTACHMENT_MAX_FILE_BYTES, Sha256Hex,
} from '../domain/attachment';

// The desktop's attachments (issue 16, SPEC §2): what the renderer asks the core and what it gets back. A file is
// handed over in slices (a renderer has a File or a pasted image, not a path), kept in the core's spool as a draft,
// bound to the interaction of the mutation that names it (in that mutation's own local transaction), sent to the
// server before that mutation is pushed, and read back in slices from the data folder's cache (fetched once on
// demand, then available offline). Handlers live in src/core/api/attachment-handlers.ts.

/** The largest slice one call carries, in bytes (base64 on the wire: 4/3 of it). */
export const ATTACHMENT_SLICE_BYTES = 512 * 1024;
/** How many files one note, reply, call or simulation record may carry. */
export const MAX_ATTACHMENTS_PER_INTERACTION = 10;

const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;
/** Standard base64 (RFC 4648 §4), padded; at most one slice. */
export const Base64Slice = z
  .string()
  .max(base64Length(ATTACHMENT_SLICE_BYTES))
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'base64 inválido / invalid base64');

/**
 * Where a desktop's file is: `draft` in the composer (not yet named by a mutation; discarded with the draft),
 * `queued` bound to its interaction and waiting to go up, `uploading`, `uploaded` (the server has the bytes; the
 * row is the server's), `refused` by the server for good (the reason says why; the interaction went without it).
 */
export const ATTACHMENT_STATES = ['draft', 'queued', 'uploading', 'uploaded', 'refused'] as const;
export const AttachmentState = z.enum(ATTACHMENT_STATES);
export type AttachmentState = z.infer<typeof AttachmentState>;

const Messages = z.object({ 'pt-BR': z.string(), en: z.string() });

/** One attachment as a screen shows it. */
export const AttachmentView = z.object({
  id: Id,
  ocId: Id.nullable(),
  interactionId: Id.nullable(),
  name: z.string(),
  /** Typed by the file's bytes (never its name), as the server will. */
  mediaType: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  size: z.number().int().positive(),
  sha256: Sha256Hex,
  uploadedBy: AttachmentUploader,
  createdAt: Instant,
  state: AttachmentState,
  /** Bytes the server holds while uploading (size once uploaded). */
  sent: z.number().int().nonnegative(),
  /** The bytes are on this desktop (its own file, or one opened or prefetched before): readable offline. */
  cached: z.boolean(),
  refusal: Messages.nullable(),
});
export type AttachmentView = z.infer<typeof AttachmentView>;

export const AttachmentBeginArgs = z.object({
  ocId: Id,
  name: AttachmentName,
  size: z.number().int().positive().max(DEFAULT_ATTACHMENT_MAX_FILE_BYTES),
}).strict();

export const AttachmentAppendArgs = z.object({
  id: Id,
  /** Where this slice starts: the bytes the core already holds (a repeated slice is ignored). */
  offset: z.number().int().nonnegative(),
  data: Base64Slice,
}).strict();

export const AttachmentReadArgs = z.object({
  id: Id,
  offset: z.number().int().nonnegative().default(0),
  length: z.number().int().positive().max(ATTACHMENT_SLICE_BYTES).default(ATTACHMENT_SLICE_BYTES),
}).strict();

export const AttachmentSlice = z.object({
  data: z.string(),
  offset: z.number().int().nonnegative(),
  size: z.number().int().positive(),
  mediaType: z.string(),
});
export type AttachmentSlice = z.infer<typeof AttachmentSlice>;

const IdArgs = z.object({ id: Id }).strict();

export const attachmentQueries = {
  /** A new draft in the spool: the file's name and size (a draft older than a day, never sent, is let go). */
  'attachment.begin': { args: AttachmentBeginArgs, result: z.object({ id: Id }) },
  'attachment.append': { args: AttachmentAppendArgs, result: z.object({ received: z.number().int().nonnegative() }) },
  /** All bytes in: hashed and typed by content; a refused type or an empty file is an error and the draft goes. */
  'attachment.finish': { args: IdArgs, result: AttachmentView },
  'attachment.discard': { args: IdArgs, result: z.null() },
  'attachment.list': { args: z.object({ ocId: Id }).strict(), result: z.array(AttachmentView) },
  /** A slice of the bytes, from the cache, or fetched from the server first (an error offline if never cached). */
  'attachment.read': { args: AttachmentReadArgs, result: AttachmentSlice },
  /** Team lead: the bytes of every open OC's attachments into the cache now (then kept so after each pull). */
  'attachment.prefetch': { args: z.object({ enabled: z.boolean() }).strict(), result: z.object({ files: z.number().int(), bytes: z.number().int() }) },
} as const;

/** An upload moved on (progress, done, refused): the OC's screen updates its chips without asking again. */
export const AttachmentProgress = AttachmentView.pick({ id: true, ocId: true, state: true, sent: true, size: true, refusal: true });
export type AttachmentProgress = z.infer<typeof AttachmentProgress>;

/**
 * The desktop mutations that create an interaction, and which of their generated ids names it: they accept
 * `attachmentIds` (finished drafts of the same OC), bound to that interaction in the mutation's own transaction.
 */
export const ATTACHING_MUTATORS = {
  'oc.reply': 'interactionId',
  'oc.note': 'interactionId',
  'call.log': 'interactionId',
  'oc.addSimulation': 'interactionId',
  'oc.escalate': 'simulationInteractionId',
  'oc.forwardDev': 'simulationInteractionId',
} as const;
export type AttachingMutator = keyof typeof ATTACHING_MUTATORS;
export const isAttachingMutator = (name: string): name is AttachingMutator => Object.hasOwn(ATTACHING_MUTATORS, name);

export const AttachmentIds = z.array(Id).max(MAX_ATTACHMENTS_PER_INTERACTION).default([]);
