import type { Migration } from './index';

// A refused change keeps what its author wrote (issue 13 item 5): the reply or note leaves the replica with the
// rebase, so the notice is the only place left to copy it from.
export const migration010: Migration = {
  version: 10,
  name: 'notice-text',
  up(db) {
    db.exec('ALTER TABLE rejected_notice ADD COLUMN text TEXT');
  },
};
