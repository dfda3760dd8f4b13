// A desktop core in its own process that attaches a file to a note and is then killed before any sync: it logs in,
// drafts the file given (its path: SOE_FAULT_ATTACH.file), writes the note carrying it, prints
// "ACK <interactionId> <attachmentId>" and waits to be killed. Its sync runs once before the draft, never after (manual), so the kill falls
// between the note and the upload. SOE_FAULT_ATTACH='{"serverUrl","dir","login","ocId","file"}'.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createCore } from '../../../src/core/core';
import { syncClient, type SyncClient } from '../../../src/core/sync/client';

const Options = z.object({ serverUrl: z.string(), dir: z.string(), login: z.string(), ocId: z.string(), file: z.string() });
const options = Options.parse(JSON.parse(process.env.SOE_FAULT_ATTACH ?? '{}'));

const core = createCore({ dbPath: join(options.dir, 'replica.db'), sync: syncClient({ serverUrl: options.serverUrl, manual: true }) });
core.start();
const call = async (method: string, args: unknown): Promise<Record<string, unknown>> => {
  const result = await core.api.invoke(method, args);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message.en}`);
  return result.value as Record<string, unknown>;
};
await call('session.login', { login: options.login, password: 'demo' });
// The initial sync (the replica needs the OC and the SLA configuration); none after it.
await (core.deps.sync as SyncClient).syncNow();
const bytes = readFileSync(options.file);
const { id } = await call('attachment.begin', { ocId: options.ocId, name: 'print.png', size: bytes.length });
await call('attachment.append', { id, offset: 0, data: bytes.toString('base64') });
await call('attachment.finish', { id });
const interactionId = 'fault-attach-note-1';
await call('oc.note', { ocId: options.ocId, interactionId, body: 'Print anexado antes da queda.', attachmentIds: [id] });
process.stdout.write(`ACK ${interactionId} ${String(id)}\n`);
await new Promise(() => undefined);
