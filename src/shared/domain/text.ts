import { z } from 'zod';
import type { Messages } from './errors';

/** Case- and accent-folded text, so "São João" matches "sao joao" (SPEC §4: ação = acao). */
export const foldText = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

/**
 * What text crossing a boundary may hold (SPEC §7: refused there, before anything is acknowledged locally).
 *
 * Every string — free text, names, ids — refuses:
 * - U+0000: PostgreSQL's text and jsonb refuse it, so a change holding it could never reach the server and would
 *   block its desktop's outbox for good;
 * - a lone UTF-16 surrogate (a high one not followed by a low one, a low one alone, a reversed pair): not a
 *   character at all; it cannot be encoded as UTF-8, so jsonb refuses it and a Buffer turns it into U+FFFD;
 * - the other C0 controls (U+0001–U+001F) and DEL (U+007F), except tab, line feed and carriage return: invisible,
 *   never typed on purpose (they arrive from binary pastes and broken integrations) and they corrupt e-mail
 *   copies, CSV/PDF statements and terminals (ESC starts an ANSI sequence).
 * C1 controls (U+0080–U+009F) are left alone: they are storable everywhere, and Windows-1252 text pasted as
 * Latin-1 is full of them — refusing them would refuse real customers' text for no safety gain.
 *
 * Three strengths, from the most to the least permissive:
 * - `Text()`: multi-line free text (descriptions, replies, notes, simulation records) keeps tab, LF and CR;
 * - `Line()`: single-line text — names, subjects, logins, e-mail addresses, phones, reasons, search text:
 *   anything that can reach an e-mail header, a file name, a CSV cell or a one-line input. It also refuses line
 *   breaks (CR, LF, NEL U+0085, LINE SEPARATOR U+2028, PARAGRAPH SEPARATOR U+2029): a CR/LF in a subject is a
 *   header injection in the e-mail copy. Tab is kept (a paste from a spreadsheet cell is not an attack);
 * - `Id`-like identifiers (ids.ts: `identifierCharacter`): no control character of any kind, tab included.
 * Each refuses with a pt-BR / en message that says which character and where; describeIssues (validation.ts)
 * prefixes it with the field's path. Lengths are each field's own `.max()`.
 */
export type UnstorableKind = 'nul' | 'surrogate' | 'control';
export type TextProblemKind = UnstorableKind | 'line_break';

export interface UnstorableCharacter {
  kind: UnstorableKind;
  /** Index of the UTF-16 code unit, counted from 0. */
  index: number;
  codeUnit: number;
}

export interface TextProblem {
  kind: TextProblemKind;
  /** Index of the UTF-16 code unit, counted from 0. */
  index: number;
  codeUnit: number;
}

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

const isLineBreak = (unit: number): boolean => unit === LF || unit === CR || unit === 0x85 || unit === 0x2028 || unit === 0x2029;

/** How strict a scan is: `text` keeps tab/LF/CR, `line` keeps tab, `identifier` keeps no control at all. */
export type TextStrictness = 'text' | 'line' | 'identifier';

/** The first character `value` may not hold at the given strictness, or null when every one is fine. */
export const textProblem = (value: string, strictness: TextStrictness = 'text'): TextProblem | null => {
  for (let i = 0; i < value.length; i += 1) {
    const unit = value.charCodeAt(i);
    if (unit === 0) return { kind: 'nul', index: i, codeUnit: unit };
    if (unit < 0x20 || unit === 0x7f) {
      if (unit === TAB && strictness !== 'identifier') continue;
      if (unit === LF || unit === CR) {
        if (strictness === 'text') continue;
        return { kind: strictness === 'line' ? 'line_break' : 'control', index: i, codeUnit: unit };
      }
      return { kind: 'control', index: i, codeUnit: unit };
    }
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
        continue;
      }
      return { kind: 'surrogate', index: i, codeUnit: unit };
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return { kind: 'surrogate', index: i, codeUnit: unit };
    if (strictness !== 'text' && isLineBreak(unit)) return { kind: strictness === 'line' ? 'line_break' : 'control', index: i, codeUnit: unit };
  }
  return null;
};

/** The first character no text may hold (NUL, a lone surrogate, a C0 control other than tab/LF/CR, DEL). */
export const unstorableCharacter = (value: string): UnstorableCharacter | null =>
  textProblem(value, 'text') as UnstorableCharacter | null;

const hex = (unit: number): string => `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;

/** "contém o caractere nulo (U+0000, posição 13), que não pode ser guardado; … / holds …" */
export const unstorableMessage = (found: TextProblem): Messages => {
  const position = found.index + 1;
  const where = { 'pt-BR': `${hex(found.codeUnit)}, posição ${position}`, en: `${hex(found.codeUnit)}, position ${position}` };
  if (found.kind === 'line_break') {
    return {
      'pt-BR': `tem uma quebra de linha (${where['pt-BR']}); este campo é de uma linha só`,
      en: `holds a line break (${where.en}); this field takes a single line`,
    };
  }
  const what = {
    nul: { 'pt-BR': 'o caractere nulo', en: 'the null character' },
    surrogate: { 'pt-BR': 'um caractere Unicode incompleto', en: 'an incomplete Unicode character' },
    control: { 'pt-BR': 'um caractere de controle invisível', en: 'an invisible control character' },
  }[found.kind];
  return {
    'pt-BR': `contém ${what['pt-BR']} (${where['pt-BR']}), que não pode ser guardado; apague-o e tente de novo`,
    en: `holds ${what.en} (${where.en}), which cannot be stored; delete it and try again`,
  };
};

/** A zod string that refuses what `textProblem` finds at that strictness, with the pt-BR / en message. */
export const checkedString = (strictness: TextStrictness): z.ZodString =>
  z.string().check((ctx) => {
    const found = textProblem(ctx.value, strictness);
    if (found === null) return;
    const message = unstorableMessage(found);
    // Nothing else is said about a string that cannot be stored (its length included): one clear reason.
    ctx.issues.push({ code: 'custom', message: `${message['pt-BR']} / ${message.en}`, input: ctx.value, continue: false });
  });

/**
 * The string type for multi-line free text at every boundary (IPC contract, push, Extranet, HTTP params and
 * paths). Chain `.trim()`, `.min()`, `.max()` on it as on any z.string().
 */
export const Text = (): z.ZodString => checkedString('text');

/** Single-line text: `Text()` that also refuses line breaks (names, subjects, logins, anything bound for a header). */
export const Line = (): z.ZodString => checkedString('line');

/** An e-mail address (analysts, Extranet contacts): one line, folded to lower case — it is a login too. */
export const Email = Line().trim().toLowerCase().max(200).pipe(z.email());

/** A phone number as people write it ("(11) 4002-8922 ramal 12"): one short line. */
export const Phone = Line().trim().max(30);
