import type { Analyst, Contact } from '../domain';

/** Who performs a mutation: an analyst (desktop), a customer contact (Extranet) or a server job. */
export type Actor =
  | { kind: 'analyst'; analyst: Analyst }
  | { kind: 'contact'; contact: Contact }
  | { kind: 'system'; id: 'system'; name: string };

export const actorId = (actor: Actor): string =>
  actor.kind === 'analyst' ? actor.analyst.id : actor.kind === 'contact' ? actor.contact.id : actor.id;

export const actorName = (actor: Actor): string =>
  actor.kind === 'analyst' ? actor.analyst.name : actor.kind === 'contact' ? actor.contact.name : actor.name;

export const systemActor = (name = 'S.O.E.'): Actor => ({ kind: 'system', id: 'system', name });
