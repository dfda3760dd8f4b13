import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventName, MethodName } from '../shared/api/contract';
import { fail, type ApiResult } from '../shared/api/result';
import { apiChannel, EVENT_CHANNEL, ipcFailed, unknownMethod, type ApiSurface, type SoeBridge } from '../shared/ipc/bridge';

// The whole renderer-facing surface of the desktop app. The preload runs sandboxed (no Node), so it holds no
// logic beyond refusing what the contract does not name; main checks the sender and parses the arguments.

/** The contract's METHOD_NAMES and EVENT_NAMES, injected at build time by electron.vite.config.ts. */
declare const __SOE_CONTRACT_NAMES__: { methods: readonly MethodName[]; events: readonly EventName[] };
const { methods: METHOD_NAMES, events: EVENT_NAMES } = __SOE_CONTRACT_NAMES__;
const methodNames: ReadonlySet<string> = new Set(METHOD_NAMES);
const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES);
const isMethodName = (name: string): name is MethodName => methodNames.has(name);

const invoke = async (method: string, args: unknown): Promise<ApiResult<unknown>> => {
  // A method outside the contract never reaches ipcRenderer (nor a channel main might one day listen on).
  if (typeof method !== 'string' || !isMethodName(method)) return fail(unknownMethod(String(method)));
  try {
    return (await ipcRenderer.invoke(apiChannel(method), args)) as ApiResult<unknown>;
  } catch (error) {
    // e.g. arguments that cannot be structured-cloned, or main shutting down: still an error value.
    return fail(ipcFailed(error instanceof Error ? error.message : String(error)));
  }
};

const onEvent = (listener: (event: EventName, payload: unknown) => void): (() => void) => {
  const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
    if (typeof name === 'string' && eventNames.has(name)) listener(name as EventName, payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  };
};

export const soe: SoeBridge = {
  invoke,
  onEvent,
  methods: Object.freeze([...METHOD_NAMES]),
  events: Object.freeze([...EVENT_NAMES]),
};

export const api = Object.freeze(
  Object.fromEntries(METHOD_NAMES.map((method) => [method, (args?: unknown) => invoke(method, args ?? {})])),
) as ApiSurface;

contextBridge.exposeInMainWorld('soe', soe);
contextBridge.exposeInMainWorld('api', api);
