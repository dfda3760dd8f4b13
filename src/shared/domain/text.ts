import { z } from 'zod';
import type { Messages } from './errors';

/** Case- and accent-folded text, so "São João" matches "sao joao" (SPEC §4: ação = acao). */
export const foldText = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

/**
 * Characters no free text may hold (SPEC §7: refused at the boundary, before anything is acknowledged):
 * - U+0000: PostgreSQL's text and jsonb refuse it, so a change holding it could never reach the server;
 * - a lone UTF-16 surrogate: not a character at all, it cannot be encoded as UTF-8;
 * - the other C0 controls and DEL, except tab, line feed and carriage return: invisible, never typed on purpose
 *   (they arrive from binary pastes and broken integrations) and they corrupt e-mail copies and exports.
 *   C1 controls (U+0080–U+009F) are storable and left alone.
 */
export type UnstorableKind = 'nul' | 'surrogate' | 'control';

export interface UnstorableCharacter {
  kind: UnstorableKind;
  /** Index of the UTF-16 code unit, counted from 0. */
  index: number;
  codeUnit: number;
}

export const unstorableCharacter = (value: string): UnstorableCharacter | null => {
  for (let i = 0; i < value.length; i += 1) {
    const unit = value.charCodeAt(i);
    if (unit === 0) return { kind: 'nul', index: i, codeUnit: unit };
    if (unit < 0x20 ? unit !== 0x09 && unit !== 0x0a && unit !== 0x0d : unit === 0x7f) return { kind: 'control', index: i, codeUnit: unit };
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
        continue;
      }
      return { kind: 'surrogate', index: i, codeUnit: unit };
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return { kind: 'surrogate', index: i, codeUnit: unit };
  }
  return null;
};

const hex = (unit: number): string => `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;

/** "contém um caractere que não pode ser guardado (NUL, U+0000, posição 13) / holds a character …" */
export const unstorableMessage = (found: UnstorableCharacter): Messages => {
  const position = found.index + 1;
  const what = {
    nul: { 'pt-BR': 'o caractere nulo', en: 'the null character' },
    surrogate: { 'pt-BR': 'um caractere Unicode incompleto', en: 'an incomplete Unicode character' },
    control: { 'pt-BR': 'um caractere de controle invisível', en: 'an invisible control character' },
  }[found.kind];
  return {
    'pt-BR': `contém ${what['pt-BR']} (${hex(found.codeUnit)}, posição ${position}), que não pode ser guardado; apague-o e tente de novo`,
    en: `holds ${what.en} (${hex(found.codeUnit)}, position ${position}), which cannot be stored; delete it and try again`,
  };
};

/**
 * The one string type for free text at every boundary (IPC contract, push, Extranet, HTTP params and paths):
 * a zod string that refuses unstorable characters, with a pt-BR / en message (describeIssues names the field by
 * its path). Chain `.trim()`, `.min()`, `.max()` on it as on any z.string().
 */
export const Text = (): z.ZodString =>
  z.string().check((ctx) => {
    const found = unstorableCharacter(ctx.value);
    if (found === null) return;
    const message = unstorableMessage(found);
    ctx.issues.push({ code: 'custom', message: `${message['pt-BR']} / ${message.en}`, input: ctx.value });
  });
