import type { Database } from '../db/database';

/**
 * Writers of synced data run one at a time anyway (versions are handed out under one lock, sync/apply.ts). On
 * one node they queue here, in memory, rather than each holding a pool connection while it waits for the
 * database lock: the connections stay free for pulls. Per database object, so in-process nodes that share one
 * PGlite share the queue.
 */
class WriterQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  run<T>(work: () => Promise<T>): Promise<T> {
    this.waiting += 1;
    const result = this.tail.then(work);
    this.tail = result.then(
      () => (this.waiting -= 1),
      () => (this.waiting -= 1),
    );
    return result;
  }

  /** Writers queued or running on this node (0 = idle). */
  get depth(): number {
    return this.waiting;
  }
}

const queues = new WeakMap<Database, WriterQueue>();

export const writersOf = (db: Database): WriterQueue => {
  let queue = queues.get(db);
  if (queue === undefined) {
    queue = new WriterQueue();
    queues.set(db, queue);
  }
  return queue;
};
