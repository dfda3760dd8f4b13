// A desktop core in its own process, writing a burst of notes as fast as the UI could, printing "ACK <id>" for
// each change the API acknowledged — so a fault test can kill -9 it mid-burst and check nothing acknowledged
// was lost. SOE_FAULT_DESKTOP='{"serverUrl","dir","login","ocId","count"}'.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { createCore } from '../../../src/core/core';
import { syncClient } from '../../../src/core/sync/client';

const Options = z.object({ serverUrl: z.string(), dir: z.string(), login: z.string(), ocId: z.string(), count: z.number().int().min(1).max(5_000) });
const options = Options.parse(JSON.parse(process.env.SOE_FAULT_DESKTOP ?? '{}'));

const core = createCore({ dbPath: join(options.dir, 'replica.db'), sync: syncClient({ serverUrl: options.serverUrl, periodicMs: 60_000 }) });
core.start();
const login = await core.api.invoke('session.login', { login: options.login, password: 'demo' });
if (!login.ok) throw new Error(`login failed: ${login.error.code}`);
process.stdout.write('READY\n');
for (let i = 0; i < options.count; i += 1) {
  const interactionId = randomUUID();
  const result = await core.api.invoke('oc.note', { ocId: options.ocId, interactionId, body: `Nota ${i + 1} da rajada.` });
  if (result.ok) process.stdout.write(`ACK ${interactionId}\n`);
  // Let the sync client run between writes, as the UI's event loop would.
  if (i % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
}
process.stdout.write('DONE\n');
await core.stop();
