import { domainError, type DomainError, type Messages } from '../../shared/domain';

/** What soe_write_step reports when the database refused a mutation's write (migration 008). */
export interface WriteFailure {
  state: string;
  message: string;
  constraint: string | null;
  table: string | null;
}

export const isWriteFailure = (value: unknown): value is WriteFailure =>
  typeof value === 'object' && value !== null && typeof (value as WriteFailure).state === 'string' && typeof (value as WriteFailure).message === 'string';

/** Unique values the mutators decide from the loaded state; the constraint is the backstop (SPEC §6: never a 500). */
const UNIQUE: Record<string, { code: string; message: Messages }> = {
  analyst_login_key: {
    code: 'LOGIN_IN_USE',
    message: { 'pt-BR': 'Este login já pertence a outro analista.', en: 'This login already belongs to another analyst.' },
  },
  release_release_version_key: {
    code: 'RELEASE_EXISTS',
    message: { 'pt-BR': 'Esta versão já foi registrada.', en: 'This version is already registered.' },
  },
  planned_version_version_label_key: {
    code: 'VERSION_EXISTS',
    message: { 'pt-BR': 'Esta versão já está planejada.', en: 'This version is already planned.' },
  },
  ocorrencia_number_key: {
    code: 'OC_NUMBER_IN_USE',
    message: { 'pt-BR': 'Este número de ocorrência já está em uso.', en: 'This ocorrência number is already in use.' },
  },
  oc_event_pkey: {
    code: 'EVENT_ID_IN_USE',
    message: {
      'pt-BR': 'O histórico da ocorrência já tem um evento com este identificador; a alteração foi recusada para não perdê-lo.',
      en: 'The ocorrência history already has an event with this id; the change was refused rather than lose it.',
    },
  },
};

const refused = (code: string, message: Messages, failure: WriteFailure): DomainError =>
  domainError(code, {
    'pt-BR': `O servidor recusou gravar esta alteração: ${message['pt-BR']}`,
    en: `The server refused to store this change: ${message.en}`,
  }, { sqlState: failure.state, ...(failure.constraint === null ? {} : { constraint: failure.constraint }) });

/**
 * The domain error a refused write becomes (its author sees it like any refusal). Unique and other constraints,
 * text PostgreSQL cannot store (U+0000, lone surrogates: "unsupported Unicode escape", "invalid input syntax for
 * type json"), other bad values, sizes past the database's limits.
 */
export const refusalOfWrite = (failure: WriteFailure): DomainError => {
  const unique = failure.constraint === null ? undefined : UNIQUE[failure.constraint];
  if (failure.state === '23505' && unique !== undefined) return refused(unique.code, unique.message, failure);
  if (failure.state.startsWith('23')) {
    return refused('CONSTRAINT_VIOLATED', {
      'pt-BR': `ela viola a regra "${failure.constraint ?? failure.message}" do banco de dados.`,
      en: `it breaks the database rule "${failure.constraint ?? failure.message}".`,
    }, failure);
  }
  if (failure.state === '22P05' || failure.state === '22021' || (failure.state === '22P02' && /json/i.test(failure.message))) {
    return refused('UNSTORABLE_TEXT', {
      'pt-BR': 'um texto contém um caractere que não pode ser guardado (o caractere nulo U+0000 ou um caractere Unicode incompleto).',
      en: 'a text holds a character that cannot be stored (the null character U+0000 or an incomplete Unicode character).',
    }, failure);
  }
  if (failure.state.startsWith('54')) {
    return refused('TOO_LARGE', { 'pt-BR': 'um valor excede o tamanho que o banco de dados aceita.', en: 'a value exceeds the size the database accepts.' }, failure);
  }
  return refused('WRITE_REFUSED', { 'pt-BR': `valor inválido (${failure.message}).`, en: `invalid value (${failure.message}).` }, failure);
};

/**
 * Text the database can always store: U+0000 and lone surrogates become U+FFFD. For what a refusal records
 * about a request (its name, its subject, its reason) — never for the data of a change, which is written exactly
 * or refused.
 */
export const storable = (text: string): string => {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    const pairs = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff;
    if (pairs) {
      out += text.slice(i, i + 2);
      i += 1;
    } else {
      out += unit === 0 || (unit >= 0xd800 && unit <= 0xdfff) ? '\ufffd' : text[i];
    }
  }
  return out;
};

/** A JSON value with every string in it, keys included, made storable. */
export const storableJson = <T>(value: T): T => {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return storable(v);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, inner]) => [storable(k), walk(inner)]));
    return v;
  };
  return walk(value) as T;
};
