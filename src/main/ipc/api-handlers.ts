import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { z } from 'zod';
import { contract, METHOD_NAMES, type EventName, type MethodName } from '../../shared/api/contract';
import { fail, type ApiResult } from '../../shared/api/result';
import { apiChannel, EVENT_CHANNEL, forbiddenSender } from '../../shared/ipc/bridge';
import { invalidArgs } from '../../shared/mutators/run';
import { describeIssues } from '../../shared/validation';
import { isAppUrl } from '../app-origin';
import { checkSender, type SenderEvent } from './sender';

// The IPC side of the contract: one handler per method of the contract, each of which checks the sender and
// parses the payload with the method's zod schema before the core sees it. Nothing else is registered.

export interface ApiInvoker {
  invoke(method: string, args: unknown): Promise<ApiResult<unknown>>;
}

export const handleApiCall = async (
  core: ApiInvoker,
  method: MethodName,
  event: SenderEvent,
  args: unknown,
  log: (message: string) => void,
): Promise<ApiResult<unknown>> => {
  const sender = checkSender(event);
  if (!sender.trusted) {
    log(`IPC ${method} refused from ${sender.origin}`);
    return fail(forbiddenSender(sender.origin));
  }
  const parsed = (contract[method].args as z.ZodType).safeParse(args ?? {});
  if (!parsed.success) return fail(invalidArgs(describeIssues(parsed.error.issues)));
  return core.invoke(method, parsed.data);
};

export const registerApiHandlers = (
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  core: ApiInvoker,
  log: (message: string) => void,
): (() => void) => {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(apiChannel(method), (event: IpcMainInvokeEvent, args: unknown) => handleApiCall(core, method, event, args, log));
  }
  return () => METHOD_NAMES.forEach((method) => ipcMain.removeHandler(apiChannel(method)));
};

type EventSource = { onAny(listener: (event: EventName, payload: unknown) => void): () => void };
type EventTarget = Pick<WebContents, 'send' | 'isDestroyed' | 'getURL'>;

/** Core events go to every live window of our origin, on the one event channel. */
export const forwardCoreEvents = (events: EventSource, targets: () => readonly EventTarget[]): (() => void) =>
  events.onAny((name, payload) => {
    for (const contents of targets()) {
      if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(EVENT_CHANNEL, name, payload);
    }
  });
