import type { Messages } from '../../shared/domain';

export type Lang = keyof Messages;
export const LANGS: readonly Lang[] = ['pt-BR', 'en'];

/** A feature's messages in both languages; English must have exactly the Portuguese keys. */
export const defineMessages = <K extends string>(messages: { 'pt-BR': Record<K, string>; en: NoInfer<Record<K, string>> }) => messages;

/** Replaces {name} placeholders. */
export const interpolate = (template: string, params?: Record<string, string | number>): string =>
  params === undefined ? template : template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
