import { z } from 'zod';
import { CUSTOMER_REPLIES, DESCRIPTION_CLOSERS, DESCRIPTION_OPENERS, SUBJECTS } from '../shared/demo/names';
import { DEMO_PASSWORD } from '../shared/demo/people';
import { Id, Line, type Criticidade, type OcKind } from '../shared/domain';

/** An Extranet contact who may open OCs (authorised, of an eligible customer), with the customer's modules. */
export interface SimulatedCaller {
  email: string;
  modules: string[];
}

export interface TrafficSimulatorOptions {
  serverUrl: string;
  callers: () => Promise<SimulatedCaller[]>;
  /** Mean new OCs per hour. The manual's team handles about 110 a working day (≈ 12 an hour). */
  perHour: number;
  /** When the first event comes (soon by default, so a demo shows the queue moving). */
  firstAfterMs?: number;
  random?: () => number;
  log?: (line: string) => void;
}

export interface TrafficSimulator {
  opened(): number;
  stop(): void;
}

const LoginReply = z.object({ token: Line().min(1).max(200) });
const OcList = z.object({ ocorrencias: z.array(z.object({ id: Id, status: Line() })) });

const weighted = <T>(random: () => number, items: ReadonlyArray<readonly [T, number]>): T => {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let roll = random() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1]![0];
};
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/**
 * Demo traffic for the browser shell's embedded server: customers' contacts open OCs through the real Extranet
 * intake API (and now and then answer an OC waiting on them), at random (Poisson) intervals. Nothing here
 * bypasses the server: the intake's authentication, eligibility checks and rate limits apply.
 */
export const startTrafficSimulator = (options: TrafficSimulatorOptions): TrafficSimulator => {
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => undefined);
  const tokens = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let opened = 0;

  const post = async (path: string, body: unknown, token?: string): Promise<Response> =>
    fetch(`${options.serverUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });

  const tokenOf = async (email: string): Promise<string | null> => {
    const known = tokens.get(email);
    if (known !== undefined) return known;
    const response = await post('/extranet/v1/login', { email, password: DEMO_PASSWORD });
    if (!response.ok) return null;
    const parsed = LoginReply.safeParse(await response.json());
    if (!parsed.success) return null;
    tokens.set(email, parsed.data.token);
    return parsed.data.token;
  };

  const openOc = async (caller: SimulatedCaller, token: string): Promise<void> => {
    const module = pick(random, caller.modules);
    const subject = pick(random, SUBJECTS[module] ?? ['Dúvida sobre o sistema']);
    const criticidade = weighted<Criticidade>(random, [['baixa', 3], ['media', 4], ['alta', 2], ['critica', 1]]);
    const kind = weighted<OcKind>(random, [['duvida', 4], ['erro', 4], ['solicitacao', 2], ['alteracao_banco', 0.5], ['atualizacao_versao', 0.5]]);
    const description = `${pick(random, DESCRIPTION_OPENERS)} "${subject.toLowerCase()}". ${pick(random, DESCRIPTION_CLOSERS)}`;
    const response = await post('/extranet/v1/ocs', { module, criticidade, kind, subject, description }, token);
    if (response.status === 401) tokens.clear();
    if (response.ok) opened += 1;
    else log(`[sim] intake refused (${response.status})`);
  };

  const answerWaiting = async (token: string): Promise<boolean> => {
    const response = await fetch(`${options.serverUrl}/extranet/v1/ocs`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) return false;
    const parsed = OcList.safeParse(await response.json());
    const waiting = parsed.success ? parsed.data.ocorrencias.filter((oc) => oc.status === 'aguardando_cliente') : [];
    if (waiting.length === 0) return false;
    const reply = await post(`/extranet/v1/ocs/${encodeURIComponent(pick(random, waiting).id)}/replies`, { body: pick(random, CUSTOMER_REPLIES) }, token);
    return reply.ok;
  };

  const tick = async (): Promise<void> => {
    const callers = (await options.callers()).filter((c) => c.modules.length > 0);
    if (callers.length === 0) return;
    const caller = pick(random, callers);
    const token = await tokenOf(caller.email);
    if (token === null) return;
    // One event in four is a customer answering an OC that waits on them (it resumes the SLA clock).
    if (random() < 0.25 && (await answerWaiting(token))) return;
    await openOc(caller, token);
  };

  const schedule = (delayMs: number): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      tick()
        .catch((error: unknown) => log(`[sim] ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => schedule((-Math.log(1 - random()) * 3_600_000) / options.perHour));
    }, delayMs);
    timer.unref?.();
  };
  schedule(options.firstAfterMs ?? 15_000);

  return {
    opened: () => opened,
    stop: () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
};
