// Errors are values with a stable code and a human message in pt-BR and en (ARCHITECTURE.md style 4).
// The UI shows the message; logs keep the code.

export interface Messages {
  'pt-BR': string;
  en: string;
}

export interface DomainError {
  readonly kind: 'domain_error';
  readonly code: string;
  readonly message: Messages;
  readonly details?: Record<string, unknown>;
}

export const domainError = (code: string, message: Messages, details?: Record<string, unknown>): DomainError =>
  details === undefined ? { kind: 'domain_error', code, message } : { kind: 'domain_error', code, message, details };

export const isDomainError = (value: unknown): value is DomainError =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'domain_error';

export type Lang = keyof Messages;
export const messageOf = (error: DomainError, lang: Lang = 'pt-BR'): string => error.message[lang];

/** Thrown only at boundaries that must abort (a transaction); carries the DomainError value. */
export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(`${error.code}: ${error.message.en}`);
    this.name = 'DomainFailure';
  }
}
