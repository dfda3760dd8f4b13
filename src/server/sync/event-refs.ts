// Event ids are `${ref}:${n}` (mutators/types.ts finalizeEvents), and each kind of request has its own ref
// namespace so two different requests can never produce the same ids:
//   desktop mutation   `${clientId}:${mutationId}`   (shared/sync/protocol.ts mutationRef; the desktop's own
//                                                     optimistic events carry the same ids)
//   Extranet OC        `extranet.oc:${ocId}`
//   Extranet reply     `extranet.reply:${interactionId}`
//   server job         `job.${job}:${key}`
// A client id is [A-Za-z0-9_-]{8,64} (protocol.ts ClientId), so no desktop ref contains a '.' before its first
// ':' — the other namespaces all do. Before this scheme the Extranet's OCs and replies shared `extranet:${id}`:
// a reply whose portal-chosen id equalled an earlier OC's id lost its event. Those older ids stay as they are
// ('extranet' and 'auto-close' are refused as client ids). Whatever still clashes is refused by soe_write
// (EVENT_ID_IN_USE), never dropped.

export const extranetOcRef = (ocId: string): string => `extranet.oc:${ocId}`;

export const extranetReplyRef = (interactionId: string): string => `extranet.reply:${interactionId}`;

/** A server job's ref: deterministic per piece of work, so two nodes doing the same one write the same ids. */
export const jobRef = (job: string, key: string): string => `job.${job}:${key}`;
