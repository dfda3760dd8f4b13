import type { OcEvent } from '../domain';

// What evaluateSla does with a log no real OC has. A real OC's log starts with exactly one `created` event (only
// the create mutator writes one), and the engine relies on that without throwing when it does not hold: one
// corrupt log must not stop the scheduler, the queue, the board or the server's jobs. It answers no clocks for a
// log without `created`, and ignores a second `created` and whatever comes before the first. This says which
// events those are, for the places that take logs from outside (the SLA case command) and must refuse them.

export type EventLogProblem =
  | { code: 'no_created' }
  | { code: 'second_created'; index: number; createdIndex: number }
  | { code: 'before_created'; index: number; createdIndex: number };

/** Problems of a log, by index in `events`, in the order evaluateSla takes events (by `at`, stable). */
export const eventLogProblems = (events: readonly OcEvent[]): EventLogProblem[] => {
  const order = events.map((_, i) => i).sort((a, b) => (events[a] as OcEvent).at - (events[b] as OcEvent).at || a - b);
  const first = order.find((i) => (events[i] as OcEvent).data.type === 'created');
  if (first === undefined) return [{ code: 'no_created' }];
  const problems: EventLogProblem[] = [];
  let seen = false;
  for (const i of order) {
    if (i === first) seen = true;
    else if ((events[i] as OcEvent).data.type === 'created') problems.push({ code: 'second_created', index: i, createdIndex: first });
    else if (!seen) problems.push({ code: 'before_created', index: i, createdIndex: first });
  }
  return problems;
};
