import type { EventName, events as contractEvents } from '../../../shared/api/contract';
import { DataChanged, RejectedNotice, SlaAlert, SyncState } from '../../../shared/api/notices';
import { AttachmentProgress } from '../../../shared/api/attachments';
import { OcPresence } from '../../../shared/api/workspace';

/**
 * The contract's event schemas, imported piecewise: importing contract.ts at run time would bundle every
 * mutator (and the holiday tables the configuration checks use) into the renderer. `satisfies` keeps this map
 * exactly equal to the contract's — a missing or extra event is a compile error.
 */
export const eventSchemas = {
  'data.changed': DataChanged,
  'sla.alert': SlaAlert,
  'sync.state': SyncState,
  'mutation.rejected': RejectedNotice,
  'presence.changed': OcPresence,
  'attachment.progress': AttachmentProgress,
} satisfies typeof contractEvents;

const NAMES = Object.keys(eventSchemas);
export const isEventName = (name: string): name is EventName => NAMES.includes(name);
