import type { ApiClient } from '../../lib/api/client';

// An OC opened on this desktop has a provisional number (PROV-…) until the server numbers it. Online that takes a
// moment: the caller waits for the real number (the one the customer is told on the phone) for a few seconds;
// offline, or if the server is slow, the provisional one is what there is, and the caller says so.

export interface OcNumber {
  displayNumber: string;
  /** False while the server has not numbered it yet. */
  confirmed: boolean;
}

export const waitForOcNumber = async (api: ApiClient, ocId: string, online: boolean, timeoutMs = 8_000): Promise<OcNumber> => {
  const read = async (): Promise<OcNumber | null> => {
    const detail = await api.call('oc.get', { id: ocId });
    return detail.ok ? { displayNumber: detail.value.displayNumber, confirmed: detail.value.oc.number !== null } : null;
  };
  const first = await read();
  if (first === null || first.confirmed || !online) return first ?? { displayNumber: '', confirmed: false };
  return new Promise((resolve) => {
    let last = first;
    let done = false;
    const finish = (value: OcNumber): void => {
      if (done) return;
      done = true;
      off();
      clearTimeout(timer);
      resolve(value);
    };
    const off = api.on('data.changed', (change) => {
      if (!change.ocIds.includes(ocId)) return;
      void read().then((now) => {
        if (now === null) return;
        last = now;
        if (now.confirmed) finish(now);
      });
    });
    const timer = setTimeout(() => finish(last), timeoutMs);
  });
};
