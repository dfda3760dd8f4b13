import { z } from 'zod';
import { Line } from '../domain/text';

// The browser shell's WebSocket protocol (loopback only). The renderer sends `auth` first, with the per-run
// token it read from the URL fragment; until then the shell answers nothing. Afterwards it sends `call`s and
// receives `result`s (matched by id) and `event`s (the contract's events, every one the core emits).
// What the renderer sends is parsed strictly (the arguments by the contract, in the core); what the shell sends
// back is the core's own output and is only checked for shape.

export const SHELL_PROTOCOL = 1;
export const SHELL_SOCKET_PATH = '/api';

export const ClientMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('auth'), token: Line().min(16).max(200), protocol: z.literal(SHELL_PROTOCOL) }),
  z.object({ t: z.literal('call'), id: z.number().int().nonnegative(), method: Line().min(1).max(80), args: z.unknown() }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

const Messages = z.object({ 'pt-BR': z.string(), en: z.string() });

export const ApiResultMessage = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: Messages, details: z.record(z.string(), z.unknown()).optional() }) }),
]);

export const ServerMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('ready'), protocol: z.number().int() }),
  z.object({ t: z.literal('result'), id: z.number().int().nonnegative(), result: ApiResultMessage }),
  z.object({ t: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/** Close codes the renderer explains to the person (bad token = open the URL the shell printed). */
export const CLOSE_BAD_TOKEN = 4401;
export const CLOSE_BAD_MESSAGE = 4400;
